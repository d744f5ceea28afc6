"""Whose a figure is: its holder and counterpart country, from the structure of its clause.

Every country the sentence names takes a part relative to the figure: `own` (it modifies the
figure's noun: "Nigeria's 19 billion dlr debt", "400 American troops"), `goods` (it modifies
what the money is of: "1.8 billion dlrs of Korean goods"), `subject` (of the figure's clause,
through relative clauses: "Turkey, which has 30,000 troops in Cyprus"), `recipient` ("paid
Greece", "to X"), or the part its preposition gives it (data/vocabulary.yaml,
figure_prepositions). What the figure is of (figure_kinds) orders these parts: the payer,
donor or lender of a transfer, the debtor of a debt, the exporter of goods taxed, the levier of
a tariff rate, the nationality of troops. An event of the clause fills what the sentence leaves
out; a trade balance, a transfer or a tariff with no second country stated faces the other
country of the article's main pair.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .actors import ArticleActors
from .model import Event
from .vocabulary import Vocabulary

_MODIFIERS = ("poss", "amod", "compound", "nmod", "nummod", "quantmod", "npadvmod", "det")
_OF_WORDS = ("of", "in", "worth")  # "dlrs of U.S. goods", "dlrs in Japanese exports", "dlrs worth of U.S. wheat"
_VALUE_WORDS = ("of", "at", "for")  # the noun before them is what the figure is: "a deficit of", "the shortfall, at"
_PAIRED_KINDS = ("balance", "levy", "quota", "give", "receive", "buy")  # a figure between two countries by nature
_TRANSFER_KINDS = ("give", "receive", "buy", "levy")  # an event of the clause states who pays whom


@dataclass(frozen=True, slots=True)
class Party:
    """A country the figure's sentence names, and its part relative to the figure."""

    country: str
    role: str
    token: int


@dataclass(frozen=True)
class Context:
    """What the article says around a figure's sentence: its events, its own country (`topic`), and the
    parts the countries of the paragraph's sentence before took (for a sentence that names none)."""

    events: tuple[Event, ...] = ()
    topic: str | None = None
    before: tuple[Party, ...] = ()


def figure_parties(span: Any, fact_type: str, actors: ArticleActors, words: Vocabulary, *,
                   segment: list[Any], context: Context = Context()) -> tuple[str | None, str | None]:
    """The holder and counterpart of the figure over `span` (doc tokens), read in its clause (`segment`).

    A sentence that names no country takes the parts of the paragraph's sentence before; a figure
    still without holder is the article's own country's, unless it is a market statistic."""
    things, goods = _things(span, fact_type, words)
    verb = clause_verb(span.root)
    kind = figure_kind(span, things, goods, verb, words)
    if fact_type == "percent" and kind == "receive":
        kind = "other"  # "the party won 20 pct of the vote": a share, not a transfer
    subject = _subject(verb, span, actors)
    parties = _parties(span, things, goods, verb, subject, segment, actors, words)
    parties += _implied(things, subject, parties, context.topic, words)
    if kind == "levy" and (verb is None or verb.lemma_.lower() not in words.levy_verbs):
        # "Argentina will benefit from a quota at 10 pct duty": who benefits levies nothing
        parties = [Party(p.country, "affected", p.token) if p.role == "subject" else p for p in parties]
    if kind in _TRANSFER_KINDS:
        parties += _from_events(verb, context.events, actors, parties)
    market = is_market(segment, words)
    if not parties and not market:
        parties = list(context.before)
    holder, counterpart = choose(kind, fact_type, parties)
    if _in_exchange(span, words) and holder and counterpart:
        holder, counterpart = counterpart, holder  # "X will supply Y with goods in exchange for 100,000 bpd of crude"
    if holder is None and context.topic and not market:
        if context.topic != counterpart:
            holder = context.topic
        elif kind not in ("receive",):
            holder, counterpart = counterpart, None  # "the largest network in the Philippines, with 42 stations"
    if counterpart is None and holder is not None and kind in _PAIRED_KINDS:
        counterpart = _pair_partner(actors, holder) or (context.topic if context.topic != holder else None)
    if holder is None and counterpart is not None and kind in _PAIRED_KINDS and not market and fact_type == "money" \
            and not _giver_stated(segment):
        holder = _pair_partner(actors, counterpart)  # "Peru will receive 70 mln dlrs": from the article's other party
    return holder, counterpart


