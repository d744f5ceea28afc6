"""Event coding: PLOVER 2.0 type, mode and contexts with a CAMEO code, from triggers in data/triggers.yaml.

A trigger is a verb or noun lemma; the parse gives source (subject, agent, possessor) and
target (object, prepositional object). Negated and merely possible events are dropped;
future acts and intentions become AGREE (or THREATEN for hostile acts). Every event keeps
its evidence, trigger and rule, and `explain` lists why each fired.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from . import dates
from .actors import INTERNATIONAL, ArticleActors, Mention
from .errors import InputError
from .model import EVENT_TYPES, QUAD_CLASS, Actor, Event, FuzzyDate, Location, Span
from .places import Gazetteer, stated_location
from .user_files import check_trigger_file

REPORTING = {"say", "report", "announce", "tell", "state", "inform", "add", "note", "claim", "confirm", "quote"}
CONCLUDING = {"conclude", "declare", "insist", "stress", "argue", "maintain", "write"}  # "X concluded that Y must ..."
INTENT = {"willing", "ready", "prepared", "determined", "eager", "set", "plan", "intend", "promise", "pledge", "offer", "expect", "prepare", "hope", "want", "seek",
          "vow", "aim", "propose", "agree", "consider", "wish", "undertake", "commit", "go"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
DOUBT_AUX = {"may", "might", "could", "should", "must", "can"}
DENY = {"deny", "reject", "rule", "dismiss", "cancel", "postpone", "avoid", "stop"}
REFUSE = {"fail", "refuse", "decline"}
PAST_MARKS = {"recent", "last", "previous", "earlier", "past", "former", "first"}
NOT_AN_EVENT_MARKS = {"future", "possible", "potential", "mutual", "reciprocal", "regular", "frequent", "such",
                      "planned", "upcoming", "proposed", "any", "further", "new", "more"}
PLURAL_NOUN_OK = {"talk", "negotiation", "consultation", "discussion", "airstrike", "strike", "clash", "sanction",
                  "hostility", "exercise", "game", "maneuver", "manoeuvre", "protest", "demonstration", "riot", "attack",
                  "drill", "patrol", "war-game", "wargame"}
TARGET_PREPS = ("with", "to", "against", "on", "for", "at", "from", "toward", "towards", "into", "over", "upon", "of", "out",
                "behind", "by")
TIME_NOUNS = {"morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year", "time", "date"}
DOMESTIC = {"PROTEST", "COERCE", "CONCEDE", "ASSAULT", "MOBILIZE", "RETREAT"}
COOPERATIVE = {"AGREE", "SUPPORT", "CONSULT", "COOPERATE"}  # acts done with a partner, never with one's own country
# a resignation, surrender or withdrawal with no stated counterpart has no target (the people are no party to it)
NO_DEFAULT_TARGET = {"RETREAT"}
STATIVE_PASSIVES = {"commit", "determine", "prepare", "resolve", "dedicate", "devote", "oblige"}
AGREE_CAMEO = {"CONSULT": "036", "SUPPORT": "030", "COOPERATE": "030", "AID": "033", "CONCEDE": "035",
               "RETREAT": "035"}
CONTEXT_WORDS = {"military": "military", "defense": "military", "defence": "military", "army": "military",
                 "troops": "military", "economic": "economic", "economy": "economic", "trade": "economic",
                 "investment": "economic", "energy": "economic", "diplomatic": "diplomatic", "embassy": "diplomatic",
                 "education": "education", "training": "education", "refugees": "refugees", "aid": "humanitarian"}


@dataclass(frozen=True)
class Rule:
    """One trigger rule of data/triggers.yaml."""

    id: str
    type: str
    cameo: str | None = None
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    with_: frozenset[str] = frozenset()
    light: frozenset[str] = frozenset()
    absorbs: bool = False
    swap: bool = False
    phrase: tuple[str, ...] = ()
    needs_target: bool = False  # fires only with an actor as its object ("allowed X to ...")
    to_people: bool = False  # fires only when done "to" people ("opened its borders to refugees")
    recipient_first: bool = False  # the "to" party is the target before the object ("extradited X to Y")
    object_actor: bool = False  # the target must be the verb's object itself ("released two engineers", not "a statement")


#: "X said Y must ..." is a demand by X on Y, whatever the inner verb
MUST_RULE = Rule(id="said-must", type="REQUEST", cameo="100", absorbs=True, needs_target=True)


@dataclass(frozen=True)
class Dictionary:
    """Trigger rules indexed by verb and noun lemma."""

    rules: tuple[Rule, ...]
    by_verb: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    by_noun: dict[str, tuple[Rule, ...]] = field(default_factory=dict)


def load_dictionary(user_file: str | None = None) -> Dictionary:
    """The shipped trigger rules followed by a user's; a user rule with a shipped id replaces it."""
    return _load_dictionary(user_file)


@lru_cache(maxsize=8)
def _load_dictionary(user_file: str | None) -> Dictionary:
    text = (resources.files("accord") / "data" / "triggers.yaml").read_text(encoding="utf-8")
    rows = list(yaml.safe_load(text))
    if user_file:
        path = Path(user_file)
        if not path.is_file():
            raise InputError(str(path), "user trigger file not found")
        check_trigger_file(path)  # names the file and line of a rule without a PLOVER type
        extra = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        ids = {r.get("id") for r in extra}
        rows = [r for r in rows if r.get("id") not in ids] + list(extra)
    rules = tuple(_rule(r, n) for n, r in enumerate(rows, 1))
    by_verb: dict[str, list[Rule]] = defaultdict(list)
    by_noun: dict[str, list[Rule]] = defaultdict(list)
    for rule in rules:
        for v in rule.verbs:
            by_verb[v].append(rule)
        for n in rule.nouns:
            by_noun[n].append(rule)
    # rules that name their object are more specific: try them first
    order = lambda rs: tuple(sorted(rs, key=lambda r: (not r.with_, not r.light, not r.phrase)))  # noqa: E731
    return Dictionary(rules, {k: order(v) for k, v in by_verb.items()}, {k: order(v) for k, v in by_noun.items()})


def _rule(row: dict[str, Any], n: int) -> Rule:
    if row.get("type") not in EVENT_TYPES:
        raise InputError(f"triggers:{n}", f"rule {row.get('id')!r} has type {row.get('type')!r}, not a PLOVER type")
    low = lambda xs: frozenset(str(x).lower() for x in xs or ())  # noqa: E731
    return Rule(id=str(row["id"]), type=row["type"], cameo=str(row["cameo"]) if row.get("cameo") else None,
                mode=row.get("mode") or None, contexts=tuple(row.get("contexts") or ()), verbs=low(row.get("verbs")),
                nouns=low(row.get("nouns")), with_=low(row.get("with")), light=low(row.get("light")),
                absorbs=bool(row.get("absorbs")), swap=bool(row.get("swap")),
                phrase=tuple(str(p).lower() for p in row.get("phrase") or ()), needs_target=bool(row.get("needs_target")), to_people=bool(row.get("to_people")),
                recipient_first=bool(row.get("recipient_first")), object_actor=bool(row.get("object_actor")))


