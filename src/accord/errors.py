"""Errors accord raises, each saying what to do next.

    AccordError
    ├── InputError        an input file or record cannot be read (names file and line)
    ├── PipelineError     the spaCy pipeline cannot be loaded
    ├── StoreError        the store cannot be opened or is of another schema version
    ├── QueryError        a filter or search expression is invalid
    └── MissingExtra      an optional dependency is not installed (names the extra and how to add it)
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
    """A query parameter is invalid (bad dyad, date, or search syntax); `field` names it where one is to blame."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


#: The extras `make demo` installs (the Makefile's DEMO_EXTRAS): the README's examples need no more.
DEMO_EXTRAS = ("api", "parquet", "pandas", "notebook")


class MissingExtra(AccordError):
    """An optional dependency is not installed: the message says which extra has it, installed from the checkout."""

    def __init__(self, feature: str, extra: str, cause: BaseException | None = None) -> None:
        why = f" ({cause})" if cause else ""
        also = " (`make demo` installs it into .venv)" if extra in DEMO_EXTRAS else ""
        super().__init__(f"{feature} needs the `{extra}` extra{why}: in the accord folder, "
                         f"run pip install -e '.[{extra}]'{also}")
        self.extra = extra