def sentence_parties(sent: Any, actors: ArticleActors, words: Vocabulary) -> tuple[Party, ...]:
    """The parts a sentence's countries take in its main clause: a figure of the next sentence that names
    no country belongs to them ("Uruguay will gain from quotas on sales to the EC. The quota on wool
    will rise by 3,000 tonnes")."""
    verb = sent.root if sent.root.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return ()
    subject = _subject(verb, sent[0:0], actors)
    subject_tokens = _phrase(subject) if subject is not None else set()
    out = []
    for m in actors.mentions_between(sent.start, sent.end):
        actor = actors.actor(m.entity)
        if actor.country and "MED" not in actor.sectors and m.kind != "collective":
            role = _role(actors.doc[m.head], set(), set(), subject_tokens, verb, words)
            out.append(Party(actor.country, role, m.head))
    return tuple(out)


def _giver_stated(segment: list[Any]) -> bool:
    """ "Mexico will get 6 billion dlrs in loans from commercial banks": the clause names a giver of no country."""
    return any(t.lower_ == "from" and any(c.dep_ == "pobj" and c.pos_ == "NOUN" for c in t.children) for t in segment)


def _in_exchange(span: Any, words: Vocabulary) -> bool:
    """The figure is what is given back: "in exchange for", "in return for"."""
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "for" or prep.i < 2:
        return False
    return prep.head.lower_ in words.exchange_nouns or span.doc[prep.i - 1].lower_ in words.exchange_nouns  # either parse


def is_market(segment: list[Any], words: Vocabulary) -> bool:
    """The tokens tell a market statistic ("oil prices fell to 18 dlrs"), which no country holds."""
    return any(t.lower_ in words.market_nouns for t in segment)


def _things(span: Any, fact_type: str, words: Vocabulary) -> tuple[list[Any], list[Any]]:
    """The nouns the figure is ("19 billion dlr foreign debt": dlr, debt) and those it is of ("of U.S. goods";
    for a count, "in" names a place: "troops in Cyprus"). What a measure is of is the figure's own noun ("the
    volume of Chinese investment": the investment is the figure, China its investor)."""
    of_words = _OF_WORDS if fact_type != "count" else ("of",)
    root = span.root
    things = [root]
    tok = root
    while tok.dep_ in ("compound", "nummod", "amod", "nmod", "npadvmod", "quantmod", "appos") \
            and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i and len(things) < 3:
        tok = tok.head  # "19 billion dlr foreign debt"; "the trade balance - nearly six billion dlrs"
        things.append(tok)
    described = _described(root) if fact_type != "count" else None  # "artillery killed 14 civilians": no description
    if described is not None:
        things.append(described)
    things += [f for f, prep in _frames(span) if prep in _VALUE_WORDS and f.dep_ != "compound" and f not in things]
    things += [o for t in things if t.lemma_.lower() in words.measure_nouns for prep in t.children
               if prep.dep_ == "prep" and prep.lower_ == "of" for o in prep.children if o.dep_ == "pobj"]
    goods = []
    for t in things:
        for prep in t.children:
            if prep.dep_ in ("prep", "amod", "advmod") and prep.lower_ in of_words:
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                objs += [c for p2 in prep.children if p2.dep_ == "prep" and p2.lower_ == "of" for c in p2.children
                         if c.dep_ == "pobj"]  # "worth of"
                goods += [o for obj in objs for o in (obj, *[c for c in obj.children if c.dep_ == "conj"])]
    return things, goods


def _described(root: Any) -> Any:
    """ "The deficit, which fell to 2.9 billion dollars", "the debt was 12 billion dlrs": the noun a clause
    gives the figure of, its subject where that is no actor's name."""
    tok = root.head if root.dep_ == "pobj" else root
    if tok.dep_ not in ("prep", "attr", "dobj", "oprd") or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = tok.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    while subj is None and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "was projected to top 10 billion": the subject of "projected"
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subj = verb.head
    if subj is None or subj.pos_ != "NOUN":
        return None
    return subj


