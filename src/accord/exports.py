"""Writers for extractions and stored records: evaluation JSON Lines, PLOVER JSON, GDELT-like CSV, CSV, Parquet."""
from __future__ import annotations

import csv
import itertools
import json
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, TextIO

from .errors import MissingExtra, QueryError
from .model import QUAD_CLASS
# the record shapes live in records.py; they stay importable from here, where they used to be
from .records import actor_record, event_record, extraction_records, fact_record  # noqa: F401

if TYPE_CHECKING:
    from .store import Store


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


# ---------------------------------------------------------------- exports of a store

FORMATS: tuple[str, ...] = ("jsonl", "plover", "gdelt", "csv", "parquet")
PAGE = 1000

#: Columns of the `csv` export and the event rows of the `parquet` export.
EVENT_COLUMNS: tuple[str, ...] = (
    "kind", "id", "cluster", "doc_id", "date", "date_precision", "type", "mode", "cameo", "quad_class", "contexts",
    "source_country", "source_sectors", "source_name", "source_role", "source_kind",
    "target_country", "target_sectors", "target_name", "target_role", "target_kind",
    "directed", "location", "place", "evidence", "evidence_start", "evidence_end", "trigger", "rule", "confidence",
)
#: Columns of the fact rows of the `parquet` export.
FACT_COLUMNS: tuple[str, ...] = (
    "kind", "id", "cluster", "doc_id", "date", "fact_type", "metric", "holder", "counterpart", "value", "unit",
    "qualifier", "alt_value", "alt_unit", "evidence", "evidence_start", "evidence_end", "text", "conflict",
)
#: The GDELT 2.0 event columns accord can fill, in GDELT's order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor1Type2Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "Actor2Type2Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode", "DATEADDED", "SOURCEURL",
)
LEAD_MIN_CHARS = 80  # shorter opening paragraphs are datelines and bylines, not the lead


@dataclass(frozen=True, slots=True)
class Filters:
    """The record filters shared by the CLI, the API and the exports."""

    dyad: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    country: str | None = None
    clustered: bool = False

    def as_kwargs(self) -> dict[str, Any]:
        return {"dyad": self.dyad, "type": self.type, "since": self.since, "until": self.until, "country": self.country,
                "clustered": self.clustered}


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the exports cite about an event's article."""

    hash: str
    doc_id: str
    title: str | None
    url: str | None
    source: str | None
    ingested_at: float
    lead_end: int


@dataclass(frozen=True, slots=True)
class ClusterSize:
    """How often one cluster's event was reported: stored events, distinct articles, distinct sources."""

    mentions: int
    articles: int
    sources: int


def write(store: Store, fmt: str, out: str | Path | IO[Any], *, dyad: str | None = None, type: str | None = None,
          since: str | None = None, until: str | None = None, country: str | None = None,
          clustered: bool = True) -> int:
    """Write the stored records that match the filters to `out` as `fmt` (see FORMATS); the count written.

    `out` is a path or an open file: a text file, or for parquet a binary one (`sys.stdout.buffer`).
    jsonl holds events and facts, parquet one table of both with a `kind` column; plover, gdelt and csv hold events.
    """
    check_format(fmt)
    writers: dict[str, Callable[[Store, Filters, Any], int]] = {
        "jsonl": _write_jsonl, "plover": _write_plover, "gdelt": _write_gdelt, "csv": _write_csv,
        "parquet": _write_parquet}
    filters = Filters(dyad=dyad, type=type, since=since, until=until, country=country, clustered=clustered)
    with _snapshot(store), _opened(out, binary=fmt == "parquet") as fh:
        return writers[fmt](store, filters, fh)


