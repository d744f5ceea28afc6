"""Countries the text leaves unstated: an official's from his institution or the article's country, a group's from its sentence or possessor."""
from __future__ import annotations

from ..model import Actor
from .article import ArticleActors
from .tables import INTERNATIONAL


_SETTINGS = ("in", "at", "near", "inside", "outside", "across", "throughout", "around")


def infer_countries(table: ArticleActors) -> None:
    """An official whose country the text does not state belongs to the institution of his title
    named in the article ("Defence Minister X" beside "the Azerbaijani Defence Ministry"), else to
    the article's most mentioned country, as an unqualified official does in news copy."""
    all_counts = table.country_counts()
    acting = table.country_counts(skip=lambda m: _of_a_thing(table, m.head))
    counts = acting.most_common(2)
    # only an article about one country makes that country every unqualified official's
    home = counts[0][0] if counts and counts[0][1] >= 2 and (len(counts) == 1 or counts[0][1] >= 2 * counts[1][1]) else None
    named = {c for c in all_counts if c not in INTERNATIONAL}
    named |= {code for _, code, _ in table.place_hits.values() if code not in INTERNATIONAL}
    single = home is None and len(named) == 1 and _only_setting(table, next(iter(named)))
    if single:
        home = next(iter(named))  # "Vice-President X declined ... the Kenya Anti-Corruption Commission": the one country named
    for e in table.entities.values():
        a = e.actor
        if a.kind == "group" and a.country is None and home and (
                (a.role or "").startswith("ethnic ") or set(a.sectors) & table.tables.state_sectors):
            # "ethnic Albanians have sworn to fight", "Authorities lifted the curfew" in an article
            # about one country: that country's
            e.actor = Actor(home, a.sectors, a.name, a.role, a.organisation, a.kind, a.entity)
            continue
        if a.kind != "person" or a.country:
            continue
        if a.organisation:
            # "ABS-CBN chief executive Carlo Katigbak": the country of the body he works for
            org = next((o.actor.country for o in table.entities.values() if o.actor.kind == "organisation"
                        and o.actor.name == a.organisation and o.actor.country), None)
            if org:
                e.actor = Actor(org, a.sectors, a.name, a.role, a.organisation, a.kind, a.entity)
                continue
        if not a.role:
            if home and not single:  # a person of no title in a report about one country is of that country
                e.actor = Actor(home, a.sectors, a.name, a.role, a.organisation, a.kind, a.entity)
            continue
        words = {table.tables.spelled(w) for w in a.role.split()} - table.tables.generic_titles
        country = None
        for o in table.entities.values():
            if o.actor.kind == "organisation" and o.actor.country and o.actor.name and \
                    words & {table.tables.spelled(w) for w in o.actor.name.split()}:
                country = o.actor.country
                break
        country = country or home
        if country:
            e.actor = Actor(country, a.sectors, a.name, a.role, a.organisation, a.kind, a.entity)


def _only_setting(table: ArticleActors, code: str) -> bool:
    """The country is named only as a setting ("Kenya's anti-corruption body", "in Algiers",
    "Pakistani"), never as a party ("action against Russia", "visited Peru"): then it is the
    home of the article's officials of no stated country."""
    heads = [table.doc[end - 1] for start, (end, c, _) in table.place_hits.items() if c == code]
    for tok in heads:
        if tok.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod", "appos"):
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in tok.sent):
            continue  # a dateline or header: "SRINAGAR, India (Reuters) -"
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "of", "within", "throughout", "across", "inside", "around"):
            continue
        return False
    return bool(heads)


def groups_of_the_sentence(table: ArticleActors) -> None:
    """ "The Umma party said it will boycott Algeria's elections": a group of no stated country
    belongs to the one country its sentence names (never applied to persons)."""
    for sent in table.doc.sents:
        inside = [m for m in table.mentions if sent.start <= m.head < sent.end and m.kind != "collective"]
        named = {table.actor(m.entity).country for m in inside if not _of_a_thing(table, m.head)}
        countries = {c for c in named if c is not None and len(c) == 3 and c not in INTERNATIONAL}
        if not countries:
            # "Insurgents detonated a car bomb ... in Baghdad": the one place the sentence names
            countries = {code for start, (_, code, kind) in table.place_hits.items()
                         if sent.start <= start < sent.end and kind in ("name", "capital") and code not in INTERNATIONAL}
        if len(countries) != 1:
            continue
        code = countries.pop()
        for m in inside:
            e = table.entities[m.entity]
            if e.actor.kind == "group" and e.actor.country is None and e.actor.name != "both sides":
                a = e.actor
                e.actor = Actor(code, a.sectors, a.name, a.role, a.organisation, a.kind, a.entity)


def _of_a_thing(table: ArticleActors, head: int) -> bool:
    """ "would buy U.S. cars", "tariffs on Japanese goods": a country named as the kind of a thing
    (not as its owner, not of an actor) says nothing of whose the sentence's groups are."""
    tok = table.doc[head]
    thing = tok.head
    if tok.dep_ not in ("amod", "compound") or thing.pos_ not in ("NOUN", "PROPN") or thing.i in table.by_token:
        return False
    return not (thing.dep_ == "pobj" and thing.head.lower_ in _SETTINGS)  # "in the Guinean capital" is a setting


def possessed_groups(table: ArticleActors) -> None:
    """ "Russia withdrew its troops": a group of no stated country belongs to its possessor."""
    for m in table.mentions:
        e = table.entities[m.entity]
        if e.actor.kind != "group" or e.actor.country:
            continue
        owner = next((table.by_token.get(c.i) for c in table.doc[m.head].children if c.dep_ == "poss"), None)
        country = table.actor(owner.entity).country if owner is not None and owner.entity != m.entity else None
        if country:
            a = e.actor
            e.actor = Actor(country, a.sectors, a.name, a.role, a.organisation, a.kind, a.entity)
