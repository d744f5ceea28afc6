"""process(): stream inputs through the pipeline into a store or a sink, quarantining what cannot be read.

Articles already in the store (same text hash) are skipped before parsing, so a rerun after
a crash only does the work that is missing. With workers > 1, batches are parsed in that
many processes, each loading the spaCy pipeline once.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .ingest import read_articles
from .model import Article, Extraction, Rejected
from .settings import Settings


@dataclass
class Report:
    """What one run did."""

    articles: int = 0
    skipped: int = 0
    events: int = 0
    facts: int = 0
    words: int = 0
    seconds: float = 0.0
    rejected: list[Rejected] = field(default_factory=list)

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (f"{self.articles} articles, {self.events} events, {self.facts} facts, {self.skipped} already stored, "
                f"{len(self.rejected)} quarantined; {self.seconds:.1f} s, {rate:.1f} articles/s")


def process(inputs: Iterable[str | Path], *, settings: Settings, store: Any = None,
            sink: Callable[[Extraction], Any] | None = None, progress: bool = False, workers: int = 1) -> Report:
    """Read, extract and store (or hand to `sink`) every article under `inputs`."""
    report = Report()
    start = time.perf_counter()
    items = read_articles(list(inputs), settings=settings)

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Rejected):
                report.rejected.append(item)
                if store is not None:
                    store.quarantine(item)
                continue
            if store is not None and store.has_article(item.content_hash):
                report.skipped += 1
                continue
            yield item

    bar = _progress() if progress else None
    task = bar.add_task("articles", total=None) if bar else None
    try:
        if bar:
            bar.start()
        for x in _extract(articles(), settings, workers):
            report.articles += 1
            report.events += len(x.events)
            report.facts += len(x.facts)
            report.words += len(x.article.text.split())
            if store is not None:
                store.add(x)
            if sink is not None:
                sink(x)
            if bar is not None and task is not None:
                bar.update(task, advance=1)
    finally:
        if bar:
            bar.stop()
    report.seconds = time.perf_counter() - start
    return report


def _extract(articles: Iterator[Article], settings: Settings, workers: int) -> Iterator[Extraction]:
    from .pipeline import run

    if workers <= 1:
        yield from run(articles, settings=settings)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if hasattr(mp, "get_context") else mp
    with ctx.Pool(workers, initializer=_worker_init, initargs=(settings,)) as pool:
        for batch in pool.imap(_worker_run, _batches(articles, settings.batch_size)):
            yield from batch


_WORKER: dict[str, Any] = {}


def _worker_init(settings: Settings) -> None:
    from .annotate import Annotator

    _WORKER["settings"] = settings
    _WORKER["annotator"] = Annotator.load(settings.pipeline)


def _worker_run(batch: list[Article]) -> list[Extraction]:
    from .pipeline import run

    return list(run(batch, settings=_WORKER["settings"], annotator=_WORKER["annotator"]))


def _batches(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for a in articles:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _progress() -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.speed} /s" if False else ""), TimeElapsedColumn(), transient=True)
