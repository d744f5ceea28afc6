"""The embedded store: SQLite in WAL mode, FTS5 over article text and evidence.

Articles are keyed by a hash of their text, so ingesting the same text twice adds nothing;
each article is written in one transaction with its events, facts and actors.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import consolidate
from .errors import MissingExtra, QueryError, StoreError
from .model import QUAD_CLASS, Extraction, Rejected
from .records import event_record, fact_record

SCHEMA_VERSION = 2  # 2 added `copies`: the same text under other names

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    hash TEXT PRIMARY KEY, doc_id TEXT NOT NULL, title TEXT, published TEXT, published_precision TEXT,
    source TEXT, authors TEXT, url TEXT, path TEXT, text TEXT NOT NULL, ingested_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS articles_doc ON articles(doc_id);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, article_hash TEXT NOT NULL REFERENCES articles(hash), doc_id TEXT NOT NULL,
    type TEXT NOT NULL, mode TEXT, cameo TEXT, source_country TEXT, target_country TEXT, dyad TEXT,
    date TEXT, confidence REAL, evidence TEXT, cluster TEXT, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_dyad ON events(dyad, date);
CREATE INDEX IF NOT EXISTS events_type ON events(type, dyad);
CREATE INDEX IF NOT EXISTS events_block ON events(dyad, type, date);
CREATE INDEX IF NOT EXISTS events_article ON events(article_hash);
CREATE INDEX IF NOT EXISTS events_cluster ON events(cluster);
CREATE INDEX IF NOT EXISTS events_source ON events(source_country, date);
CREATE INDEX IF NOT EXISTS events_target ON events(target_country, date);
CREATE TABLE IF NOT EXISTS facts (
    id TEXT PRIMARY KEY, article_hash TEXT NOT NULL REFERENCES articles(hash), doc_id TEXT NOT NULL,
    fact_type TEXT NOT NULL, value REAL, unit TEXT, holder TEXT, counterpart TEXT, dyad TEXT, date TEXT,
    evidence TEXT, cluster TEXT, conflict INTEGER NOT NULL DEFAULT 0, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS facts_block ON facts(fact_type, unit, dyad, date);
CREATE INDEX IF NOT EXISTS facts_value ON facts(fact_type, unit, value);
CREATE INDEX IF NOT EXISTS facts_article ON facts(article_hash);
CREATE INDEX IF NOT EXISTS facts_cluster ON facts(cluster);
CREATE INDEX IF NOT EXISTS facts_holder ON facts(holder);
CREATE INDEX IF NOT EXISTS facts_counterpart ON facts(counterpart);
CREATE TABLE IF NOT EXISTS actors (
    id TEXT PRIMARY KEY, article_hash TEXT NOT NULL REFERENCES articles(hash), country TEXT, kind TEXT,
    name TEXT, role TEXT, sectors TEXT, mentions TEXT NOT NULL, person TEXT);
CREATE INDEX IF NOT EXISTS actors_name ON actors(name);
CREATE INDEX IF NOT EXISTS actors_article ON actors(article_hash);
CREATE TABLE IF NOT EXISTS copies (
    hash TEXT NOT NULL REFERENCES articles(hash), doc_id TEXT NOT NULL, path TEXT, PRIMARY KEY (hash, doc_id));
CREATE TABLE IF NOT EXISTS quarantine (
    id INTEGER PRIMARY KEY, location TEXT NOT NULL UNIQUE, reason TEXT NOT NULL, content_hash TEXT, at REAL NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(hash UNINDEXED, title, text);
CREATE VIRTUAL TABLE IF NOT EXISTS evidence_fts USING fts5(record_id UNINDEXED, kind UNINDEXED, evidence);
"""


#: Sorts records without a date, or with a date without a year ("--11-17"), after the dated ones.
UNDATED_LAST = "(date IS NULL OR date LIKE '--%'), date IS NULL"


