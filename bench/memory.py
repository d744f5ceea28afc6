"""Memory and time of a large ingest: all of Reuters-21578 (18,793 articles) into a temporary store.

    .venv/bin/python bench/memory.py [--workers 2] [--limit N] > memory.log 2>&1 &

Long (tens of minutes on 2 cores): run it in the background, never in the test suite. It
prints a status line every minute, then peak resident memory of this process and of the
whole process tree (sampled from /proc), time and articles/s. The corpus is research-use
only: it is read from ../shared and nothing of its text leaves the temporary store.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from accord.runner import process
from accord.settings import Settings
from accord.store import Store

T = TypeVar("T")

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reuters21578" / "articles.jsonl"


def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (Linux); 0 elsewhere."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue  # the process ended while being read
    return total


class TimedStore:
    """The store, with the main process's seconds in `add` (write and consolidation) counted."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.add_seconds = 0.0
        self.has_article = store.has_article
        self.quarantine = store.quarantine
        self.add_copy = store.add_copy  # a file repeating a stored text

    def add(self, x: object) -> bool:
        t = time.perf_counter()
        try:
            return self.store.add(x)  # type: ignore[arg-type]
        finally:
            self.add_seconds += time.perf_counter() - t


class Sampler(threading.Thread):
    """Samples the process tree's memory every second and reports progress every minute."""

    def __init__(self, done: list[int], start: float) -> None:
        super().__init__(daemon=True)
        self.peak_kib = 0
        self.done = done
        self.start_time = start
        self.stop = threading.Event()

    def run(self) -> None:
        last = time.perf_counter()
        while not self.stop.wait(1.0):
            rss = tree_rss_kib(os.getpid())
            self.peak_kib = max(self.peak_kib, rss)
            if time.perf_counter() - last >= 60:
                last = time.perf_counter()
                elapsed = last - self.start_time
                print(f"  {elapsed / 60:5.1f} min  {self.done[0]:6d} articles  {self.done[0] / elapsed:5.2f}/s  "
                      f"tree RSS {rss / 1024:7.0f} MiB", flush=True)


def sampled_process(db: Path, corpus: Path, settings: Settings, workers: int,
                    after: Callable[[Store], T]) -> tuple[Any, TimedStore, Sampler, T]:
    """`runner.process` of the corpus into the store at `db`, its process tree's memory sampled each second:
    the run's report, the timed store, the sampler, and what `after` reads from the store before it closes."""
    done = [0]
    start = time.perf_counter()
    sampler = Sampler(done, start)
    sampler.start()
    with Store.open(db) as store:
        timed = TimedStore(store)
        report = process([corpus], settings=settings, store=timed, workers=workers,
                         sink=lambda x: done.__setitem__(0, done[0] + 1))
        seen = after(store)
    sampler.stop.set()
    sampler.join()
    return report, timed, sampler, seen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="only the first N lines of the corpus")
    args = ap.parse_args()

    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if args.limit:
            corpus = Path(tmp) / "head.jsonl"
            with args.corpus.open("rb") as src, corpus.open("wb") as dst:
                for n, line in enumerate(src):
                    if n >= args.limit:
                        break
                    dst.write(line)
        db = Path(tmp) / "bench.db"
        print(f"{dt.datetime.now():%Y-%m-%d %H:%M} ingest {corpus} with workers={args.workers}, "
              f"{os.cpu_count()} cores", flush=True)
        report, timed, sampler, (counts, blocks) = sampled_process(
            db, corpus, settings, args.workers,
            lambda store: (store.counts(), store.conn.execute("SELECT fact_type, unit, dyad, count(*) AS n FROM facts "
                                                              "GROUP BY 1, 2, 3 ORDER BY n DESC LIMIT 3").fetchall()))
        size = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
    self_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(report.summary())
    print(f"store: {counts}; {size / 2**20:.0f} MiB on disk")
    print(f"main process: {timed.add_seconds:.0f} s in Store.add (writing and consolidating); largest fact blocks "
          + ", ".join(f"{b[0]}/{b[1]}/{b[2]}: {b[3]}" for b in blocks))
    print(f"peak RSS: this process {self_kib / 1024:.0f} MiB, largest worker {child_kib / 1024:.0f} MiB, "
          f"whole tree (sampled each second) {sampler.peak_kib / 1024:.0f} MiB")
    cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))
    print(f"time {report.seconds / 60:.1f} min; {report.articles / report.seconds:.2f} articles/s; "
          f"{report.words / report.seconds:,.0f} words/s; CPU {cpu / 60:.1f} min "
          f"({cpu / max(report.articles, 1) * 1000:.0f} ms per article)")


if __name__ == "__main__":
    main()
