"""HTTP JSON API over a store, and the web page that uses it; `accord serve` runs `create_app()` with uvicorn.

Every request opens the store read-only (new articles, when allowed, go through a writable connection of their
own). Invalid parameters are answered with a 4xx and `{"error": message}`, never with a 500.
"""
from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from . import dossier
from .dossier import dyad_summary
from .errors import AccordError, QueryError, StoreError
from .model import EVENT_TYPES
from .settings import Settings
from .store import Store, check_date
from .user_files import check_settings

MAX_BODY = 1_000_000  # bytes of one POSTed article
MAX_QUERY = 500  # characters of a search expression
FACT_TYPES = ("money", "count", "percent", "quantity")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


@dataclass(frozen=True, slots=True)
class RecordQuery:
    """The filters and page of a list of events or facts."""

    dyad: str | None
    type: str | None
    since: str | None
    until: str | None
    country: str | None
    min_confidence: float | None
    limit: int
    offset: int
    raw: bool = False

    def filters(self) -> dict[str, Any]:
        return {"dyad": self.dyad, "type": self.type, "since": self.since, "until": self.until,
                "country": self.country, "limit": self.limit, "offset": self.offset, "clustered": not self.raw}


class NewArticle(BaseModel):
    """An article sent to POST /api/articles."""

    id: str | None = Field(None, max_length=200, description="document id; default api-<text hash>")
    title: str | None = Field(None, max_length=1000)
    date: str | None = Field(None, pattern=r"^\d{4}(-\d\d(-\d\d)?)?$", description="publication date YYYY[-MM[-DD]]")
    text: str = Field(..., min_length=1, description="the article text")


def open_store(request: Request) -> Iterator[Store]:
    """A read-only connection for one request."""
    store = Store.open(request.app.state.db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()


Db = Annotated[Store, Depends(open_store)]


@dataclass(frozen=True, slots=True)
class RecordFilters:
    """The filters every list of records takes: pair, country, type, dates."""

    dyad: str | None
    type: str | None
    since: str | None
    until: str | None
    country: str | None


def record_filters(
    dyad: Annotated[str | None, Query(max_length=20, description="country pair, e.g. AZE-ITA (either order)")] = None,
    type: Annotated[str | None, Query(max_length=20, description="PLOVER event type or fact type")] = None,
    since: Annotated[str | None, Query(max_length=10, description="earliest date, YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, Query(max_length=10, description="latest date, YYYY[-MM[-DD]]")] = None,
    country: Annotated[str | None, Query(max_length=3, description="either side is this country")] = None,
) -> RecordFilters:
    _check_dates(since=since, until=until)
    return RecordFilters(dyad, type, since, until, country)


def record_query(
    f: Annotated[RecordFilters, Depends(record_filters)],
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="events at least this confident")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
    raw: Annotated[bool, Query(description="one record per report instead of one per real event or figure")] = False,
) -> RecordQuery:
    return RecordQuery(f.dyad, f.type, f.since, f.until, f.country, min_confidence, limit, offset, raw)


def _check_dates(**dates: str | None) -> None:
    """A date that is no calendar date ("2020-13-45") is a 422 naming the parameter, as FastAPI's own checks are."""
    problems = []
    for name, value in dates.items():
        try:
            if value is not None:
                check_date(value, name)
        except QueryError as exc:
            problems.append({"type": "value_error", "loc": ("query", name), "msg": str(exc), "input": value})
    if problems:
        raise RequestValidationError(problems)


def create_app(db_path: str | Path, *, allow_ingest: bool = False, settings: Settings | None = None,
               max_body: int = MAX_BODY, host: str | None = None) -> FastAPI:
    """The API and page over the store at `db_path`; POST /api/articles only with `allow_ingest`.

    `host` is the address the server listens on: when it is a loopback address, a request must name a
    loopback address or `host` in its Host header (see `trust_own_origin`).
    """
    path = str(db_path)
    if allow_ingest:
        check_settings(settings or Settings())  # a missing user file fails here, not on the first article
        Store.open(path).close()  # creates an empty store
    Store.open(path, readonly=True).close()  # a missing or foreign file fails here, not on the first request

    app = FastAPI(title="accord", version=__version__,
                  description="Events, facts and articles of an accord store. Errors are `{\"error\": message}`.")
    app.state.db_path = path
    _error_handlers(app)
    _read_routes(app)
    _article_routes(app)
    _ingest_route(app, path, allow_ingest=allow_ingest, settings=settings or Settings(), max_body=max_body)
    trust_own_origin(app, host=host)
    _page_routes(app)
    return app


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, str(exc))

    @app.exception_handler(AccordError)
    async def accord_error(request: Request, exc: AccordError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
        where = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in errors)
        return _error(422, f"invalid request: {where}", detail=errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))


