"""Modality: whether a trigger states a fact, a future act, or something negated, refused or doubtful.

Read from the verb that carries the event and the verbs above it (through xcomp, aux, up to
four): "not"/"never" negate, "will" makes it future, "may"/"if" doubtful, "failed to" refused,
an intent verb ("pledged to") future.
"""
from __future__ import annotations


from ..vocabulary import Vocabulary
from .triggers import Hit


def modality(hit: Hit, words: Vocabulary) -> str:
    """fact, future, negated, refused or doubtful, read from the verb that carries the event."""
    future = words.future_auxiliaries
    verb = hit.anchor
    chain = [verb]
    t = verb
    while t.dep_ in ("xcomp", "aux") and t.head.i != t.i and len(chain) < 4:
        t = t.head
        chain.append(t)
    if t.dep_ == "conj" and t.head.i != t.i:
        # "X said ... and threatened": a coordinated verb shares the tense of its first verb, not its negation
        head = t.head
        if t.tag_ == "VB" and {c.lower_ for c in head.children if c.dep_ == "aux"} & future \
                and not any(c.dep_ in ("aux", "neg") for c in t.children):
            return "future"  # "will meet and sign"
    if hit.kind == "noun" and any(c.dep_ == "neg" or c.lower_ in words.noun_negations for c in hit.token.children):
        return "negated"
    for v in chain:
        kids = {c.lower_ for c in v.children if c.dep_ in ("aux", "neg", "auxpass", "mark")}
        if any(c.dep_ == "neg" for c in v.children) or kids & words.verb_negations:
            return "refused" if kids & future or v.lemma_.lower() in words.intent_words else "negated"
        if v is not verb and v.lemma_.lower() in words.refusal_verbs:
            return "refused"  # "failed to reach agreement", "declined to resign"
        if v is not verb and v.lemma_.lower() in words.denial_verbs:
            return "negated"
        if kids & words.condition_marks:
            return "doubtful"
        if kids & words.doubt_auxiliaries and not (kids & future):
            return "doubtful"
        if kids & future and "have" in kids and v.tag_ == "VBN":
            return "doubtful"  # "a bill that would have allowed ...": what did not happen
        if kids & future:
            return "future"
        if v is not verb and v.lemma_.lower() in words.intent_words and verb.dep_ == "xcomp":
            return "future"
    if hit.kind == "noun" and any(c.lower_ in words.noun_future_marks for c in hit.token.children):
        return "future"
    return "fact"
