"""Recoding: the type, CAMEO code and mode an event takes once its cargo, partners and modality are read.

A rule gives the type of the trigger ("vowed" is AGREE); what the sentence says around it
can change that: a promise of force is a THREATEN, a future act of cooperation an AGREE,
planes loaded with relief an AID. Contexts (military, economic, ...) come from the rule, the
actors' sectors and the words of the sentence.
"""
from __future__ import annotations

from typing import Any

from ..model import QUAD_CLASS, Actor
from ..vocabulary import Vocabulary
from .clauses import subject
from .dictionary import Dictionary, Rule
from .modality import conditional, prepared
from .roles import Roles
from .triggers import Hit, hostile_complement

AGREE_CAMEO = {"CONSULT": "036", "SUPPORT": "030", "COOPERATE": "030", "AID": "033", "CONCEDE": "035",
               "RETREAT": "035"}
RELIEF_WORDS = {"water", "food", "tent", "medicine", "medical", "aid", "relief", "supply", "blanket", "doctor",
                "vaccine", "rice", "wheat", "shelter"}


def recode(hit: Hit, roles: Roles, modality: str, dictionary: Dictionary) -> tuple[str, str | None, str | None]:
    """The type, CAMEO code and mode the event takes once its cargo, partners and modality are read."""
    rule = hit.rule
    rtype, cameo, mode = rule.type, rule.cameo, rule.mode
    if rtype == "MOBILIZE" and hit.kind == "verb" and _relief_cargo(hit.token):
        rtype, cameo, mode = "AID", "070", None  # "sent planes loaded with water and tents to Vanuatu"
    if rtype == "COOPERATE" and "military" in rule.contexts and not roles.target and hit.kind == "noun":
        rtype, cameo, mode = "MOBILIZE", "150", None  # war games with no partner are a show of force
    if modality == "refused":
        rtype, cameo, mode = "REJECT", "120", None  # "will not accept refugees"
    elif rtype == "AGREE" and rule.absorbs and hostile_complement(hit.token, dictionary):
        rtype, cameo, mode = "THREATEN", "130", None  # "vowed to fight on": a promise of force is a threat
    if modality == "future" and conditional(hit):
        # "will withdraw its force unless ...": a commitment on a condition is a threat
        rtype, cameo, mode = "THREATEN", "130", None
    elif modality == "future" and rtype not in ("AGREE", "SANCTION"):  # announced sanctions are sanctions
        if rtype == "ASSAULT" and prepared(hit.anchor):
            rtype, cameo, mode = "MOBILIZE", "152", None  # "the army prepared to resume shelling": on alert
        elif QUAD_CLASS[rtype] == 4:
            rtype, cameo, mode = "THREATEN", "138" if rtype == "ASSAULT" else "130", None
        elif QUAD_CLASS[rtype] in (1, 2):
            rtype, cameo, mode = "AGREE", AGREE_CAMEO.get(rtype, "030"), None
    if rtype == "CONSULT" and mode == "visit" and hit.kind == "verb":
        # troops that arrive are deployed, not visiting: peacekeepers are aid, other forces a mobilisation
        words = " ".join(t.lower_ for t in subject(hit.token, dictionary.words))
        if "peacekeep" in words:
            rtype, cameo, mode = "AID", "074", None
        elif any(w in words.split() for w in ("troops", "forces", "soldiers", "warships", "units", "battalion", "tanks")):
            rtype, cameo, mode = "MOBILIZE", "154", None
    return rtype, cameo, mode


def _relief_cargo(verb: Any) -> bool:
    """The things sent are relief ("planes loaded with water, tents and medical teams")."""
    def cargo(t: Any) -> list[Any]:  # the thing and what it is loaded with, not where it goes
        return [t] + [x for c in t.children if c.dep_ != "prep" or c.lower_ in ("with", "of") for x in cargo(c)]
    objects = [t for c in verb.children if c.dep_ == "dobj" for t in cargo(c)]
    return any(t.lemma_.lower() in RELIEF_WORDS for t in objects)


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
