"""Modality: whether a trigger states a fact, a future act, or something negated, refused or doubtful.

Read from the verb that carries the event and the verbs above it (through xcomp, aux, up to
four): "not"/"never" negate, "will" makes it future, "may"/"if" doubtful, "failed to" refused,
an intent verb ("pledged to") future.
"""
from __future__ import annotations

from typing import Any

from .triggers import Hit

INTENT = {"willing", "ready", "prepared", "determined", "eager", "set", "plan", "intend", "promise", "pledge", "offer", "expect", "prepare", "hope", "want", "seek",
          "vow", "aim", "propose", "agree", "consider", "wish", "undertake", "commit", "go"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
DOUBT_AUX = {"may", "might", "could", "should", "must", "can"}
DENY = {"deny", "reject", "rule", "dismiss", "cancel", "postpone", "avoid", "stop"}
REFUSE = {"fail", "refuse", "decline"}


def modality(hit: Hit) -> str:
    """fact, future, negated, refused or doubtful, read from the verb that carries the event."""
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


def conditional(hit: Hit) -> bool:
    """ "will withdraw its force unless ...": a commitment on a condition."""
    verb = hit.anchor
    return any(m.lower_ in ("unless",) for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark")


def prepared(verb: Any) -> bool:
    """ "prepared to resume shelling", "is preparing to attack": readiness for force, not a threat."""
    t = verb
    for _ in range(3):
        if t.dep_ != "xcomp" or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in ("prepare", "gear", "mass"):
            return True
    return False