# ---------------------------------------------------------------- finding triggers

@dataclass
class _Hit:
    rule: Rule
    token: Any
    kind: str  # verb or noun
    anchor: Any  # the verb whose clause carries the event (the noun's light/governing verb)


def _object_lemmas(tok: Any) -> set[str]:
    out = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative"):
            out.add(c.lemma_.lower())
            out.update(p.lemma_.lower() for x in c.children if x.dep_ == "prep" and x.lower_ == "of"
                       for p in x.children if p.dep_ == "pobj")
            out.update(cc.lemma_.lower() for cc in c.conjuncts)
            out.update(x.lemma_.lower() for x in c.children if x.dep_ == "compound")
        if c.dep_ == "prep":
            out.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
            # "walked out of the talks" parsed as two prepositions
            out.update(p.lemma_.lower() for x in c.children if x.dep_ == "prep" for p in x.children if p.dep_ == "pobj")
        if c.dep_ == "prt":  # "walked out of the talks"
            out.update(p.lemma_.lower() for x in c.children if x.dep_ == "prep" for p in x.children if p.dep_ == "pobj")
        if c.dep_ in ("ccomp", "xcomp"):
            # "allowed inspectors back into the country", "allowed aid convoys to enter"
            out.update(x.lemma_.lower() for x in c.children if x.dep_ in ("nsubj", "nsubjpass"))
    if tok.dep_ in ("acl", "relcl", "amod"):
        out.add(tok.head.lemma_.lower())  # "the agreement signed by ..."
    return out


def _phrase_ok(tok: Any, phrase: tuple[str, ...]) -> bool:
    if not phrase:
        return True
    nxt = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "dobj", "advmod")}
    follow = {t.lower_ for t in tok.doc[tok.i + 1:tok.i + 4]}
    return all(p in nxt or p in follow for p in phrase)


def find_triggers(sent: Any, dictionary: Dictionary) -> list[_Hit]:
    hits: list[_Hit] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 2].whitespace_ \
                and f"{tok.doc[tok.i - 2].lower_}-{lemma}" in dictionary.by_verb:
            lemma = f"{tok.doc[tok.i - 2].lower_}-{lemma}"  # "test-fired" -> test-fire
        if tok.pos_ in ("VERB", "AUX") and lemma in dictionary.by_verb:
            objects = _object_lemmas(tok)
            for rule in dictionary.by_verb[lemma]:
                if (not rule.with_ or rule.with_ & objects) and _phrase_ok(tok, rule.phrase) \
                        and (not rule.to_people or _to_people(tok)):
                    hits.append(_Hit(rule, tok, "verb", tok))
                    break
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound" and tok.ent_type_ not in ("DATE", "TIME") \
                and any(k in dictionary.by_noun for k in _noun_keys(tok)):  # "on March 10" is no march
            governor = _governing_verb(tok)
            key = next(k for k in _noun_keys(tok) if k in dictionary.by_noun)
            for rule in dictionary.by_noun[key]:
                if rule.light:
                    if governor is None or governor.lemma_.lower() not in rule.light or not _object_of(tok, governor):
                        continue
                elif tok.tag_ in ("NNS", "NNPS") and lemma not in PLURAL_NOUN_OK:
                    continue
                elif any(c.lower_ in NOT_AN_EVENT_MARKS for c in tok.children if c.dep_ == "amod"):
                    continue
                hits.append(_Hit(rule, tok, "noun", governor if governor is not None else tok))
                break
    for tok in sent:
        if tok.lemma_.lower() in REPORTING | CONCLUDING and tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "ccomp", "conj", "parataxis"):
            for c in tok.children:
                if c.dep_ == "ccomp" and any(a.lower_ in ("must", "should") or (a.lower_ == "to" and a.head.lemma_ == "have")
                                             for a in c.children if a.dep_ in ("aux", "xcomp")):
                    hits.append(_Hit(MUST_RULE, tok, "verb", tok))
    # a verb that takes a clause as its content absorbs the events of that clause
    absorbed = set()
    for h in hits:
        if h.kind == "noun" and QUAD_CLASS[h.rule.type] == 3:
            # "its demand that Israel lift the blockade": the lifting is what is demanded, not an event
            for c in _content_clauses(h.token) + [c for c in h.token.children if c.dep_ in ("ccomp", "acl")]:
                absorbed.update(t.i for t in c.subtree)
        if h.rule.absorbs and h.kind == "verb":
            # the verb's own light-verb noun ("threatened further action") is the event itself, kept
            own = {n.token.i for n in hits if n.kind == "noun" and n.rule.light and n.anchor.i == h.token.i}
            inner = [c for c in h.token.children if c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "advcl")]
            for c in inner:
                absorbed.update(t.i for t in c.subtree if t.i not in own)
    # a light verb and its noun name one event ("expressed support" fires once, on the noun)
    # ... unless the verb's own rule names that noun ("called off a strike" is a concession, not a strike)
    specific = {(h.token.i, n.token.i) for h in hits if h.kind == "verb" and h.rule.with_
                for n in hits if n.kind == "noun" and n.rule.light and n.anchor.i == h.token.i
                and n.token.lemma_.lower() in h.rule.with_ and n.rule.type != h.rule.type}
    absorbed.update(n for _, n in specific)
    nouns_with_light = {h.anchor.i for h in hits if h.kind == "noun" and h.rule.light and h.token.i not in absorbed}
    # "hosted negotiators for peace talks": a noun of the same type inside the verb's clause is that event
    for h in hits:
        if h.kind == "verb" and h.rule.type in ("ASSAULT", "COERCE"):
            # "a car bomb killed two engineers": the weapon that is the subject is the same attack
            subject = {t.i for c in h.token.children if c.dep_ in ("nsubj", "csubj") for t in c.subtree}
            absorbed.update(n.token.i for n in hits if n.kind == "noun" and n.rule.type == h.rule.type
                            and n.token.i in subject and not n.rule.light)
        if h.kind == "verb" and not h.rule.absorbs:
            inside = {t.i for c in h.token.children if c.dep_ not in ("nsubj", "nsubjpass", "csubj") for t in c.subtree}
            absorbed.update(n.token.i for n in hits if n.kind == "noun" and n.rule.type == h.rule.type
                            and n.token.i in inside and not n.rule.light)
    return [h for h in hits if h.token.i not in absorbed and not (h.kind == "verb" and h.token.i in nouns_with_light)]


PEOPLE_NOUNS = {"refugee", "migrant", "asylum-seeker", "people", "civilian", "evacuee", "national", "citizen",
                "alien", "family", "displaced", "exile", "immigrant"}


