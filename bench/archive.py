"""A store the size of a real archive: all of Reuters-21578 ingested, then queried under load on loopback.

    .venv/bin/python bench/archive.py [--db /tmp/reuters.db] [--workers 2] [--clients 50] [--seconds 60]

1. Ingest: `runner.process(..., workers=N)` over ../shared/corpus/reuters21578/articles.jsonl
   (18,793 articles) into a new store, as `accord ingest --workers N` does: time, articles/s,
   peak RSS of the whole process tree, the store's counts and size. With `--db PATH` the
   store is kept there, and a later run that finds it full skips the ingest.
2. API: `accord serve` on a free port of 127.0.0.1, then CLIENTS threads for SECONDS, each
   sending in turn /api/events by dyad (USA-JPN) and by country (USA), /api/search with a
   common word, and the USA-JPN dossier (/api/dossier/USA/JPN). Per endpoint: requests,
   p50 and p99 latency, non-2xx answers and transport errors; the server's RSS at the start,
   half-way and at the end. Only 127.0.0.1 is contacted, and the run stops by itself.
3. CLI: `accord events --dyad USA-JPN`, `accord search trade` and `accord dossier USA JPN`,
   whole processes, best and median of 3.

Exits 1 when a request failed. Reuters-21578 is research-use only: it is read in place and
the store stays in a temporary folder (or the --db you name, outside the repository).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_api import drive, serve  # noqa: E402
from memory import DEFAULT_CORPUS, sampled_process  # noqa: E402

from accord.settings import Settings  # noqa: E402
from accord.store import Store  # noqa: E402

WORDS = ("trade", "oil", "said", "prices", "bank", "talks", "dollar", "tariffs")
ENDPOINTS = {
    "events by dyad": lambda n: "/api/events?dyad=USA-JPN",
    "events by country": lambda n: "/api/events?country=USA",
    "search": lambda n: f"/api/search?q={WORDS[n % len(WORDS)]}",
    "dossier USA-JPN": lambda n: "/api/dossier/USA/JPN",
}
CLI = {
    "accord events --dyad USA-JPN": ["events", "--dyad", "USA-JPN"],
    "accord search trade": ["search", "trade"],
    "accord dossier USA JPN": ["dossier", "USA", "JPN", "-o", os.devnull],
}


def ingest(db: Path, corpus: Path, workers: int) -> None:
    print(f"{dt.datetime.now():%Y-%m-%d %H:%M} ingest {corpus} with workers={workers}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}", flush=True)
    report, timed, sampler, counts = sampled_process(db, corpus, Settings(), workers, lambda store: store.counts())
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))
    print(report.summary().splitlines()[0])
    print(f"ingest: {report.seconds / 60:.1f} min, {report.articles / report.seconds:.1f} articles/s; "
          f"peak RSS of the process tree {sampler.peak_kib / 1024:.0f} MiB (main process "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB, largest worker "
          f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB); "
          f"{timed.add_seconds:.0f} s in Store.add; CPU {cpu / 60:.1f} min ({cpu / max(report.articles, 1) * 1000:.0f} ms "
          f"per article); load average {os.getloadavg()[0]:.2f}")
    print(f"store: {counts}; {size / 2**20:.0f} MiB on disk", flush=True)


def serve_and_load(db: Path, clients: int, seconds: float) -> int:
    latencies: dict[str, list[float]] = defaultdict(list)
    failures: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    server, base = serve(db, tries=300, timeout=2)
    try:
        stop_at = time.monotonic() + seconds

        def client(seed: int) -> None:
            names = list(ENDPOINTS)
            with httpx.Client(base_url=base, timeout=120) as http:
                n = seed
                while time.monotonic() < stop_at:
                    name = names[n % len(names)]
                    n += 1
                    t = time.perf_counter()
                    try:
                        ok = http.get(ENDPOINTS[name](n // len(names))).status_code == 200
                    except httpx.TransportError:
                        ok = False
                    with lock:
                        latencies[name].append(time.perf_counter() - t)
                        failures[name] += not ok

        elapsed, rss = drive(server, client, clients, seconds)
    finally:
        server.terminate()
        server.wait(timeout=10)
    total = sum(len(v) for v in latencies.values())
    print(f"\nAPI, {clients} clients for {seconds:.0f} s ({elapsed:.0f} s with the last answers): {total} requests, "
          f"{total / elapsed:.1f} requests/s, load average {os.getloadavg()[0]:.2f}")
    print(f"{'endpoint':22} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name in ENDPOINTS:
        lat = sorted(latencies[name])
        if lat:
            print(f"{name:22} {len(lat):8d} {statistics.median(lat) * 1000:8.0f} "
                  f"{lat[int(0.99 * (len(lat) - 1))] * 1000:8.0f} {failures[name]:7d}")
    print(f"server RSS at start / half-way / end: {' / '.join(f'{r / 1024:.0f} MiB' for r in rss)}")
    return sum(failures.values())


def cli_times(db: Path, repeat: int = 3) -> None:
    print(f"\nCLI, whole processes, best and median of {repeat}:")
    for name, argv in CLI.items():
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "accord.cli", *argv, "--db", str(db)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - t)
        print(f"  {name:32} best {min(times):.2f} s, median {statistics.median(times):.2f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=None, help="keep the store here (reused when it already holds articles)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "reuters.db"
        if db.is_file() and Store.open(db, readonly=True).counts()["articles"]:
            print(f"reusing {db}")
        else:
            ingest(db, args.corpus, args.workers)
        Store.open(db).close()  # a store made by an older accord gains the indexes this one has
        errors = serve_and_load(db, args.clients, args.seconds)
        cli_times(db)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
