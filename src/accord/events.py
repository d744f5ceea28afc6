"""Event coding: the stage's public names; the coder itself is the package accord.coding."""
from __future__ import annotations

from .coding import CodedSentence, Dictionary, Rule, code_sentence, find_triggers, load_dictionary, merge_mentions

__all__ = ["CodedSentence", "Dictionary", "Rule", "code_sentence", "find_triggers", "load_dictionary", "merge_mentions"]