def check_format(fmt: str) -> None:
    """A QueryError for an unknown format, a MissingExtra when the format's library is not installed."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
            import pyarrow.parquet  # noqa: F401
        except ImportError as exc:
            raise MissingExtra("the parquet export (pyarrow)", "parquet", exc) from exc


@contextmanager
def _opened(out: str | Path | IO[Any], *, binary: bool) -> Iterator[IO[Any]]:
    if not isinstance(out, (str, Path)):
        yield out
        return
    with open(out, "wb") if binary else open(out, "w", encoding="utf-8", newline="") as fh:
        yield fh


def stored_events(store: Store, filters: Filters = Filters()) -> Iterator[dict[str, Any]]:
    """Every stored event record matching `filters`, read a page at a time."""
    return _paged(store.events, filters)


def stored_facts(store: Store, filters: Filters = Filters()) -> Iterator[dict[str, Any]]:
    """Every stored fact record matching `filters`, read a page at a time."""
    return _paged(store.facts, filters)


def _paged(query: Callable[..., list[dict[str, Any]]], filters: Filters) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        page = query(**filters.as_kwargs(), limit=PAGE, offset=offset)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


@contextmanager
def _snapshot(store: Store) -> Iterator[None]:
    """One read transaction, so that paging sees one state of the store even while another process ingests."""
    if store.conn.in_transaction:
        yield
        return
    store.conn.execute("BEGIN")
    try:
        yield
    finally:
        store.conn.execute("ROLLBACK")


def _write_jsonl(store: Store, filters: Filters, fh: TextIO) -> int:
    return write_jsonl(itertools.chain(stored_events(store, filters), stored_facts(store, filters)), fh)


def _write_plover(store: Store, filters: Filters, fh: TextIO) -> int:
    articles = _ArticleCache(store)
    return write_jsonl((plover_record(r, articles.get(r)) for r in stored_events(store, filters)), fh)


def _write_gdelt(store: Store, filters: Filters, fh: TextIO) -> int:
    articles = _ArticleCache(store)
    sizes = cluster_sizes(store)
    fh.write("\t".join(GDELT_COLUMNS) + "\n")
    n = 0
    for rec in stored_events(store, filters):
        row = gdelt_row(rec, articles.get(rec), sizes.get(rec.get("cluster") or rec["id"], ClusterSize(1, 1, 1)))
        fh.write("\t".join(_tsv_cell(row[c]) for c in GDELT_COLUMNS) + "\n")
        n += 1
    return n


def _write_csv(store: Store, filters: Filters, fh: TextIO) -> int:
    w = csv.DictWriter(fh, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for rec in stored_events(store, filters):
        w.writerow({k: _csv_cell(v) for k, v in flat_event(rec).items()})
        n += 1
    return n


def _write_parquet(store: Store, filters: Filters, fh: BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_event(r) for r in stored_events(store, filters)] + [flat_fact(r) for r in stored_facts(store, filters)]
    pq.write_table(pa.Table.from_pylist(rows, schema=_parquet_schema(pa)), fh)
    return len(rows)


def _parquet_schema(pa: Any) -> Any:
    text, num, strings = pa.string(), pa.float64(), pa.list_(pa.string())
    kinds: dict[str, Any] = {
        "quad_class": pa.int8(), "contexts": strings, "source_sectors": strings, "target_sectors": strings,
        "directed": pa.bool_(), "evidence_start": pa.int64(), "evidence_end": pa.int64(), "confidence": num,
        "value": num, "alt_value": num, "conflict": strings,
    }
    names = list(dict.fromkeys(EVENT_COLUMNS + FACT_COLUMNS))
    return pa.schema([(n, kinds.get(n, text)) for n in names])


# ---------------------------------------------------------------- record shapes

def flat_event(rec: dict[str, Any]) -> dict[str, Any]:
    """One event record as flat columns (EVENT_COLUMNS); lists stay lists."""
    row: dict[str, Any] = {k: rec.get(k) for k in ("kind", "id", "cluster", "doc_id", "date", "date_precision", "type",
                                                   "mode", "cameo", "directed", "location", "place", "evidence",
                                                   "trigger", "rule", "confidence")}
    row["quad_class"] = QUAD_CLASS.get(rec["type"])
    row["contexts"] = list(rec.get("contexts") or [])
    for side in ("source", "target"):
        actor = rec.get(side) or {}
        row[f"{side}_country"] = actor.get("country")
        row[f"{side}_sectors"] = list(actor.get("sectors") or [])
        for key in ("name", "role", "kind"):
            row[f"{side}_{key}"] = actor.get(key)
    row["evidence_start"], row["evidence_end"] = _span(rec.get("evidence_span"))
    return {c: row.get(c) for c in EVENT_COLUMNS}


def flat_fact(rec: dict[str, Any]) -> dict[str, Any]:
    """One fact record as flat columns (FACT_COLUMNS); `conflict` lists the ids of contradicting facts."""
    row = {k: rec.get(k) for k in FACT_COLUMNS}
    row["evidence_start"], row["evidence_end"] = _span(rec.get("evidence_span"))
    conflict = rec.get("conflict")
    row["conflict"] = [str(c) for c in conflict] if isinstance(conflict, list) else []
    return row


def plover_record(rec: dict[str, Any], article: ArticleInfo | None) -> dict[str, Any]:
    """One event in PLOVER's JSON (PLOVER manual, "Data Fields"), with accord's extras named as such."""
    from . import __version__

    start, end = _span(rec.get("evidence_span"))
    return {
        "id": rec["id"], "date": rec.get("date"), "date_precision": rec.get("date_precision"),
        "actor": [plover_entity(rec["source"])] if rec.get("source") else [],
        "recipient": [plover_entity(rec["target"])] if rec.get("target") else [],
        "event": [rec["type"]], "mode": [rec["mode"]] if rec.get("mode") else [],
        "context": list(rec.get("contexts") or []), "quad_code": QUAD_CLASS.get(rec["type"]), "cameo": rec.get("cameo"),
        "event_loc": {"country_code": rec.get("location"), "extracted_place": rec.get("place")}
        if rec.get("location") or rec.get("place") else None,
        "event_text": [rec.get("evidence")], "text_info": {"start": start, "end": end},
        "cite_info": {"citation": rec.get("doc_id"), "title": article.title if article else None,
                      "url": article.url if article else None, "publication": article.source if article else None,
                      "language": "en", "coder": f"accord {__version__}", "codebook": "PLOVER 2.0"},
        "link": rec.get("cluster"), "confidence": rec.get("confidence"), "rule": rec.get("rule"),
    }


def plover_entity(actor: dict[str, Any]) -> dict[str, Any]:
    sectors = list(actor.get("sectors") or [])
    return {"code": actor.get("country"), "sector": sectors[0] if sectors else None, "other_sectors": sectors[1:],
            "entity_text": actor.get("name"), "office": actor.get("role")}


def gdelt_row(rec: dict[str, Any], article: ArticleInfo | None, size: ClusterSize) -> dict[str, Any]:
    """One event as GDELT 2.0 event columns (GDELT_COLUMNS); see docs/outputs.md for how each is filled."""
    cameo = rec.get("cameo") or ""
    sqldate = _sqldate(rec.get("date"))
    start, _ = _span(rec.get("evidence_span"))
    row: dict[str, Any] = {
        "GLOBALEVENTID": rec["id"], "SQLDATE": sqldate, "MonthYear": sqldate[:6], "Year": sqldate[:4],
        "IsRootEvent": int(article is not None and start is not None and start < article.lead_end),
        "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": QUAD_CLASS.get(rec["type"], ""),
        "NumMentions": size.mentions, "NumSources": size.sources, "NumArticles": size.articles,
        "ActionGeo_FullName": rec.get("place") or "", "ActionGeo_CountryCode": rec.get("location") or "",
        "DATEADDED": time.strftime("%Y%m%d%H%M%S", time.gmtime(article.ingested_at)) if article else "",
        "SOURCEURL": (article.url if article and article.url else None) or rec.get("doc_id") or "",
    }
    for n, side in ((1, "source"), (2, "target")):
        row.update(_gdelt_actor(n, rec.get(side)))
    return row


def _gdelt_actor(n: int, actor: dict[str, Any] | None) -> dict[str, str]:
    actor = actor or {}
    country = actor.get("country") or ""
    sectors = list(actor.get("sectors") or [])
    return {f"Actor{n}Code": country + (sectors[0] if sectors else ""), f"Actor{n}Name": actor.get("name") or country,
            f"Actor{n}CountryCode": country, f"Actor{n}Type1Code": sectors[0] if sectors else "",
            f"Actor{n}Type2Code": sectors[1] if len(sectors) > 1 else ""}


def cluster_sizes(store: Store) -> dict[str, ClusterSize]:
    """For every event cluster: stored events, distinct articles, distinct sources (an unnamed source counts once per article)."""
    rows = store.conn.execute(
        "SELECT e.cluster, count(*), count(DISTINCT e.article_hash), count(DISTINCT coalesce(a.source, a.hash)) "
        "FROM events e JOIN articles a ON a.hash = e.article_hash GROUP BY e.cluster").fetchall()
    return {str(r[0]): ClusterSize(mentions=r[1], articles=r[2], sources=r[3]) for r in rows}


def lead_end(text: str) -> int:
    """Where the lead paragraph ends: the first paragraph of LEAD_MIN_CHARS or more."""
    offset = 0
    for para in text.split("\n\n"):
        end = offset + len(para)
        if len(para.strip()) >= LEAD_MIN_CHARS:
            return end
        offset = end + 2
    return len(text)


class _ArticleCache:
    """Article details by hash (the prefix of a stored record id), each read once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.found: dict[str, ArticleInfo | None] = {}

    def get(self, rec: dict[str, Any]) -> ArticleInfo | None:
        key = str(rec["id"]).split(":", 1)[0]
        if key not in self.found:
            row = self.store.article(key)
            self.found[key] = None if row is None else ArticleInfo(
                hash=row["hash"], doc_id=row["doc_id"], title=row["title"], url=row["url"], source=row["source"],
                ingested_at=row["ingested_at"], lead_end=lead_end(row["text"]))
        return self.found[key]


def _span(span: Any) -> tuple[int | None, int | None]:
    if isinstance(span, (list, tuple)) and len(span) == 2:
        return int(span[0]), int(span[1])
    return None, None


def _sqldate(date: str | None) -> str:
    """YYYYMMDD with 00 for an unknown month or day; empty when the year is unknown."""
    if not date or date.startswith("--"):
        return ""
    parts = date.split("-")
    return parts[0] + "".join((parts[i] if i < len(parts) else "00") for i in (1, 2))


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return "" if value is None else value


def _tsv_cell(value: Any) -> str:
    """Tabs and line breaks would split a GDELT row, so every run of white space becomes one space; no quoting."""
    return " ".join(str(value).split())
