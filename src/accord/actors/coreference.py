"""References to entities already known: pronouns, surnames, "the ministry", "the sides", "the visiting minister"."""
from __future__ import annotations

from typing import Any

from ..model import Actor
from .article import ArticleActors, find_entity
from .tables import INTERNATIONAL


def resolve_references(doc: Any, table: ArticleActors, places: dict[int, tuple[int, str, str]]) -> None:
    """Pronouns, surnames, "the visiting minister", "the sides": mentions of entities already known."""
    tables = table.tables
    last_person: str | None = None
    for sent in doc.sents:
        sent_people = [m for m in table.mentions if m.kind == "person" and sent.start <= m.start < sent.end]
        for i in range(sent.start, sent.end):
            if i in table.by_token:
                m = table.by_token[i]
                if m.kind == "person" and table.deps[i] in ("nsubj", "nsubjpass"):
                    last_person = m.entity
                continue
            low = table.lowers[i]
            if table.pos[i] not in _REFERRING and low not in tables.collectives and low not in tables.visiting:
                continue  # none of the cases below (a Token is built only for the words that may refer)
            tok = doc[i]
            if tok.pos_ == "PRON" and low in tables.group_pronouns:
                eid = _antecedent(table, tok)
                if eid:
                    table.add_mention(tok.i, tok.i + 1, tok.i, eid, "group")
                continue
            if tok.pos_ == "PRON" and low in tables.person_pronouns:
                before = [m for m in sent_people if m.start < tok.i]
                eid = before[0].entity if before else (_official_speaker(table, tok) or last_person)
                if eid:
                    table.add_mention(tok.i, tok.i + 1, tok.i, eid, "person")
            elif tok.pos_ == "NOUN" and tok.text.islower() and tok.text[:1].isalpha() and \
                    any(c.lower_ == "the" for c in tok.lefts) and _institution_named(table, tok.text):
                # "the ministry reported": the institution named in full earlier in the article
                table.add_mention(tok.i, tok.i + 1, tok.i, str(_institution_named(table, tok.text)), "organisation")
            elif tok.text.islower() and tok.pos_ in ("NOUN", "PROPN") and low in tables.bloc_nouns \
                    and any(c.lower_ == "the" for c in tok.lefts) \
                    and not any(c.dep_ in ("compound", "amod") for c in tok.lefts) \
                    and (bloc := _last_bloc(table, tok.i)):
                # "OPEC ... the group's output", "NATO ... the alliance said": the organisation named last
                table.add_mention(tok.i, tok.i + 1, tok.i, bloc, "organisation")
            elif tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "") and tok.text[:1].isupper():
                eid = same_person(table, tok.text)
                if eid:
                    table.add_mention(tok.i, tok.i + 1, tok.i, eid, "person")
            elif low in tables.collectives and tok.tag_ in ("NNS", "NNPS") and _definite_pair(tok) and table.pair():
                table.add_mention(tok.i, tok.i + 1, tok.i, _collective(table), "collective")
            elif low in tables.visiting and any(c.lower_ == "visiting" for c in tok.lefts) \
                    and table.visitor_country:
                eid = resolve_nominal(table, table.visitor_country, None, True) or \
                    find_entity(table, kind="country", country=table.visitor_country)
                if eid:
                    table.add_mention(min([tok.i] + [c.i for c in tok.lefts]), tok.i + 1, tok.i, eid, "group")
    _speakers(doc, table)


def _official_speaker(table: ArticleActors, tok: Any) -> str | None:
    """ "A Brazilian minister said he had warned Lima": an unnamed official (a group with a role) who is the
    subject of the verb whose clause holds the pronoun."""
    clause = tok.head
    for _ in range(4):
        if clause.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "pcomp", "prep", "pobj", "relcl") \
                or clause.head.i == clause.i:
            break
        clause = clause.head
        for c in clause.children:
            m = table.by_token.get(c.i) if c.dep_ == "nsubj" else None
            if m is not None and m.kind == "group" and table.actor(m.entity).role:
                return m.entity
    return None


def _speakers(doc: Any, table: ArticleActors) -> None:
    """First-person pronouns of quotes, once the speakers' own pronouns ("he said") are resolved."""
    tables = table.tables
    for i, pos in enumerate(table.pos):
        if pos != "PRON" or i in table.by_token or i < table.first_token:
            continue
        tok, low = doc[i], table.lowers[i]
        if low in tables.speaker_group_pronouns or low in tables.speaker_pronouns:
            group = low in tables.speaker_group_pronouns
            eid = _speaker(table, tok, group=group)
            if eid and table.actor(eid).country:
                table.add_mention(tok.i, tok.i + 1, tok.i, eid, "group" if group else "person")


#: the parts of speech of the words resolve_references reads as references (others: by their text alone)
_REFERRING = frozenset({"PRON", "NOUN", "PROPN"})
_QUOTES = ('"', "“", "”", "'", "‘", "’")


