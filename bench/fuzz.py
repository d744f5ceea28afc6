"""Fuzz `accord ingest`: inputs of every kind a user may point accord at, one run, then checks.

    .venv/bin/python bench/fuzz.py [--inputs 1000] [--tiny 10000] [--workers 2] [--seed 20] [--no-huge] [--keep DIR]

Writes `--inputs` files, taking the kinds in KINDS in turn (random bytes, truncated files, every
UTF encoding and broken UTF-8, JSON of wrong shapes and types, deeply nested and script-only
HTML, files with no suffix, good articles and their duplicates...), the huge files in HUGE
(unless --no-huge) and a folder of `--tiny` tiny files, then runs `accord ingest` over them
with `--workers` and checks:

1. no traceback, exit status 0 or 3;
2. every input is stored (its path, or path:line, in the store's articles or copies), named in
   the quarantine, or named as skipped in the run's summary; a JSON Lines file is checked
   line by line (or named whole, when no line holds a record);
3. the peak resident memory of the process tree (sampled from /proc) stays under --max-rss-mb;
4. a second run adds nothing: the same counts and "0 articles".

Prints the figures and exits 1 when a check fails. Takes about 10 minutes on 2 cores with the
defaults; `tests/test_reliability.py` runs a small seed of it (`run(...)` below).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import tree_rss_kib  # noqa: E402  (the resident memory of a process tree, measured one way)

COUNTRIES = ["Italy", "France", "Greece", "Egypt", "Japan", "India", "Kenya", "Uganda", "Brazil", "Chile", "Canada",
             "Mexico", "Poland", "Spain", "Turkey", "Vietnam"]
VERBS = ["signed a trade agreement with", "held talks with", "accused", "criticised", "sent medical aid to",
         "threatened to impose sanctions on", "praised", "agreed to cooperate with", "rejected a proposal from"]
PLACES = ["Rome", "Cairo", "Tokyo", "São Paulo", "Zürich", "Kraków", "Hà Nội", "Nairobi"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
OTHER_SUFFIXES = [".bin", ".pdf", ".md", ".csv", ".json", ".png"]


def sentence(rng: random.Random) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    return (f"{a} {rng.choice(VERBS)} {b} in {rng.choice(PLACES)} on {rng.choice(DAYS)}, officials said — "
            f"the {rng.randint(2, 900)} delegates spent {rng.randint(1, 90)} million euros.")


def article(rng: random.Random, sentences: int = 0) -> str:
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(sentences or rng.randint(1, 6))]
    return "\n\n".join(paragraphs) + "\n"


def html_page(rng: random.Random) -> str:
    body = "".join(f"<p>{p}</p>" for p in article(rng, 4).split("\n\n"))
    return f"<html><head><title>{sentence(rng)[:40]}</title></head><body><article>{body}</article></body></html>"


# ---------------------------------------------------------------- kinds: rng -> (suffix, bytes)

def random_bytes(rng: random.Random) -> tuple[str, bytes]:
    return rng.choice([".txt", ".html", ".jsonl", ""]), rng.randbytes(rng.choice([1, 7, 100, 4096, 70_000]))


def truncated(rng: random.Random) -> tuple[str, bytes]:
    suffix, data = rng.choice([(".txt", article(rng).encode()), (".html", html_page(rng).encode()),
                               (".jsonl", (json.dumps({"text": article(rng)}, ensure_ascii=False) + "\n").encode() * 3)])
    return suffix, data[:rng.randrange(1, len(data))]


def encoded(rng: random.Random) -> tuple[str, bytes]:
    codec = rng.choice(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-7",
                        "cp1252", "latin-1", "cp1251", "shift_jis", "gb18030", "mac_roman"])
    return rng.choice([".txt", "", ".html"]), article(rng).encode(codec, errors="replace")


def broken_utf8(rng: random.Random) -> tuple[str, bytes]:
    data = bytearray(article(rng).encode())
    for _ in range(rng.randint(1, 5)):
        bad = rng.choice([b"\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xff", b"\xe2\x82"])
        pos = rng.randrange(len(data))
        data[pos:pos] = bad
    return rng.choice([".txt", ".jsonl", ""]), bytes(data)


def json_shapes(rng: random.Random) -> tuple[str, bytes]:
    good = article(rng)
    shapes = ["[]", "1", '"text"', "null", "true", "{}", '{"text": 5}', '{"text": ["a"]}', '{"text": {"a": 1}}',
              '{"text": ""}', '{"text": "   "}', '{"text": null}', json.dumps({"text": good, "date": 12345}),
              json.dumps({"text": good, "date": "99999-99-99"}), json.dumps({"text": good, "authors": "one"}),
              json.dumps({"text": good, "authors": [1, None, {}]}), json.dumps({"text": good, "id": {"a": [1]}}),
              json.dumps({"text": good, "title": ["x"], "url": 7}), '{"text": "' + good[:50] + '", "n": 1e999}',
              '{"text": NaN}', '{"text": "a", "text": "' + good[:80] + '"}', '{"text": "\\ud800 ' + good[:60] + '"}',
              '{"text": "x", "title": "\\udfff"}', "\ufeff" + json.dumps({"text": good}), "{" * 3,
              "[" * 100_000 + "]" * 100_000, json.dumps({"text": good, "nested": [[[[[[[]]]]]]]}),
              json.dumps({"text": good}), json.dumps({"text": good + "\u0000"})]
    lines = rng.sample(shapes, rng.randint(1, 8))
    return ".jsonl", ("\n".join(lines) + rng.choice(["", "\n", "\r\n"])).encode("utf-8", "surrogatepass")


def nested_html(rng: random.Random) -> tuple[str, bytes]:
    depth = rng.choice([300, 3000, 30_000, 200_000])
    tag = rng.choice(["div", "span", "table", "b"])
    return ".html", (f"<html><body>{f'<{tag}>' * depth}<p>{article(rng, 2)}</p>{f'</{tag}>' * depth}"
                     "</body></html>").encode()


def script_html(rng: random.Random) -> tuple[str, bytes]:
    script = "<script>var x = " + json.dumps(article(rng)) + ";</script>"
    return rng.choice([".html", ".htm"]), (f"<html><head>{script}<style>p{{color:red}}</style></head>"
                                           f"<body>{script * rng.randint(1, 20)}<noscript></noscript></body></html>").encode()


def odd_html(rng: random.Random) -> tuple[str, bytes]:
    parts = ["<p>" + article(rng, 1), "<!-- " + sentence(rng) + " -->", "<![CDATA[x]]>", "&#xFFFFFFF;&bogus;",
             "<img src=x onerror=alert(1)>", f"<a href='{'x' * 50_000}'>link</a>", "</html></html>", "<table><tr><td>",
             "<?xml version='1.0'?>", "<meta charset='cp1251'>", html_page(rng), "<body><body>", "\x00"]
    return ".html", "".join(rng.choices(parts, k=rng.randint(1, 12))).encode("utf-8", "replace")


def no_suffix(rng: random.Random) -> tuple[str, bytes]:
    return "", rng.choice([article(rng).encode(), rng.randbytes(300), b"", html_page(rng).encode()])


def empty(rng: random.Random) -> tuple[str, bytes]:
    return rng.choice([".txt", ".jsonl", ".html", ""]), rng.choice([b"", b" ", b"\n\n", b"\t \r\n", b"\xef\xbb\xbf"])


def odd_text(rng: random.Random) -> tuple[str, bytes]:
    text = article(rng)
    extra = rng.choice(["\u200b\u200f\u202e", "😀🇮🇹", "e\u0301\u0301\u0301", "\x07\x1b[31m", "\r", "\u2028",
                        "x" * 200_000, "\n" * 10_000, "A" * 70_000 + "\x00"])
    pos = rng.randrange(len(text))
    return rng.choice([".txt", ".text", ""]), (text[:pos] + extra + text[pos:]).encode()


def good(rng: random.Random) -> tuple[str, bytes]:
    if rng.random() < 0.5:
        return ".txt", (f"date 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\nBy Fuzz Wire\n\n" + article(rng)).encode()
    lines = [json.dumps({"text": article(rng), "date": f"2023-0{rng.randint(1, 9)}-2{rng.randint(0, 9)}",
                         "title": sentence(rng)[:50], "authors": ["A. Writer"]}, ensure_ascii=False)
             for _ in range(rng.randint(1, 5))]
    return rng.choice([".jsonl", ".ndjson"]), ("\n".join(lines) + "\n").encode()


def not_english(rng: random.Random) -> tuple[str, bytes]:
    return ".txt", rng.choice(["Министр иностранных дел встретился с коллегой в Москве. " * 20,
                               "Der Minister sagte, man werde die Gespräche fortsetzen und ein Abkommen schließen. " * 9,
                               "外交部长周一在北京会见了来访的意大利外长。" * 30]).encode()


def other_type(rng: random.Random) -> tuple[str, bytes]:
    return rng.choice(OTHER_SUFFIXES), rng.choice([article(rng).encode(), rng.randbytes(200)])


KINDS: dict[str, Callable[[random.Random], tuple[str, bytes]]] = {
    "random_bytes": random_bytes, "truncated": truncated, "encoded": encoded, "broken_utf8": broken_utf8,
    "json_shapes": json_shapes, "nested_html": nested_html, "script_html": script_html, "odd_html": odd_html,
    "no_suffix": no_suffix, "empty": empty, "odd_text": odd_text, "good": good, "duplicate": good,
    "not_english": not_english, "other_type": other_type,
}


def huge_files(rng: random.Random) -> dict[str, bytes | int]:
    """Name -> content, or a size for a sparse file (never read: over max_file_bytes)."""
    long = article(rng, 1)
    while len(long) < 1_200_000:
        long += "\n\n" + article(rng, 40)
    return {
        "huge-article.txt": long[:1_200_000].encode(),  # parsed in pieces, coded
        "over-article-limit.txt": (long * 2)[:2_100_000].encode(),  # over max_article_chars
        "huge-random.txt": rng.randbytes(9_000_000),  # more bytes than an article may have characters
        "huge-line.jsonl": (json.dumps({"text": long * 7}) + "\n" + json.dumps({"text": article(rng)}) + "\n").encode(),
        "huge-page.html": ("<html><body>" + "".join(f"<p>{p}</p>" for p in long[:600_000].split("\n\n"))
                           + "</body></html>").encode(),
        "over-file-limit.txt": 101_000_000,
    }


# ---------------------------------------------------------------- writing, running, checking

def write_inputs(folder: Path, *, inputs: int, tiny: int, huge: bool, seed: int) -> Counter[str]:
    rng = random.Random(seed)
    kinds = Counter[str]()
    names = list(KINDS)
    previous: list[tuple[str, bytes]] = []
    (folder / "inputs").mkdir(parents=True)
    for n in range(inputs):
        kind = names[n % len(names)]
        suffix, data = rng.choice(previous) if kind == "duplicate" and previous else KINDS[kind](rng)
        if kind == "good" and suffix == ".txt":
            previous.append((suffix, data))  # a duplicate is the same text under another name
        (folder / "inputs" / f"{n:04d}-{kind}{suffix}").write_bytes(data)
        kinds[kind] += 1
    if huge:
        for name, content in huge_files(rng).items():
            path = folder / "inputs" / name
            if isinstance(content, int):
                with path.open("wb") as handle:
                    handle.truncate(content)
            else:
                path.write_bytes(content)
            kinds["huge"] += 1
    tiny_dir = folder / "tiny"
    tiny_dir.mkdir()
    for n in range(tiny):
        data = rng.choice([b"", b" ", b"Italy.", b"Peace.", rng.randbytes(rng.randint(1, 20)),
                           sentence(rng).encode(), b"{}", b"\xff", str(n).encode()])
        (tiny_dir / f"{n:05d}{rng.choice(['.txt', '', '.jsonl', '.html'])}").write_bytes(data)
    kinds["tiny"] = tiny
    return kinds


@dataclass
class Run:
    returncode: int
    stderr: str
    seconds: float
    peak_mib: float


def ingest(folder: Path, db: Path, workers: int) -> Run:
    cmd = [sys.executable, "-m", "accord.cli", "ingest", str(folder / "inputs"), str(folder / "tiny"),
           "--db", str(db), "--workers", str(workers)]
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, text=True)
        peak = [0]

        def sample() -> None:
            while proc.poll() is None:
                peak[0] = max(peak[0], tree_rss_kib(proc.pid))
                time.sleep(0.2)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        proc.wait()
        sampler.join()
        err.seek(0)
        return Run(proc.returncode, err.read(), time.perf_counter() - start, peak[0] / 1024)


def unaccounted(folder: Path, db: Path, stderr: str) -> list[str]:
    """Inputs neither stored, quarantined nor named as skipped."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        known = {r[0] for r in conn.execute("SELECT path FROM articles UNION SELECT path FROM copies "
                                            "UNION SELECT location FROM quarantine")}
    known |= {m[1] for m in re.finditer(r"^ {2}(.+?): ", stderr, re.M)}  # the summary's skipped files
    missing = []
    for path in input_files(folder):
        if str(path) in known:
            continue
        if path.suffix in (".jsonl", ".ndjson"):
            with path.open("rb") as handle:
                lines = [n for n, line in enumerate(handle, 1) if line.strip()]
            missing += [f"{path}:{n}" for n in lines if f"{path}:{n}" not in known]
            continue
        missing.append(str(path))
    return missing