def _to_people(verb: Any) -> bool:
    """ "opened its borders to West Africans / to refugees": the verb's "to" names people."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            for p in c.children:
                for n in [p, *p.conjuncts]:
                    if n.dep_ in ("pobj", "conj") and n.tag_ in ("NNS", "NNPS") and (
                            n.ent_type_ == "NORP" or n.lemma_.lower() in PEOPLE_NOUNS):
                        return True
    return False


def _noun_keys(tok: Any) -> list[str]:
    """Dictionary keys for a noun, most specific first: "sit-in", "cease-fire", "air strike" (as
    "air-strike"), then its own lemma; the tokenizer splits hyphenated words into three tokens."""
    lemma = tok.lemma_.lower()
    doc = tok.doc
    keys = []
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_:
        keys.append(f"{doc[tok.i - 2].lemma_.lower()}-{lemma}")
    elif tok.i >= 1 and doc[tok.i - 1].dep_ == "compound" and doc[tok.i - 1].head.i == tok.i:
        keys.append(f"{doc[tok.i - 1].lemma_.lower()}-{lemma}")
    return keys + [lemma]


def _governing_verb(tok: Any) -> Any | None:
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _object_of(noun: Any, verb: Any) -> bool:
    """ "expressed support", "expressed support and interest", "voiced a message of support"."""
    t = noun
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ not in ("of", "on", "under", "to"):  # "went on strike", "came to the defence of"
            return False
        if t.dep_ not in ("dobj", "conj", "pobj", "prep", "attr", "appos", "nsubjpass"):
            return False
        t = t.head
    return t.i == verb.i


# ---------------------------------------------------------------- modality

def _modality(hit: _Hit) -> str:
    """fact, future, negated or doubtful, read from the verb that carries the event."""
    verb = hit.anchor
    chain = [verb]
    t = verb
    while t.dep_ in ("xcomp", "aux") and t.head.i != t.i and len(chain) < 4:
        t = t.head
        chain.append(t)
    if t.dep_ == "conj" and t.head.i != t.i:
        # "X said ... and threatened": a coordinated verb shares the tense of its first verb, not its negation
        head = t.head
        if t.tag_ == "VB" and {c.lower_ for c in head.children if c.dep_ == "aux"} & FUTURE_AUX \
                and not any(c.dep_ in ("aux", "neg") for c in t.children):
            return "future"  # "will meet and sign"
    if hit.kind == "noun" and any(c.dep_ == "neg" or c.lower_ in ("no", "without") for c in hit.token.children):
        return "negated"
    for v in chain:
        kids = {c.lower_ for c in v.children if c.dep_ in ("aux", "neg", "auxpass", "mark")}
        if any(c.dep_ == "neg" for c in v.children) or "never" in kids:
            return "refused" if kids & FUTURE_AUX or v.lemma_.lower() in INTENT else "negated"
        if v is not verb and v.lemma_.lower() in REFUSE:
            return "refused"  # "failed to reach agreement", "declined to resign"
        if v is not verb and v.lemma_.lower() in DENY:
            return "negated"
        if "if" in kids or "unless" in kids:
            return "doubtful"
        if kids & DOUBT_AUX and not (kids & FUTURE_AUX):
            return "doubtful"
        if kids & FUTURE_AUX and "have" in kids and v.tag_ == "VBN":
            return "doubtful"  # "a bill that would have allowed ...": what did not happen
        if kids & FUTURE_AUX:
            return "future"
        if v is not verb and v.lemma_.lower() in INTENT and verb.dep_ == "xcomp":
            return "future"
    if hit.kind == "noun" and any(c.lower_ in ("future", "planned", "upcoming", "proposed") for c in hit.token.children):
        return "future"
    return "fact"


# ---------------------------------------------------------------- actors of an event

def _subject(verb: Any) -> list[Any]:
    """Tokens of the verb's subject; for "X was attacked by Y" the agent's; inherited through xcomp/conj."""
    v = verb
    for _ in range(4):
        for c in v.children:
            if c.dep_ == "agent":
                return [t for p in c.children for t in p.subtree]
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                    return _noun_owner(v.head)
                return list(c.subtree)
        if any(c.dep_ == "nsubjpass" for c in v.children):
            if v.lemma_.lower() in STATIVE_PASSIVES:
                # "Vietnam is committed to ...", "Russia is prepared to ...": the subject holds the stance
                return [t for c in v.children if c.dep_ == "nsubjpass" for t in c.subtree]
            break  # a passive without "by ...": the actor is not stated
        if v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and v.head.i != v.i:
            v = v.head
            continue
        if v.dep_ in ("acl",) and v.head.pos_ in ("NOUN", "PROPN"):
            if v.tag_ in ("VBN", "VBD") and v.head.dep_ != "ROOT":
                # "West Africans ordered out of Nigeria": the noun is acted on; the actor is not stated (where
                # the noun is the root, the parse has made the whole sentence a noun phrase: "X called on Y")
                return []
            return _noun_owner(v.head)
        if v.dep_ == "ROOT":
            # a parse that hung the subject elsewhere ("With the signing of X, A and B have agreed"):
            # the words between the last comma and the verb
            before = [t for t in v.sent if t.i < v.i]
            comma = max((t.i for t in before if t.text in (",", ";", ":")), default=v.sent.start - 1)
            return [t for t in before if t.i > comma and t.dep_ not in ("aux", "neg", "advmod")]
        break
    return []


def _noun_owner(noun: Any) -> list[Any]:
    """The actor a relative clause's noun stands for: the noun itself, or for "X was one of the
    first countries that ...", the subject of the copula (X)."""
    own = [noun]
    t = noun
    if t.dep_ == "dobj" and t.head.pos_ == "VERB":
        # "X issued a declaration demanding ...": the declaration speaks for X
        subj = [c for c in t.head.children if c.dep_ == "nsubj"]
        if subj:
            return own + list(subj[0].subtree)
    for _ in range(4):
        if t.dep_ in ("pobj", "prep", "attr", "appos") and t.head.i != t.i:
            t = t.head
            continue
        break
    if t.pos_ in ("AUX", "VERB") and t.i != noun.i:
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return own + list(subj[0].subtree)
    return own


def _passive(verb: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _targets_of_verb(verb: Any, skip: set[int]) -> list[Any]:
    groups: list[list[Any]] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "attr", "oprd") or (c.dep_ == "nsubjpass"):
            groups.append(list(c.subtree))
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            groups.append(list(c.subtree))
        if c.dep_ == "prt":
            for cc in c.children:
                groups.append(list(cc.subtree))
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp"):
            # "allowed inspectors back into the country": the complement's subject, last
            groups.extend(list(x.subtree) for x in c.children if x.dep_ in ("nsubj", "nsubjpass"))
    return [t for g in groups for t in g if t.i not in skip]


POSTURE_NOUNS = {"border", "frontier", "boundary", "standoff", "tension", "tensions", "dispute", "confrontation", "row",
                 "fighting", "war", "clash", "conflict", "response"}
POSTURE_WATERS = {"coast", "coastline", "waters", "strait", "shore", "shores", "airspace"}


