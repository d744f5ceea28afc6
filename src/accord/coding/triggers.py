"""Finding triggers: the verbs and nouns of a sentence that a rule of the dictionary codes.

A verb fires on its lemma when its rule's conditions hold (`with`: its object; `phrase`: the
words after it; `to_people`). A noun fires on its lemma, or first on the word before it joined
by a hyphen ("sit-in", "air-strike"), when it is no date, no compound, singular or a plural
that names events, and not marked hypothetical. Then what one event says twice is kept once:
a verb absorbs the triggers of the clause that is its content, a light verb gives way to its
noun, a noun of the same type inside a verb's clause is that verb's event.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import QUAD_CLASS
from ..vocabulary import Vocabulary
from .clauses import complements, content_clauses, governing_verb
from .dictionary import FAILED_RULE, MUST_RULE, Dictionary, Rule


@dataclass
class Hit:
    """A trigger found in a sentence and the rule it fired."""

    rule: Rule
    token: Any
    kind: str  # verb or noun
    anchor: Any  # the verb whose clause carries the event (the noun's light/governing verb)


def find_triggers(sent: Any, dictionary: Dictionary, *, pos: Sequence[str] | None = None) -> list[Hit]:
    """The triggers of a sentence, each event once.

    `pos`: the part of speech of each token of the doc, where the caller has read them: then a Token
    is built only for the verbs and nouns, the words that can fire."""
    tokens = list(sent) if pos is None else [sent.doc[i] for i in range(sent.start, sent.end) if pos[i] in _CAN_FIRE]
    hits: list[Hit] = []
    for tok in tokens:
        hit = _verb_hit(tok, dictionary) or _noun_hit(tok, dictionary)
        if hit is not None:
            hits.append(hit)
    hits += _said_must([t for t in tokens if t.pos_ == "VERB"], dictionary.words)
    absorbed = _contents(hits, dictionary.words)
    nouns_with_light = {h.anchor.i for h in hits if h.kind == "noun" and h.rule.light and h.token.i not in absorbed}
    absorbed |= _repeats(hits)
    return [h for h in hits if h.token.i not in absorbed and not (h.kind == "verb" and h.token.i in nouns_with_light)]


#: the parts of speech of the tokens _verb_hit and _noun_hit can fire on
_CAN_FIRE = frozenset({"VERB", "AUX", "NOUN", "PROPN"})


def _verb_hit(tok: Any, dictionary: Dictionary) -> Hit | None:
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = tok.lemma_.lower()
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 2].whitespace_ \
            and f"{tok.doc[tok.i - 2].lower_}-{lemma}" in dictionary.by_verb:
        lemma = f"{tok.doc[tok.i - 2].lower_}-{lemma}"  # "test-fired" -> test-fire
    if lemma not in dictionary.by_verb:
        return None
    objects = object_lemmas(tok)
    for rule in dictionary.by_verb[lemma]:
        if (not rule.with_ or rule.with_ & objects) and _phrase_ok(tok, rule.phrase) \
                and (not rule.to_people or _to_people(tok, dictionary.words)):
            return Hit(rule, tok, "verb", tok)
    return None


def _noun_hit(tok: Any, dictionary: Dictionary) -> Hit | None:
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound" or tok.ent_type_ in ("DATE", "TIME") \
            or not any(k in dictionary.by_noun for k in noun_keys(tok)):  # "on March 10" is no march
        return None
    lemma = tok.lemma_.lower()
    if lemma in dictionary.words.setting_nouns and tok.dep_ == "pobj" and tok.head.lower_ in dictionary.words.setting_prepositions \
            and any(c.lower_ == "the" for c in tok.children) \
            and not any(c.dep_ == "poss" or c.lower_ in ("with", "between", "against", "on") for c in tok.children):
        return None  # "early in the Gulf war", "since the war": the war is when, not an act of this sentence
    governor = governing_verb(tok)
    # the most specific key first ("suicide-attack"), then the noun's own lemma where its rules do not fire
    for rule in (r for k in noun_keys(tok) if k in dictionary.by_noun for r in dictionary.by_noun[k]):
        if rule.light:
            if governor is None or governor.lemma_.lower() not in rule.light or not _object_of(tok, governor):
                continue
        elif tok.tag_ in ("NNS", "NNPS") and lemma not in dictionary.words.plural_event_nouns:
            continue
        elif any(c.lower_ in dictionary.words.hypothetical_marks for c in tok.children if c.dep_ == "amod"):
            continue
        return Hit(rule, tok, "noun", governor if governor is not None else tok)
    return None


def _said_must(verbs: list[Any], words: Vocabulary) -> list[Hit]:
    """ "X said Y must ...": a demand by X, whatever Y must do (`verbs`: the sentence's tokens tagged VERB)."""
    hits = []
    saying = words.reporting_verbs | words.concluding_verbs
    for tok in verbs:
        if tok.lemma_.lower() in saying and tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "ccomp", "conj", "parataxis"):
            for c in tok.children:
                if c.dep_ == "ccomp" and (any(a.lower_ in words.obligation_words or (a.lower_ == "to" and a.head.lemma_ == "have")
                                              for a in c.children if a.dep_ in ("aux", "xcomp"))
                                          or c.lemma_ in words.obligation_words and any(a.dep_ == "xcomp" for a in c.children)):
                    hits.append(Hit(MUST_RULE, tok, "verb", tok))
        if tok.pos_ == "VERB" and (tok.lemma_.lower() in saying or tok.lemma_.lower() == "call") and any(
                (c.dep_ == "ccomp" and c.lemma_.lower() in words.failure_verbs and any(x.dep_ == "xcomp" for x in c.children)
                 # one side's failure: "A and B failed to agree" is an outcome of both, reproached to neither
                 and not any(x.dep_ == "nsubj" and x.conjuncts for x in c.children))
                or (c.dep_ in ("oprd", "dobj") and c.lemma_.lower() in words.failure_nouns
                    and any(x.dep_ == "poss" for x in c.children)) for c in tok.children):
            # "said Chile had failed to honour the pact", "what he called Chile's failure to pay"
            hits.append(Hit(FAILED_RULE, tok, "verb", tok))
        if tok.lemma_.lower() in words.mandative_verbs and tok.pos_ == "VERB":
            # "insisted that Chile withdraw": the bare form after a subject, with no auxiliary, is demanded
            # (a singular subject with a verb of no -s is the bare form too: "that Chile boost")
            if any(c.dep_ == "ccomp" and not any(a.dep_ in ("aux", "auxpass") for a in c.children)
                   and any(a.dep_ == "nsubj" and (c.tag_ == "VB" or c.tag_ == "VBP" and a.tag_ in ("NN", "NNP"))
                           for a in c.children) for c in tok.children):
                hits.append(Hit(MUST_RULE, tok, "verb", tok))
    return hits


