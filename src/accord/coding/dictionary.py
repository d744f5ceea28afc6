"""The trigger dictionary: the rules of data/triggers.yaml (and a user's file) indexed by lemma."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from yaml.nodes import Node

from .. import datafile
from ..model import EVENT_TYPES, QUAD_CLASS
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
    topic_object: bool = False  # the object is what is talked about; only "with" names the partner ("discussed Libya")

    @property
    def holds_clause(self) -> bool:
        """The verb's complement clause is this event's content: an absorbing rule's, and a demand's,
        accusation's, refusal's or threat's ("demanded that Kosovo withdraw", "accused X of shelling Y")."""
        return self.absorbs or QUAD_CLASS[self.type] == 3


#: "X said Y must ..." is a demand by X on Y, whatever the inner verb
MUST_RULE = Rule(id="said-must", type="REQUEST", cameo="100", absorbs=True, needs_target=True)
#: "X said Y failed to ...", "what X called Y's failure to ...": a reproach by X of Y
FAILED_RULE = Rule(id="said-failed", type="ACCUSE", cameo="111", mode="disapprove", absorbs=True, needs_target=True)


@dataclass(frozen=True)
class Dictionary:
    """What the event coder reads: trigger rules indexed by verb and noun lemma, the vocabulary, the recoding rules."""

    rules: tuple[Rule, ...]
    words: Vocabulary
    recoding: tuple[RecodeRule, ...]
    by_verb: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    by_noun: dict[str, tuple[Rule, ...]] = field(default_factory=dict)


def load_dictionary(user_file: str | None = None, *, user_vocabulary: str | None = None,
                    user_recoding: str | None = None) -> Dictionary:
    """The shipped trigger rules followed by a user's (a user rule with a shipped id replaces it),
    with the vocabulary and the recoding rules, each merged with a user's file."""
    return _load_dictionary(user_file, user_vocabulary, user_recoding)


@lru_cache(maxsize=8)
def _load_dictionary(user_file: str | None, user_vocabulary: str | None, user_recoding: str | None) -> Dictionary:
    text, where = datafile.shipped("triggers.yaml")
    rules = _trigger_rules(datafile.compose(text, where), where)
    if user_file:
        text, where = datafile.user(user_file, "trigger")
        extra = _trigger_rules(datafile.compose(text, where), where)
        ids = {r.id for r in extra}
        rules = [r for r in rules if r.id not in ids] + extra
    by_verb: dict[str, list[Rule]] = defaultdict(list)
    by_noun: dict[str, list[Rule]] = defaultdict(list)
    for rule in rules:
        for v in rule.verbs:
            by_verb[v].append(rule)
        for n in rule.nouns:
            by_noun[n].append(rule)
    # rules that name their object are more specific: try them first
    order = lambda rs: tuple(sorted(rs, key=lambda r: (not r.with_, not r.light, not r.phrase)))  # noqa: E731
    return Dictionary(tuple(rules), load_vocabulary(user_vocabulary), load_recoding(user_recoding),
                      {k: order(v) for k, v in by_verb.items()}, {k: order(v) for k, v in by_noun.items()})


#: the fields of a trigger rule: lists of words, and flags
_LIST_FIELDS = ("contexts", "verbs", "nouns", "with", "light", "phrase")
_FLAG_FIELDS = ("absorbs", "swap", "needs_target", "to_people", "recipient_first", "object_actor", "topic_object")


def _trigger_rules(node: Node | None, where: str) -> list[Rule]:
    """The rules of a trigger file, each checked field by field (a bad one is an error naming its line)."""
    rules = []
    for item in datafile.items(node, where, "the trigger rules"):
        found = {}
        for name, key, value in datafile.entries(item, where, "a trigger rule"):
            if name in _LIST_FIELDS:
                datafile.words(value, where, f"{name}")
            elif name in _FLAG_FIELDS:
                if datafile.scalar(value, where, name) not in ("true", "false"):
                    datafile.fail(where, value, f"{name} should be true or false")
            elif name not in ("id", "type", "cameo", "mode"):
                datafile.fail(where, key, f"unknown field {name!r} of a trigger rule (see docs/how-coding-works.md)")
            found[name] = value
        if "id" not in found:
            datafile.fail(where, item, "a trigger rule needs an id")
        row = datafile.value(item)
        if row.get("type") not in EVENT_TYPES:
            datafile.fail(where, found.get("type", item),
                          f"rule {row.get('id')!r} has type {row.get('type')!r}, not a PLOVER type")
        rules.append(_rule(row))
    return rules


def _rule(row: dict[str, Any]) -> Rule:
    low = lambda xs: frozenset(str(x).lower() for x in xs or ())  # noqa: E731
    return Rule(id=str(row["id"]), type=row["type"], cameo=str(row["cameo"]) if row.get("cameo") else None,
                mode=row.get("mode") or None, contexts=tuple(row.get("contexts") or ()), verbs=low(row.get("verbs")),
                nouns=low(row.get("nouns")), with_=low(row.get("with")), light=low(row.get("light")),
                absorbs=bool(row.get("absorbs")), swap=bool(row.get("swap")),
                phrase=tuple(str(p).lower() for p in row.get("phrase") or ()), needs_target=bool(row.get("needs_target")), to_people=bool(row.get("to_people")),
                recipient_first=bool(row.get("recipient_first")), object_actor=bool(row.get("object_actor")),
                topic_object=bool(row.get("topic_object")))


