"""accord: event data from news about relations between states.

    >>> import accord
    >>> x = accord.extract("Italy and Azerbaijan signed a treaty on Monday.", published="2023-01-12")
"""
from __future__ import annotations

import typing as _typing

__version__ = "0.1.0"

#: each public name and the module that defines it, imported on first use so that `import accord`
#: (and `accord --help`) does not load spaCy, the store or the coder
_NAMES = {
    "Annotator": "annotate",
    "AccordError": "errors", "InputError": "errors", "PipelineError": "errors", "QueryError": "errors",
    "StoreError": "errors",
    "read_articles": "ingest",
    "Actor": "model", "Article": "model", "Cluster": "model", "Entity": "model", "Event": "model",
    "Extraction": "model", "Fact": "model", "FuzzyDate": "model", "Location": "model", "Rejected": "model",
    "Skipped": "model", "Span": "model",
    "extract": "pipeline", "run": "pipeline",
    "Settings": "settings",
    "Report": "runner", "process": "runner",
    "Records": "store", "Store": "store",
}

if _typing.TYPE_CHECKING:
    from .annotate import Annotator
    from .errors import AccordError, InputError, PipelineError, QueryError, StoreError
    from .ingest import read_articles
    from .model import (Actor, Article, Cluster, Entity, Event, Extraction, Fact, FuzzyDate, Location, Rejected,
                        Skipped, Span)
    from .pipeline import extract, run
    from .runner import Report, process
    from .settings import Settings
    from .store import Records, Store

__all__ = [
    "AccordError", "Actor", "Annotator", "Article", "Cluster", "Entity", "Event", "Extraction", "Fact", "FuzzyDate",
    "InputError", "Location", "PipelineError", "QueryError", "Records", "Rejected", "Report", "Settings", "Skipped",
    "Span", "Store", "StoreError", "__version__", "extract", "process", "read_articles", "run",
]


def __getattr__(name: str) -> _typing.Any:
    from importlib import import_module

    module = _NAMES.get(name)
    if module is None:
        raise AttributeError(f"module 'accord' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
