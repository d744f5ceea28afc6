"""accord: event data from news about relations between states.

    >>> import accord
    >>> x = accord.extract("Italy and Azerbaijan signed a treaty on Monday.", published="2023-01-12")
"""
from __future__ import annotations

__version__ = "0.1.0"

from .annotate import Annotator
from .errors import AccordError, InputError, PipelineError, QueryError, StoreError
from .ingest import read_articles
from .model import (Actor, Article, Cluster, Entity, Event, Extraction, Fact, FuzzyDate, Location, Rejected, Skipped,
                    Span)
from .pipeline import extract, run
from .settings import Settings
from .runner import Report, process
from .store import Records, Store

__all__ = [
    "AccordError", "Actor", "Annotator", "Article", "Cluster", "Entity", "Event", "Extraction", "Fact", "FuzzyDate",
    "InputError", "Location", "PipelineError", "QueryError", "Records", "Rejected", "Report", "Settings", "Skipped",
    "Span", "Store", "StoreError", "__version__", "extract", "process", "read_articles", "run",
]