def _check_type(value: str | None, allowed: tuple[str, ...]) -> None:
    if value and value.upper() not in (a.upper() for a in allowed):
        raise QueryError(f"type must be one of {', '.join(allowed)}, not {value!r}")


def _read_routes(app: FastAPI) -> None:
    @app.get("/api/events", summary="Stored events, filtered and paged")
    def events(store: Db, q: Annotated[RecordQuery, Depends(record_query)]) -> JSONResponse:
        _check_type(q.type, EVENT_TYPES)
        return _page(store.events(**q.filters(), min_confidence=q.min_confidence), q, "event")

    @app.get("/api/facts", summary="Stored facts (figures), filtered and paged")
    def facts(store: Db, q: Annotated[RecordQuery, Depends(record_query)]) -> JSONResponse:
        _check_type(q.type, FACT_TYPES)
        return _page(store.facts(**q.filters()), q, "fact")

    @app.get("/api/events/{event_id}", summary="One event with its evidence spans and its article")
    def event(store: Db, event_id: str) -> dict[str, Any]:
        rec = store.event(event_id)
        if rec is None:
            raise HTTPException(404, f"no event {event_id!r}")
        article = store.article(event_id.split(":", 1)[0])
        return rec | {"spans": _event_spans(rec), "article": _article_summary(article) if article else None}

    @app.get("/api/trend", summary="Events per month by PLOVER quad class, to see a relation warm or cool")
    def trend(store: Db, f: Annotated[RecordFilters, Depends(record_filters)],
              raw: Annotated[bool, Query(description="count reports instead of real events")] = False) -> dict[str, Any]:
        return store.quad_months(dyad=f.dyad, country=f.country, clustered=not raw)

    @app.get("/api/countries", summary="Where each country of the stored events is drawn on a map (its capital)")
    def countries(store: Db) -> dict[str, Any]:
        from .geography import country_points

        return {"items": {code: asdict(point) for code, point in country_points(store.countries()).items()}}

    @app.get("/api/dyads", summary="Country pairs with event counts per type and per month")
    def dyads(store: Db) -> dict[str, Any]:
        items = dyad_summary(store)
        countries = sorted({c for item in items for c in item["countries"]})
        return {"items": items, "countries": countries}

    @app.get("/api/dossier/{a}/{b}", summary="The report on the relations of two countries, as `accord dossier` writes it",
             response_class=HTMLResponse)
    def dossier_page(store: Db, a: str, b: str,
                     markdown: Annotated[bool, Query(description="Markdown instead of HTML")] = False) -> Any:
        report = dossier.build(store, a, b)
        if markdown:
            return HTMLResponse(dossier.render_markdown(report), media_type="text/markdown; charset=utf-8")
        return HTMLResponse(dossier.render_html(report))

    @app.get("/api/search", summary="Events and facts whose evidence holds every word or \"phrase\" of q")
    def search(store: Db, q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY,
                                                   description='words and "quoted phrases", matched as written')],
               f: Annotated[RecordFilters, Depends(record_filters)],
               limit: Annotated[int, Query(ge=1, le=1000)] = 50,
               fts: Annotated[bool, Query(description="q is an SQLite FTS5 expression (OR, NEAR, prefix*)")] = False,
               kind: Annotated[Literal["event", "fact"] | None, Query(description="only events or only facts")] = None,
               ) -> JSONResponse:
        if CONTROL.search(q):
            raise QueryError("a search expression cannot contain control characters")
        hits = store.search(q, fts=fts, kind=kind, dyad=f.dyad, type=f.type, since=f.since, until=f.until,
                            country=f.country, limit=limit)
        return JSONResponse({"items": [h | {"article": str(h["record_id"]).split(":", 1)[0]} for h in hits],
                             "count": len(hits), "shows": "one record per report whose evidence matches, best first"})


