"""Typed records that the pipeline stages exchange.

Every extracted field keeps a Span: the article it came from and character offsets into
that article's text, so that any value can be traced back to its evidence.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

#: PLOVER's quad classes, for colouring timelines and the GDELT export.
QUAD_CLASS: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

Precision = Literal["day", "month", "year", "monthday"]
FactType = Literal["money", "count", "percent", "quantity"]
Qualifier = Literal["exact", "about", "more_than", "less_than"]
ActorKind = Literal["country", "person", "organisation", "group"]


@dataclass(frozen=True, slots=True)
class Span:
    """Characters [start, end) of one article's text."""

    article_id: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"article_id": self.article_id, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date at the precision the text supports: "2020-02", "1992", "--11-17"."""

    value: str
    precision: Precision
    raw: str | None = None
    span: Span | None = None

    @property
    def year(self) -> int | None:
        return None if self.precision == "monthday" else int(self.value[:4])


@dataclass(frozen=True, slots=True)
class Article:
    """One news report: its text and what is known about where it comes from."""

    id: str
    text: str
    title: str | None = None
    published: FuzzyDate | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    path: str | None = None
    body_start: int = 0  # where the story begins after header lines (date, byline), which hold no actors

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts or is acted on: a country, and optionally a person or organisation in it."""

    country: str | None
    sectors: tuple[str, ...] = ()
    name: str | None = None
    role: str | None = None
    organisation: str | None = None
    kind: ActorKind = "country"
    entity: str | None = None  # per-article entity id ("E3"); mentions are in Extraction.entities
    span: Span | None = None

    @property
    def label(self) -> str:
        """The name an analyst reads: person (organisation), else organisation, else country."""
        if self.name and self.organisation and self.organisation not in self.name:
            return f"{self.name} ({self.organisation})"
        return self.name or self.organisation or (self.country or "?")


@dataclass(frozen=True, slots=True)
class Entity:
    """One actor of an article with all the spans that mention it."""

    id: str
    actor: Actor
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, and how that was decided."""

    country: str | None
    place: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    how: Literal["stated", "dateline", "host", "actors", "none"] = "none"  # actors: at home, or where attacked
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: PLOVER type, mode and contexts, CAMEO code, actors, when, where."""

    id: str
    article_id: str
    type: str
    source: Actor
    target: Actor | None
    evidence: Span
    trigger: Span
    rule: str
    cameo: str | None = None
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    date: FuzzyDate | None = None
    location: Location | None = None
    directed: bool = True
    confidence: float = 0.5
    negated: bool = False
    extra_evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Fact:
    """One stated figure with whom it belongs to."""

    id: str
    article_id: str
    fact_type: FactType
    value: float
    unit: str
    qualifier: Qualifier
    evidence: Span
    span: Span
    metric: str | None = None
    holder: str | None = None
    counterpart: str | None = None
    date: FuzzyDate | None = None
    alt_value: float | None = None
    alt_unit: str | None = None


@dataclass(frozen=True, slots=True)
class Cluster:
    """Records from several articles that state the same event or figure."""

    id: str
    kind: Literal["event", "fact"]
    members: tuple[str, ...]  # record ids
    articles: tuple[str, ...]
    conflict: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Explanation:
    """What fired in one sentence and why: the material of `accord explain`."""

    sentence: Span
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one article."""

    article: Article
    events: tuple[Event, ...] = ()
    facts: tuple[Fact, ...] = ()
    entities: tuple[Entity, ...] = ()
    locations: tuple[Location, ...] = ()
    explanations: tuple[Explanation, ...] = field(default=(), compare=False)
    error: str | None = None  # set when a stage failed on this article: it is quarantined, never half-stored


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be read as an article, and why; goes to the quarantine."""

    where: str  # "path" or "path:line"
    reason: str
    content_hash: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file in a folder that accord does not read (unknown type, hidden); named in the run's summary."""

    where: str
    reason: str