def input_files(folder: Path) -> list[Path]:
    return sorted(p for sub in ("inputs", "tiny") for p in (folder / sub).rglob("*") if p.is_file())


def summary(stderr: str) -> str:
    """The run's summary line: "N articles, N events, ..."."""
    m = re.search(r"^\d+ articles, .*$", stderr, re.M)
    return m[0] if m else "(no summary)"


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                for t in ("articles", "copies", "events", "facts", "quarantine")}


@dataclass
class Result:
    kinds: Counter[str]
    first: Run
    second: Run
    counts: dict[str, int]
    missing: list[str]
    failures: list[str] = field(default_factory=list)


def run(folder: Path, *, inputs: int = 1000, tiny: int = 10_000, huge: bool = True, workers: int = 2,
        seed: int = 20, max_rss_mb: float = 1536) -> Result:
    """Write the inputs under `folder`, ingest them twice, and check; `Result.failures` lists what failed."""
    kinds = write_inputs(folder, inputs=inputs, tiny=tiny, huge=huge, seed=seed)
    db = folder / "fuzz.db"
    first = ingest(folder, db, workers)
    after_first = counts(db)
    missing = unaccounted(folder, db, first.stderr)
    second = ingest(folder, db, workers)
    result = Result(kinds, first, second, after_first, missing)
    for name, r in (("first", first), ("second", second)):
        if "Traceback" in r.stderr:
            result.failures.append(f"{name} run: a traceback\n{r.stderr[-3000:]}")
        if r.returncode not in (0, 3):
            result.failures.append(f"{name} run: exit status {r.returncode}\n{r.stderr[-3000:]}")
        if r.peak_mib > max_rss_mb:
            result.failures.append(f"{name} run: peak RSS {r.peak_mib:.0f} MiB, over {max_rss_mb:.0f}")
    if missing:
        result.failures.append(f"{len(missing)} inputs neither stored nor named: {missing[:20]}")
    if counts(db) != after_first or not summary(second.stderr).startswith("0 articles,"):
        result.failures.append(f"the second run added something: {after_first} -> {counts(db)}")
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=1000, help="files of the kinds in KINDS, taken in turn")
    ap.add_argument("--tiny", type=int, default=10_000, help="tiny files in one folder")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--max-rss-mb", type=float, default=1536)
    ap.add_argument("--no-huge", action="store_true", help="leave out the huge files (1.2M-character article...)")
    ap.add_argument("--keep", type=Path, help="write the inputs and the store here and keep them")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="accord-fuzz-") as tmp:
        folder = args.keep or Path(tmp)
        r = run(folder, inputs=args.inputs, tiny=args.tiny, huge=not args.no_huge, workers=args.workers,
                seed=args.seed, max_rss_mb=args.max_rss_mb)
        files = len(input_files(folder))
    print(f"inputs: {args.inputs} files of {len(KINDS)} kinds, {r.kinds['huge']} huge, {r.kinds['tiny']} tiny; "
          f"{files} files in all")
    print("kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(r.kinds.items())))
    for name, x in (("first run", r.first), ("second run", r.second)):
        print(f"{name}: exit {x.returncode}, {x.seconds:.0f} s, peak RSS {x.peak_mib:.0f} MiB (process tree); "
              f"{summary(x.stderr)}")
    print(f"store after the first run: {r.counts}")
    quarantined = Counter(re.sub(r"\d[\d,]*\d|\d", "N", m[1].split(" (")[0].split(";")[0])
                          for m in re.finditer(r"^accord: quarantined .+?: (.*)$", r.first.stderr, re.M))
    print("quarantine reasons: " + "; ".join(f"{n} × {reason}" for reason, n in quarantined.most_common()))
    print("unaccounted inputs: " + str(len(r.missing)))
    for failure in r.failures:
        print("FAILED: " + failure)
    print("all checks passed" if not r.failures else f"{len(r.failures)} checks failed")
    return 1 if r.failures else 0


if __name__ == "__main__":
    sys.exit(main())