def clause_verb(tok: Any) -> Any:
    """The verb whose clause states the figure (None when it hangs from no verb)."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def figure_kind(span: Any, things: list[Any], goods: list[Any], verb: Any, words: Vocabulary) -> str:
    """What the figure is of (a key of figure_kinds, or "other"), from the words of its phrase and clause."""
    frames = _frames(span)
    nouns = things + [g for g in goods if g.dep_ != "conj"] + [f for f, prep in frames if prep in _VALUE_WORDS]
    near = {t.lemma_.lower() for t in nouns} | {t.lower_ for t in nouns}
    clause = set(near) | {f.lemma_.lower() for f, _ in frames}
    if verb is not None:
        clause |= {verb.lemma_.lower()} | {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")}
        clause |= {c.lemma_.lower() for c in verb.children if c.dep_ == "compound"}
    for kind in ("debt", "balance"):
        if clause & set(words.figure_kinds[kind]):
            return kind
    levies = set(words.figure_kinds["levy"])
    if near & levies:
        return "levy"  # "100 pct tariffs", "300 mln dlrs in tariffs": the tariff itself
    if clause & levies or clause & set(words.figure_kinds["quota"]):
        return "quota"  # "tariffs on 300 mln dlrs in Japanese exports": the goods taxed
    for kind in ("buy", "receive", "give"):
        if clause & set(words.figure_kinds[kind]):
            return kind
    return "other"


def _frames(span: Any) -> list[tuple[Any, str]]:
    """The nouns a figure is the object of, with the preposition: "a purchase plan of 900 mln dlrs",
    "tariffs on 300 mln dlrs" (by the parse, and by the words just before the figure, which a wrong
    attachment keeps: "rescheduling of some 1.4 billion dlrs")."""
    found = []
    root = span.root
    if root.dep_ == "pobj" and root.head.head.pos_ in ("NOUN", "PROPN") and root.head.head.i != root.head.i:
        found.append((root.head.head, root.head.lower_))
    i = span.start - 1
    while i > 0 and span.doc[i].dep_ in ("quantmod", "advmod", "det", "amod") and span.doc[i].pos_ != "NOUN":
        i -= 1  # "rescheduling of some", "tariffs on as much as"
    noun = i - 2 if i > 1 and span.doc[i - 1].text == "," else i - 1  # "Italy's trade gap, at 4.2 billion"
    if i > 0 and span.doc[i].pos_ == "ADP" and span.doc[noun].pos_ == "NOUN":
        found.append((span.doc[noun], span.doc[i].lower_))
    return found + [(c, prep) for f, prep in found for c in f.children if c.dep_ == "compound"]


def _implied(things: list[Any], subject: Any, parties: list[Party], topic: str | None,
             words: Vocabulary) -> list[Party]:
    """ "the country's 3,600 trade agents", "the government would buy", "its planned imports": a state named
    by a common noun or a pronoun, with no country of its own in the article's table, is the article's."""
    if topic is None:
        return []
    found = []
    own = [c for t in things for c in t.children if c.dep_ == "poss"]
    for tok, role in [(c, "own") for c in own] + ([(subject, "subject")] if subject is not None else []):
        if any(p.role == role for p in parties) or tok.ent_type_:
            continue
        if tok.lemma_.lower() in words.state_nouns or tok.lower_ in ("its", "their"):
            found.append(Party(topic, role, tok.i))
    return found


def _parties(span: Any, things: list[Any], goods: list[Any], verb: Any, subject: Any, segment: list[Any],
             actors: ArticleActors, words: Vocabulary) -> list[Party]:
    inside = {t.i for t in segment} | {t.i for t in span}
    subject_tokens = _phrase(subject) if subject is not None else set()
    own_heads = {t.i for t in things}
    goods_heads = {t.i for t in goods}
    out: list[Party] = []
    pair: list[Party] = []
    for m in actors.mentions_between(span.sent.start, span.sent.end):
        actor = actors.actor(m.entity)
        if m.kind == "collective" and m.head in inside and actors.doc[m.head].head.lower_ == "between":
            pair = _pair_parties(actors, m)  # "trade between the two countries": the article's pair, first named first
            continue
        if not actor.country or "MED" in actor.sectors or m.kind == "collective":
            continue
        tok = actors.doc[m.head]
        if m.head not in inside and m.head not in subject_tokens:
            continue
        if span.start <= m.head < span.end and not _names_country(actors, m, actor.country):
            continue  # "30,000 troops in Cyprus": the counted noun's country was only guessed from the place
        role = _recipient(tok, span, verb) or _role(tok, own_heads, goods_heads, subject_tokens, verb, words)
        out.append(Party(actor.country, role, m.head))
    return out or pair


def _pair_parties(actors: ArticleActors, m: Any) -> list[Party]:
    pair = actors.pair(actors.doc[m.head].lower_)
    if not pair:
        return []
    first, second = actors.actor(pair[0]).country, actors.actor(pair[1]).country
    return [Party(first, "joint", m.head), Party(second, "partner", m.head)] if first and second else []


def _phrase(head: Any) -> set[int]:
    """A noun phrase's tokens, less its relative clauses and prepositional phrases."""
    out = {head.i}
    for c in head.children:
        if c.dep_ not in ("relcl", "acl", "prep", "advcl", "punct"):
            out |= _phrase(c)
    return out


