"""The `accord` command: one subcommand per library function; it parses, calls, prints."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .display import cut, readable_date
from .errors import AccordError, MissingExtra, QueryError
from .settings import Settings

EXIT_QUARANTINED = 3


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # a usage error (status 2, message printed), --help or --version
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except AccordError as exc:
        print(f"accord: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="accord", description="Event data from news about relations between states.")
    p.add_argument("--version", action="version", version=f"accord {__version__}")
    p.add_argument("--config", help="TOML file of settings (see `accord settings`)")
    sub = p.add_subparsers(title="commands", metavar="COMMAND")

    def add(name: str, func: Any, help: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help, description=help)
        sp.set_defaults(func=func)
        return sp

    sp = add("extract", cmd_extract, "Read articles and write one JSON record per event and fact.")
    sp.add_argument("inputs", nargs="+", metavar="INPUT", help="files (.txt, .jsonl, .html) or folders")
    sp.add_argument("-o", "--output", default="-", help="output JSON Lines file, or - for standard output")
    sp.add_argument("--no-clusters", action="store_true",
                    help="stream records as found, without cross-article `cluster` ids (no scratch store)")
    _run_options(sp)

    sp = add("ingest", cmd_ingest, "Read articles into the store; already stored texts are skipped.")
    sp.add_argument("inputs", nargs="+", metavar="INPUT", help="files (.txt, .jsonl, .html) or folders")
    sp.add_argument("--db", default=None, help="store path (default accord.db)")
    sp.add_argument("--engine", choices=("local", "spark"), default="local",
                    help="local processes, or Apache Spark (needs the `spark` extra and Java; see docs/scale.md)")
    _run_options(sp)

    for name, func, help in (("events", cmd_events, "List stored events, one row per real event (--raw: per report)."),
                             ("facts", cmd_facts, "List stored facts, one row per figure (--raw: per report).")):
        sp = add(name, func, help)
        _query_options(sp)
        sp.add_argument("--raw", action="store_true",
                        help="one row per report (mention) instead of one per real event or figure (cluster)")

    sp = add("search", cmd_search, "Find events and facts whose evidence holds every word or \"phrase\" of QUERY.")
    sp.add_argument("query", metavar="QUERY", help='words and "quoted phrases", matched as written (U.S., $1.5 billion)')
    sp.add_argument("--fts", action="store_true",
                    help="QUERY is an SQLite FTS5 expression (protocol OR memorandum, trade NEAR/3 deal)")
    sp.add_argument("--kind", choices=("event", "fact"), help="only events or only facts")
    _query_options(sp, default_limit=50)

    sp = add("articles", cmd_articles, "List stored articles.")
    sp.add_argument("--db", default=None, help="store path (default accord.db)")
    sp.add_argument("--limit", type=_positive_int, default=100, help="at most this many rows")
    sp.add_argument("--json", action="store_true", help="JSON Lines instead of a table")

    sp = add("quarantine", cmd_quarantine, "List inputs that were rejected, with the reason.")
    sp.add_argument("--db", default=None, help="store path (default accord.db)")

    sp = add("explain", cmd_explain, "Show, sentence by sentence, which rules fired on an article and why.")
    sp.add_argument("input", help="an article file")

    sp = add("demo", cmd_demo, "Ingest the example articles shipped with accord and print what was found.")
    sp.add_argument("--db", default=None, help="store path (default accord.db)")

    sp = add("export", cmd_export, "Write stored records as JSON Lines, PLOVER JSON, GDELT columns, CSV or Parquet.")
    sp.add_argument("--format", required=True, choices=("jsonl", "plover", "gdelt", "csv", "parquet"),
                    help="jsonl: events and facts; plover, gdelt, csv: events; parquet: both (docs/outputs.md)")
    sp.add_argument("-o", "--output", required=True, help="output file, or - for standard output")
    sp.add_argument("--raw", action="store_true",
                    help="one record per report (mention) instead of one per real event or figure (cluster)")
    _filter_options(sp)

    sp = add("serve", cmd_serve, "Serve the HTTP JSON API and the web page over a store.")
    sp.add_argument("--db", default=None, help="store path (default accord.db)")
    sp.add_argument("--host", default="127.0.0.1", help="address to listen on")
    sp.add_argument("--port", type=int, default=8000, help="port to listen on")
    sp.add_argument("--allow-ingest", action="store_true", help="accept new articles by POST /api/articles")

    sp = add("dossier", cmd_dossier, "Write a report on the relations of two countries as HTML (and Markdown).")
    sp.add_argument("countries", nargs=2, metavar="COUNTRY", help="two ISO alpha-3 codes, e.g. AZE ITA")
    sp.add_argument("--db", default=None, help="store path (default accord.db)")
    sp.add_argument("-o", "--output", required=True, help="HTML file to write, or - for standard output")
    sp.add_argument("--markdown", default=None, help="also write the report as Markdown to this file (- for standard output)")

    sp = add("settings", cmd_settings, "Print every setting with its value and help.")
    return p


def _run_options(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    sp.add_argument("--pipeline", default=None, help="spaCy pipeline to use (setting `pipeline`)")
    sp.add_argument("--workers", type=int, default=1, metavar="N", help="parse in N processes (about one per core)")


def _query_options(sp: argparse.ArgumentParser, *, default_limit: int = 1000) -> None:
    _filter_options(sp)
    sp.add_argument("--limit", type=_positive_int, default=default_limit, help="at most this many rows")
    sp.add_argument("--json", action="store_true", help="JSON Lines instead of a table")


def _positive_int(text: str) -> int:
    """An argparse type: a count of 1 or more, so that a typo like `--limit -1` is an error, not "everything"."""
    from .store import check_limit

    try:
        return check_limit(int(text), "--limit")
    except (ValueError, QueryError) as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a count of rows (1 or more)") from exc


def _date(text: str) -> str:
    """An argparse type: a real date YYYY, YYYY-MM or YYYY-MM-DD."""
    from .store import check_date

    try:
        return check_date(text)
    except QueryError as exc:
        raise argparse.ArgumentTypeError(str(exc).replace("date must be a date", "expected a date")) from exc


def _settings(args: argparse.Namespace) -> Settings:
    s = Settings.load(getattr(args, "config", None))
    if getattr(args, "pipeline", None):
        s = s.replace(pipeline=args.pipeline)
    if getattr(args, "db", None):
        s = s.replace(db=args.db)
    return s


def _coding_settings(args: argparse.Namespace) -> Settings:
    """The settings of a command that codes articles, once its user files are known to be usable."""
    from .user_files import check_settings

    s = _settings(args)
    check_settings(s)
    return s


@contextmanager
def _output(path: str, *, binary: bool = False) -> Iterator[Any]:
    """The file to write, or standard output for "-"."""
    if path == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        sys.stdout.flush()
        return
    with open(path, "wb") if binary else open(path, "w", encoding="utf-8") as fh:
        yield fh


def _where(path: str) -> str:
    return "standard output" if path == "-" else path


# ---------------------------------------------------------------- commands

def cmd_extract(args: argparse.Namespace) -> int:
    from .exports import write_jsonl
    from .records import extraction_records
    from .runner import process

    settings = _coding_settings(args)
    progress = not args.quiet and args.output != "-"
    with _output(args.output) as out:
        if args.no_clusters:
            report = process(args.inputs, settings=settings, sink=lambda x: write_jsonl(extraction_records(x), out),
                             progress=progress, workers=args.workers)
        else:
            report = _extract_clustered(args, settings, out, progress)
    return _finish(report, args.quiet)


def _extract_clustered(args: argparse.Namespace, settings: Settings, out: TextIO, progress: bool) -> Any:
    """Extract through a scratch store, so that records repeating each other share a `cluster` id."""
    import tempfile

    from .exports import write_jsonl
    from .runner import process
    from .store import Store

    with tempfile.TemporaryDirectory(prefix="accord-") as tmp, Store.open(Path(tmp) / "run.db") as store:
        report = process(args.inputs, settings=settings, store=store, progress=progress, workers=args.workers)
        write_jsonl(store.iter_records(), out)
    return report


def cmd_ingest(args: argparse.Namespace) -> int:
    from .runner import process
    from .store import Store

    settings = _coding_settings(args)
    if args.engine == "spark":
        from .spark import ingest

        with Store.open(settings.db) as store:
            report = ingest(args.inputs, settings=settings, store=store)
        return _finish(report, args.quiet)
    with Store.open(settings.db) as store:
        report = process(args.inputs, settings=settings, store=store, progress=not args.quiet, workers=args.workers)
    return _finish(report, args.quiet)


def _finish(report: Any, quiet: bool) -> int:
    for r in report.rejected:
        print(f"accord: quarantined {r.where}: {r.reason}", file=sys.stderr)
    if not quiet:
        print(report.summary(), file=sys.stderr)
    return EXIT_QUARANTINED if report.rejected else 0


EVENT_COLUMNS = ("date", "type", "mode", "source", "target", "cameo", "doc_id", "evidence")
FACT_COLUMNS = ("fact_type", "value", "unit", "qualifier", "holder", "counterpart", "metric", "doc_id", "cluster")


def cmd_events(args: argparse.Namespace) -> int:
    from .store import Store

    with Store.open(_settings(args).db, readonly=True) as store:
        rows = store.events(dyad=args.dyad, type=args.type, since=args.since, until=args.until,
                            country=args.country, limit=args.limit, clustered=not args.raw)
    _print(rows, args.json, EVENT_COLUMNS if args.raw else (*EVENT_COLUMNS, "reports"), footer=_shown(rows, "event", args))
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    from .store import Store

    with Store.open(_settings(args).db, readonly=True) as store:
        rows = store.facts(dyad=args.dyad, type=args.type, since=args.since, until=args.until,
                           country=args.country, limit=args.limit, clustered=not args.raw)
    _print(rows, args.json, FACT_COLUMNS if args.raw else (*FACT_COLUMNS[:-1], "reports"), footer=_shown(rows, "fact", args))
    return 0


def _shown(rows: list[dict[str, Any]], kind: str, args: argparse.Namespace) -> str:
    """What the rows are: "11 events, one row per real event (--raw: one per report)"."""
    unit = "real event" if kind == "event" else "figure"
    n = len(rows)
    full = f"; the first {n}, --limit shows more" if n == args.limit else ""
    if args.raw:
        return f"{n} report{'s' * (n != 1)} of {kind}s, one row per report (without --raw: one per {unit}){full}"
    return f"{n} {kind}{'s' * (n != 1)}, one row per {unit} (--raw: one per report){full}"


def cmd_search(args: argparse.Namespace) -> int:
    from .store import Store

    with Store.open(_settings(args).db, readonly=True) as store:
        hits = store.search(args.query, fts=args.fts, kind=args.kind, dyad=args.dyad, type=args.type,
                            since=args.since, until=args.until, country=args.country, limit=args.limit)
    if args.json:
        _print(hits, True, ())
        return 0
    rows = [_hit_row(h) for h in hits]
    _print(rows, False, ("kind", "date", "what", "from", "to", "doc_id", "snippet"),
           footer=f"{len(rows)} match{'es' * (len(rows) != 1)}, best first")
    return 0


def _hit_row(hit: dict[str, Any]) -> dict[str, Any]:
    rec = hit["record"]
    if hit["kind"] == "event":
        what, source, target = rec["type"], rec.get("source"), rec.get("target")
    else:
        what, source, target = f"{rec['fact_type']} {_cell(rec['value'])} {rec['unit']}", rec.get("holder"), rec.get("counterpart")
    return {"kind": hit["kind"], "date": rec.get("date"), "what": what, "from": source, "to": target,
            "doc_id": rec.get("doc_id"), "snippet": hit["snippet"]}


def cmd_articles(args: argparse.Namespace) -> int:
    from .store import Store

    with Store.open(_settings(args).db, readonly=True) as store:
        rows = store.articles(limit=args.limit)
    _print(rows, args.json, ("doc_id", "published", "source", "title", "events", "facts"))
    return 0


def cmd_quarantine(args: argparse.Namespace) -> int:
    from .store import Store

    with Store.open(_settings(args).db, readonly=True) as store:
        rows = store.quarantined()
    _print(rows, False, ("location", "reason"))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from .ingest import read_articles
    from .model import Rejected, Skipped
    from .pipeline import run

    # the trace shows every sentence and every actor: each sentence is parsed, none preselected
    settings = _coding_settings(args).replace(preselect=False)
    for item in read_articles(args.input, settings=settings):
        if isinstance(item, Skipped):
            continue
        if isinstance(item, Rejected):
            print(f"accord: cannot read {item.where}: {item.reason}", file=sys.stderr)
            return EXIT_QUARANTINED
        x = next(run([item], settings=settings))
        published = readable_date(item.published.value) if item.published else "unknown"
        print(f"# {item.id}  published {published}  source {item.source or '-'}  authors {', '.join(item.authors) or '-'}")
        print("## actors")
        for ent in x.entities:
            a = ent.actor
            print(f"  {ent.id} {a.kind:12} {a.country or '-':4} {a.label:35.35} sectors {' '.join(a.sectors) or '-':8}"
                  f" role {a.role or '-'}; mentions: {', '.join(repr(m.text) for m in ent.mentions[:5])}")
        for ex in x.explanations:
            print(f"\n> {ex.sentence.text.strip()[:300]}")
            for line in ex.lines:
                print(f"  - {line}")
        print("\n## facts")
        for f in x.facts:
            print(f"  {f.fact_type} {f.value:,.0f} {f.unit} ({f.qualifier}) holder {f.holder} counterpart {f.counterpart}"
                  f" metric {f.metric}: {f.span.text!r}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .runner import process
    from .store import Store

    settings = _coding_settings(args)
    from importlib import resources

    folder = resources.files("accord") / "examples"
    paths = sorted(str(p) for p in Path(str(folder)).glob("*.txt"))
    with Store.open(settings.db) as store:
        report = process(paths, settings=settings, store=store, progress=False)
        print(f"Ingested {len(paths)} example articles into {settings.db} ({report.summary()})\n")
        print("Events (as `accord events` lists them):")
        events = store.events(limit=50, clustered=True)
        _print(events, False, ("date", "type", "mode", "source", "target", "doc_id", "evidence", "reports"),
               footer=f"{len(events)} events, one row per real event")
        print("\nFacts (as `accord facts` lists them):")
        facts = store.facts(limit=50, clustered=True)
        _print(facts, False, ("fact_type", "value", "unit", "qualifier", "holder", "counterpart", "metric", "doc_id",
                              "reports"), footer=f"{len(facts)} figures, one row per figure")
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    s = _settings(args)
    for name, help in Settings.help().items():
        print(f"{name:20} {getattr(s, name)!s:28} {help}")
    return 0


def _filter_options(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--db", default=None, help="store path (default accord.db)")
    sp.add_argument("--dyad", help="country pair, e.g. AZE-ITA (either order)")
    sp.add_argument("--country", help="either side is this country (ISO alpha-3)")
    sp.add_argument("--type", help="PLOVER event type or fact type")
    sp.add_argument("--since", type=_date, help="earliest date, YYYY[-MM[-DD]]")
    sp.add_argument("--until", type=_date, help="latest date, YYYY[-MM[-DD]]")


def cmd_export(args: argparse.Namespace) -> int:
    from . import exports
    from .store import Store

    exports.check_format(args.format)  # before any file is made
    binary = args.format == "parquet"
    out = (sys.stdout.buffer if binary else sys.stdout) if args.output == "-" else args.output
    with Store.open(_settings(args).db, readonly=True) as store:
        n = exports.write(store, args.format, out, dyad=args.dyad, type=args.type, since=args.since,
                          until=args.until, country=args.country, clustered=not args.raw)
    sys.stdout.flush()
    print(f"{n} records written to {_where(args.output)}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .api import create_app
    except ImportError as exc:
        raise MissingExtra("accord serve (FastAPI and uvicorn)", "api", exc) from exc
    settings = _settings(args)
    app = create_app(settings.db, allow_ingest=args.allow_ingest, settings=settings, host=args.host)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def cmd_dossier(args: argparse.Namespace) -> int:
    from . import dossier
    from .store import Store

    if args.output == "-" and args.markdown == "-":
        raise AccordError("only one of -o and --markdown can be - (standard output)")
    with Store.open(_settings(args).db, readonly=True) as store:
        report = dossier.build(store, *args.countries)
    with _output(args.output) as out:
        out.write(dossier.render_html(report))
    if args.markdown:
        with _output(args.markdown) as out:
            out.write(dossier.render_markdown(report))
    print(f"{report.summary()} written to {_where(args.output)}" +
          (f" and {_where(args.markdown)}" if args.markdown else ""), file=sys.stderr)
    return 0


# ---------------------------------------------------------------- printing

CELL_WIDTH = 90  # characters of one table cell; longer text is cut at a word, with "…"


def _cell(value: Any, column: str = "") -> str:
    if isinstance(value, dict):
        name = value.get("name")
        return f"{value.get('country') or '-'}{'/' + name if name else ''}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value >= 100 else f"{value:g}"
    if value is None:
        return "-"
    if column in ("date", "published"):
        return readable_date(str(value))
    return str(value)


def _row(r: dict[str, Any], columns: tuple[str, ...]) -> list[str]:
    values = {c: r.get(c) for c in columns}
    if "reports" in values:
        values["reports"] = r.get("n_mentions")
    return [cut(_cell(v, c), CELL_WIDTH) for c, v in values.items()]


def _print(rows: list[dict[str, Any]], as_json: bool, columns: tuple[str, ...], out: TextIO | None = None, *,
           footer: str | None = None) -> None:
    out = out or sys.stdout
    if as_json:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(*columns, show_lines=False, expand=False)
    for r in rows:
        table.add_row(*(Text(cell) for cell in _row(r, columns)))  # Text: "[billion]" is no style tag
    Console(file=out, width=200 if not out.isatty() else None).print(table)
    out.write(f"{footer or f'{len(rows)} rows'}\n")


if __name__ == "__main__":
    sys.exit(main())