def _posture_targets(verb: Any) -> list[Any]:
    """Whom a show of force faces: "along its border with Pakistan", "its coast facing Taiwan",
    "a show of force aimed at Beijing", "as a standoff with Cambodia entered its second week"."""
    out: list[Any] = []
    for t in verb.subtree:
        if t.lemma_.lower() in POSTURE_NOUNS:
            # "its border with Pakistan", "after fighting erupted with Azerbaijan", "in response to South Korean drills"
            out += [x for c in t.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "to") for x in c.subtree]
            if t.dep_ == "nsubj":  # "after fighting erupted with Azerbaijan"
                out += [x for c in t.head.children if c.dep_ == "prep" and c.lower_ in ("with", "between") for x in c.subtree]
        elif t.lemma_.lower() in POSTURE_WATERS:
            # "close to Ukraine's coast", "in the Taiwan Strait"
            out += [x for c in t.children if c.dep_ in ("poss", "compound", "amod") or (c.dep_ == "prep" and c.lower_ == "of")
                    for x in c.subtree]
        elif t.lower_ in ("near", "off") and t.dep_ == "prep":
            out += [x for c in t.children if c.dep_ == "pobj" for x in c.subtree]
        elif t.lower_ in ("facing", "toward", "towards") or (t.lower_ in ("aimed", "directed") and t.pos_ == "VERB"):
            out += [x for c in t.children if c.dep_ in ("dobj", "pobj", "prep") for x in c.subtree]
    return out


def _hostile_complement(verb: Any, dictionary: Dictionary) -> bool:
    """The verb's complement clause is an act of force ("vowed to fight", "pledged to attack")."""
    for c in _complements(verb):
        if c.pos_ == "VERB":
            rules = dictionary.by_verb.get(c.lemma_.lower(), ())
            if any(QUAD_CLASS[r.type] == 4 and not r.with_ for r in rules) or c.lemma_.lower() in FORCE_VERBS:
                return True
    return False


#: verbs of force whose rules need an object to code an event, but that make any promise a threat ("vowed to fight on")
FORCE_VERBS = {"fight", "attack", "strike", "kill", "bomb", "invade", "shell", "storm", "retaliate", "crush", "destroy"}


