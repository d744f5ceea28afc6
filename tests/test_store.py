"""The store: idempotent ingest, filters, search, quarantine; on the seed articles with the real pipeline."""
import pytest

from accord.errors import QueryError
from accord.runner import process
from accord.settings import Settings
from accord.store import Store


@pytest.fixture()
def seeded(tmp_path, shared):
    store = Store.open(tmp_path / "s.db")
    process([shared / "corpus" / "seeds"], settings=Settings(), store=store)
    yield store
    store.close()


def test_ingesting_twice_changes_no_count(seeded, shared):
    before = seeded.counts()
    assert before["articles"] == 2 and before["facts"] > 0
    report = process([shared / "corpus" / "seeds"], settings=Settings(), store=seeded)
    assert report.skipped == 2 and report.articles == 0
    assert seeded.counts() == before


def test_filters(seeded):
    facts = seeded.facts(dyad="ITA-AZE")
    assert facts and all({f["holder"], f["counterpart"]} == {"AZE", "ITA"} for f in facts)
    assert all(f["fact_type"] == "money" for f in seeded.facts(type="money"))
    assert seeded.facts(dyad="USA-CHN") == []
    with pytest.raises(QueryError):
        seeded.events(dyad="AZE")
    with pytest.raises(QueryError):
        seeded.events(since="last week")


def test_records_point_back_to_their_text(seeded):
    for f in seeded.facts():
        art = seeded.article(f["doc_id"])
        a, b = f["evidence_span"]
        assert art["text"][a:b] == f["evidence"]
        s, e = f["span"]
        assert art["text"][s:e] == f["text"]


def test_search_and_bad_search(seeded):
    hits = seeded.search("investment")
    assert hits and all("investment" in h["snippet"].lower() for h in hits)
    with pytest.raises(QueryError):
        seeded.search('"unbalanced', fts=True)


def test_quarantine_is_recorded_once(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00binary")
    with Store.open(tmp_path / "q.db") as store:
        for _ in range(2):
            report = process([bad], settings=Settings(), store=store)
            assert len(report.rejected) == 1
        rows = store.quarantined()
    assert len(rows) == 1 and "binary" in rows[0]["reason"] and rows[0]["location"].endswith("bad.txt")


def test_an_article_that_breaks_a_stage_is_quarantined_and_the_run_goes_on(tmp_path, monkeypatch):
    from accord import facts

    real = facts.find_facts

    def fragile(doc, actors, **kw):
        if "explode" in doc.text:
            raise ValueError("boom")
        return real(doc, actors, **kw)

    monkeypatch.setattr(facts, "find_facts", fragile)
    (tmp_path / "a.txt").write_text("Chile and Peru signed a trade agreement in Lima. This one will explode.")
    (tmp_path / "b.txt").write_text("Chile and Peru held talks in Lima on trade and fishing rights.")
    with Store.open(tmp_path / "x.db") as store:
        report = process([tmp_path], settings=Settings(), store=store)
        assert report.articles == 1 and len(report.rejected) == 1
        assert "ValueError: boom" in report.rejected[0].reason and report.rejected[0].where.endswith("a.txt")
        assert store.counts()["articles"] == 1 and store.counts()["quarantine"] == 1


def test_reading_a_missing_store_says_how_to_make_one(tmp_path):
    from accord.cli import main
    from accord.errors import StoreError

    with pytest.raises(StoreError, match="accord ingest"):
        Store.open(tmp_path / "none.db", readonly=True)
    assert main(["events", "--db", str(tmp_path / "none.db")]) == 2
    assert not (tmp_path / "none.db").exists()


def test_a_file_repeating_a_stored_text_joins_its_records_by_name(tmp_path):
    text = "Portugal and Morocco signed a memorandum on fisheries on Tuesday.\n"
    for name in ("first.txt", "second.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        report = process([tmp_path / "first.txt", tmp_path / "second.txt"], settings=Settings(), store=store)
        assert report.articles == 1 and report.skipped == 1
        assert store.counts()["articles"] == 1  # parsed and stored once
        raw = [r for r in store.iter_records() if r["kind"] == "event"]
        assert raw and all(r["doc_ids"] == ["first", "second"] for r in raw)
        assert store.events(clustered=True)[0]["doc_ids"] == ["first", "second"]
        # a rerun adds no copy twice
        process([tmp_path], settings=Settings(), store=store)
        assert [r["doc_ids"] for r in store.iter_records() if r["kind"] == "event"][0] == ["first", "second"]


def test_a_version_1_store_is_upgraded_when_opened_for_writing(tmp_path):
    import sqlite3
    path = tmp_path / "old.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE copies")
        conn.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    Store.open(path).close()
    with Store.open(path, readonly=True) as store:
        assert store.counts()["articles"] == 0
        assert store.conn.execute("SELECT count(*) FROM copies").fetchone()[0] == 0
