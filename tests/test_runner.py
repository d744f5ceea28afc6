"""runner.process: workers give the same records as one process, the store is written from one thread, progress counts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.exports import extraction_records
from accord.runner import count_articles, process
from accord.settings import Settings
from accord.store import Store


@pytest.fixture(scope="module")
def mixed_jsonl(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    """24 wikinews articles with a malformed line and a record without text among them."""
    lines = (shared / "corpus" / "wikinews" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:24]
    lines[5:5] = ["{not json"]
    lines[17:17] = [json.dumps({"id": "no-text", "title": "only a title"})]
    path = tmp_path_factory.mktemp("runner") / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _records(path: Path, workers: int, settings: Settings) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    process([path], settings=settings, sink=lambda x: out.extend(extraction_records(x)), workers=workers)
    return out


def test_two_workers_give_the_records_of_one(mixed_jsonl: Path) -> None:
    settings = Settings(batch_size=4)  # several batches in flight at once
    one = _records(mixed_jsonl, 1, settings)
    two = _records(mixed_jsonl, 2, settings)
    assert one, "the articles should give some records"
    assert two == one


def test_workers_write_the_store_like_one_process(mixed_jsonl: Path, tmp_path: Path) -> None:
    settings = Settings(batch_size=4)
    contents = []
    for workers in (1, 2):
        with Store.open(tmp_path / f"w{workers}.db") as store:
            report = process([mixed_jsonl], settings=settings, store=store, workers=workers)
            assert report.articles == 24 and len(report.rejected) == 2
            again = process([mixed_jsonl], settings=settings, store=store, workers=workers)
            assert again.articles == 0 and again.skipped == 24
            contents.append((store.counts(), store.events(limit=10_000), store.facts(limit=10_000),
                             [(q["location"].rsplit("/", 1)[-1], q["reason"]) for q in store.quarantined()]))
    assert contents[0] == contents[1]
    assert contents[0][0]["quarantine"] == 2


def test_count_articles_counts_lines_and_files(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{bad\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Italy and France met.", encoding="utf-8")
    (tmp_path / "sub" / "ignored.pdf").write_bytes(b"%PDF")
    assert count_articles([tmp_path]) == 4
    assert count_articles([tmp_path / "a.jsonl", tmp_path / "missing.txt"]) == 4
    (tmp_path / "blank.jsonl").write_text("\n")
    assert count_articles([tmp_path]) == 5  # an empty JSON Lines file is one quarantined item
    assert count_articles([tmp_path], max_bytes=1) is None


def test_progress_bar_runs_to_the_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Italy and France held talks in Rome on Monday."}) + "\n"
                    + "{broken\n", encoding="utf-8")
    report = process([path], settings=Settings(), progress=True)
    assert report.articles == 1 and len(report.rejected) == 1
    assert capsys.readouterr().out == ""  # the bar draws on standard error, never into piped records


@pytest.mark.parametrize("workers", [1, 2])
def test_a_text_repeated_within_one_run_is_stored_and_counted_once(tmp_path: Path, workers: int) -> None:
    text = "Italy and France held talks in Rome on Monday on energy and trade."
    path = tmp_path / "repeat.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n"
                            for i, t in (("a", text), ("b", "Greece and Egypt signed a maritime deal."), ("c", text))),
                    encoding="utf-8")
    with Store.open(tmp_path / "r.db") as store:
        report = process([path], settings=Settings(batch_size=1), store=store, workers=workers)
        assert (report.articles, report.skipped) == (2, 1)
        assert store.counts()["articles"] == 2


def test_skipped_files_are_named_in_the_summary(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Italy and France held talks in Rome on Monday.", encoding="utf-8")
    (tmp_path / "noise.bin").write_bytes(bytes(range(256)))
    assert count_articles([tmp_path]) == 1
    report = process([tmp_path], settings=Settings())
    assert report.articles == 1 and not report.rejected
    assert [s.where for s in report.skipped_files] == [str(tmp_path / "noise.bin")]
    assert f"1 files skipped, not read:\n  {tmp_path / 'noise.bin'}: not an article file (.bin)" in report.summary()


def test_count_articles_reads_a_huge_line_in_chunks(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_bytes(b"  \n" + b"x" * (3 << 20) + b"\n\n" + b'{"text": "y"}')
    assert count_articles([path]) == 2