def _complements(verb: Any) -> list[Any]:
    """The verb's complement clauses, with an infinitive the parse hung as an adverbial ("threatened | to expel")."""
    return [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
            or (c.dep_ == "advcl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children))]


def _domestic_complement(verb: Any, dictionary: Dictionary) -> bool:
    """The verb's complement is an act done at home ("threatened to impose a curfew in Algiers")."""
    for c in _complements(verb):
        if c.pos_ == "VERB":
            objects = _object_lemmas(c)
            verb_rules = [r for r in dictionary.by_verb.get(c.lemma_.lower(), ()) if not r.with_ or r.with_ & objects]
            noun_rules = [r for o in objects for r in dictionary.by_noun.get(o, ()) if c.lemma_.lower() in r.light]
            if any(r.type in DOMESTIC and r.type not in NO_DEFAULT_TARGET for r in verb_rules + noun_rules):
                return True
    return False


def _conditional(hit: _Hit) -> bool:
    verb = hit.anchor
    return any(m.lower_ in ("unless",) for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark")


def _condition_subjects(verb: Any) -> list[Any]:
    """ "threatened to stop talks if the United States goes ahead": who the condition is put to."""
    out: list[Any] = []
    for c in list(verb.children) + list(verb.head.children):
        if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children if m.dep_ == "mark"):
            out += [t for x in c.children if x.dep_ in ("nsubj", "nsubjpass") for t in x.subtree]
    return out


def _content_clauses(noun: Any) -> list[Any]:
    """ "its demand that Israel ease ...": the noun's that-clause, also where the parse hung it on the
    verb whose object the noun is ("reiterated its demand today that Israel ease ...")."""
    out = [c for c in noun.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")]
    if noun.dep_ == "dobj":
        out += [c for c in noun.head.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and c.i > noun.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return out


def _targets_of_noun(noun: Any) -> list[Any]:
    out: list[Any] = []
    for c in _content_clauses(noun):
        # "its demand that Israel ease restrictions": who the demand is put to
        out.extend(t for x in c.children if x.dep_ in ("nsubj", "nsubjpass") for t in x.subtree)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in TARGET_PREPS + ("between", "in"):
            out.extend(c.subtree)
    return out


def _pick(actors: ArticleActors, tokens: list[Any], exclude: set[str]) -> list[Mention]:
    """Target candidates in the order the token groups were given; actors of known country first."""
    order = {}
    for n, t in enumerate(tokens):
        order.setdefault(t.i, n)
    found = [m for m in actors.mentions_in(tokens) if m.entity not in exclude and not _owned_by(m, actors, exclude)]
    found.sort(key=lambda m: (m.kind != "collective" and actors.actor(m.entity).country is None, order.get(m.head, 0)))
    return found


def _owned_by(m: Mention, actors: ArticleActors, owners: set[str]) -> bool:
    """ "Russia withdrew its troops": the source's own troops are not its target; nor is the
    source's country where it only qualifies a thing ("Clinton lifted the U.S. embargo")."""
    head = actors.doc[m.head]
    own = {actors.actor(e).country for e in owners} - {None}
    if m.kind == "country" and actors.actor(m.entity).country in own and head.dep_ in ("amod", "compound", "nmod") \
            and head.head.pos_ == "NOUN" and not actors.mention_at(head.head.i):
        return True
    for c in actors.doc[m.head].children:
        if c.dep_ == "poss":
            owner = actors.mention_at(c.i)
            if owner is not None and owner.entity in owners:
                return True
    return False


def _between(tok: Any, actors: ArticleActors) -> list[Mention]:
    for c in list(tok.children) + [x for cc in tok.children if cc.dep_ in ("dobj", "nsubjpass") for x in cc.children]:
        if c.dep_ == "prep" and c.lower_ == "between":
            return actors.mentions_in(list(c.subtree))
    return []


@dataclass
class _Roles:
    source: list[str]
    target: list[str]
    directed: bool
    how: str


def _roles(hit: _Hit, actors: ArticleActors) -> _Roles | None:
    tok, verb = hit.token, hit.anchor
    between = _between(tok, actors)
    if hit.kind == "verb":
        subj = _subject(tok)
        src = actors.mentions_in(subj)
        tgt_tokens = _targets_of_verb(tok, {t.i for t in subj})
        if hit.rule.absorbs:
            # "threatened to ban X", "demanded that X withdraw": the target is in the complement,
            # after the verb's own object ("ordered X to appear for questioning about Y": X)
            direct = [t for c in tok.children if c.dep_ in ("dobj", "dative") for t in c.subtree]
            for c in _complements(tok):
                if c.pos_ in ("VERB", "AUX"):
                    inner_subj = [t for x in c.children if x.dep_ in ("nsubj", "nsubjpass") for t in x.subtree]
                    tgt_tokens = direct + inner_subj + _targets_of_verb(c, {t.i for t in subj}) + tgt_tokens
                    tgt_tokens += _condition_subjects(c)
        if hit.rule.type == "MOBILIZE":
            tgt_tokens = _posture_targets(tok) + tgt_tokens
        if hit.rule.recipient_first:
            tgt_tokens = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for t in c.subtree] + tgt_tokens
        if not between and hit.rule.absorbs:
            # "offered to mediate between A and B"
            between = next((b for c in tok.children if c.dep_ in ("xcomp", "ccomp") for b in [_between(c, actors)] if b), [])
        how = "subject"
    else:
        poss = [t for c in tok.children if c.dep_ in ("poss",) for t in c.subtree]
        poss += [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for t in c.subtree]
        poss += [c for c in tok.children if c.dep_ in ("amod", "compound") and actors.mention_at(c.i)]
        src = actors.mentions_in(poss)
        how = "possessor"
        subj = []
        if not src and tok.dep_ in ("dobj", "pobj", "conj", "attr") or (not src and hit.rule.light):
            subj = _subject(verb) if verb is not tok else []
            src = actors.mentions_in(subj)
            how = "clause subject"
        tgt_tokens = _targets_of_noun(tok)
        if hit.rule.type == "MOBILIZE":
            tgt_tokens = _posture_targets(verb) + tgt_tokens  # "placed its forces on alert along its border with X"
        if verb is not tok and hit.rule.type == "CONSULT" and not hit.rule.light:
            # "sat down with government negotiators for talks": who the clause's subject met
            tgt_tokens += [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree]
        if verb is not tok and hit.rule.light:
            tgt_tokens += [t for t in _targets_of_verb(verb, {t.i for t in _subject(verb)}) if t.i not in {x.i for x in tok.subtree} or t.i in {x.i for x in tgt_tokens}]
    src_ids = _expand(src[:1] if src else [], actors)
    if between and not src_ids:
        ids = list(dict.fromkeys(_expand(between, actors)))
        if len(ids) >= 2:
            return _Roles([ids[0]], [ids[1]], False, "between")
    tgt = _pick(actors, tgt_tokens, set(src_ids))
    if hit.rule.type in COOPERATIVE and src_ids:
        # "Erdogan promised Ankara will share intelligence with Baghdad": the partner, not his own country
        home = actors.actor(src_ids[0]).country
        others = [m for m in tgt if not (m.kind == "country" and actors.actor(m.entity).country == home)]
        tgt = others + [m for m in tgt if m not in others]
    tgt_ids = [e for e in _expand(tgt, actors) if e not in src_ids][:1]
    if not tgt_ids and between:
        tgt_ids = [e for e in _expand(between, actors) if e not in src_ids][:1]
    # "X and Y signed": a coordinated subject gives both sides, preferably of two countries
    coordinated = [m for m in src[1:] if m.kind != "collective" and m.entity not in src_ids
                   and actors.actor(m.entity).country != (actors.actor(src_ids[0]).country if src_ids else None)]
    bare_target = bool(tgt_ids) and actors.actor(tgt_ids[0]).kind == "country"
    if src and (not tgt_ids or coordinated or bare_target) and any(t.dep_ == "cc" for t in subj):
        # "signed by the government and the guerrillas": both parties, before a country named elsewhere
        first = actors.actor(src_ids[0]).country if src_ids else None
        others = [m for m in src[1:] if m.kind != "collective" and m.entity not in src_ids]
        others.sort(key=lambda m: actors.actor(m.entity).country == first)
        if others:
            return _Roles(src_ids[:1], [others[0].entity], False, "coordinated subject")
    if len(src_ids) == 2:
        return _Roles([src_ids[0]], [src_ids[1]], False, "both sides")
    if not src_ids and hit.rule.type == "MOBILIZE" and hit.kind in ("verb", "noun") and _passive(verb):
        # "the Greek navy was placed on high alert", "troops were deployed": the force mobilised is the actor
        passive_subj = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
        found = [m.entity for m in actors.mentions_in(passive_subj)]
        if found:
            rest = [e for e in tgt_ids if e != found[0]]
            return _Roles(found[:1], rest[:1], True, "passive subject mobilised")
    if not src_ids and tgt_ids and hit.kind == "verb" and _passive(tok):
        # "X was attacked": X must be the passive subject itself, not a possessor inside it
        heads = {c.i for c in tok.children if c.dep_ == "nsubjpass"}
        heads |= {x.i for h in list(heads) for x in tok.doc[h].conjuncts}
        if not any(m.head in heads for m in tgt[:1]):
            return None
        return _Roles([], tgt_ids, True, "passive")
    if not src_ids:
        return _Roles([], tgt_ids, True, "no stated source") if tgt_ids else None
    return _Roles(src_ids[:1], tgt_ids[:1], True, how)


def _expand(mentions: list[Mention], actors: ArticleActors) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if m.kind == "collective":
            pair = actors.pair(actors.doc[m.head].lower_)
            if pair:
                out.extend(pair)
        else:
            out.append(m.entity)
    return out


# ---------------------------------------------------------------- dates, places, contexts

def _event_date(hit: _Hit, sent: Any, modality: str, reference: FuzzyDate | None, article_id: str) -> FuzzyDate | None:
    mentions = dates.find_dates(sent.text)
    scope = {t.i for t in (hit.token.subtree if hit.kind == "noun" else hit.anchor.subtree)}
    if hit.kind == "noun" and hit.anchor is not hit.token:
        scope |= {c.i for c in hit.anchor.children if c.dep_ in ("npadvmod", "advmod", "prep") for c in c.subtree}
    reporting = {t.i for t in sent if t.lemma_.lower() in REPORTING for t in t.subtree} - scope
    chosen = None
    for where in (scope, reporting | scope):
        for m in mentions:
            span = sent.doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
            if span is not None and span.root.i in where and _dates_the(span, hit):
                chosen = (m, span)
                break
        if chosen:
            break
    if chosen:
        m, span = chosen
        resolved = dates.resolve(m, reference, future=modality == "future")
        if resolved:
            return dates.with_span(resolved, Span(article_id, span.start_char, span.end_char, span.text))
        return None
    if modality == "future" or reference is None:
        return None
    verb = hit.anchor
    if hit.kind == "noun" and any(c.lower_ in PAST_MARKS for c in hit.token.children):
        return None
    if verb.dep_ in ("relcl", "acl") and not any(c.lower_ in ("where", "when") for c in verb.children):
        return None  # "one of the countries that voiced support": a description, not news of the day
    if verb.dep_ == "advcl" and any(c.lower_ in ("after", "before", "since", "until") for c in verb.children if c.dep_ == "mark"):
        return None  # "two years after Russia launched its invasion": another time than the report's
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)):
        return reference
    return None


def _dates_the(span: Any, hit: _Hit) -> bool:
    """A date phrase dates the event unless it hangs from another noun on the way to the trigger
    ("condemned Moscow over the death of X last week": last week dates the death)."""
    t = span.root
    top = hit.token if hit.kind == "noun" else hit.anchor
    for _ in range(12):
        if t.i == top.i or t.head.i == t.i:
            return True
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and t.i != top.i and not (span.start <= t.i < span.end):
            # "during the visit in February 2020, X signed": a noun that frames the time passes it on
            if not (t.dep_ == "pobj" and t.head.lower_ in ("during", "amid", "throughout", "at")) \
                    and t.lemma_.lower() not in TIME_NOUNS:
                return False
    return True


def _scope(hit: _Hit) -> list[Any]:
    """The tokens that can name an event's place: the noun's phrase, or the verb's clause less its subject
    ("held talks on the plan at the ministry's directorate")."""
    if hit.kind == "noun":
        return list(hit.token.subtree)
    subject = {t.i for c in hit.anchor.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return [t for c in hit.anchor.children if c.dep_ in ("prep", "dobj", "advmod", "npadvmod")
            for t in c.subtree if t.i not in subject]


def _stated_place(scope: list[Any], actors: ArticleActors, gazetteer: Gazetteer | None) -> Location | None:
    """A place the clause names: a country or city after "in"/"at", or "at" an institution of a country."""
    if gazetteer is not None:
        loc = stated_location(scope, actors, gazetteer)
        if loc is not None:
            return loc
    for t in scope:
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "into", "to") and t.lemma_.lower() in ("capital", "city", "town"):
            # "arrived in the Liberian capital", "in the Guinean capital"
            for c in t.children:
                hit = actors.place_hits.get(c.i)
                if c.dep_ in ("amod", "compound", "poss") and hit and hit[2] in ("demonym", "name"):
                    return Location(hit[1], None, how="stated")
    for t in scope:
        if t.dep_ == "pobj" and t.head.lower_ == "at":
            # "at the ministry's directorate": the place of an institution is its country
            for m in actors.mentions_in(list(t.subtree)):
                if actors.actor(m.entity).kind in ("organisation", "group") and actors.actor(m.entity).country:
                    return Location(actors.actor(m.entity).country, None, how="stated")
    return None


def _location(hit: _Hit, actors: ArticleActors, roles: _Roles, rtype: str, mode: str | None,
              scope: list[Any], stated: Location | None) -> Location | None:
    if stated is not None:
        return stated
    if rtype == "CONSULT" and mode == "visit" and roles.target:
        return Location(actors.actor(roles.target[0]).country, None, how="host")
    if any(t.lemma_.lower() in PLACE_NOUNS for t in scope):
        return _place_before(hit.token.sent.start, actors)
    return None


PLACE_NOUNS = {"region", "province", "district", "town", "city", "village", "area", "territory", "zone"}


def _place_before(start: int, actors: ArticleActors) -> Location | None:
    """ "the liberated region", "the town" with no name the gazetteer knows: the country of the
    place last stated ("in X", "in X's territories") before this sentence."""
    doc = actors.doc
    for i in range(start - 1, max(start - 400, -1), -1):
        hit = actors.place_hits.get(i)
        if hit and hit[2] in ("name", "capital"):
            t = doc[hit[0] - 1]
            noun = t.head if t.dep_ == "poss" else t  # "in Peru's flooded provinces"
            if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "at"):
                return Location(hit[1], None, how="stated")
    return None


