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