class Records(list):  # type: ignore[type-arg]
    """Query results: a list of canonical records (dicts) that also converts to pandas."""

    def to_records(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self]

    def to_pandas(self) -> Any:
        """One row per record; actor fields flattened to source_country, source_name, target_country, ..."""
        try:
            import pandas as pd
        except ImportError as exc:
            raise MissingExtra("Records.to_pandas() (pandas)", "pandas", exc) from exc

        rows = []
        for r in self:
            row = {k: v for k, v in r.items() if not isinstance(v, dict)}
            for side in ("source", "target"):
                actor = r.get(side)
                if isinstance(actor, dict) or (side in r and actor is None and r.get("kind") == "event"):
                    actor = actor or {}
                    row[f"{side}_country"] = actor.get("country")
                    row[f"{side}_name"] = actor.get("name")
                    row[f"{side}_sectors"] = " ".join(actor.get("sectors") or [])
            rows.append(row)
        frame = pd.DataFrame(rows)
        if "date" in frame:
            frame["date"] = frame["date"].astype("string")
        return frame


def dyad_key(a: str | None, b: str | None) -> str:
    """ "AZE-ITA": the unordered country pair, "-" for a missing side."""
    return "-".join(sorted((a or "-", b or "-")))


@dataclass
class Store:
    """An open store; use `Store.open(path)` and close it, or use it as a context manager."""

    path: str
    conn: sqlite3.Connection

    @classmethod
    def open(cls, path: str | Path = "accord.db", *, readonly: bool = False) -> "Store":
        if readonly and not Path(path).is_file():
            raise StoreError(f"no store at {path}: create one with `accord ingest FILES --db {path}` (or `accord demo`)")
        try:
            if readonly:
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            else:
                conn = sqlite3.connect(str(path), check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript(SCHEMA)
                conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                # a version 1 store only lacked the copies table, which the script above has just made
                conn.execute("UPDATE meta SET value=? WHERE key='schema_version' AND value='1'", (str(SCHEMA_VERSION),))
                conn.commit()
            conn.execute("PRAGMA busy_timeout=10000")
            conn.row_factory = sqlite3.Row
            found = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from exc
        if found is None or int(found[0]) != SCHEMA_VERSION:
            raise StoreError(f"{path} has schema version {found[0] if found else None}, accord needs {SCHEMA_VERSION}")
        return cls(str(path), conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------ writing
    def ingest(self, inputs: Any, *, settings: Any = None, workers: int = 1) -> Any:
        """Read, extract and store every article under the given paths (see `accord ingest`); returns a Report."""
        from .runner import process
        from .settings import Settings

        paths = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
        return process(paths, settings=settings or Settings(), store=self, workers=workers)

    def has_article(self, content_hash: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE hash=?", (content_hash,)).fetchone() is not None

    def add(self, x: Extraction) -> bool:
        """Store one article with everything found in it; False when its text is already stored."""
        a = x.article
        h = a.content_hash
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM articles WHERE hash=?", (h,)).fetchone():
                return False
            c.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)", (
                h, a.id, a.title, a.published.value if a.published else None,
                a.published.precision if a.published else None, a.source, json.dumps(list(a.authors)), a.url, a.path,
                a.text, time.time()))
            c.execute("INSERT INTO article_fts VALUES (?,?,?)", (h, a.title or "", a.text))
            for e in x.events:
                rec = event_record(e)
                rid = f"{h}:{e.id.rsplit(':', 1)[-1]}"
                rec["id"] = rid
                rec["cluster"] = consolidate.assign_event(c, rec)
                c.execute("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
                    rid, h, a.id, e.type, e.mode, e.cameo, e.source.country, e.target.country if e.target else None,
                    dyad_key(e.source.country, e.target.country if e.target else None),
                    rec["date"], e.confidence, e.evidence.text, rec["cluster"], json.dumps(rec, ensure_ascii=False)))
                c.execute("INSERT INTO evidence_fts VALUES (?,?,?)", (rid, "event", e.evidence.text))
            for f in x.facts:
                rec = fact_record(f)
                rid = f"{h}:{f.id.rsplit(':', 1)[-1]}"
                rec["id"] = rid
                rec["cluster"], conflict = consolidate.assign_fact(c, rec)
                rec["conflict"] = conflict
                c.execute("INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
                    rid, h, a.id, f.fact_type, f.value, f.unit, f.holder, f.counterpart,
                    dyad_key(f.holder, f.counterpart), rec["date"], f.evidence.text, rec["cluster"], int(bool(conflict)),
                    json.dumps(rec, ensure_ascii=False)))
                c.execute("INSERT INTO evidence_fts VALUES (?,?,?)", (rid, "fact", f.evidence.text))
            for ent in x.entities:
                act = ent.actor
                c.execute("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?)", (
                    f"{h}:{ent.id}", h, act.country, act.kind, act.name, act.role, " ".join(act.sectors),
                    json.dumps([[m.start, m.end, m.text] for m in ent.mentions], ensure_ascii=False),
                    consolidate.person_key(act.name, act.country) if act.kind == "person" else None))
        return True

    def add_copy(self, content_hash: str, doc_id: str, path: str | None = None) -> None:
        """Record that a file repeats the text of a stored article: its name joins that article's records."""
        with self.transaction() as c:
            c.execute("INSERT OR IGNORE INTO copies SELECT hash, ?, ? FROM articles WHERE hash=? AND doc_id != ?",
                      (doc_id, path, content_hash, doc_id))

    def quarantine(self, item: Rejected) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO quarantine (location, reason, content_hash, at) VALUES (?,?,?,?) "
                      "ON CONFLICT(location) DO UPDATE SET reason=excluded.reason, at=excluded.at",
                      (item.where, item.reason, item.content_hash, time.time()))

    # ------------------------------------------------------------ reading
    def counts(self) -> dict[str, int]:
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 (fixed names)
                for t in ("articles", "events", "facts", "actors", "quarantine")}

    def articles(self, *, limit: int = 100, offset: int = 0) -> Records:
        rows = self.conn.execute(
            "SELECT hash, doc_id, title, published, source, authors, url, path, length(text) AS chars, "
            "(SELECT count(*) FROM events e WHERE e.article_hash=a.hash) AS events, "
            "(SELECT count(*) FROM facts f WHERE f.article_hash=a.hash) AS facts "
            "FROM articles a ORDER BY published, doc_id LIMIT ? OFFSET ?", (limit, offset)).fetchall()
        return Records(dict(r) | {"authors": json.loads(r["authors"] or "[]")} for r in rows)

    def article(self, key: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM articles WHERE hash=? OR doc_id=? LIMIT 1", (key, key)).fetchone()
        return dict(row) if row else None

    def events(self, *, dyad: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, country: str | None = None, min_confidence: float | None = None,
               doc_id: str | None = None, limit: int = 1000, offset: int = 0, clustered: bool = False) -> Records:
        """Event records; `clustered=True` gives one record per real event, with `doc_ids` and `sources`."""
        check_limit(limit)
        where, args = _filters(dyad=dyad, type=type, since=since, until=until, country=country, doc_id=doc_id,
                               countries=("source_country", "target_country"))
        if min_confidence is not None:
            where.append("confidence >= ?")
            args.append(min_confidence)
        if clustered:
            where.append("id = cluster")
        sql = "SELECT record FROM events" + (" WHERE " + " AND ".join(where) if where else "") + \
            f" ORDER BY {UNDATED_LAST}, date, id LIMIT ? OFFSET ?"
        rows = Records(json.loads(r[0]) for r in self.conn.execute(sql, (*args, limit, offset)))
        return self._with_sources("events", rows) if clustered else rows

    def _with_sources(self, table: str, rows: Records) -> Records:
        """Cluster records: the first report's record, naming every article and evidence of the cluster."""
        for rec in rows:
            members = [json.loads(r[0]) for r in self.conn.execute(
                f"SELECT record FROM {table} WHERE cluster = ? ORDER BY rowid", (rec["id"],))]  # noqa: S608
            hashes = list(dict.fromkeys(m["id"].rsplit(":", 1)[0] for m in members))
            copies = [dict(r) for h in hashes
                      for r in self.conn.execute("SELECT doc_id, path FROM copies WHERE hash=? ORDER BY rowid", (h,))]
            rec["doc_ids"] = list(dict.fromkeys([m["doc_id"] for m in members] + [c["doc_id"] for c in copies]))
            if copies:
                rec["copies"] = copies  # files that repeat the text of a member's article
            rec["sources"] = [{"id": m["id"], "doc_id": m["doc_id"], "evidence": m["evidence"],
                               "evidence_span": m["evidence_span"], "date": m.get("date"),
                               **({"value": m["value"]} if "value" in m else {})} for m in members]
            rec["n_mentions"] = len(members)
        return rows

    def event(self, rid: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT record FROM events WHERE id=?", (rid,)).fetchone()
        return json.loads(row[0]) if row else None

    def facts(self, *, dyad: str | None = None, type: str | None = None, since: str | None = None,
              until: str | None = None, country: str | None = None, doc_id: str | None = None,
              limit: int = 1000, offset: int = 0, clustered: bool = False) -> Records:
        """Fact records; `clustered=True` gives one record per figure, with every source and conflicts."""
        check_limit(limit)
        where, args = _filters(dyad=dyad, type=type, since=since, until=until, country=country, doc_id=doc_id,
                               countries=("holder", "counterpart"), type_column="fact_type")
        if clustered:
            where.append("id = cluster")
        sql = "SELECT record FROM facts" + (" WHERE " + " AND ".join(where) if where else "") + \
            " ORDER BY dyad, fact_type, value LIMIT ? OFFSET ?"
        rows = Records(json.loads(r[0]) for r in self.conn.execute(sql, (*args, limit, offset)))
        return self._with_sources("facts", rows) if clustered else rows

    def clusters(self, kind: str = "event", *, dyad: str | None = None, min_size: int = 1) -> list[dict[str, Any]]:
        """Groups of records that state the same event or figure, each with all its sources."""
        if kind not in ("event", "fact"):
            raise QueryError(f"kind is 'event' or 'fact', not {kind!r}")
        where, args = _filters(dyad=dyad, type=None, since=None, until=None, country=None, doc_id=None,
                               countries=("holder", "counterpart") if kind == "fact" else ("source_country", "target_country"))
        table = "facts" if kind == "fact" else "events"
        sql = f"SELECT cluster, record FROM {table}" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY rowid"  # noqa: S608
        groups: dict[str, list[dict[str, Any]]] = {}
        for cluster, raw in self.conn.execute(sql, args):
            groups.setdefault(cluster, []).append(json.loads(raw))
        out = []
        for cid, members in groups.items():
            if len(members) < min_size:
                continue
            out.append({"cluster": cid, "kind": kind, "size": len(members),
                        "articles": sorted({m["doc_id"] for m in members}),
                        "conflict": any(m.get("conflict") for m in members), "record": members[0],
                        "members": members})
        return out

    def countries(self) -> list[str]:
        """Every country code of the stored events: their actors' and where they happened."""
        rows = self.conn.execute(
            "SELECT source_country FROM events UNION SELECT target_country FROM events "
            "UNION SELECT json_extract(record, '$.location') FROM events")
        return sorted(r[0] for r in rows if r[0])

    def quad_months(self, *, dyad: str | None = None, country: str | None = None,
                    clustered: bool = True) -> dict[str, Any]:
        """Events per month and PLOVER quad class, to see a relation warm or cool.

        `months` lists each month with an event, oldest first: `{"month": "2023-01", "quads": [verbal cooperation,
        material cooperation, verbal conflict, material conflict]}`; `without_month` counts the events dated to a
        year only, without a year, or not at all. One count per real event (cluster) unless `clustered=False`.
        """
        where, args = _filters(dyad=dyad, type=None, since=None, until=None, country=country, doc_id=None,
                               countries=("source_country", "target_country"))
        if clustered:
            where.append("id = cluster")
        month = "CASE WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr(date, 1, 7) END"
        sql = f"SELECT {month} AS month, type, count(*) FROM events" + \
            (" WHERE " + " AND ".join(where) if where else "") + " GROUP BY 1, 2"  # noqa: S608 (fixed SQL fragments)
        months: dict[str, list[int]] = {}
        without = 0
        for key, type_, n in self.conn.execute(sql, args):
            if key is None:
                without += n
            else:
                months.setdefault(key, [0, 0, 0, 0])[QUAD_CLASS.get(type_, 1) - 1] += n
        return {"months": [{"month": m, "quads": q} for m, q in sorted(months.items())], "without_month": without,
                "counts": "real events (clusters)" if clustered else "reports"}

    def iter_records(self) -> Iterator[dict[str, Any]]:
        """Every event and fact record, article by article in the order they were stored."""
        hashes = [r[0] for r in self.conn.execute("SELECT hash FROM articles ORDER BY rowid")]
        for h in hashes:
            copies = [r[0] for r in self.conn.execute("SELECT doc_id FROM copies WHERE hash=? ORDER BY rowid", (h,))]
            for table in ("events", "facts"):
                for row in self.conn.execute(f"SELECT record FROM {table} WHERE article_hash=? ORDER BY rowid", (h,)):  # noqa: S608
                    rec = json.loads(row[0])
                    if copies:
                        rec["doc_ids"] = [rec["doc_id"], *copies]  # the same text stored under other names
                    yield rec

    def quarantined(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT location, reason, content_hash, at FROM quarantine ORDER BY id")]

    def actors(self, *, country: str | None = None, kind: str | None = None) -> Records:
        """Every actor entity of every article, with its mentions."""
        sql = "SELECT a.id, ar.doc_id, a.country, a.kind, a.name, a.role, a.sectors, a.mentions, a.person FROM actors a " \
              "JOIN articles ar ON ar.hash = a.article_hash WHERE (? IS NULL OR a.country = ?) AND (? IS NULL OR a.kind = ?) " \
              "ORDER BY a.rowid"
        rows = self.conn.execute(sql, (country, country, kind, kind)).fetchall()
        return Records(dict(r) | {"mentions": json.loads(r["mentions"]), "sectors": (r["sectors"] or "").split()} for r in rows)

    def people(self, *, country: str | None = None) -> Records:
        """Persons across articles, name variants joined (see consolidate.group_people)."""
        rows = self.actors(country=country, kind="person")
        return Records(consolidate.group_people(list(rows)))

    def search(self, q: str, *, fts: bool = False, kind: str | None = None, dyad: str | None = None,
               type: str | None = None, since: str | None = None, until: str | None = None,
               country: str | None = None, limit: int = 50) -> Records:
        """Events and facts whose evidence holds every word and "quoted phrase" of `q`, best match first.

        Words are matched as written, punctuation and all ("U.S.", "Greece's", "$1.5 billion"); with `fts=True`,
        `q` is an SQLite FTS5 expression instead ("protocol OR memorandum", "trade NEAR/3 deal"). Each hit has
        `record_id`, `kind`, `snippet` (the match in [brackets]) and the whole `record`.
        """
        if kind not in (None, "event", "fact"):
            raise QueryError(f"kind is 'event' or 'fact', not {kind!r}", field="kind")
        match = q if fts else fts_terms(q)
        if not match.strip():
            return Records()
        parts, args = [], []
        for k, table, countries, type_column in (("event", "events", ("source_country", "target_country"), "type"),
                                                 ("fact", "facts", ("holder", "counterpart"), "fact_type")):
            if kind not in (None, k):
                continue
            where, found = _filters(dyad=dyad, type=type, since=since, until=until, country=country, doc_id=None,
                                    countries=countries, type_column=type_column)
            narrow = f" AND x.record_id IN (SELECT id FROM {table} WHERE {' AND '.join(where)})" if where else ""
            parts.append("SELECT x.rowid AS hit, x.record_id, x.kind, bm25(evidence_fts) AS score FROM evidence_fts x "
                         f"WHERE evidence_fts MATCH ? AND x.kind = '{k}'{narrow}")
            args += [match, *found]
        # rank every match by bm25 first, then build snippets and read records for the hits returned only:
        # a common word matches tens of thousands of evidence texts in an archive
        sql = " UNION ALL ".join(parts) + " ORDER BY score, record_id LIMIT ?"
        try:
            rows = self.conn.execute(sql, (*args, limit)).fetchall()  # noqa: S608 (fixed SQL fragments)
        except sqlite3.OperationalError as exc:
            raise QueryError(f"invalid search expression {q!r}: {exc}" +
                             ("" if fts else " (please report it: plain words should always work)"), field="q") from exc
        out = Records()
        for r in rows:
            snippet = self.conn.execute("SELECT snippet(evidence_fts, 2, '[', ']', '…', 12) FROM evidence_fts "
                                        "WHERE evidence_fts MATCH ? AND rowid = ?", (match, r["hit"])).fetchone()
            table = "events" if r["kind"] == "event" else "facts"
            record = self.conn.execute(f"SELECT record FROM {table} WHERE id = ?", (r["record_id"],)).fetchone()  # noqa: S608
            if snippet is not None and record is not None:
                out.append({"record_id": r["record_id"], "kind": r["kind"], "snippet": snippet[0],
                            "record": json.loads(record[0])})
        return out


def fts_terms(text: str) -> str:
    """Plain words and "quoted phrases" as FTS5 strings, every one required: `U.S. talks` -> `"U.S." "talks"`."""
    terms = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        term = (phrase or word).replace('"', "")
        if re.search(r"\w", term):  # a term of punctuation alone matches no token
            terms.append(f'"{term}"')
    return " ".join(terms)


def check_date(value: str, field: str = "date") -> str:
    """`value` when it is a real YYYY, YYYY-MM or YYYY-MM-DD date, else a QueryError naming the field."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    why = "" if m else " "
    if m:
        try:
            dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
        except ValueError as exc:
            why = f" ({exc})"
    if why:
        raise QueryError(f"{field} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}{why.rstrip()}", field=field)
    return value


def check_limit(value: int, field: str = "limit") -> int:
    """`value` when it is a count of rows (1 or more), else a QueryError naming the field."""
    if value < 1:
        raise QueryError(f"{field} must be 1 or more, not {value}", field=field)
    return value

def _filters(*, dyad: str | None, type: str | None, since: str | None, until: str | None, country: str | None,
             doc_id: str | None, countries: tuple[str, str], type_column: str = "type") -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if dyad:
        parts = dyad.upper().replace("_", "-").split("-")
        if len(parts) != 2 or not all(re.fullmatch(r"[A-Z]{3}", p) for p in parts):
            raise QueryError(f"dyad must be two three-letter codes like AZE-ITA, not {dyad!r}", field="dyad")
        where.append("dyad = ?")
        args.append(dyad_key(*parts))
    if type:
        where.append(f"{type_column} = ?")
        args.append(type.upper() if type_column == "type" else type.lower())
    for value, op, field in ((since, ">=", "since"), (until, "<=", "until")):
        if value:
            check_date(value, field)
            where.append(f"date IS NOT NULL AND substr(date, 1, {len(value)}) {op} ?")
            args.append(value)
    if country:
        if not re.fullmatch(r"[A-Za-z]{3}", country):
            raise QueryError(f"country must be a three-letter code, not {country!r}", field="country")
        where.append(f"({countries[0]} = ? OR {countries[1]} = ?)")
        args += [country.upper(), country.upper()]
    if doc_id:
        where.append("doc_id = ?")
        args.append(doc_id)
    return where, args