def _contexts(rule: Rule, sent: Any, actors: Actor | None, target: Actor | None) -> tuple[str, ...]:
    found = list(rule.contexts)
    for a in (actors, target):
        if a and "MIL" in a.sectors and "military" not in found:
            found.append("military")
    for t in sent:
        ctx = CONTEXT_WORDS.get(t.lower_)
        if ctx and ctx not in found:
            found.append(ctx)
    return tuple(found)


# ---------------------------------------------------------------- coding an article

@dataclass
class CodedSentence:
    """Events of one sentence and the lines `accord explain` prints for it."""

    events: list[Event]
    lines: list[str]


def code_sentence(sent: Any, actors: ArticleActors, *, dictionary: Dictionary, reference: FuzzyDate | None,
                  max_chars: int = 3000, start_index: int = 0, gazetteer: Gazetteer | None = None) -> CodedSentence:
    """Every event the sentence states, each with why it fired."""
    article_id = actors.article_id
    events: list[Event] = []
    lines: list[str] = []
    if len(sent.text) > max_chars:
        return CodedSentence([], [f"skipped: sentence over {max_chars} characters"])
    for hit in find_triggers(sent, dictionary):
        rule = hit.rule
        modality = _modality(hit)
        where = f"'{hit.token.text}' ({hit.kind}, rule {rule.id} -> {rule.type} {rule.cameo or ''})"
        if modality in ("negated", "doubtful") or (modality == "refused" and QUAD_CLASS[rule.type] > 2):
            lines.append(f"{where}: dropped, {modality}")
            continue
        roles = _roles(hit, actors) or (_Roles([], [], True, "none") if rule.type in DOMESTIC else None)
        if roles is None:
            lines.append(f"{where}: dropped, no actor found")
            continue
        if rule.needs_target and not (roles.target and roles.source):
            lines.append(f"{where}: dropped, it needs a stated actor and an actor as its object")
            continue
        if rule.object_actor and not (roles.target and _object_is(hit.token, roles.target[0], actors)):
            lines.append(f"{where}: dropped, its object is no actor")
            continue
        if rule.swap:
            if roles.target and not _object_is(hit.token, roles.target[0], actors):
                # "welcomed the swearing-in of Zimbabwe's government": no visitor is received
                lines.append(f"{where}: dropped, its object is no actor")
                continue
            roles = _Roles(roles.target or [], roles.source, roles.directed, roles.how + ", swapped")
        if roles.source and roles.target and rule.type in COOPERATIVE:
            src_a, tgt_a = actors.actor(roles.source[0]), actors.actor(roles.target[0])
            if tgt_a.kind == "country" and tgt_a.country == src_a.country:
                # "Kostunica promised to democratize Serbia": his own country is what he acts on, not a party
                roles = _Roles(roles.source, [], roles.directed, roles.how + ", own country is no party")
        scope = _scope(hit)
        stated = _stated_place(scope, actors, gazetteer)  # looked up once, used for the roles and the event
        place = _location(hit, actors, roles, rule.type, rule.mode, scope, stated)
        where_said = place or (stated_location(list(sent), actors, gazetteer) if gazetteer is not None else None)
        if not roles.source and not roles.target and where_said is not None and where_said.country and rule.type in DOMESTIC:
            # "ethnic Albanians demonstrated in Serbia": people of the place, facing its state
            roles = _Roles([actors.people_of(where_said.country)], [actors.country_entity(where_said.country)], True,
                           "unnamed actors of the place")
        if not roles.target and roles.source:
            # "threatened to impose a curfew in Algiers", "vowed to fight on": the act at home faces its people
            at_home = rule.absorbs and hit.kind == "verb" and (
                _domestic_complement(hit.token, dictionary) or _hostile_complement(hit.token, dictionary))
            roles = _default_target(roles, actors, rule.type, place, visit=rule.mode == "visit", at_home=at_home)
        if rule.mode == "visit" and roles.source and roles.target and place is not None and place.country \
                and actors.actor(roles.target[0]).country == actors.actor(roles.source[0]).country != place.country:
            # "Li Peng arrived in Hanoi ..., the first by a Chinese head of government": the host is where he went
            roles = _Roles(roles.source, [actors.country_entity(place.country)], True, roles.how + ", host from the place")
        if not roles.source and roles.target and where_said is not None and where_said.country and rule.type in DOMESTIC:
            # "a roadside bombing near Samarra killed ...": unnamed perpetrators of that place
            roles = _Roles([actors.people_of(where_said.country)], roles.target, True, roles.how + ", source from the place")
        if not roles.source and roles.target and where_said is not None and where_said.country and rule.mode == "investigate":
            # "X was put under investigation in Italy": the authorities of the place investigate
            roles = _Roles([actors.country_entity(where_said.country)], roles.target, True, roles.how + ", the state of the place")
        if not roles.source:
            lines.append(f"{where}: dropped, no source actor")
            continue
        rtype, cameo, mode = _recode(hit, roles, modality, dictionary)
        roles, mode = _visit(roles, actors, rtype, mode)
        source = actors.actor(roles.source[0])
        target = actors.actor(roles.target[0]) if roles.target else None
        source, target = _place_groups(source, target, roles, rule, where_said, place, sent, actors, gazetteer)
        if source.country is None:
            # PLOVER codes no event whose actor has no country (or international code)
            lines.append(f"{where}: dropped, the source '{source.label}' has no known country")
            continue
        if target is not None and source.entity == target.entity:
            lines.append(f"{where}: dropped, source and target are the same actor")
            continue
        date = _event_date(hit, sent, modality, reference, article_id)
        tok = hit.token
        confidence = 0.8 if roles.how in ("subject", "passive", "coordinated subject", "between") else 0.6
        if "default" in roles.how:
            confidence -= 0.2
        ev = Event(
            id=f"{article_id}:e{start_index + len(events) + 1}", article_id=article_id, type=rtype,
            source=source, target=target,
            evidence=Span(article_id, sent.start_char, sent.end_char, sent.text),
            trigger=Span(article_id, tok.idx, tok.idx + len(tok), tok.text),
            rule=rule.id + ("+future" if modality == "future" else ""), cameo=cameo, mode=mode,
            contexts=_contexts(rule, sent, source, target), date=date,
            location=_location(hit, actors, roles, rtype, mode, scope, stated) or _host_location(actors, rtype, roles),
            directed=roles.directed, confidence=round(confidence, 2))
        events.append(ev)
        lines.append(f"{where}: {rtype} {source.label} -> {target.label if target else '-'}"
                     f" [{roles.how}; {modality}; date {date.value if date else None}]")
    events = _drop_self_comments(events, sent)
    _nest_locations(events)
    return CodedSentence(events, lines)