def _page(items: list[dict[str, Any]], q: RecordQuery, kind: str) -> JSONResponse:
    """A page of records. The records are JSON already (read from the store), so they are written as they are,
    without FastAPI's encoder walking every value (most of a request's time on an archive's pages)."""
    unit = "real event" if kind == "event" else "figure"
    shows = (f"one record per report (raw=true); without raw, one per {unit}" if q.raw
             else f"one record per {unit}, with every report of it in `sources` (raw=true: one per report)")
    return JSONResponse({"items": items, "count": len(items), "raw": q.raw, "shows": shows, "limit": q.limit,
                         "offset": q.offset, "next_offset": q.offset + q.limit if len(items) == q.limit else None})


def _event_spans(rec: dict[str, Any]) -> list[dict[str, Any]]:
    """The evidence, trigger and further evidence of an event as character spans of its article."""
    spans = [{"kind": "evidence", "start": rec["evidence_span"][0], "end": rec["evidence_span"][1],
              "text": rec.get("evidence")}]
    if rec.get("trigger_span"):
        spans.append({"kind": "trigger", "start": rec["trigger_span"][0], "end": rec["trigger_span"][1],
                      "text": rec.get("trigger")})
    spans += [{"kind": "more_evidence", "start": s, "end": e, "text": t} for s, e, t in rec.get("more_evidence") or []]
    return spans


def _article_summary(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in ("hash", "doc_id", "title", "published", "source", "url")}


def _article_actors(store: Store, article_hash: str) -> list[dict[str, Any]]:
    rows = store.conn.execute("SELECT id, country, kind, name, role, sectors, mentions FROM actors "
                              "WHERE article_hash=? ORDER BY id", (article_hash,)).fetchall()
    return [dict(r) | {"sectors": (r["sectors"] or "").split(), "mentions": [
        {"start": s, "end": e, "text": t} for s, e, t in json.loads(r["mentions"])]} for r in rows]


def _article_routes(app: FastAPI) -> None:
    @app.get("/api/articles", summary="Stored articles, paged, with their event and fact counts")
    def articles(store: Db, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                 offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0) -> dict[str, Any]:
        rows = [{k: v for k, v in r.items() if k != "path"} for r in store.articles(limit=limit, offset=offset)]
        return {"items": rows, "count": len(rows), "limit": limit, "offset": offset,
                "next_offset": offset + limit if len(rows) == limit else None}

    @app.get("/api/articles/{key}", summary="One article (by document id or text hash): text, events, facts, actors")
    def article(store: Db, key: str) -> dict[str, Any]:
        row = store.article(key)
        if row is None:
            raise HTTPException(404, f"no article {key!r}")
        h = row["hash"]
        mine = f"{h}:"
        events = [e for e in store.events(doc_id=row["doc_id"]) if e["id"].startswith(mine)]
        facts = [f for f in store.facts(doc_id=row["doc_id"]) if f["id"].startswith(mine)]
        return _article_summary(row) | {"authors": json.loads(row["authors"] or "[]"), "text": row["text"],
                                        "events": events, "facts": facts, "actors": _article_actors(store, h)}


