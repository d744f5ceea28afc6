"""Throughput and start-up, whole processes: bare spaCy against `accord extract`, and 1 against N workers.

    .venv/bin/python bench/throughput.py [--corpus FILE] [--limit N] [--repeat 3] [--workers 2]

Every figure is a whole process started anew (python, imports, the model's load, the work),
timed from outside, best of --repeat runs taken alternately (other load on the machine only
slows a run). On the same texts (default: the 293 Wikinews articles of
../shared/corpus/wikinews/articles.jsonl as `accord.ingest.read_articles` reads them, written
to a temporary JSON Lines file):

1. start-up: `accord extract` of one short article against a script that loads the same spaCy
   pipeline and parses the same text (the floor a user compares against), and `accord --help`;
2. throughput: a script that loads the pipeline and runs `nlp.pipe(texts)` against
   `accord extract FILE -o OUT` (parse, actors, events, places, facts, clusters, JSON Lines),
   one process each; the ratio bare/accord (above 1: accord is faster than bare spaCy);
3. workers: `accord extract --workers 1` against `--workers N`, both cold, and whether their
   outputs are identical (exits 1 if not).

First it prints how many sentences preselection skips on these texts (docs/scale.md). accord's
modules are byte-compiled once before any run, as an installed package's are (spaCy's always are).

The load average is printed with the figures: on a busy machine the wall times are upper bounds
and the CPU seconds (best of the runs, the process and its children) are the steadier measure of
one process's work; a speed-up of workers needs free cores and is only meaningful on a quiet
machine.
"""
from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import accord
from accord.ingest import read_articles
from accord.model import Article
from accord.settings import Settings

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews" / "articles.jsonl"
SHORT = "ATHENS, May 2 - Greece and Egypt signed an agreement on their maritime border on Thursday, the ministry said.\n"
BARE = """import json, sys, spacy
nlp = spacy.load(sys.argv[1])
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
for doc in nlp.pipe(texts, batch_size=int(sys.argv[3])):
    pass
"""
ACCORD = [sys.executable, "-m", "accord.cli"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL, text file or folder")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--workers", type=int, default=2, help="compare this many workers with one (0: skip)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each command; the best is kept")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: startup,throughput,workers")
    args = ap.parse_args()
    skip = set(args.skip.split(","))
    settings = Settings()
    articles = [a for a in read_articles(args.corpus, settings=settings) if isinstance(a, Article)][:args.limit]
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words:,} words from {args.corpus}; batch size {settings.batch_size}; "
          f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}, {dt.datetime.now():%Y-%m-%d %H:%M}; "
          f"load average {_load()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "articles.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for a in articles:
                out.write(json.dumps({"id": a.id, "title": a.title, "text": a.text,
                                      "date": a.published.value if a.published else None}) + "\n")
        (folder / "bare.py").write_text(BARE, encoding="utf-8")
        # accord's bytecode compiled once, as spaCy's is at install: where PYTHONDONTWRITEBYTECODE is set (this
        # project's machines), an editable install would otherwise recompile every module in every process
        compileall.compile_dir(str(Path(accord.__file__).parent), quiet=1)
        subprocess.run([*ACCORD, "extract", str(corpus), "-o", os.devnull, "--quiet", "--workers", "1"], check=True)
        skipped(articles, settings)
        if "startup" not in skip:
            startup(folder, settings, args.repeat)
        if "throughput" not in skip:
            throughput(folder, corpus, settings, args.repeat, len(articles), words)
        if args.workers > 1 and "workers" not in skip:
            return workers(folder, corpus, args.workers, args.repeat, len(articles), words)
    return 0


def skipped(articles: list[Article], settings: Settings) -> None:
    """How many rule sentences preselection leaves to the tokenizer alone (see docs/scale.md)."""
    from accord import compiled, preselect
    from accord.annotate import Annotator

    annotator = Annotator.load(settings.pipeline).selecting(compiled.dictionary(settings))
    docs = (annotator.nlp.make_doc(a.text) for a in articles)
    total, skipped = preselect.count(docs, annotator.selector)
    print(f"preselection: {skipped:,} of {total:,} rule sentences skipped ({skipped / max(total, 1):.1%})")


