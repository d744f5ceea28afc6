"""Throughput: bare spaCy `nlp.pipe` against accord's full extraction, then the speed-up of workers.

    .venv/bin/python bench/throughput.py [--corpus ../shared/corpus/wikinews/articles.jsonl]

Both timings run in this one process on the same texts, with the same pipeline object and
batch size, so the ratio accord/bare is the share of spaCy's speed that accord keeps (>1
would be faster than bare spaCy). The worker runs go through `runner.process`, as the CLI
does, and their records are checked to be identical to those of one worker.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from accord.annotate import Annotator
from accord.exports import extraction_records
from accord.ingest import read_articles
from accord.model import Article
from accord.pipeline import run
from accord.runner import process
from accord.settings import Settings

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews" / "articles.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL, text file or folder")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--workers", type=int, default=2, help="compare this many workers with one (0: skip)")
    ap.add_argument("--repeat", type=int, default=1, help="time bare and full this many times, keep the best")
    args = ap.parse_args()

    settings = Settings()
    articles = [a for a in read_articles(args.corpus, settings=settings) if isinstance(a, Article)][:args.limit]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} articles, {words:,} words from {args.corpus}; batch size {settings.batch_size}; "
          f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}, {dt.date.today()}")

    annotator = Annotator.load(settings.pipeline)
    list(run(articles[:4], settings=settings, annotator=annotator))  # load tables, dictionary, warm caches

    bare = full = (float("inf"), 0.0)
    n_events = n_facts = 0
    for _ in range(args.repeat):  # alternate, keep the best of each: other load on the machine only slows
        with _Timer() as t:
            for _doc in annotator.nlp.pipe(texts, batch_size=settings.batch_size):
                pass
        bare = min(bare, t.result)
        with _Timer() as t:
            n_events = n_facts = 0
            for x in run(articles, settings=settings, annotator=annotator):
                n_events += len(x.events)
                n_facts += len(x.facts)
        full = min(full, t.result)

    _line("bare spaCy nlp.pipe", len(texts), words, *bare)
    _line("accord pipeline.run", len(texts), words, *full)
    print(f"ratio accord/bare: {bare[0] / full[0]:.2f} (accord's own stages take {100 * (full[0] - bare[0]) / full[0]:.0f}% "
          f"of its time); {n_events} events, {n_facts} facts")
    if args.workers > 1:
        _workers(articles, settings, args.workers, words)


def _workers(articles: list[Article], settings: Settings, workers: int, words: int) -> None:
    """runner.process over the same texts with 1 and N workers; identical records, and the speed-up."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for a in articles:
                out.write(json.dumps({"id": a.id, "title": a.title, "text": a.text,
                                      "date": a.published.value if a.published else None}) + "\n")
        results = {}
        for n in (1, workers):
            records: list[dict[str, object]] = []
            with _Timer() as t:
                report = process([path], settings=settings, sink=lambda x: records.extend(extraction_records(x)),
                                 workers=n)
            results[n] = (t.result[0], records)
            _line(f"runner.process workers={n}", report.articles, words, *t.result)
    same = results[1][1] == results[workers][1]
    print(f"speed-up workers={workers} / workers=1: {results[1][0] / results[workers][0]:.2f}x; "
          f"records identical: {same} ({len(results[1][1])} records)")
    if not same:
        raise SystemExit("records differ between 1 and N workers")


class _Timer:
    """Wall seconds and CPU seconds of this process and of the children it waited for."""

    def __enter__(self) -> "_Timer":
        self.wall, self.cpu = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self.result = (time.perf_counter() - self.wall, _cpu() - self.cpu)


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _line(label: str, articles: int, words: int, seconds: float, cpu: float) -> None:
    print(f"{label:30} {seconds:7.1f} s  {articles / seconds:7.2f} articles/s  {words / seconds:9,.0f} words/s"
          f"  (CPU {cpu:.1f} s)")


if __name__ == "__main__":
    main()
