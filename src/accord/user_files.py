"""Checks of the user's dictionary files before anything is coded: each named file exists and loads.

A problem is an InputError naming the file and line; the loaders themselves (coding.dictionary,
actors.tables) check every entry, so a bad rule is found here, before any article is read.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import InputError

#: The settings that name a user file, with the environment variable that can set each.
USER_FILES = (("user_triggers", "ACCORD_USER_TRIGGERS", "user trigger file"),
              ("user_actors", "ACCORD_USER_ACTORS", "user actor file"),
              ("user_vocabulary", "ACCORD_USER_VOCABULARY", "user vocabulary file"),
              ("user_recoding", "ACCORD_USER_RECODING", "user recoding file"))


def check_settings(settings: Any) -> None:
    """Every user file the settings name exists, and the dictionaries load with it."""
    for name, variable, what in USER_FILES:
        value = getattr(settings, name, None)
        if value and not Path(value).is_file():
            raise InputError(str(value), f"{what} not found (setting `{name}`, from {variable} or a config file; "
                                         "a relative path is relative to the current folder)")
    from . import compiled

    # the loaders check every entry; a compiled copy of these very files was checked when it was made
    compiled.dictionary(settings)
    compiled.tables(settings)