def _recode(hit: _Hit, roles: _Roles, modality: str, dictionary: Dictionary) -> tuple[str, str | None, str | None]:
    """The type, CAMEO code and mode the event takes once its cargo, partners and modality are read."""
    rule = hit.rule
    rtype, cameo, mode = rule.type, rule.cameo, rule.mode
    if rtype == "MOBILIZE" and hit.kind == "verb" and _relief_cargo(hit.token):
        rtype, cameo, mode = "AID", "070", None  # "sent planes loaded with water and tents to Vanuatu"
    if rtype == "COOPERATE" and "military" in rule.contexts and not roles.target and hit.kind == "noun":
        rtype, cameo, mode = "MOBILIZE", "150", None  # war games with no partner are a show of force
    if modality == "refused":
        rtype, cameo, mode = "REJECT", "120", None  # "will not accept refugees"
    elif rtype == "AGREE" and rule.absorbs and _hostile_complement(hit.token, dictionary):
        rtype, cameo, mode = "THREATEN", "130", None  # "vowed to fight on": a promise of force is a threat
    if modality == "future" and _conditional(hit):
        # "will withdraw its force unless ...": a commitment on a condition is a threat
        rtype, cameo, mode = "THREATEN", "130", None
    elif modality == "future" and rtype not in ("AGREE", "SANCTION"):  # announced sanctions are sanctions
        if rtype == "ASSAULT" and _prepared(hit.anchor):
            rtype, cameo, mode = "MOBILIZE", "152", None  # "the army prepared to resume shelling": on alert
        elif QUAD_CLASS[rtype] == 4:
            rtype, cameo, mode = "THREATEN", "138" if rtype == "ASSAULT" else "130", None
        elif QUAD_CLASS[rtype] in (1, 2):
            rtype, cameo, mode = "AGREE", AGREE_CAMEO.get(rtype, "030"), None
    if rtype == "CONSULT" and mode == "visit" and hit.kind == "verb":
        # troops that arrive are deployed, not visiting: peacekeepers are aid, other forces a mobilisation
        subject = " ".join(t.lower_ for t in _subject(hit.token))
        if "peacekeep" in subject:
            rtype, cameo, mode = "AID", "074", None
        elif any(w in subject.split() for w in ("troops", "forces", "soldiers", "warships", "units", "battalion", "tanks")):
            rtype, cameo, mode = "MOBILIZE", "154", None
    return rtype, cameo, mode


def _place_groups(source: Actor, target: Actor | None, roles: _Roles, rule: Rule, where_said: Location | None,
                  place: Location | None, sent: Any, actors: ArticleActors,
                  gazetteer: Gazetteer | None) -> tuple[Actor, Actor | None]:
    """Groups of no country take it from where the event happened."""
    said = where_said.country if where_said is not None and where_said.country not in INTERNATIONAL else None
    if source.country is None and source.kind == "group" and gazetteer is not None:
        said = _group_city(roles.source[0], sent, actors, gazetteer) or said  # "An Istanbul court acquitted ..."
    if said and source.country is None and source.kind == "group":
        source = replace(source, country=said)  # "Authorities in Srinagar lifted the curfew": Indian authorities
        if target is None and rule.type in DOMESTIC and rule.type not in NO_DEFAULT_TARGET:
            target = actors.actor(actors.people_of(said))
    here = place.country if place is not None and place.country not in INTERNATIONAL else None
    if here and target is not None and target.country is None and target.kind == "group":
        target = replace(target, country=here)  # "killed four suspected militants in Pakistan's tribal region"
    return source, target


def _prepared(verb: Any) -> bool:
    """ "prepared to resume shelling", "is preparing to attack": readiness for force, not a threat."""
    t = verb
    for _ in range(3):
        if t.dep_ != "xcomp" or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in ("prepare", "gear", "mass"):
            return True
    return False


