"""The `accord` command: one subcommand per library function; it parses, calls, prints."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from contextlib import nullcontext
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .errors import AccordError, MissingExtra
from .settings import Settings

EXIT_QUARANTINED = 3


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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

    for name, func, help in (("events", cmd_events, "List stored events."), ("facts", cmd_facts, "List stored facts.")):
        sp = add(name, func, help)
        _query_options(sp)

    sp = add("articles", cmd_articles, "List stored articles.")
    sp.add_argument("--db", default=None, help="store path (default accord.db)")
    sp.add_argument("--limit", type=int, default=100, help="at most this many rows")
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
    sp.add_argument("-o", "--output", required=True, help="output file")
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
    sp.add_argument("-o", "--output", required=True, help="HTML file to write")
    sp.add_argument("--markdown", default=None, help="also write the report as Markdown to this file")

    sp = add("settings", cmd_settings, "Print every setting with its value and help.")
    return p


def _run_options(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    sp.add_argument("--pipeline", default=None, help="spaCy pipeline to use (setting `pipeline`)")
    sp.add_argument("--workers", type=int, default=1, metavar="N", help="parse in N processes (about one per core)")


def _query_options(sp: argparse.ArgumentParser) -> None:
    _filter_options(sp)
    sp.add_argument("--limit", type=int, default=1000, help="at most this many rows")
    sp.add_argument("--json", action="store_true", help="JSON Lines instead of a table")


def _settings(args: argparse.Namespace) -> Settings:
    s = Settings.load(getattr(args, "config", None))
    if getattr(args, "pipeline", None):
        s = s.replace(pipeline=args.pipeline)
    if getattr(args, "db", None):
        s = s.replace(db=args.db)
    return s


# ---------------------------------------------------------------- commands

def cmd_extract(args: argparse.Namespace) -> int:
    from .exports import write_jsonl
    from .records import extraction_records
    from .runner import process

    settings = _settings(args)
    out_ctx = nullcontext(sys.stdout) if args.output == "-" else open(args.output, "w", encoding="utf-8")
    progress = not args.quiet and args.output != "-"
    with out_ctx as out:
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

    settings = _settings(args)
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


def cmd_events(args: argparse.Namespace) -> int:
    from .store import Store

    with Store.open(_settings(args).db, readonly=True) as store:
        rows = store.events(dyad=args.dyad, type=args.type, since=args.since, until=args.until,
                            country=args.country, limit=args.limit)
    _print(rows, args.json, ("date", "type", "mode", "source", "target", "cameo", "doc_id", "evidence"))
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    from .store import Store

    with Store.open(_settings(args).db, readonly=True) as store:
        rows = store.facts(dyad=args.dyad, type=args.type, since=args.since, until=args.until,
                           country=args.country, limit=args.limit)
    _print(rows, args.json, ("fact_type", "value", "unit", "qualifier", "holder", "counterpart", "metric", "doc_id", "cluster"))
    return 0


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
    from .model import Rejected
    from .pipeline import run

    settings = _settings(args)
    for item in read_articles(args.input, settings=settings):
        if isinstance(item, Rejected):
            print(f"accord: cannot read {item.where}: {item.reason}", file=sys.stderr)
            return EXIT_QUARANTINED
        x = next(run([item], settings=settings))
        published = item.published.value if item.published else "unknown"
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

    settings = _settings(args)
    folder = resources.files("accord") / "examples"
    paths = sorted(str(p) for p in Path(str(folder)).glob("*.txt"))
    with Store.open(settings.db) as store:
        report = process(paths, settings=settings, store=store, progress=False)
        print(f"Ingested {len(paths)} example articles into {settings.db} ({report.summary()})\n")
        print("Events:")
        _print(store.events(limit=50), False, ("date", "type", "mode", "source", "target", "doc_id", "evidence"))
        print("\nFacts:")
        _print(store.facts(limit=50), False, ("fact_type", "value", "unit", "qualifier", "holder", "counterpart", "metric", "doc_id"))
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
    sp.add_argument("--since", help="earliest date, YYYY[-MM[-DD]]")
    sp.add_argument("--until", help="latest date, YYYY[-MM[-DD]]")


def cmd_export(args: argparse.Namespace) -> int:
    from . import exports
    from .store import Store

    with Store.open(_settings(args).db, readonly=True) as store:
        n = exports.write(store, args.format, args.output, dyad=args.dyad, type=args.type, since=args.since,
                          until=args.until, country=args.country, clustered=not args.raw)
    print(f"{n} records written to {args.output}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .api import create_app
    except ImportError as exc:
        raise MissingExtra("accord serve (FastAPI and uvicorn)", "api", exc) from exc
    settings = _settings(args)
    app = create_app(settings.db, allow_ingest=args.allow_ingest, settings=settings)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def cmd_dossier(args: argparse.Namespace) -> int:
    from . import dossier
    from .store import Store

    with Store.open(_settings(args).db, readonly=True) as store:
        report = dossier.write(store, *args.countries, html_path=args.output, markdown_path=args.markdown)
    print(f"{report.summary()} written to {args.output}" + (f" and {args.markdown}" if args.markdown else ""),
          file=sys.stderr)
    return 0


# ---------------------------------------------------------------- printing

def _cell(value: Any) -> str:
    if isinstance(value, dict):
        name = value.get("name")
        return f"{value.get('country') or '-'}{'/' + name if name else ''}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value >= 100 else f"{value:g}"
    if value is None:
        return "-"
    return str(value)


def _print(rows: list[dict[str, Any]], as_json: bool, columns: tuple[str, ...], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    if as_json:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False, expand=False)
    for r in rows:
        table.add_row(*(_cell(r.get(c))[:90] for c in columns))
    Console(file=out, width=200 if not out.isatty() else None).print(table)
    out.write(f"{len(rows)} rows\n")


if __name__ == "__main__":
    sys.exit(main())
