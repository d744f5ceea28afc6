"""The Spark engine: the same per-article extraction as `runner.process`, run on a cluster.

`ingest_spark` reads the inputs on the driver, parses them on the executors with
`mapInPandas` (each Python worker loads the spaCy pipeline once) and writes Parquet: one
row per input item with its canonical event and fact records as JSON strings, key columns,
and the whole Extraction as JSON. `load_parquet` adds those rows to a Store in input order,
so the store ends up as the local engine leaves it. Needs the `spark` extra and Java 17.
"""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sys
import tempfile
import time
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from . import model
from .errors import AccordError
from .exports import event_record, fact_record
from .ingest import input_files, read_articles
from .model import Article, Extraction, Rejected, Skipped
from .runner import Report
from .settings import Settings

#: The Parquet schema, in Spark's DDL.
SCHEMA = ("ordinal long, doc_id string, content_hash string, location string, reason string, "
          "events array<string>, facts array<string>, extraction string")

_ANNOTATORS: dict[str, Any] = {}  # one loaded pipeline per executor Python process


class SparkError(AccordError):
    """Spark cannot be started (pyspark missing, or no Java) or a job failed."""


def ingest(inputs: Iterable[str | Path], *, settings: Settings, store: Any, master: str | None = "local[2]") -> Report:
    """Extract with Spark into a temporary Parquet folder, then load it into `store`."""
    inputs = list(inputs)
    out = Path(tempfile.mkdtemp(prefix="accord-spark-"))
    try:
        start = time.perf_counter()
        ingest_spark(inputs, settings=settings, out_dir=out / "records", master=master)
        report = load_parquet(out / "records", store)
        report.skipped_files = [f for f in input_files(inputs) if isinstance(f, Skipped)]
        report.seconds = time.perf_counter() - start
        return report
    finally:
        shutil.rmtree(out, ignore_errors=True)


def ingest_spark(inputs: Iterable[str | Path], *, settings: Settings, out_dir: str | Path,
                 master: str | None = "local[2]") -> Path:
    """Parquet of every input item's records under `out_dir`; `master=None` keeps spark-submit's."""
    import pandas as pd

    items = (i for i in read_articles(list(inputs), settings=settings) if not isinstance(i, Skipped))
    rows = [_input_row(n, item) for n, item in enumerate(items)]
    spark = _session(master)
    frame = pd.DataFrame(rows, columns=["ordinal", "article", "location", "reason", "content_hash"])
    slices = max(1, min(len(rows), spark.sparkContext.defaultParallelism * 4))
    df = spark.createDataFrame(frame, "ordinal long, article string, location string, reason string, "
                                      "content_hash string").repartition(slices)

    def extract(batches: Iterator[Any]) -> Iterator[Any]:
        return _extract_batches(batches, settings)

    target = os.fspath(out_dir)  # a string is kept as given: Path would turn hdfs:///x into hdfs:/x
    try:
        df.mapInPandas(extract, SCHEMA).write.mode("overwrite").parquet(target)
    except Exception as exc:  # py4j and Spark raise many kinds; name the job that failed
        raise SparkError(f"the Spark job writing {target} failed: {exc}") from exc
    return Path(target)


def load_parquet(out_dir: str | Path, store: Any) -> Report:
    """Add the rows `ingest_spark` wrote to `store`, in input order; stored texts are skipped."""
    import pyarrow.parquet as pq

    table = pq.read_table(os.fspath(out_dir)).sort_by("ordinal")
    report = Report()
    for row in (r for batch in table.to_batches() for r in batch.to_pylist()):
        if row["reason"] is not None:
            item = Rejected(row["location"], row["reason"], row["content_hash"])
            report.rejected.append(item)
            store.quarantine(item)
            continue
        x = _decode(Extraction, json.loads(row["extraction"]))
        if not store.add(x):
            store.add_copy(x.article.content_hash, x.article.id, x.article.path)  # the same text under another name
            report.skipped += 1
            continue
        report.articles += 1
        report.events += len(x.events)
        report.facts += len(x.facts)
        report.words += len(x.article.text.split())
    return report


def _session(master: str | None) -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkError("pyspark is not installed: in the accord folder, run pip install -e '.[spark]'") from exc
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise SparkError("Spark needs Java 17 or later: install a JDK (apt-get install openjdk-17-jre-headless)")
    builder = SparkSession.builder.appName("accord")
    if master is not None and master.startswith("local"):
        # Spark starts its Python workers with PYSPARK_PYTHON, "python3" by default: on this
        # machine that must be this interpreter, which has accord and the model installed
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if master is not None:
        builder = builder.master(master).config("spark.ui.enabled", "false") \
            .config("spark.ui.showConsoleProgress", "false")
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")  # failures still raise SparkError with Spark's message
    return session


def _input_row(ordinal: int, item: Article | Rejected) -> tuple[int, str | None, str | None, str | None, str | None]:
    if isinstance(item, Rejected):
        return ordinal, None, item.where, item.reason, item.content_hash
    return ordinal, json.dumps(_encode(item), ensure_ascii=False), item.path or item.id, None, item.content_hash


def _extract_batches(batches: Iterator[Any], settings: Settings) -> Iterator[Any]:
    """mapInPandas body: parse the articles of each Arrow batch, pass rejected items through."""
    import pandas as pd

    from .annotate import Annotator
    from .pipeline import run

    if settings.pipeline not in _ANNOTATORS:
        _ANNOTATORS[settings.pipeline] = Annotator.load(settings.pipeline)
    annotator = _ANNOTATORS[settings.pipeline]
    for batch in batches:
        todo = batch[batch["reason"].isna()].sort_values("ordinal")
        articles = [_decode(Article, json.loads(a)) for a in todo["article"]]
        done = {o: x for o, x in zip(todo["ordinal"], run(articles, settings=settings, annotator=annotator))}
        out = []
        for row in batch.itertuples(index=False):
            x = done.get(row.ordinal)
            out.append({
                "ordinal": row.ordinal, "doc_id": x.article.id if x else None, "content_hash": row.content_hash,
                "location": row.location if not (x and x.error) else (x.article.path or x.article.id),
                "reason": row.reason if not (x and x.error) else x.error,
                "events": [json.dumps(event_record(e), ensure_ascii=False) for e in x.events] if x and not x.error else [],
                "facts": [json.dumps(fact_record(f), ensure_ascii=False) for f in x.facts] if x else [],
                "extraction": json.dumps(_encode(x), ensure_ascii=False) if x else None})
        # object columns: pyspark cannot yet take pandas 3's Arrow-backed string columns
        frame = pd.DataFrame(out, columns=[c.split()[0] for c in SCHEMA.split(", ")], dtype=object)
        yield frame.astype({"ordinal": "int64"})


# ---------------------------------------------------------------- model <-> JSON

def _encode(value: Any) -> Any:
    """A model.py value as JSON-ready data: dataclasses as dicts of their fields, tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    return value


def _decode(kind: Any, data: Any) -> Any:
    """The inverse of `_encode`, led by the type annotations of model.py."""
    if data is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        inner = [k for k in typing.get_args(kind) if k is not type(None)]
        return _decode(inner[0], data) if len(inner) == 1 else data
    if origin is tuple:
        item = typing.get_args(kind)[0]
        return tuple(_decode(item, v) for v in data)
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{f.name: _decode(hints[f.name], data[f.name]) for f in dataclasses.fields(kind) if f.name in data})
    return data


def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind, vars(model))
