"""A bounded load test of the HTTP API on loopback (issue 9): it stops by itself.

    .venv/bin/python bench/load_api.py [--clients 50] [--seconds 30]

Ingests the seed articles and the shipped examples into a temporary store, starts
`accord serve` on a free port of 127.0.0.1 in a child process, then runs CLIENTS threads,
each sending requests over mixed routes (lists with filters, one event, dyads, search,
an article, the page) for SECONDS. Prints requests/s, p50/p99 latency, the count of
non-2xx answers and of transport errors, and the server's resident memory at the start of
the run, half-way and at the end (no growth expected: every request opens and closes a
read-only connection). Only 127.0.0.1 is ever contacted.
"""
from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def serve(db: Path, *, tries: int, timeout: float) -> tuple[subprocess.Popen, str]:
    """`accord serve` on a free loopback port, waited for (up to `tries` tenths of a second): the process and its URL."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "accord.cli", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(tries):
        try:
            httpx.get(base + "/api/dyads", timeout=timeout)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    return server, base


def drive(server: subprocess.Popen, client: Callable[[int], None], clients: int, seconds: float) -> tuple[float, list[int]]:
    """`clients` threads running `client(n)`; the wall time until the last has answered, and the server's resident
    memory at the start, half-way and the end (KiB)."""
    rss = [rss_kb(server.pid)]
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds / 2)
    rss.append(rss_kb(server.pid))
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    rss.append(rss_kb(server.pid))
    return elapsed, rss


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    args = ap.parse_args()

    from accord.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        with Store.open(db) as store:
            store.ingest([SHARED / "corpus" / "seeds", ROOT / "src" / "accord" / "examples"])
            event_ids = [e["id"] for e in store.events()]
            doc_ids = [a["doc_id"] for a in store.articles()]
        server, base = serve(db, tries=100, timeout=1)
        try:
            routes = [
                "/api/events?dyad=AZE-ITA", "/api/events?type=SUPPORT&limit=10", "/api/events?raw=true&country=ITA",
                "/api/facts?dyad=AZE-ITA", "/api/dyads", "/api/search?q=investment", "/api/articles", "/",
                *[f"/api/events/{i}" for i in event_ids[:5]], *[f"/api/articles/{d}" for d in doc_ids[:3]],
                "/api/events?dyad=AZE", "/api/search?q=%22unbalanced",  # invalid on purpose: 400 expected
            ]
            latencies: list[float] = []
            codes: dict[int, int] = {}
            errors = [0]
            lock = threading.Lock()
            stop_at = time.monotonic() + args.seconds

            def client(seed: int) -> None:
                rnd = random.Random(seed)
                with httpx.Client(base_url=base, timeout=10) as http:
                    while time.monotonic() < stop_at:
                        route = rnd.choice(routes)
                        t = time.perf_counter()
                        try:
                            r = http.get(route)
                        except httpx.TransportError:
                            with lock:
                                errors[0] += 1
                            continue
                        with lock:
                            latencies.append(time.perf_counter() - t)
                            codes[r.status_code] = codes.get(r.status_code, 0) + 1

            elapsed, rss = drive(server, client, args.clients, args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=10)
    lat = sorted(latencies)
    p99 = lat[int(0.99 * (len(lat) - 1))] if lat else 0.0
    bad = sum(n for c, n in codes.items() if c >= 500)
    print(f"{args.clients} clients for {args.seconds:.0f} s: {len(lat)} requests, {len(lat) / elapsed:.0f} requests/s")
    print(f"latency p50 {statistics.median(lat) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms")
    print(f"status codes {dict(sorted(codes.items()))}; 5xx {bad}; transport errors {errors[0]}")
    print(f"server RSS at start / half-way / end: {' / '.join(f'{r / 1024:.0f} MB' for r in rss)}")
    return 1 if bad or errors[0] else 0


if __name__ == "__main__":
    sys.exit(main())