def startup(folder: Path, settings: Settings, repeat: int) -> None:
    short = folder / "short.txt"
    short.write_text(SHORT, encoding="utf-8")
    (folder / "short.jsonl").write_text(json.dumps({"text": SHORT}) + "\n", encoding="utf-8")
    bare, accord, helps = _best(repeat, [
        [sys.executable, str(folder / "bare.py"), settings.pipeline, str(folder / "short.jsonl"), "1"],
        [*ACCORD, "extract", str(short), "-o", os.devnull, "--quiet"],
        [*ACCORD, "--help"]])
    print(f"\nstart-up, best of {repeat}: spaCy load and parse {bare:.2f} s; accord extract {accord:.2f} s "
          f"({accord / bare:.2f}x spaCy's); accord --help {helps:.2f} s; load average {_load()}")
    print(f"  CPU: spaCy {CPU[0]:.2f} s, accord extract {CPU[1]:.2f} s ({CPU[1] / CPU[0]:.2f}x), --help {CPU[2]:.2f} s")


def throughput(folder: Path, corpus: Path, settings: Settings, repeat: int, articles: int, words: int) -> None:
    bare, accord = _best(repeat, [
        [sys.executable, str(folder / "bare.py"), settings.pipeline, str(corpus), str(settings.batch_size)],
        [*ACCORD, "extract", str(corpus), "-o", os.devnull, "--quiet"]])
    print(f"\nthroughput, one process each, best of {repeat}:")
    _line("bare spaCy nlp.pipe", articles, words, bare)
    _line("accord extract", articles, words, accord)
    print(f"ratio bare/accord: {bare / accord:.2f} (above 1: accord is faster than bare spaCy); load average {_load()}")
    print(f"  CPU: bare {CPU[0]:.1f} s, accord {CPU[1]:.1f} s, ratio {CPU[0] / CPU[1]:.2f}")


def workers(folder: Path, corpus: Path, n: int, repeat: int, articles: int, words: int) -> int:
    outputs = {k: folder / f"workers{k}.jsonl" for k in (1, n)}
    one, many = _best(repeat, [[*ACCORD, "extract", str(corpus), "-o", str(outputs[k]), "--quiet", "--workers", str(k)]
                               for k in (1, n)])
    same = outputs[1].read_bytes() == outputs[n].read_bytes()
    print(f"\nworkers, both cold (whole processes), best of {repeat}:")
    _line("accord extract --workers 1", articles, words, one)
    _line(f"accord extract --workers {n}", articles, words, many)
    print(f"  CPU: 1 worker {CPU[0]:.1f} s, {n} workers {CPU[1]:.1f} s")
    print(f"speed-up: {one / many:.2f}x; outputs identical: {same} "
          f"({len(outputs[1].read_text(encoding='utf-8').splitlines())} records); load average {_load()}")
    return 0 if same else 1


def _best(repeat: int, commands: list[list[str]]) -> list[float]:
    """The best wall time of each command, the commands run in turn `repeat` times; the best CPU time of each
    (user and system, the process and its children) is kept in CPU, by position."""
    best = [float("inf")] * len(commands)
    CPU[:] = [float("inf")] * len(commands)
    for _ in range(repeat):
        for i, command in enumerate(commands):
            before = _children_cpu()
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            best[i] = min(best[i], time.perf_counter() - start)
            CPU[i] = min(CPU[i], _children_cpu() - before)
    return best


#: the CPU seconds of the commands of the last _best, by position: on a machine other jobs keep busy, a
#: truer measure of one process's work than its wall time (never of a speed-up, which needs free cores)
CPU: list[float] = []


def _children_cpu() -> float:
    t = os.times()
    return t.children_user + t.children_system


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _line(label: str, articles: int, words: int, seconds: float) -> None:
    print(f"  {label:30} {seconds:7.2f} s  {articles / seconds:7.2f} articles/s  {words / seconds:9,.0f} words/s")


if __name__ == "__main__":
    sys.exit(main())