def _contents(hits: list[Hit], words: Vocabulary) -> set[int]:
    """Tokens of triggers that are another trigger's content: a demand's demanded act, an absorbing
    verb's complement clause, the noun a verb's own rule names."""
    absorbed: set[int] = set()
    for h in hits:
        if h.kind == "noun" and QUAD_CLASS[h.rule.type] == 3:
            # "its demand that Israel lift the blockade": the lifting is what is demanded, not an event
            for c in content_clauses(h.token) + [c for c in h.token.children if c.dep_ in ("ccomp", "acl")]:
                absorbed.update(t.i for t in c.subtree)
        if h.rule.holds_clause and h.kind == "verb":
            # the verb's own light-verb noun ("threatened further action") is the event itself, kept; an
            # act named by a statement's object stays an event of its own ("condemned the Russian bombing")
            own = {n.token.i for n in hits if n.kind == "noun" and n.rule.light and n.anchor.i == h.token.i}
            whole = h.rule.absorbs or h.rule.type in words.content_types  # "rejected an invitation to attend talks"
            deps = ("xcomp", "ccomp", "dobj", "prep", "advcl") if whole else ("xcomp", "ccomp")
            inner = [c for c in h.token.children if c.dep_ in deps]
            for c in inner:
                absorbed.update(t.i for t in c.subtree if t.i not in own)
    # a light verb and its noun name one event ("expressed support" fires once, on the noun)
    # ... unless the verb's own rule names that noun ("called off a strike" is a concession, not a strike)
    specific = {(h.token.i, n.token.i) for h in hits if h.kind == "verb" and h.rule.with_
                for n in hits if n.kind == "noun" and n.rule.light and n.anchor.i == h.token.i
                and n.token.lemma_.lower() in h.rule.with_ and n.rule.type != h.rule.type}
    absorbed.update(n for _, n in specific)
    return absorbed


