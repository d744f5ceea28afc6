"""Honest figures: no line of src/ or tests/ quotes an evaluation text.

A rule or a test written from an evaluation sentence measures nothing on that set afterwards, so
eight words in a row shared with a dev gold text (../shared/eval/plover_dev, realnews_dev) or with
a wire-set sentence (bench/wire/*.jsonl, its `text` fields) fail this test. Words are compared as
../shared/hooks/goldquotes.py compares them (lower case, punctuation ignored), over each file's
words in order, so a sentence split across two string literals is caught too. bench/ and docs/
are not checked: bench/wire holds the sets themselves.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD_FOLDERS = ("eval/plover_dev/texts", "eval/realnews_dev/texts")
WIRE_SETS = ("set_a.jsonl", "set_b.jsonl")
CHECKED = ("src", "tests")
SUFFIXES = {".py", ".yaml", ".yml", ".md", ".txt", ".json", ".jsonl", ".csv", ".html", ".js", ".css"}
N = 8
WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def _grams(text: str) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i:i + N]) for i in range(len(words) - N + 1)}


def _checked_files() -> list[Path]:
    out = []
    for top in CHECKED:
        for p in sorted((ROOT / top).rglob("*")):
            parts = p.relative_to(ROOT).parts
            if p.is_file() and p.suffix in SUFFIXES and not any(
                    x.startswith(".") or x == "__pycache__" or x.endswith(".egg-info") for x in parts):
                out.append(p)
    return out


@lru_cache(maxsize=1)
def _windows() -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """Every run of N words in the checked files, with the file and the line it starts on."""
    found = []
    for p in _checked_files():
        words = [(w, n) for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
                 for w in WORD.findall(line.lower())]
        name = p.relative_to(ROOT).as_posix()
        found += [(name, words[i][1], tuple(w for w, _ in words[i:i + N])) for i in range(len(words) - N + 1)]
    return tuple(found)


def _quoting(sources: dict[tuple[str, ...], str]) -> list[str]:
    return sorted({f"{name}:{line}: eight words of {sources[g]}" for name, line, g in _windows() if g in sources})


def _wire_sources() -> dict[tuple[str, ...], str]:
    sources: dict[tuple[str, ...], str] = {}
    for set_name in WIRE_SETS:
        path = ROOT / "bench" / "wire" / set_name
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                record = json.loads(line)
                for g in _grams(record["text"]):
                    sources.setdefault(g, f"{set_name} line {n} ({record.get('id')})")
    return sources


def _gold_sources() -> dict[tuple[str, ...], str]:
    sources: dict[tuple[str, ...], str] = {}
    for folder in GOLD_FOLDERS:
        texts = sorted((SHARED / folder).glob("*.txt"))
        assert texts, f"no gold texts under {SHARED / folder}"
        for p in texts:
            for g in _grams(p.read_text(encoding="utf-8", errors="replace")):
                sources.setdefault(g, f"{folder}/{p.name}")
    return sources


def test_the_check_reads_src_and_tests_and_finds_a_window_where_it_stands():
    assert {name.split("/")[0] for name, _, _ in _windows()} == set(CHECKED)
    # a window of the repository's own words, offered as a source, is reported at its file and line
    name, line, g = next(w for w in _windows() if w[0].startswith("src/"))
    assert f"{name}:{line}: eight words of probe" in _quoting({g: "probe"})
    assert _grams("one two three four five six seven") == set()  # fewer than N words
    assert len(_grams("One, two; three-four (five) six's seven eight nine ten")) == 2  # punctuation ignored


def test_no_line_quotes_a_wire_set_sentence():
    sources = _wire_sources()
    assert len(sources) > 1000  # both sets were read
    hits = _quoting(sources)
    assert not hits, "write sentences of your own:\n" + "\n".join(hits)


def test_no_line_quotes_a_dev_gold_text():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the dev gold texts cannot be compared")
    sources = _gold_sources()
    hits = _quoting(sources)
    assert not hits, "write sentences of your own:\n" + "\n".join(hits)
