"""The trigger dictionary: the rules of data/triggers.yaml (and a user's file) indexed by lemma."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from ..model import EVENT_TYPES
from ..vocabulary import Vocabulary, load_vocabulary


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
    """What the event coder reads: trigger rules indexed by verb and noun lemma, and the vocabulary."""

    rules: tuple[Rule, ...]
    words: Vocabulary
    by_verb: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    by_noun: dict[str, tuple[Rule, ...]] = field(default_factory=dict)


def load_dictionary(user_file: str | None = None, *, user_vocabulary: str | None = None) -> Dictionary:
    """The shipped trigger rules followed by a user's (a user rule with a shipped id replaces it),
    with the vocabulary merged with a user's (see accord.vocabulary)."""
    return _load_dictionary(user_file, user_vocabulary)


@lru_cache(maxsize=8)
def _load_dictionary(user_file: str | None, user_vocabulary: str | None) -> Dictionary:
    text = (resources.files("accord") / "data" / "triggers.yaml").read_text(encoding="utf-8")
    rows = list(yaml.safe_load(text))
    if user_file:
        path = Path(user_file)
        if not path.is_file():
            raise InputError(str(path), "user trigger file not found")
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
    return Dictionary(rules, load_vocabulary(user_vocabulary), {k: order(v) for k, v in by_verb.items()},
                      {k: order(v) for k, v in by_noun.items()})


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
