"""process(): stream inputs through the pipeline into a store or a sink, quarantining what cannot be read.

Articles already in the store (same text hash) are skipped before parsing, so a rerun after
a crash only does the work that is missing. With workers > 1, batches are parsed in that
many processes, each loading the spaCy pipeline once.
"""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .ingest import read_articles
from .model import Article, Extraction, Rejected, Skipped
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
    skipped_files: list[Skipped] = field(default_factory=list)  # files in folders that are not articles

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        line = (f"{self.articles} articles, {self.events} events, {self.facts} facts, {self.skipped} already stored, "
                f"{len(self.rejected)} quarantined; {self.seconds:.1f} s, {rate:.1f} articles/s")
        if self.skipped_files:
            line += f"\n{len(self.skipped_files)} files skipped, not read:" + "".join(
                f"\n  {s.where}: {s.reason}" for s in self.skipped_files)
        return line


def process(inputs: Iterable[str | Path], *, settings: Settings, store: Any = None,
            sink: Callable[[Extraction], Any] | None = None, progress: bool = False, workers: int = 1) -> Report:
    """Read, extract and store (or hand to `sink`) every article under `inputs`."""
    report = Report()
    start = time.perf_counter()
    paths = list(inputs)
    items = read_articles(paths, settings=settings)

    def articles(tick: Callable[[], None]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, Skipped):
                report.skipped_files.append(item)
                continue
            if isinstance(item, Rejected):
                _quarantine(item, report, store)
                tick()
                continue
            if store is not None and store.has_article(item.content_hash):
                store.add_copy(item.content_hash, item.id, item.path)
                report.skipped += 1
                tick()
                continue
            yield item

    bar = _progress() if progress else None
    task = bar.add_task("articles", total=count_articles(paths)) if bar else None

    def tick() -> None:
        if bar is not None and task is not None:
            bar.update(task, advance=1)

    try:
        if bar:
            bar.start()
        for x in _extract(articles(tick), settings, workers):
            _take(x, report, store, sink)
            tick()
    finally:
        if bar:
            bar.stop()
    report.seconds = time.perf_counter() - start
    return report


def _take(x: Extraction, report: Report, store: Any, sink: Callable[[Extraction], Any] | None) -> None:
    """Store (or hand to `sink`) one article's extraction and count it; a failed one is quarantined."""
    if x.error:
        _quarantine(Rejected(x.article.path or x.article.id, x.error, x.article.content_hash), report, store)
        return
    stored = _store(store, x) if store is not None else True
    if isinstance(stored, Rejected):
        _quarantine(stored, report, store)
        return
    if not stored:
        store.add_copy(x.article.content_hash, x.article.id, x.article.path)
        report.skipped += 1  # its text came earlier in this run, still being parsed when this was read
        return
    report.articles += 1
    report.events += len(x.events)
    report.facts += len(x.facts)
    report.words += len(x.article.text.split())
    if sink is not None:
        sink(x)


def _quarantine(item: Rejected, report: Report, store: Any) -> None:
    report.rejected.append(item)
    if store is not None:
        store.quarantine(item)


def _store(store: Any, x: Extraction) -> bool | Rejected:
    """store.add(x); a value the store cannot take makes this article's Rejected (its transaction rolls back)."""
    try:
        return bool(store.add(x))
    except (UnicodeError, ValueError, OverflowError, sqlite3.InterfaceError, sqlite3.DataError,
            sqlite3.IntegrityError) as exc:
        message = " ".join(str(exc).split())[:500]
        return Rejected(x.article.path or x.article.id, f"cannot be stored ({type(exc).__name__}: {message}); "
                                                        "please report it with this article", x.article.content_hash)


def _extract(articles: Iterator[Article], settings: Settings, workers: int) -> Iterator[Extraction]:
    """Extractions in input order; with workers > 1, batches are parsed in that many processes.

    The input is read, and the store checked, here in the calling thread (a Pool's own feeder
    thread would share the store's connection with the writer), and at most four batches (of
    WORKER_BATCH articles) per worker are in flight, so memory stays flat however long the input is.
    """
    from .pipeline import run

    if workers <= 1:
        yield from run(articles, settings=settings)
        return
    import multiprocessing as mp
    from collections import deque

    # spawn, not fork: the parent may hold a progress-bar thread and an open SQLite connection
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_worker_init, initargs=(settings,)) as pool:
        pending: deque[Any] = deque()
        for batch in _batches(articles, min(settings.batch_size, WORKER_BATCH)):
            pending.append(pool.apply_async(_worker_run, (batch,)))
            if len(pending) >= 4 * workers:  # a worker never waits for a slow batch ahead of its own
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


#: articles handed to a worker at a time: small enough that no worker idles long at the end of a run
#: while another parses its last batch, large enough for spaCy's batching (results do not depend on it)
WORKER_BATCH = 8
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


def count_articles(inputs: Iterable[str | Path], *, max_bytes: int = 1 << 30) -> int | None:
    """How many items `read_articles` will yield, skipped files aside, when that is cheap to know; else None.

    A text or HTML file is one item, a JSON Lines file one per non-blank line. Counting is
    skipped (None) when the JSON Lines to scan add up to more than `max_bytes`.
    """
    from .ingest import SUFFIXES, input_files

    files = [f for f in input_files(list(inputs)) if not isinstance(f, Skipped)]  # a Rejected path is one item
    jsonl = [p for p in files if isinstance(p, Path) and SUFFIXES.get(p.suffix.lower()) == "jsonl"]
    try:
        if sum(p.stat().st_size for p in jsonl) > max_bytes:
            return None
        total = len(files) - len(jsonl)
        for p in jsonl:
            with p.open("rb") as handle:
                total += max(1, _nonblank_lines(handle))  # an empty file is one quarantined item
    except OSError:
        return None
    return total


def _nonblank_lines(handle: Any) -> int:
    """Lines holding more than white space, read in chunks (a line may be longer than memory allows)."""
    total, content = 0, False
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        *ended, rest = chunk.split(b"\n")
        for part in ended:
            total += content or bool(part.strip())
            content = False
        content = content or bool(rest.strip())
    return total + content


def _progress() -> Any:
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    from rich.console import Console
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Articles per second over the last seconds (rich's own speed estimate)."""

        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:5.1f} articles/s" if speed else "  ... articles/s", style="progress.data.speed")

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                    TextColumn("ETA"), TimeRemainingColumn(), TextColumn("elapsed"), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True)