# ---------------------------------------------------------------- recoding rules (data/recoding.yaml)

@dataclass(frozen=True)
class RecodeRule:
    """One rule of data/recoding.yaml: conditions on an event (None: no condition) and what it then becomes."""

    id: str
    type: str
    cameo: str | None = None
    mode: str | None = None
    types: frozenset[str] | None = None
    not_types: frozenset[str] = frozenset()
    quads: frozenset[int] | None = None
    kind: str | None = None
    modality: str | None = None
    mode_is: str | None = None
    context: str | None = None
    absorbs: bool | None = None
    no_target: bool | None = None
    hostile_complement: bool | None = None
    cargo: frozenset[str] | None = None
    under: frozenset[str] | None = None
    complement: frozenset[str] | None = None
    clause_marks: frozenset[str] | None = None
    subject_words: frozenset[str] | None = None
    subject_contains: tuple[str, ...] | None = None


#: condition of the file -> (field of RecodeRule, kind of value)
_CONDITIONS = {
    "type": ("types", "types"), "not_type": ("not_types", "types"), "quad": ("quads", "quads"),
    "kind": ("kind", ("verb", "noun")), "modality": ("modality", ("fact", "future", "refused")),
    "mode": ("mode_is", "name"), "context": ("context", "name"), "absorbs": ("absorbs", "flag"),
    "no_target": ("no_target", "flag"), "hostile_complement": ("hostile_complement", "flag"),
    "cargo": ("cargo", "lower"), "under": ("under", "lower"), "complement": ("complement", "lower"),
    "clause_marks": ("clause_marks", "lower"),
    "subject_words": ("subject_words", "lower"), "subject_contains": ("subject_contains", "lower"),
}


def load_recoding(user_file: str | None = None) -> tuple[RecodeRule, ...]:
    """The shipped recoding rules; a user's rule with a shipped id replaces it in place, others follow."""
    return _load_recoding(user_file)


@lru_cache(maxsize=8)
def _load_recoding(user_file: str | None) -> tuple[RecodeRule, ...]:
    text, where = datafile.shipped("recoding.yaml")
    rules = _recode_rules(datafile.compose(text, where), where)
    if user_file:
        text, where = datafile.user(user_file, "recoding")
        extra = _recode_rules(datafile.compose(text, where), where)
        by_id = {r.id: r for r in extra}
        rules = [by_id.pop(r.id, r) for r in rules] + [r for r in extra if r.id in by_id]
    return tuple(rules)


def _recode_rules(node: Node | None, where: str) -> list[RecodeRule]:
    rules = []
    for item in datafile.items(node, where, "the recoding rules"):
        parts = {name: (key, value) for name, key, value in datafile.entries(item, where, "a recoding rule")}
        for name, (key, _) in parts.items():
            if name not in ("id", "when", "then"):
                datafile.fail(where, key, f"unknown field {name!r} of a recoding rule (id, when, then)")
        if "id" not in parts or "then" not in parts:
            datafile.fail(where, item, "a recoding rule needs an id and a `then`")
        fields: dict[str, Any] = {"id": datafile.scalar(parts["id"][1], where, "the id")}
        fields.update(_result(parts["then"][1], where))
        if "when" in parts:
            fields.update(_conditions(parts["when"][1], where))
        rules.append(RecodeRule(**fields))
    return rules


def _result(node: Node, where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, key, value in datafile.entries(node, where, "`then`"):
        if name not in ("type", "cameo", "mode"):
            datafile.fail(where, key, f"`then` sets type, cameo and mode, not {name!r}")
        out[name] = datafile.scalar(value, where, name)
    if out.get("type") not in EVENT_TYPES:
        datafile.fail(where, node, f"`then` needs a PLOVER type, not {out.get('type')!r}")
    return out


def _conditions(node: Node, where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, key, value in datafile.entries(node, where, "`when`"):
        if name not in _CONDITIONS:
            datafile.fail(where, key, f"unknown condition {name!r} (known: {', '.join(_CONDITIONS)})")
        field_name, kind = _CONDITIONS[name]
        if kind == "flag":
            text = datafile.scalar(value, where, name)
            if text not in ("true", "false"):
                datafile.fail(where, value, f"{name} should be true or false")
            out[field_name] = text == "true"
        elif kind in ("types", "lower"):
            found = datafile.word_list(value, where, name, kind)
            out[field_name] = tuple(found) if name == "subject_contains" else frozenset(found)
        elif kind == "quads":
            quads = datafile.words(value, where, name)
            for item, q in zip(datafile.items(value, where, name), quads):
                if q not in ("1", "2", "3", "4"):
                    datafile.fail(where, item, f"quad: {q!r} should be 1, 2, 3 or 4")
            out[field_name] = frozenset(int(q) for q in quads)
        else:
            text = datafile.scalar(value, where, name)
            if isinstance(kind, tuple) and text not in kind:
                datafile.fail(where, value, f"{name} should be {' or '.join(kind)}, not {text!r}")
            out[field_name] = text
    return out
