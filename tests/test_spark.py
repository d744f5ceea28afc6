"""The Spark engine on local[2] leaves the store as the local engine does (needs Java and pyspark: never skipped)."""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from accord import spark
from accord.cli import main
from accord.model import Article, Extraction
from accord.runner import process
from accord.settings import Settings
from accord.store import Store

WIKINEWS = 10
VOLATILE = {"ingested_at", "at"}


@pytest.fixture(scope="module")
def inputs(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Path]]:
    """The two seed articles, ten wikinews articles and one bad line, as the engines would be given them."""
    if shutil.which("java") is None:
        pytest.fail("the Spark tests need Java 17 on PATH (apt-get install openjdk-17-jre-headless)")
    lines = (shared / "corpus" / "wikinews" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:WIKINEWS]
    path = tmp_path_factory.mktemp("spark") / "wikinews10.jsonl"
    path.write_text("\n".join(lines[:4] + ["{not json"] + lines[4:]) + "\n", encoding="utf-8")
    yield [*sorted((shared / "corpus" / "seeds").glob("*.txt")), path]
    from pyspark.sql import SparkSession

    session = SparkSession.getActiveSession()
    if session is not None:
        session.stop()


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, without the times of writing."""
    with Store.open(db, readonly=True) as store:
        out = {}
        for table in ("articles", "events", "facts", "actors", "quarantine"):
            cur = store.conn.execute(f"SELECT * FROM {table}")  # noqa: S608 (fixed names)
            names = [d[0] for d in cur.description]
            keep = [i for i, n in enumerate(names) if n not in VOLATILE]
            out[table] = sorted(tuple(row[i] for i in keep) for row in cur.fetchall())
        return out


def test_spark_engine_fills_the_store_like_the_local_engine(inputs: list[Path], tmp_path: Path) -> None:
    with Store.open(tmp_path / "local.db") as store:
        local = process(inputs, settings=Settings(), store=store)
    assert local.articles == WIKINEWS + 2 and len(local.rejected) == 1
    assert main(["ingest", *map(str, inputs), "--db", str(tmp_path / "spark.db"), "--engine", "spark", "--quiet"]) == 3

    expected, got = _dump(tmp_path / "local.db"), _dump(tmp_path / "spark.db")
    assert len(got["articles"]) == WIKINEWS + 2 and got["events"] and got["facts"], "the articles give records"
    for table in expected:
        assert got[table] == expected[table], table


def test_parquet_holds_canonical_records_and_loads_once(inputs: list[Path], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = spark.ingest_spark(inputs, settings=Settings(), out_dir=tmp_path / "parquet")
    rows = sorted(pq.read_table(out).to_pylist(), key=lambda r: r["ordinal"])
    assert [r["ordinal"] for r in rows] == list(range(WIKINEWS + 3))
    bad = [r for r in rows if r["reason"]]
    assert len(bad) == 1 and bad[0]["location"].endswith("wikinews10.jsonl:5")
    for r in rows:
        for rec in map(json.loads, r["events"] + r["facts"]):
            assert rec["doc_id"] == r["doc_id"] and rec["kind"] in ("event", "fact")

    with Store.open(tmp_path / "s.db") as store:
        first = spark.load_parquet(out, store)
        again = spark.load_parquet(out, store)
        assert first.articles == WIKINEWS + 2 and again.articles == 0 and again.skipped == WIKINEWS + 2
        assert store.counts()["articles"] == WIKINEWS + 2


def test_extractions_round_trip_through_json(inputs: list[Path]) -> None:
    from accord.pipeline import extract

    x = extract(Article("t", inputs[0].read_text(encoding="utf-8")))
    back = spark._decode(Extraction, json.loads(json.dumps(spark._encode(x))))
    assert back == x and back.explanations == x.explanations