def _object_is(verb: Any, entity: str, actors: ArticleActors) -> bool:
    """The entity is the verb's direct object itself ("hosted the Italian minister"), not a
    phrase inside it ("welcomed the swearing-in of the government")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass")]  # "Kohl was received by ..."
    objects += [c for x in verb.children if x.dep_ in ("xcomp", "ccomp") for c in x.children if c.dep_ == "dobj"]
    heads = {t.i for o in objects for t in [o, *o.conjuncts]}
    heads |= {c.i for h in list(heads) for c in actors.doc[h].children if c.dep_ == "appos"}
    doc = actors.doc
    return any(m.entity == entity and (m.head in heads or m.end - 1 in heads or doc[m.head].head.i in heads
                                       and doc[m.head].dep_ in ("amod", "compound", "conj"))
               for m in actors.mentions)


def _group_city(entity: str, sent: Any, actors: ArticleActors, gazetteer: Gazetteer) -> str | None:
    """The country of a city that names a group ("An Istanbul court", "Kabul police")."""
    for m in actors.mentions:
        if m.entity != entity or not sent.start <= m.head < sent.end:
            continue
        for ent in actors.doc.ents:
            if ent.label_ == "GPE" and m.start <= ent.start and ent.end <= m.end:
                city = gazetteer.resolve(ent.text, prefer=set(actors.country_counts()))
                if city is not None:
                    return city.country
    return None


RELIEF_WORDS = {"water", "food", "tent", "medicine", "medical", "aid", "relief", "supply", "blanket", "doctor",
                "vaccine", "rice", "wheat", "shelter"}


def _relief_cargo(verb: Any) -> bool:
    """The things sent are relief ("planes loaded with water, tents and medical teams")."""
    def cargo(t: Any) -> list[Any]:  # the thing and what it is loaded with, not where it goes
        return [t] + [x for c in t.children if c.dep_ != "prep" or c.lower_ in ("with", "of") for x in cargo(c)]
    objects = [t for c in verb.children if c.dep_ == "dobj" for t in cargo(c)]
    return any(t.lemma_.lower() in RELIEF_WORDS for t in objects)


def _drop_self_comments(events: list[Event], sent: Any) -> list[Event]:
    """ "X hailed his visit to Y": a SUPPORT verb whose object is X's own event adds nothing."""
    doc = sent.doc
    by_trigger = {e.trigger.start: e for e in events}
    out = []
    for e in events:
        tok = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        objects = [c for c in tok.root.children if c.dep_ == "dobj"] if tok is not None else []
        inner = [by_trigger.get(c.idx) for c in objects]
        if e.type == "SUPPORT" and any(i is not None and i is not e and i.source.entity == e.source.entity for i in inner):
            continue
        out.append(e)
    return out


def _default_target(roles: _Roles, actors: ArticleActors, rtype: str, place: Location | None,
                    visit: bool = False, at_home: bool = False) -> _Roles:
    """With no stated target: the other side of the article's main pair of actors; for acts done
    at home (protests, arrests, curfews, and with `at_home` threats or vows of them), the people of
    the place, else of the actor's own country."""
    src_country = actors.actor(roles.source[0]).country
    pair = actors.pair("sides") if actors.bilateral() else None
    if not pair or src_country not in [actors.actor(e).country for e in pair]:
        if place is not None and place.country and place.country != src_country and (rtype != "CONSULT" or visit):
            # "arrived in Chad": the host; "sought refuge in Germany": the people of that place
            target = actors.country_entity(place.country) if visit else actors.people_of(place.country)
            return _Roles(roles.source, [target], roles.directed, roles.how + ", target by default: " + place.country)
        domestic = at_home or (rtype in DOMESTIC and rtype not in NO_DEFAULT_TARGET)
        if domestic and (place is not None and place.country or src_country):
            code = place.country if place is not None and place.country else src_country
            return _Roles(roles.source, [actors.people_of(str(code))], roles.directed,
                          roles.how + ", target by default: the people of " + str(code))
        return roles
    for noun in ("sides", "countries"):
        pair = actors.pair(noun)
        if not pair:
            return roles
        src_country = actors.actor(roles.source[0]).country
        countries = [actors.actor(e).country for e in pair]
        if src_country in countries and countries[0] != countries[1]:
            other = pair[1 - countries.index(src_country)]
            if other != roles.source[0]:
                return _Roles(roles.source, [other], roles.directed, roles.how + ", target by default from the article's main pair")
    return roles


def _visit(roles: _Roles, actors: ArticleActors, rtype: str, mode: str | None) -> tuple[_Roles, str | None]:
    """A meeting between the sides of an article about a visit is a visit: the guest is the source."""
    visitor = actors.visitor_country
    if rtype != "CONSULT" or not visitor or not roles.target or mode not in (None, "visit") or roles.directed:
        return roles, mode  # "A met with B", "A visited B" stay as stated
    src, tgt = actors.actor(roles.source[0]).country, actors.actor(roles.target[0]).country
    if tgt == visitor and src != visitor:
        return _Roles(roles.target, roles.source, True, roles.how + ", guest as source"), "visit"
    if src == visitor and tgt != visitor:
        return _Roles(roles.source, roles.target, True, roles.how), "visit"
    return roles, mode


def _host_location(actors: ArticleActors, rtype: str, roles: _Roles) -> Location | None:
    visitor = actors.visitor_country
    if not visitor or not roles.target or rtype not in ("CONSULT", "SUPPORT", "AGREE", "COOPERATE"):
        return None
    countries = {actors.actor(roles.source[0]).country, actors.actor(roles.target[0]).country}
    if visitor in countries and len(countries) == 2:
        host = (countries - {visitor}).pop()
        return Location(host, None, how="host")
    return None


def _nest_locations(events: list[Event]) -> None:
    """An act done "during X's visit to Italy" took place in Italy."""
    visits = [e for e in events if e.type == "CONSULT" and e.mode == "visit" and e.location and e.location.how in ("host", "stated")]
    for i, e in enumerate(events):
        if e.location is None and visits and visits[0] is not e:
            events[i] = replace(e, location=visits[0].location)


def merge_mentions(events: list[Event]) -> list[Event]:
    """One event reported in several sentences of an article becomes one event with every evidence span."""
    out: list[Event] = []
    for e in events:
        key = _merge_key(e)
        # ... and within one sentence, acts of one type between the same countries are one event
        # ("an explosion killed two Iraqi youths and wounded five others")
        same = next((i for i, o in enumerate(out) if _merge_key(o) == key or (
            o.evidence.start == e.evidence.start and o.type == e.type and _countries(o) == _countries(e))), None)
        if same is None:
            out.append(e)
        else:
            o = out[same]
            out[same] = replace(o, extra_evidence=o.extra_evidence + (e.evidence,), confidence=min(0.95, max(o.confidence, e.confidence) + 0.05))
    return out


def _countries(e: Event) -> tuple[Any, ...]:
    ends = (e.source.country, e.target.country if e.target else None)
    return ends if e.directed else tuple(sorted(ends, key=str))


def _merge_key(e: Event) -> tuple[Any, ...]:
    ends = (e.source.entity, e.target.entity if e.target else None)
    if not e.directed:
        ends = tuple(sorted(ends, key=str))  # type: ignore[assignment]
    return (e.type, ends, e.date.value if e.date else None)