def _names_country(actors: ArticleActors, m: Any, country: str) -> bool:
    return any(hit[1] == country for i, hit in actors.place_hits.items() if m.start <= i < m.end)


def _recipient(tok: Any, span: Any, verb: Any) -> str | None:
    """ "paid Greece 50 mln dlrs": a name right after the verb and right before the figure receives it."""
    doc = span.doc
    if verb is None or not verb.i < tok.i < span.start or doc[tok.i + 1].lower_ in ("'s", "’s") \
            or tok.pos_ == "ADJ" or tok.dep_ in ("amod", "poss", "compound"):
        return None
    between = [t for t in doc[verb.i + 1:span.start] if t.ent_iob_ == "O" and t.pos_ not in ("DET",)]
    return "recipient" if not between or all(t.pos_ in ("ADV", "ADP") and t.dep_ in ("advmod", "quantmod") for t in between) \
        else None


def _role(tok: Any, own: set[int], goods: set[int], subject: set[int], verb: Any, words: Vocabulary) -> str:
    """The part of a country mention, from the words that attach it to the figure's phrase or clause."""
    head = tok
    while head.dep_ in _MODIFIERS + ("appos", "conj") and head.head.i != head.i:
        if head.dep_ == "poss" and head.head.lower_ in words.holder_nouns:
            return "holder_noun"  # "in Japan's favour"
        if head.head.i in own and head.dep_ in _MODIFIERS:
            return "holder_noun" if head.head.lower_ in words.holder_nouns else "own"
        if head.head.i in goods and head.dep_ in _MODIFIERS:
            return "goods"
        head = head.head
    if head.i in own:
        return "own"
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "relcl" and head.head.head.i in own:
        return "own"  # "the debt Ecuador owes to Japan": the subject of the figure's noun's relative clause
    if head.i in goods:
        return "goods"
    if head.lower_ in words.holder_nouns:
        return "holder_noun"  # "in Japan's favour"
    if head.dep_ == "pobj":
        prep = head.head
        if prep.lower_ == "of" and prep.head.i in own:
            return "own"  # "the debt of Nigeria"
        if prep.lower_ == "between" and tok.dep_ != "conj":
            return "joint"  # "trade between Azerbaijan and Italy": the first named, then its partner
        if prep.head.lower_ in words.holder_nouns:
            return "holder_noun"
        return words.figure_prepositions.get(prep.lower_, "other")
    if head.i in subject or tok.i in subject:
        return "subject"
    if verb is not None and head.dep_ == "dobj" and head.head.i == verb.i \
            and verb.lemma_.lower() in words.figure_kinds["receive"]:
        return "source"  # "asked Congress for 910 mln dlrs": the one asked gives
    if head.dep_ in ("dative", "iobj") or (head.dep_ in ("dobj", "nmod", "npadvmod") and verb is not None
                                            and head.head.i == verb.i and head.i < _first_number(verb)
                                            and tok.dep_ != "poss"):
        return "recipient"  # "paid Greece 50 mln dlrs"; not "cut its output by 7 pct"
    if tok.dep_ == "poss":
        return "possessor"  # "pegged the group's output at 15.8 mln bpd at prices of 18 dlrs"
    return "other"


def _first_number(verb: Any) -> int:
    return next((t.i for t in verb.subtree if t.like_num), 10**9)


