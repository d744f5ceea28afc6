"""The public Python API: `accord.__all__` is complete, and the documented calls work on a small text."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import accord

INIT = Path(accord.__file__)

AGREEMENT = """date 2024-03-05

Italy and Azerbaijan signed a defence cooperation agreement in Baku on Monday.

Italian companies have invested 1.7 billion euros in Azerbaijan, the ministry said.
"""
REPORT = """date 2024-03-06

Italian companies have invested 1.7 billion euros in Azerbaijan, officials in Rome said on Wednesday.
"""


def _public_names() -> set[str]:
    """Names that accord/__init__.py binds at module level, except private ones and __future__ imports."""
    names: set[str] = set()
    for node in ast.parse(INIT.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return {n for n in names if not n.startswith("_")}


def test_all_lists_every_public_name() -> None:
    missing = _public_names() - set(accord.__all__)
    assert not missing, f"public in accord/__init__.py but not in __all__: {sorted(missing)}"


def test_every_name_in_all_exists() -> None:
    absent = [n for n in accord.__all__ if not hasattr(accord, n)]
    assert not absent, f"in __all__ but not defined: {absent}"
    assert len(accord.__all__) == len(set(accord.__all__)), "__all__ lists a name twice"


def test_star_import_gives_all() -> None:
    namespace: dict[str, object] = {}
    exec("from accord import *", namespace)  # noqa: S102
    assert set(accord.__all__) <= set(namespace)


def test_extract_a_text() -> None:
    x = accord.extract(AGREEMENT, published="2024-03-05")
    assert isinstance(x, accord.Extraction)
    assert x.article.published is not None and x.article.published.value == "2024-03-05"
    signed = [e for e in x.events if e.type == "SUPPORT"]
    assert signed, [(e.type, e.rule) for e in x.events]
    e = signed[0]
    assert {e.source.country, e.target.country if e.target else None} == {"ITA", "AZE"}
    assert e.date is not None and e.date.value == "2024-03-04"  # the Monday before publication
    assert x.article.text[e.evidence.start:e.evidence.end] == e.evidence.text
    assert e.trigger.text == "signed"
    money = [f for f in x.facts if f.fact_type == "money"]
    assert [(f.value, f.unit, f.holder, f.counterpart) for f in money] == [(1.7e9, "EUR", "ITA", "AZE")]


def test_extract_never_invents_a_year() -> None:
    x = accord.extract("Italy and Azerbaijan signed a defence cooperation agreement on November 17.")
    assert x.article.published is None
    assert [e.date.value if e.date else None for e in x.events if e.type == "SUPPORT"] == ["--11-17"]


def test_read_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(AGREEMENT, encoding="utf-8")
    lines = [json.dumps({"id": "r1", "date": "2024-03-06", "title": "Report", "text": REPORT}), "{not json"]
    (tmp_path / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(accord.read_articles(tmp_path))
    articles = [i for i in items if isinstance(i, accord.Article)]
    rejected = [i for i in items if isinstance(i, accord.Rejected)]
    assert {(a.id, a.published.value if a.published else None) for a in articles} == {("a", "2024-03-05"), ("r1", "2024-03-06")}
    assert next(a for a in articles if a.id == "r1").title == "Report"
    assert len(rejected) == 1 and rejected[0].where.endswith("b.jsonl:2") and "not JSON" in rejected[0].reason


def test_store_queries(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "agreement.txt").write_text(AGREEMENT, encoding="utf-8")
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    with accord.Store.open(tmp_path / "t.db") as store:
        report = store.ingest(folder)
        assert isinstance(report, accord.Report)
        assert (report.articles, report.rejected) == (2, [])
        assert store.ingest(folder).skipped == 2  # the same texts again add nothing

        events = store.events(dyad="ITA-AZE")
        assert isinstance(events, accord.Records) and events
        assert all({r["source"]["country"], (r["target"] or {}).get("country")} == {"AZE", "ITA"} for r in events)
        frame = events.to_pandas()
        assert isinstance(frame, pd.DataFrame) and len(frame) == len(events)
        assert {"date", "type", "source_country", "target_country", "evidence", "cluster"} <= set(frame.columns)
        assert store.events(dyad="AZE-ITA", type="ASSAULT") == []

        facts = store.facts(dyad="AZE-ITA", type="money")
        assert sorted(f["doc_id"] for f in facts) == ["agreement", "report"]
        assert len({f["cluster"] for f in facts}) == 1  # the same figure in both articles
        assert len(facts.to_pandas()) == 2

        clusters = store.clusters("fact", min_size=2)
        assert [c["articles"] for c in clusters] == [["agreement", "report"]]
        assert clusters[0]["size"] == 2 and clusters[0]["conflict"] is False

        hits = store.search("agreement")
        assert hits and {h["kind"] for h in hits} <= {"event", "fact"}
        with pytest.raises(accord.QueryError):
            store.events(dyad="Azerbaijan")
        assert store.search('"unbalanced agreement') == store.search("unbalanced agreement")  # plain words
        with pytest.raises(accord.QueryError):
            store.search('"unbalanced', fts=True)


def test_settings_are_keyword_options() -> None:
    s = accord.Settings().replace(min_confidence=0.9)
    assert s.min_confidence == 0.9 and accord.Settings().min_confidence == 0.0
    assert set(accord.Settings.help()) >= {"pipeline", "db", "user_triggers", "user_actors"}