def _speaker(table: ArticleActors, tok: Any, group: bool) -> str | None:
    """ "'We will respond,' the minister said": who speaks, for "I"; for "we", the body or country
    the speaker stands for. The speech verb is in the pronoun's sentence, or, for a quote that
    runs over sentences, in the next or the one before."""
    sents = [tok.sent]
    quoted = any(t.text in _QUOTES for t in tok.sent)
    if quoted:
        doc = table.doc
        if tok.sent.end < len(doc):
            sents.append(doc[tok.sent.end].sent)
        if tok.sent.start > 0:
            sents.append(doc[tok.sent.start - 1].sent)
    for sent in sents:
        for v in sent:
            if v.lemma_.lower() not in table.tables.speech_verbs or v.pos_ not in ("VERB", "AUX"):
                continue
            subj = [t for c in v.children if c.dep_ == "nsubj" for t in c.subtree]
            if tok.i in {t.i for t in subj}:
                continue
            found = [m for m in table.mentions_in(subj) if table.doc[m.head].pos_ != "PRON"]  # a named speaker only
            if found:
                return _stands_for(table, found[0].entity) if group else found[0].entity
    return None


def _stands_for(table: ArticleActors, eid: str) -> str:
    """The body a person speaks for: the organisation of the title, else the person's country."""
    a = table.actor(eid)
    if a.kind != "person":
        return eid
    if a.organisation:
        org = find_entity(table, kind="organisation", name=a.organisation)
        if org:
            return org
    return table.country_entity(a.country) if a.country else eid


def _antecedent(table: ArticleActors, tok: Any) -> str | None:
    """ "Hungary said it will ...": the nearest earlier subject that is a country, organisation or group;
    "the group's spokesman said it would ...": the body the speaker stands for."""
    best = None
    for m in table.mentions:
        if m.start >= tok.i or m.kind == "collective" or tok.i - m.start > 60:
            continue
        if m.kind == "person":
            a = table.actor(m.entity)
            head = table.doc[m.head]
            speaks = a.organisation or set((a.role or "").lower().split()) & table.tables.speaking_for
            if speaks and head.dep_ == "nsubj" and head.head.lemma_.lower() in table.tables.speech_verbs \
                    and tok.i in {t.i for t in head.head.subtree}:
                best = _stands_for(table, m.entity)
            continue
        head = table.doc[m.head]
        if head.dep_ in ("amod", "compound", "poss") and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head  # "French farmers said they ..."
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head  # "a group of Yoruba leaders announced that they ..."
        if head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "conj" and head.head.dep_ in ("nsubj", "nsubjpass")):
            best = m.entity  # the last found: groups and bodies after the countries they name
    return best


def _last_bloc(table: ArticleActors, before: int) -> str | None:
    """The international organisation (IGO, EUR, UNO, ...) mentioned last before the token."""
    found = [m for m in table.mentions if m.start < before and table.actor(m.entity).kind == "organisation"
             and table.place_hits.get(m.start, (0, "", ""))[2] != "capital"  # named, not its seat ("in Brussels")
             and table.actor(m.entity).country in INTERNATIONAL]
    return max(found, key=lambda m: m.start).entity if found else None


def _institution_named(table: ArticleActors, word: str) -> str | None:
    """The one organisation of the article whose name ends with this word ("Defence Ministry" for "ministry")."""
    found = [e.id for e in table.entities.values() if e.actor.kind == "organisation" and e.actor.country
             and (e.actor.name or "").lower().split()[-1:] == [word.lower()]]
    return found[0] if len(found) == 1 else None


def _definite_pair(tok: Any) -> bool:
    """ "the sides", "both countries", "the two ministers"; not "the first countries" or "the Italian delegations"."""
    words = {c.lower_ for c in tok.lefts}
    return bool(words & {"the", "both", "two"}) and words <= {"the", "both", "two", "these", "respective"}


def _collective(table: ArticleActors) -> str:
    """The one entity for "the sides"; the event coder expands it to table.pair()."""
    if table.collective_id is None:
        table.collective_id = table.new_entity(Actor(None, (), "both sides", None, None, "group"))
    return table.collective_id


def same_person(table: ArticleActors, name: str) -> str | None:
    parts = name.split()
    for e in table.entities.values():
        other = e.actor.name
        if e.actor.kind != "person" or not other:
            continue
        if other == name or (len(parts) == 1 and parts[0] == other.split()[-1]) or \
                (len(other.split()) == 1 and other == parts[-1]):
            return e.id
    return None


def resolve_nominal(table: ArticleActors, code: str, role: str | None, visitor: bool) -> str | None:
    """A known person of that country whose role fits ("the Italian defense minister" -> Crosetto)."""
    best = None
    for e in table.entities.values():
        a = e.actor
        if a.kind != "person" or a.country != code:
            continue
        if visitor or (role and a.role and table.tables.spelled(role) in table.tables.spelled(a.role)):
            best = e.id
    return best

