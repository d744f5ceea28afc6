"""Event coding: PLOVER 2.0 type, mode and contexts with a CAMEO code, from triggers in data/triggers.yaml.

One sentence goes through these steps (`code_sentence`, in sentence.py); each is a module:

    sentence ─> triggers.py   verbs and nouns a rule of dictionary.py codes; one event once
             ─> modality.py   fact / future / negated / refused / doubtful    (negated, doubtful: dropped)
             ─> roles.py      source and target from the parse (clauses.py reads the clause)
             ─> defaults.py   parties left unstated: default target, host of a visit, country of a group
             ─> recode.py     type, CAMEO code and mode once cargo, partners and modality are read
             ─> dating.py     the event's date        placing.py   its place
             ─> confidence.py how directly the parse stated it
    article  ─> merge.py      one event told in several sentences becomes one

Every event keeps its evidence, trigger and rule, and `accord explain` lists why each fired
or was dropped.
"""
from __future__ import annotations

from .dictionary import Dictionary, Rule, load_dictionary
from .merge import merge_mentions
from .sentence import CodedSentence, code_sentence
from .triggers import Hit, find_triggers

__all__ = ["CodedSentence", "Dictionary", "Hit", "Rule", "code_sentence", "find_triggers", "load_dictionary",
           "merge_mentions"]
