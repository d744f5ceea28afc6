"""Confidence of an event: how directly the parse stated its parties, raised when sentences repeat it.

| how the roles were found | confidence |
|---|---|
| subject, passive, coordinated subject, between | 0.8 |
| any other way (possessor, clause subject, both sides, ...) | 0.6 |
| ... with a target by default | 0.2 less |
| each further sentence stating the same event | 0.05 more, at most 0.95 |
"""
from __future__ import annotations

DIRECT = ("subject", "passive", "coordinated subject", "between")


def confidence(how: str) -> float:
    """The confidence of an event whose roles were found as `how` says (the `accord explain` label)."""
    value = 0.8 if how in DIRECT else 0.6
    if "default" in how:
        value -= 0.2
    return round(value, 2)


def corroborated(first: float, second: float) -> float:
    """The confidence of one event stated in two sentences."""
    return min(0.95, max(first, second) + 0.05)
