"""Reading the YAML data files (shipped or a user's) so that a bad entry is reported with its file and line.

The files are parsed to nodes, which carry their line, and checked section by section
before they become Python values: `accord: error: my_words.yaml:12: ...`.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import InputError
from .model import EVENT_TYPES

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser reads the large tables five times faster


def shipped(name: str) -> tuple[str, str]:
    """The text of a file of the package's data/ folder, and the name errors give it."""
    return (resources.files("accord") / "data" / name).read_text(encoding="utf-8"), f"data/{name}"


def user(path_name: str, what: str) -> tuple[str, str]:
    """The text of a user's file, and its name; a missing file is an error."""
    path = Path(path_name)
    if not path.is_file():
        raise InputError(str(path), f"user {what} file not found")
    return path.read_text(encoding="utf-8"), str(path)


def compose(text: str, where: str) -> Node | None:
    """The file's node tree (None for an empty file)."""
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise InputError(f"{where}{line}", f"not valid YAML: {getattr(exc, 'problem', exc)}") from exc


def fail(where: str, node: Node, reason: str) -> NoReturn:
    raise InputError(f"{where}:{node.start_mark.line + 1}", reason)


def entries(node: Node | None, where: str, what: str) -> list[tuple[str, Node, Node]]:
    """A mapping's (key, key node, value node) triples, in file order."""
    if node is None:
        return []
    if not isinstance(node, MappingNode):
        fail(where, node, f"{what} should be a mapping of names to values")
    return [(scalar(k, where, "a name"), k, v) for k, v in node.value]


def items(node: Node | None, where: str, what: str) -> list[Node]:
    """A sequence's item nodes."""
    if node is None:
        return []
    if not isinstance(node, SequenceNode):
        fail(where, node, f"{what} should be a list")
    return list(node.value)


def scalar(node: Node, where: str, what: str) -> str:
    """A scalar's text as written (so `no` stays the word "no", not false)."""
    if not isinstance(node, ScalarNode) or not str(node.value).strip():
        fail(where, node, f"{what} should be a single word or phrase")
    return str(node.value)


def words(node: Node, where: str, section: str, *, lower: bool = False) -> list[str]:
    """A list of words; `lower`: each must be written in lower case (it is compared with lower-cased text)."""
    out = []
    for item in items(node, where, section):
        word = scalar(item, where, f"each entry of {section}")
        if lower and word != word.lower():
            fail(where, item, f"{section}: {word!r} should be lower case (it is compared with lower-cased text)")
        out.append(word)
    return out


def value(node: Node) -> Any:
    """The plain Python value of a node, as yaml.safe_load would give it."""
    return _LOADER("").construct_document(node)  # type: ignore[no-untyped-call]


# Section kinds: lists of words ("lower": written in lower case, as they are compared with
# lower-cased text; "cased"; "types": PLOVER event types) and tables ("map": name -> name,
# "numbers": name -> number, "phrases": name -> lower-case phrases, "lists": name -> names).
LIST_KINDS = ("lower", "cased", "types")


def read_sections(node: Node | None, where: str, kinds: dict[str, str], *,
                  keys: dict[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    """Each section of a file, checked against its kind: lists as lists, tables as dicts."""
    out: dict[str, Any] = {}
    for name, key, value in entries(node, where, "the file"):
        _known(name, key, where, kinds)
        out[name] = _read(value, where, name, kinds[name], (keys or {}).get(name))
    return out


def merge(sections: dict[str, Any], node: Node | None, where: str, kinds: dict[str, str], *,
          keys: dict[str, tuple[str, ...]] | None = None) -> None:
    """A user's file into the shipped sections: a list adds its words (or `{add, remove, replace}`),
    a table entry adds or overrides its key (`null` removes it)."""
    for name, key, value in entries(node, where, "the file"):
        _known(name, key, where, kinds)
        kind, allowed = kinds[name], (keys or {}).get(name)
        if kind not in LIST_KINDS:
            _merge_table(sections, name, kind, value, where, allowed)
        elif isinstance(value, MappingNode):
            _merge_list(sections, name, kind, value, where)
        else:
            sections[name] = list(dict.fromkeys(sections.get(name, []) + _read(value, where, name, kind, None)))


def _known(name: str, key: Node, where: str, kinds: dict[str, str]) -> None:
    if name not in kinds:
        fail(where, key, f"unknown section {name!r} (known: {', '.join(sorted(kinds))})")


def _merge_list(sections: dict[str, Any], name: str, kind: str, node: MappingNode, where: str) -> None:
    found_words = list(sections.get(name, []))
    for op, key, value in entries(node, where, name):
        found = _read(value, where, name, kind, None)
        if op == "replace":
            found_words = found
        elif op == "add":
            found_words = list(dict.fromkeys(found_words + found))
        elif op == "remove":
            found_words = [w for w in found_words if w not in found]
        else:
            fail(where, key, f"{name}: {op!r} should be add, remove or replace")
    sections[name] = found_words


def _merge_table(sections: dict[str, Any], name: str, kind: str, node: Node, where: str,
                 allowed: tuple[str, ...] | None) -> None:
    table = dict(sections.get(name, {}))
    for key, key_node, value in entries(node, where, name):
        if isinstance(value, ScalarNode) and value.tag == "tag:yaml.org,2002:null":
            table.pop(key, None)
        elif kind == "phrases":
            table[key] = tuple(dict.fromkeys(table.get(key, ()) + _entry(kind, key, key_node, value, where, name, allowed)))
        else:
            table[key] = _entry(kind, key, key_node, value, where, name, allowed)
    sections[name] = table


def word_list(node: Node, where: str, name: str, kind: str) -> list[str]:
    """A list of words of a list kind ("lower", "cased", "types"), checked."""
    return list(_read(node, where, name, kind, None))


def _read(node: Node, where: str, name: str, kind: str, allowed: tuple[str, ...] | None) -> Any:
    """A section's value: a list of words, or a table."""
    if kind not in LIST_KINDS:
        return {key: _entry(kind, key, key_node, value, where, name, allowed)
                for key, key_node, value in entries(node, where, name)}
    found = words(node, where, name, lower=kind == "lower")
    if kind == "types":
        for item, word in zip(items(node, where, name), found):
            if word not in EVENT_TYPES:
                fail(where, item, f"{name}: {word!r} is not a PLOVER event type")
    return found


def _entry(kind: str, key: str, key_node: Node, value: Node, where: str, name: str,
           allowed: tuple[str, ...] | None) -> Any:
    """One entry of a table: a name (map), a number (numbers), lower-case phrases (phrases), names (lists)."""
    if allowed is not None and key not in allowed:
        fail(where, key_node, f"{name}: {key!r} should be one of {', '.join(allowed)}")
    if kind in ("phrases", "lists") and key != key.lower():
        fail(where, key_node, f"{name}: {key!r} should be lower case (it is compared with lower-cased text)")
    if kind == "map":
        return scalar(value, where, f"the value of {key!r} in {name}")
    if kind == "numbers":
        text = scalar(value, where, f"the value of {key!r} in {name}")
        try:
            return float(text)
        except ValueError:
            fail(where, value, f"{name}: the value of {key!r} should be a number, not {text!r}")
    return tuple(words(value, where, f"{name}.{key}", lower=kind == "phrases"))
