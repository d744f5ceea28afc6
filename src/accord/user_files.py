"""Checks of the user's dictionary files before anything is coded: each named file exists, and every trigger
rule in a user trigger file names a PLOVER type. A problem is an InputError naming the file and line.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .model import EVENT_TYPES

#: The settings that name a user file, with the environment variable that can set each.
USER_FILES = (("user_triggers", "ACCORD_USER_TRIGGERS", "user trigger file"),
              ("user_actors", "ACCORD_USER_ACTORS", "user actor file"))


def check_settings(settings: Any) -> None:
    """Every user file the settings name exists; a user trigger file's rules name PLOVER types."""
    for name, variable, what in USER_FILES:
        value = getattr(settings, name, None)
        if value and not Path(value).is_file():
            raise InputError(str(value), f"{what} not found (setting `{name}`, from {variable} or a config file; "
                                         "a relative path is relative to the current folder)")
    if getattr(settings, "user_triggers", None):
        check_trigger_file(settings.user_triggers)


def check_trigger_file(path: str | Path) -> None:
    """A user trigger file is a YAML list of rules, each with an `id` and a PLOVER `type`."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise InputError(where, f"not valid YAML: {getattr(exc, 'problem', None) or exc}") from None
    if root is None:
        return
    if not isinstance(root, yaml.SequenceNode):
        raise InputError(f"{path}:{root.start_mark.line + 1}", "a trigger file is a list of rules (`- id: ...`)")
    for rule in root.value:
        _check_rule(path, rule)


def _check_rule(path: str | Path, rule: yaml.Node) -> None:
    where = f"{path}:{rule.start_mark.line + 1}"
    if not isinstance(rule, yaml.MappingNode):
        raise InputError(where, "each rule is a mapping with `id`, `type` and `verbs` or `nouns`")
    fields = {key.value: value for key, value in rule.value if isinstance(key, yaml.ScalarNode)}
    rule_id = fields["id"].value if isinstance(fields.get("id"), yaml.ScalarNode) else None
    if not rule_id:
        raise InputError(where, "a rule has no `id`")
    kind = fields.get("type")
    value = kind.value if isinstance(kind, yaml.ScalarNode) else None
    if value not in EVENT_TYPES:
        at = f"{path}:{kind.start_mark.line + 1}" if kind is not None else where
        raise InputError(at, f"rule {rule_id!r} has type {value!r}, not a PLOVER type: one of {', '.join(EVENT_TYPES)}")
