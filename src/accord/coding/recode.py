"""Recoding: the type, CAMEO code and mode an event takes once its cargo, partners and modality are read.

A trigger rule gives the type ("vowed" is AGREE); what the sentence says around it can change
that: a promise of force is a THREATEN, a future act of cooperation an AGREE, planes loaded
with relief an AID. The rules that say so are data (data/recoding.yaml, loaded with the
dictionary); this module evaluates their conditions on the parse. Contexts (military,
economic, ...) come from the trigger rule, the actors' sectors and the words of the sentence.
"""
from __future__ import annotations

from typing import Any

from ..model import QUAD_CLASS, Actor
from ..vocabulary import Vocabulary
from .clauses import subject
from .dictionary import Dictionary, RecodeRule, Rule
from .roles import Roles
from .triggers import Hit, hostile_complement



def recode(hit: Hit, roles: Roles, modality: str, dictionary: Dictionary) -> tuple[str, str | None, str | None]:
    """The type, CAMEO code and mode the event takes once its cargo, partners and modality are read:
    each rule of data/recoding.yaml that holds for the event, as the rules before it left it, recodes it."""
    rtype, cameo, mode = hit.rule.type, hit.rule.cameo, hit.rule.mode
    for rule in dictionary.recoding:
        if _holds(rule, hit, roles, modality, rtype, mode, dictionary):
            rtype, cameo, mode = rule.type, rule.cameo, rule.mode
    return rtype, cameo, mode


def _holds(rule: RecodeRule, hit: Hit, roles: Roles, modality: str, rtype: str, mode: str | None,
           dictionary: Dictionary) -> bool:
    """Whether every condition of the rule holds: those of the event first, then those read from the parse."""
    trigger = hit.rule
    if (rule.types is not None and rtype not in rule.types) or rtype in rule.not_types \
            or (rule.quads is not None and QUAD_CLASS[rtype] not in rule.quads) \
            or (rule.kind is not None and hit.kind != rule.kind) \
            or (rule.modality is not None and modality != rule.modality) \
            or (rule.mode_is is not None and mode != rule.mode_is) \
            or (rule.context is not None and rule.context not in trigger.contexts) \
            or (rule.absorbs is not None and trigger.absorbs != rule.absorbs) \
            or (rule.no_target is not None and (not roles.target) != rule.no_target):
        return False
    if rule.hostile_complement is not None and hostile_complement(hit.token, dictionary) != rule.hostile_complement:
        return False
    if rule.cargo is not None and not _cargo(hit.token, rule.cargo):
        return False
    if rule.under is not None and not _under(hit.anchor, rule.under):
        return False
    if rule.complement is not None and not _complement(hit.token, rule.complement):
        return False
    if rule.clause_marks is not None and not _marked_clause(hit.anchor, rule.clause_marks):
        return False
    if rule.subject_words is not None or rule.subject_contains is not None:
        words = [t.lower_ for t in subject(hit.token, dictionary.words)]
        if rule.subject_words is not None and not rule.subject_words & set(" ".join(words).split()):
            return False
        if rule.subject_contains is not None and not any(part in " ".join(words) for part in rule.subject_contains):
            return False
    return True


def _cargo(verb: Any, lemmas: frozenset[str]) -> bool:
    """The things sent are of these ("a frigate loaded with rice, blankets and field doctors")."""
    def cargo(t: Any) -> list[Any]:  # the thing and what it is loaded with, not where it goes
        return [t] + [x for c in t.children if c.dep_ != "prep" or c.lower_ in ("with", "of") for x in cargo(c)]
    objects = [t for c in verb.children if c.dep_ == "dobj" for t in cargo(c)]
    return any(t.lemma_.lower() in lemmas for t in objects)


def _complement(verb: Any, lemmas: frozenset[str]) -> bool:
    """An infinitive hung on the verb or on its object is one of these ("gave them 72 hours to leave")."""
    heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return any(c.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl") and c.lemma_.lower() in lemmas
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for h in heads for c in h.children)


def _under(verb: Any, lemmas: frozenset[str]) -> bool:
    """The verb's clause is the complement of one of these ("prepared to resume shelling", "is preparing to attack")."""
    t = verb
    for _ in range(3):
        if t.dep_ != "xcomp" or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in lemmas:
            return True
    return False


def _marked_clause(verb: Any, marks: frozenset[str]) -> bool:
    """The verb has an adverbial clause opened by one of these ("will withdraw its force unless ...")."""
    return any(m.lower_ in marks for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark")


def contexts(rule: Rule, sent: Any, actors: Actor | None, target: Actor | None, words: Vocabulary) -> tuple[str, ...]:
    """PLOVER contexts: the rule's, "military" for a military actor, and those the sentence's words name."""
    found = list(rule.contexts)
    for a in (actors, target):
        if a and "MIL" in a.sectors and "military" not in found:
            found.append("military")
    for t in sent:
        ctx = words.context_words.get(t.lower_)
        if ctx and ctx not in found:
            found.append(ctx)
    return tuple(found)
