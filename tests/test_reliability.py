"""Reliability: kill -9 during an ingest loses and doubles nothing; readers see consistent data while one
process writes; every kind of bad input is quarantined with its file (and line) and the run goes on."""
from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from accord.cli import EXIT_QUARANTINED, main
from accord.runner import process
from accord.settings import Settings
from accord.store import Store

KILL_ARTICLES = 120
KILLS = 4
KILL_BATCH = 4  # small batches: each run stores a few articles at a time, so kills land all along the input


def _head(shared: Path, n: int, dest: Path) -> Path:
    lines = (shared / "corpus" / "wikinews" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:n]
    dest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dest


def _ingest_cmd(path: Path, db: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "accord.cli", *options, "ingest", str(path), "--db", str(db), "--quiet"]


def _stored_articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet


def _content(db: Path) -> tuple[dict[str, int], str, list[str]]:
    """Counts, a digest of every event and fact record, and the stored texts' hashes."""
    with Store.open(db, readonly=True) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        digest = hashlib.sha256()
        for table in ("events", "facts"):
            for (record,) in store.conn.execute(f"SELECT record FROM {table} ORDER BY id"):  # noqa: S608
                digest.update(record.encode("utf-8") + b"\n")
        hashes = [r[0] for r in store.conn.execute("SELECT hash FROM articles ORDER BY hash")]
        return store.counts(), digest.hexdigest(), hashes


def test_kill_9_during_ingest_loses_and_doubles_nothing(shared: Path, tmp_path: Path) -> None:
    source = _head(shared, KILL_ARTICLES, tmp_path / "head.jsonl")
    config = tmp_path / "batch.toml"
    config.write_text(f"[accord]\nbatch_size = {KILL_BATCH}\n", encoding="utf-8")
    with Store.open(tmp_path / "whole.db") as store:
        whole = process([source], settings=Settings(batch_size=KILL_BATCH), store=store)
    assert whole.articles == KILL_ARTICLES and not whole.rejected

    db = tmp_path / "killed.db"
    rng = random.Random(os.environ.get("ACCORD_TEST_SEED", time.time_ns()))
    stored_at_kill = []
    for _ in range(KILLS):
        before = _stored_articles(db)
        proc = subprocess.Popen(_ingest_cmd(source, db, "--config", str(config)), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        target = before + rng.randint(1, 20)
        deadline = time.monotonic() + 60
        # wait until this run has written something, then kill at a random moment after that
        while proc.poll() is None and _stored_articles(db) < target and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.4))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode in (-signal.SIGKILL, 0), proc.stderr.read().decode() if proc.stderr else ""
        stored_at_kill.append(_stored_articles(db))
    assert stored_at_kill[-1] < KILL_ARTICLES, "the kills came too late to interrupt anything"
    done = subprocess.run(_ingest_cmd(source, db, "--config", str(config)), capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr

    expected, got = _content(tmp_path / "whole.db"), _content(db)
    assert got[0] == expected[0], f"counts differ after kills at {stored_at_kill} stored articles"
    assert got[2] == expected[2]
    assert got[1] == expected[1], "event and fact records differ from an uninterrupted run"


READER = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from accord.store import Store

    db, stop = sys.argv[1], Path(sys.argv[2])
    seen = {"reads": 0, "errors": [], "decreases": [], "inconsistent": [], "last": None}
    deadline = time.monotonic() + 240
    with Store.open(db, readonly=True) as store:
        c = store.conn
        while time.monotonic() < deadline:
            finished = stop.exists()
            try:
                c.execute("BEGIN")  # one snapshot for all the queries below
                counts = store.counts()
                orphans = c.execute("SELECT (SELECT count(*) FROM events WHERE article_hash NOT IN "
                                    "(SELECT hash FROM articles)) + (SELECT count(*) FROM facts WHERE "
                                    "article_hash NOT IN (SELECT hash FROM articles))").fetchone()[0]
                indexed = c.execute("SELECT count(*) FROM article_fts").fetchone()[0]
                records = c.execute("SELECT count(*) FROM events").fetchone()[0]
                for (r,) in c.execute("SELECT record FROM events ORDER BY rowid DESC LIMIT 20"):
                    json.loads(r)
                c.execute("COMMIT")
            except Exception as exc:  # any error at all is what this reader reports
                seen["errors"].append(repr(exc))
                if c.in_transaction:
                    c.rollback()
                continue
            seen["reads"] += 1
            if orphans or indexed != counts["articles"] or records != counts["events"]:
                seen["inconsistent"].append([counts, orphans, indexed])
            if seen["last"] and any(counts[k] < seen["last"][k] for k in counts):
                seen["decreases"].append([seen["last"], counts])
            seen["last"] = counts
            if finished:
                break
    print(json.dumps(seen))
""")


def test_readers_see_consistent_data_while_one_process_writes(shared: Path, tmp_path: Path) -> None:
    source = _head(shared, 40, tmp_path / "head.jsonl")
    db, stop = tmp_path / "shared.db", tmp_path / "stop"
    Store.open(db).close()
    script = tmp_path / "reader.py"
    script.write_text(READER, encoding="utf-8")
    readers = [subprocess.Popen([sys.executable, str(script), str(db), str(stop)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]
    writer = subprocess.run(_ingest_cmd(source, db), capture_output=True, text=True, timeout=300)
    stop.touch()
    results = []
    for r in readers:
        out, err = r.communicate(timeout=120)
        assert r.returncode == 0, err
        results.append(json.loads(out))
    assert writer.returncode == 0, writer.stderr
    for seen in results:
        assert seen["errors"] == [] and seen["decreases"] == [] and seen["inconsistent"] == []
        assert seen["reads"] > 10
        assert seen["last"]["articles"] == 40


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Write one file per kind of bad input; return location suffix -> a word its reason must hold."""
    english = ("Italy and France said on Monday that their ministers would meet in Rome next week to discuss "
               "trade, energy and the war, the government said in a statement. ")
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "invalid_utf8.txt").write_bytes(english.encode() + b"\xff\xfe\xfa" + english.encode())
    (folder / "cp1251.txt").write_bytes(("Министр иностранных дел России встретился с коллегой. " * 10).encode("cp1251"))
    (folder / "nul.txt").write_bytes(english.encode() + b"\x00" + english.encode())
    (folder / "too_big.txt").write_text(english * 200, encoding="utf-8")  # ~33 kB, over the 20 kB limit below
    (folder / "navigation.html").write_text(
        "<html><head><title>Home</title></head><body><nav><ul>" +
        "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30)) +
        "</ul></nav><footer>Copyright</footer></body></html>", encoding="utf-8")
    (folder / "german.txt").write_text(
        "Die Bundesregierung hat am Montag beschlossen, die Zusammenarbeit mit Frankreich im Bereich der "
        "Energie weiter auszubauen. Der Minister sagte, man werde die Gespräche in der nächsten Woche in "
        "Berlin fortsetzen, und beide Länder wollen ein gemeinsames Abkommen unterzeichnen. " * 3, encoding="utf-8")
    (folder / "russian.txt").write_text("Министр иностранных дел России встретился с коллегой в Москве. " * 10,
                                        encoding="utf-8")
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": "good-line", "text": english * 3}) + "\n"
        + '{"id": "broken", "text": "no closing\n'
        + json.dumps({"id": "no-text", "title": "a title only"}) + "\n"
        + json.dumps(["a", "list"]) + "\n", encoding="utf-8")
    return {"binary.txt": "binary", "empty.txt": "empty", "invalid_utf8.txt": "UTF-8", "cp1251.txt": "UTF-8",
            "nul.txt": "NUL", "too_big.txt": "max_file_bytes", "navigation.html": "HTML",
            "german.txt": "English", "russian.txt": "English", "lines.jsonl:2": "JSON",
            "lines.jsonl:3": "text", "lines.jsonl:4": "text"}