def _repeats(hits: list[Hit]) -> set[int]:
    """Nouns that restate a verb's event: "hosted negotiators for peace talks", "a car bomb killed"."""
    absorbed: set[int] = set()
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
    return absorbed


def object_lemmas(tok: Any) -> set[str]:
    """Lemmas of what a verb acts on: objects, prepositional objects, their conjuncts and compounds."""
    out = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative", "npadvmod"):
            out.add(c.lemma_.lower())
            # "the flag of X", "described the visit as a provocation"
            out.update(p.lemma_.lower() for x in c.children if x.dep_ == "prep" and x.lower_ in ("of", "as")
                       for p in x.children if p.dep_ == "pobj")
            out.update(cc.lemma_.lower() for cc in c.conjuncts)
            out.update(x.lemma_.lower() for x in c.children if x.dep_ == "compound")
        if c.dep_ == "prep":
            out.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
            # "walked out of the talks" parsed as two prepositions
            out.update(p.lemma_.lower() for x in c.children if x.dep_ == "prep" for p in x.children if p.dep_ == "pobj")
        if c.dep_ == "prt":  # "walked out of the talks"
            out.update(p.lemma_.lower() for x in c.children if x.dep_ == "prep" for p in x.children if p.dep_ == "pobj")
        if c.dep_ == "xcomp" or (c.dep_ == "ccomp" and c.tag_ not in ("VBD", "VBZ", "VBP", "MD")
                                 and not any(x.dep_ == "mark" or x.dep_ == "aux" and x.lower_ != "to" for x in c.children)):
            # "allowed inspectors back into the country", "allowed aid convoys to enter"; not the
            # subject of a finite clause ("concluded that the treaty was void" signs nothing)
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


def _to_people(verb: Any, words: Vocabulary) -> bool:
    """ "opened its borders to West Africans / to refugees": the verb's "to" names people."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            for p in c.children:
                for n in [p, *p.conjuncts]:
                    if n.dep_ in ("pobj", "conj") and n.tag_ in ("NNS", "NNPS") and (
                            n.ent_type_ == "NORP" or n.lemma_.lower() in words.people_nouns):
                        return True
    return False


def noun_keys(tok: Any) -> list[str]:
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


def hostile_complement(verb: Any, dictionary: Dictionary) -> bool:
    """The verb's complement clause is an act of force ("vowed to fight", "pledged to attack")."""
    for c in complements(verb):
        if c.pos_ == "VERB":
            rules = dictionary.by_verb.get(c.lemma_.lower(), ())
            if any(QUAD_CLASS[r.type] == 4 and not r.with_ for r in rules) or c.lemma_.lower() in dictionary.words.force_verbs:
                return True
    return False


def domestic_complement(verb: Any, dictionary: Dictionary) -> bool:
    """The verb's complement is an act done at home ("threatened to impose a curfew in Algiers")."""
    for c in complements(verb):
        if c.pos_ == "VERB":
            objects = object_lemmas(c)
            verb_rules = [r for r in dictionary.by_verb.get(c.lemma_.lower(), ()) if not r.with_ or r.with_ & objects]
            noun_rules = [r for o in objects for r in dictionary.by_noun.get(o, ()) if c.lemma_.lower() in r.light]
            at_home = dictionary.words.domestic_types - dictionary.words.no_default_target_types
            if any(r.type in at_home for r in verb_rules + noun_rules):
                return True
    return False
