"""Errors accord raises, each saying what to do next.

    AccordError
    ├── InputError        an input file or record cannot be read (names file and line)
    ├── PipelineError     the spaCy pipeline cannot be loaded
    ├── StoreError        the store cannot be opened or is of another schema version
    └── QueryError        a filter or search expression is invalid
"""
from __future__ import annotations


class AccordError(Exception):
    """Base of every error accord raises on purpose."""


class InputError(AccordError):
    """An input cannot be read; `where` is "path" or "path:line"."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class PipelineError(AccordError):
    """The spaCy pipeline named in the settings cannot be loaded."""


class StoreError(AccordError):
    """The store cannot be opened or written."""


class QueryError(AccordError):
    """A query parameter is invalid (bad dyad, date, or search syntax)."""