def _subject(verb: Any, span: Any, actors: ArticleActors) -> Any:
    """The subject of the figure's clause, looking through relative, open and coordinated clauses (and past a
    pronoun that names no actor: "rebel spokesman Ali said it had fired six rockets at the depot")."""
    tok = verb
    for _ in range(6):
        if tok is None:
            return None
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        agent = next((p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
        if agent is not None:
            return agent  # "aid appropriated by Congress"
        inside = subj is not None and len(span) > 0 and any(t.i == span.root.i for t in subj.subtree)
        if subj is not None and inside and subj.i not in (span.root.i, span.root.head.i):
            return None  # "frustration over the balance - six billion dlrs - has reached ...": no other subject
        if subj is not None and not inside:
            if subj.lower_ in ("which", "who", "that") and tok.dep_ == "relcl":
                return tok.head  # "Turkey, which has 30,000 troops in Cyprus"
            if not (subj.pos_ == "PRON" and actors.mention_at(subj.i) is None):
                return subj
        if tok.dep_ == "relcl" and subj is None:
            return None
        if tok.dep_ == "acl" and subj is None and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head  # "a Kuwaiti tanker carrying 80,000 tonnes of crude": the tanker carries it
        owner = _doer_of_noun(tok) if subj is None else None
        if owner is not None:
            return owner  # "praised Israel's success in slashing inflation to 20 pct": Israel slashed it
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _doer_of_noun(verb: Any) -> Any:
    """The possessor of the noun a verb of no subject completes ("Israel's success in cutting", "Peru's plan to
    repay"): the one who does it."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    noun = verb.head.head if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" else verb.head if verb.dep_ == "acl" else None
    if noun is None or noun.pos_ != "NOUN":
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def _from_events(verb: Any, events: tuple[Event, ...], actors: ArticleActors, parties: list[Party]) -> list[Party]:
    """ "A paid B <amount>": the event whose trigger states the figure gives its source and target."""
    if verb is None or not events or any(p.role == "subject" for p in parties):
        return []
    for e in events:
        if e.trigger.start <= verb.idx < e.trigger.end and e.source.country:
            found = [Party(e.source.country, "subject", verb.i)]
            if e.target is not None and e.target.country:
                found.append(Party(e.target.country, "recipient", verb.i))
            return found
    return []


# the parts that may hold a figure of each kind, in order; then those that may be its counterpart
_HOLDERS = {
    "debt": ("own", "goods", "subject", "holder_noun"),
    "balance": ("holder_noun", "own", "subject", "joint"),
    "levy": ("subject", "own"),
    "quota": ("goods", "own", "subject", "joint"),
    "buy": ("subject", "own"),
    "receive": ("source", "goods", "own"),
    "give": ("own", "subject", "joint"),
    "other": ("own", "holder_noun", "subject", "joint", "possessor"),
    "percent": ("own", "subject", "joint", "possessor"),
}
_COUNTERPARTS = {
    "debt": ("recipient",),
    "balance": ("partner", "other", "recipient", "whole", "subject"),
    "levy": ("target", "goods", "recipient", "place", "partner", "affected", "whole"),
    "quota": ("recipient", "partner", "subject", "place", "target"),
    "buy": ("source", "goods", "partner", "recipient", "place"),
    "receive": ("subject", "recipient"),
    "give": ("recipient", "place", "target", "partner", "goods", "source"),
    "other": ("place", "recipient", "target", "partner", "source", "goods", "whole", "subject"),
    "percent": ("whole", "place", "recipient", "target", "partner", "source", "goods"),
}


def choose(kind: str, fact_type: str, parties: list[Party]) -> tuple[str | None, str | None]:
    """The holder and counterpart from the parts the sentence's countries take."""
    key = "percent" if kind == "other" and fact_type == "percent" else kind
    holder = _first(parties, _HOLDERS[key])
    counterpart = _first([p for p in parties if p.country != holder], _COUNTERPARTS[key])
    return holder, counterpart


def _first(parties: list[Party], roles: tuple[str, ...]) -> str | None:
    for role in roles:
        found = [p for p in parties if p.role == role]
        if found:
            return found[0].country
    return None


def _pair_partner(actors: ArticleActors, holder: str) -> str | None:
    """The other country of the article's main pair, where the holder is one of it."""
    counts = actors.country_counts().most_common(2)
    pair = [c for c, n in counts if n >= 2]
    if len(pair) == 2 and holder in pair:
        return pair[1] if pair[0] == holder else pair[0]
    return None