def test_every_bad_input_is_quarantined_and_the_run_goes_on(shared: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    expected = _bad_inputs(tmp_path / "in")
    config = tmp_path / "small.toml"
    config.write_text("[accord]\nmax_file_bytes = 20000\n", encoding="utf-8")
    seed = sorted((shared / "corpus" / "seeds").glob("*.txt"))[0]
    db = tmp_path / "bad.db"
    argv = ["--config", str(config), "ingest", str(tmp_path / "in"), str(seed), "--db", str(db), "--quiet"]

    assert main(argv) == EXIT_QUARANTINED
    err = capsys.readouterr().err
    with Store.open(db, readonly=True) as store:
        quarantined = {q["location"]: q["reason"] for q in store.quarantined()}
        first = (store.counts(), store.events(limit=10_000), store.facts(limit=10_000))
        docs = {a["doc_id"] for a in store.articles()}
    assert docs == {"good-line", seed.stem}, "the good inputs after the bad ones are stored"
    assert len(quarantined) == len(expected)
    for suffix, word in expected.items():
        where = next((w for w in quarantined if w.endswith("/" + suffix)), None)
        assert where is not None, f"{suffix} was not quarantined: {sorted(quarantined)}"
        assert word in quarantined[where], (suffix, quarantined[where])
        assert f"quarantined {where}:" in err  # the CLI names the file (and line) too

    assert main(argv) == EXIT_QUARANTINED
    with Store.open(db, readonly=True) as store:
        assert (store.counts(), store.events(limit=10_000), store.facts(limit=10_000)) == first
        assert len(store.quarantined()) == len(expected)


# ---------------------------------------------------------------- one run over a mixed folder

LONG_LEAD = "Italy and France signed a defence agreement in Rome on Monday, the two governments said."
LONG_TAIL = "Greece and Egypt signed a maritime agreement in Cairo on Thursday, officials said."
#: Paragraphs of long words: the parse costs about one second per 5,000 tokens, and a 1.2-million-character
#: article of ordinary news would take minutes; these keep it to about 20 seconds and hold no actors.
FILLERS = ("Parliamentary deliberations regarding infrastructure appropriations continued throughout the "
           "afternoon, according to committee documentation.",
           "Administrative representatives summarised procedural considerations concerning municipal "
           "transportation, environmental assessments and agricultural subsidies.")
LONG_CHARS = 1_200_000


def _long_article(chars: int) -> str:
    """LONG_LEAD, filler paragraphs, then LONG_TAIL past the parser's limit of 1,000,000 characters."""
    parts, size, n = [LONG_LEAD], len(LONG_LEAD), 0
    while size < chars - len(LONG_TAIL) - 400:
        parts.append(FILLERS[n % 2])
        size += len(parts[-1]) + 2
        n += 1
    parts[-2:-2] = [LONG_TAIL]
    text = "\n\n".join(parts)
    return text + " " * (chars - len(text))


PAGE = ("<html><head><title>Border talks</title></head><body><nav><a href='/'>Home</a></nav><article><p>"
        + "Greek and Turkish diplomats met in Athens on Tuesday to discuss the maritime border. " * 4
        + "</p></article><footer>Contact</footer></body></html>")


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """One `accord ingest` over a folder of a 1.2-million-character article, an HTML page, a binary file,
    an empty file, a JSON Lines file with a broken line, and a file of a type accord does not read."""
    folder = tmp_path_factory.mktemp("mixed")
    long_text = _long_article(LONG_CHARS)
    (folder / "long.txt").write_text(long_text, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "wire.jsonl").write_text(
        json.dumps({"id": "wire-1", "text": "Japan and India held talks in Tokyo on Friday on trade, the ministry said."})
        + "\n" + '{"id": "wire-2", "text": "cut off\n', encoding="utf-8")
    (folder / "noise.bin").write_bytes(bytes(range(256)))
    db = folder.parent / "mixed.db"
    proc = subprocess.run([sys.executable, "-m", "accord.cli", "ingest", str(folder), "--db", str(db)],
                          capture_output=True, text=True, timeout=600)
    with Store.open(db, readonly=True) as store:
        return {"proc": proc, "folder": folder, "text": long_text, "events": store.events(limit=1000),
                "docs": {a["doc_id"] for a in store.articles()},
                "quarantined": {q["location"]: q["reason"] for q in store.quarantined()}}


def test_one_run_codes_every_good_article_and_names_every_bad_input(mixed_run: dict[str, Any]) -> None:
    proc, folder = mixed_run["proc"], mixed_run["folder"]
    assert "Traceback" not in proc.stderr
    assert proc.returncode == EXIT_QUARANTINED, proc.stderr
    assert mixed_run["docs"] == {"long", "page", "wire-1"}
    expected = {"image.txt": "binary", "empty.txt": "empty", "wire.jsonl:2": "not JSON"}
    quarantined = {str(Path(w).relative_to(folder)): r for w, r in mixed_run["quarantined"].items()}
    assert set(quarantined) == set(expected)
    for name, word in expected.items():
        assert word in quarantined[name], (name, quarantined[name])
        assert f"quarantined {folder / name}: " in proc.stderr
    assert f"{folder / 'noise.bin'}: not an article file (.bin)" in proc.stderr  # named in the summary
    assert "1 files skipped" in proc.stderr


def test_a_long_article_is_coded_with_exact_offsets(mixed_run: dict[str, Any]) -> None:
    text = mixed_run["text"]
    assert len(text) == LONG_CHARS
    spans = {(e["doc_id"], e["type"], tuple(e["evidence_span"])) for e in mixed_run["events"]}
    for sentence, pair in ((LONG_LEAD, ("ITA", "FRA")), (LONG_TAIL, ("GRC", "EGY"))):
        start = text.index(sentence)
        event = next(e for e in mixed_run["events"] if e["doc_id"] == "long" and e["evidence"].strip() == sentence)
        s, e = event["evidence_span"]
        assert s == start and text[s:e] == event["evidence"], spans
        assert (event["source"]["country"], event["target"]["country"]) == pair
    assert text.index(LONG_TAIL) > 1_000_000  # beyond what spaCy parses in one piece


# ---------------------------------------------------------------- a failure injected at each stage

BROKEN = "Canada and Mexico signed a fisheries accord in Ottawa on Wednesday, the governments said."
GOOD = {"a": "Italy and France held talks in Rome on Monday on energy and trade, the ministers said.",
        "line-1": "Japan and India held talks in Tokyo on Friday on trade and shipping, the ministry said.",
        "line-3": "Kenya and Uganda agreed in Nairobi on Tuesday to build a railway, officials said."}


def _failing(real: Any, when: Any, exc: Exception) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if when(*args, **kwargs):
            raise exc
        return real(*args, **kwargs)
    return wrapper


def _inject(stage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import accord.ingest
    import accord.pipeline
    from accord.annotate import Annotator

    boom = RuntimeError("injected failure")
    if stage == "reading a line":
        monkeypatch.setattr(accord.ingest, "article_from_text", _failing(
            accord.ingest.article_from_text, lambda doc_id, text, **kw: text == BROKEN, boom))
    elif stage == "reading a file":
        monkeypatch.setattr(Path, "read_bytes", _failing(
            Path.read_bytes, lambda path: path.name == "b.txt", OSError(5, "Input/output error")))
    elif stage == "loading the HTML reader":
        monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` raises ImportError
    elif stage == "parsing":
        nlp = Annotator.load().nlp
        # the pipeline is handed texts, or Docs already tokenized (preselection): either holds the broken text
        monkeypatch.setattr(nlp, "pipe", _failing(nlp.pipe, lambda texts, **kw: BROKEN in [getattr(t, "text", t) for t in texts],
                                                  ValueError("E999")))
    elif stage == "coding":
        monkeypatch.setattr(accord.pipeline, "extract_doc", _failing(
            accord.pipeline.extract_doc, lambda article, doc, **kw: article.text == BROKEN, boom))
    elif stage == "storing":
        monkeypatch.setattr(Store, "add", _failing(Store.add, lambda store, x: x.article.text == BROKEN,
                                                   ValueError("injected failure")))


@pytest.mark.parametrize(("stage", "where", "reason"), [
    ("reading a line", "lines.jsonl:2", "cannot be read (RuntimeError: injected failure)"),
    ("reading a file", "b.txt", "cannot be read (OSError: [Errno 5] Input/output error)"),
    ("loading the HTML reader", "page.html", "the HTML reader cannot be loaded"),
    ("parsing", "lines.jsonl:2", "internal error while parsing (ValueError: E999)"),
    ("coding", "lines.jsonl:2", "internal error while coding (RuntimeError: injected failure)"),
    ("storing", "lines.jsonl:2", "cannot be stored (ValueError: injected failure)"),
])
def test_a_failure_at_any_stage_is_one_inputs_failure(stage: str, where: str, reason: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD["a"], encoding="utf-8")
    (folder / "b.txt").write_text(BROKEN.replace("Ottawa", "Toronto"), encoding="utf-8")
    (folder / "lines.jsonl").write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in (
        ("line-1", GOOD["line-1"]), ("line-2", BROKEN), ("line-3", GOOD["line-3"]))), encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    _inject(stage, monkeypatch)
    db = tmp_path / "s.db"

    assert main(["ingest", str(folder), "--db", str(db), "--quiet"]) == EXIT_QUARANTINED
    err = capsys.readouterr().err
    with Store.open(db, readonly=True) as store:
        quarantined = {q["location"]: q["reason"] for q in store.quarantined()}
        docs = {a["doc_id"] for a in store.articles()}
    assert list(quarantined) == [str(folder / where)]
    assert quarantined[str(folder / where)].startswith(reason), quarantined
    assert f"quarantined {folder / where}: {reason}" in err
    every = {"a", "b", "line-1", "line-2", "line-3", "page"}
    assert docs == every - {"line-2" if ":" in where else Path(where).stem}


# ---------------------------------------------------------------- a seed of bench/fuzz.py

def _fuzz_module() -> Any:
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "bench" / "fuzz.py"
    spec = importlib.util.spec_from_file_location("accord_bench_fuzz", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_a_seed_of_the_fuzz_run_passes(tmp_path: Path) -> None:
    """Three inputs of each kind and 60 tiny files, two workers: see bench/fuzz.py for the checks."""
    fuzz = _fuzz_module()
    result = fuzz.run(tmp_path, inputs=3 * len(fuzz.KINDS), tiny=60, huge=False, workers=2, seed=20)
    assert result.failures == []
    assert result.first.returncode == EXIT_QUARANTINED and result.missing == []
    assert result.counts["articles"] > 0 and result.counts["quarantine"] > 0
    assert "files skipped, not read:" in result.first.stderr  # the other_type files are named