def _ingest_route(app: FastAPI, path: str, *, allow_ingest: bool, settings: Settings, max_body: int) -> None:
    loaded: dict[str, Any] = {}
    lock = threading.Lock()

    def ingest(payload: NewArticle) -> tuple[int, dict[str, Any]]:
        from .ingest import article_from_text
        from .pipeline import run

        with lock:  # one spaCy pipeline, loaded on first use, and one writer at a time
            if "annotator" not in loaded:
                from .annotate import Annotator

                loaded["annotator"] = Annotator.load(settings.pipeline)
            article = article_from_text(payload.id or "api", payload.text)
            article = _with_metadata(article, payload)
            x = next(run([article], settings=settings, annotator=loaded["annotator"]))
            with Store.open(path) as store:
                stored = store.add(x)
        body = {"hash": article.content_hash, "doc_id": article.id, "stored": stored,
                "events": len(x.events), "facts": len(x.facts)}
        return (201 if stored else 200), body

    schema = {"content": {"application/json": {"schema": NewArticle.model_json_schema()}}, "required": True}

    @app.post("/api/articles", summary="Extract and store one article (only with --allow-ingest)",
              openapi_extra={"requestBody": schema}, status_code=201)
    async def post_article(request: Request) -> JSONResponse:
        if not allow_ingest:
            raise HTTPException(403, "this server does not accept articles; start it with --allow-ingest")
        body = await _read_capped(request, max_body)
        try:
            payload = NewArticle.model_validate_json(body)
        except ValidationError as exc:
            errors = jsonable_encoder(exc.errors(include_url=False, include_context=False))
            return _error(422, f"invalid article: {exc.error_count()} problem(s)", detail=errors)
        status, result = await run_in_threadpool(ingest, payload)
        return JSONResponse(result, status_code=status)


def _with_metadata(article: Any, payload: NewArticle) -> Any:
    from .dates import parse_published

    doc_id = payload.id or f"api-{article.content_hash}"
    published = parse_published(payload.date) if payload.date else article.published
    return replace(article, id=doc_id, title=payload.title or article.title, published=published)


async def _read_capped(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared and (not re.fullmatch(r"\d{1,15}", declared) or int(declared) > limit):
        raise HTTPException(413, f"the body is over the limit of {limit:,} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body is over the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _page_routes(app: FastAPI) -> None:
    web = Path(str(resources.files("accord") / "web"))
    app.mount("/static", StaticFiles(directory=web), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(web / "index.html", media_type="text/html")

    @app.middleware("http")
    async def page_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        if request.url.path == "/" or request.url.path.startswith("/static/"):
            response.headers["Content-Security-Policy"] = PAGE_CSP
        return response


# ---------------------------------------------------------------- requests from other web pages

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def trust_own_origin(app: FastAPI, *, host: str | None) -> None:
    """Refuse what another web page can make a browser send to this server.

    A page on any site can POST a "simple" request (text/plain, no preflight) to 127.0.0.1, and
    a site whose name it points at 127.0.0.1 (DNS rebinding) can read from it too. So a write
    needs Content-Type: application/json (415), which a browser sends cross-site only after a
    preflight this server never grants, and an Origin header, when sent, naming this server
    (403); on loopback every request must name a loopback address or `host` in its Host header (421).
    """
    names = _loopback_names(host) if host is not None and _is_loopback(host) else None

    @app.middleware("http")
    async def own_origin(request: Request, call_next: Any) -> Any:
        given = request.headers.get("host")
        if names is not None and (given is None or not _names_loopback(_host_name(given), names)):
            return _error(421, f"this server answers to {', '.join(sorted(names))} only, not to the Host "
                               f"{given!r}; use http://127.0.0.1:<port>")
        if request.method not in SAFE_METHODS:
            kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
            if kind != "application/json":
                return _error(415, f"send the body as Content-Type: application/json, not {kind or 'none'!r}")
            origin = request.headers.get("origin")
            if origin is not None and origin.rstrip("/").split("://", 1)[-1].lower() != (given or "").lower():
                return _error(403, f"a request from the page at {origin} cannot write to this server")
        return await call_next(request)


def _is_loopback(host: str) -> bool:
    import ipaddress

    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _loopback_names(host: str) -> set[str]:
    return {"localhost", "127.0.0.1", "::1", host.strip("[]").lower()}


def _names_loopback(name: str, names: set[str]) -> bool:
    """The Host names this server: one of `names` or any 127.x.x.x address."""
    return name in names or (name.startswith("127.") and _is_loopback(name))


def _host_name(header: str) -> str:
    """The name of a Host header without its port: "[::1]:8000" -> "::1", "LocalHost:80" -> "localhost"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header
