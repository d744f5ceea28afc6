"""Exports of a store built by hand: each format written, read back and compared with the canonical records.

`sample_store` and `sample_extractions` are imported by test_api, test_web and test_dossier too.
"""
from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest

from accord import cli, exports
from accord.errors import QueryError
from accord.model import QUAD_CLASS, Actor, Article, Entity, Event, Extraction, Fact, FuzzyDate, Location, Span
from accord.store import Store

TEXT_1 = ("date 2023-01-12 By Azernews\n\n"
          "Azerbaijani Defense Minister Zakir Hasanov and his Italian counterpart Guido Crosetto signed a protocol "
          "on military education in Baku on 12 January.\n\n"
          "Crosetto visited Baku at the invitation of Hasanov.\n\n"
          "Italy has invested 1.7 billion euros in Azerbaijan's energy sector.")
TEXT_2 = ("By Trend\n\n"
          "Italy and Azerbaijan agreed on 2 March 2023 to expand trade and energy cooperation, the ministries said.\n\n"
          "Italian investment in Azerbaijan has reached 2 billion euros.")
TEXT_3 = ("Israel launched airstrikes on Syria on 4 April 2023, the Syrian army said after the night raids ended.\n\n"
          "<script>alert(1)</script> was found in the page of the report.")


def _span(doc: str, text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(doc, start, start + len(part), part)


def _sentence(doc: str, text: str, part: str) -> Span:
    """The paragraph (our sentences here) that contains `part`."""
    start = text.index(part)
    left = text.rfind("\n\n", 0, start)
    left = 0 if left < 0 else left + 2
    right = text.find("\n\n", start)
    right = len(text) if right < 0 else right
    return Span(doc, left, right, text[left:right])


def _event(doc: str, text: str, n: int, type_: str, source: Actor, target: Actor | None, trigger: str, *,
           cameo: str, date: str | None, mode: str | None = None, location: str | None = None,
           contexts: tuple[str, ...] = ()) -> Event:
    precision = "day" if date and len(date) == 10 else "month"
    return Event(id=f"{doc}:e{n}", article_id=doc, type=type_, source=source, target=target,
                 evidence=_sentence(doc, text, trigger), trigger=_span(doc, text, trigger), rule=f"test-{type_.lower()}",
                 cameo=cameo, mode=mode, contexts=contexts, date=FuzzyDate(date, precision) if date else None,
                 location=Location(location, place="Baku", how="stated") if location else None, confidence=0.8)


def _fact(doc: str, text: str, n: int, value: float, phrase: str, *, holder: str, counterpart: str) -> Fact:
    return Fact(id=f"{doc}:f{n}", article_id=doc, fact_type="money", value=value, unit="EUR", qualifier="exact",
                evidence=_sentence(doc, text, phrase), span=_span(doc, text, phrase), metric="investment",
                holder=holder, counterpart=counterpart)


def _entity(doc: str, text: str, eid: str, actor: Actor, *names: str) -> Entity:
    return Entity(eid, actor, tuple(_span(doc, text, name) for name in names))


def sample_extractions() -> list[Extraction]:
    """Three articles: AZE-ITA twice (with a conflicting figure), ISR-SYR once with a <script> in its text."""
    hasanov = Actor("AZE", ("GOV", "MIL"), name="Zakir Hasanov", role="defense minister", kind="person")
    crosetto = Actor("ITA", ("GOV", "MIL"), name="Guido Crosetto", role="defense minister", kind="person")
    ita, aze = Actor("ITA"), Actor("AZE")
    d1, d2, d3 = "aze-ita-1", "aze-ita-2", "isr-syr-<b>3</b>"
    x1 = Extraction(
        article=Article(d1, TEXT_1, title="Azerbaijan, Italy sign protocol", published=FuzzyDate("2023-01-12", "day"),
                        source="Azernews", url="https://example.org/azernews/1"),
        events=(_event(d1, TEXT_1, 0, "SUPPORT", hasanov, crosetto, "signed", cameo="057", date="2023-01-12",
                       location="AZE", contexts=("military",)),
                _event(d1, TEXT_1, 1, "CONSULT", crosetto, hasanov, "visited", cameo="042", date="2023-01-12",
                       mode="visit", location="AZE")),
        facts=(_fact(d1, TEXT_1, 0, 1.7e9, "1.7 billion euros", holder="ITA", counterpart="AZE"),),
        entities=(_entity(d1, TEXT_1, "E1", hasanov, "Zakir Hasanov", "Hasanov."),
                  _entity(d1, TEXT_1, "E2", crosetto, "Guido Crosetto", "Crosetto visited"),
                  _entity(d1, TEXT_1, "E3", aze, "Azerbaijani"), _entity(d1, TEXT_1, "E4", ita, "Italian")))
    x2 = Extraction(
        article=Article(d2, TEXT_2, title="Italy and Azerbaijan to expand trade", source="Trend",
                        published=FuzzyDate("2023-03-02", "day")),
        events=(_event(d2, TEXT_2, 0, "AGREE", ita, aze, "agreed", cameo="030", date="2023-03-02",
                       contexts=("economic",)),),
        facts=(_fact(d2, TEXT_2, 0, 2e9, "2 billion euros", holder="ITA", counterpart="AZE"),),
        entities=(_entity(d2, TEXT_2, "E1", ita, "Italy"), _entity(d2, TEXT_2, "E2", aze, "Azerbaijan")))
    x3 = Extraction(
        article=Article(d3, TEXT_3, title="<img src=x onerror=alert(2)>"),
        events=(_event(d3, TEXT_3, 0, "ASSAULT", Actor("ISR", ("MIL",)), Actor("SYR"), "airstrikes", cameo="195",
                       date="2023-04-04", mode="aerial"),),
        entities=(_entity(d3, TEXT_3, "E1", Actor("ISR"), "Israel"), _entity(d3, TEXT_3, "E2", Actor("SYR"), "Syria")))
    return [x1, x2, x3]


def sample_store(path: Path) -> Path:
    """A store at `path` holding `sample_extractions()`."""
    with Store.open(path) as store:
        for x in sample_extractions():
            store.add(x)
    return path


@pytest.fixture
def store(tmp_path):
    with Store.open(sample_store(tmp_path / "sample.db"), readonly=True) as s:
        yield s


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_holds_the_canonical_records_with_clusters(store, tmp_path):
    out = tmp_path / "all.jsonl"
    assert exports.write(store, "jsonl", out, clustered=False) == 6
    records = _jsonl(out)
    assert records == store.events() + store.facts()
    assert all(r["cluster"] for r in records)
    facts = [r for r in records if r["kind"] == "fact"]
    assert any(f["conflict"] for f in facts), "1.7 and 2 billion euros of investment must conflict"


def test_filters_narrow_every_format(store, tmp_path):
    out = tmp_path / "f.jsonl"
    assert exports.write(store, "jsonl", out, dyad="ita-aze", type="SUPPORT") == 1
    assert _jsonl(out)[0]["type"] == "SUPPORT"
    assert exports.write(store, "jsonl", out, country="SYR") == 1
    assert exports.write(store, "jsonl", out, since="2023-03", until="2023-03-31") == 1
    assert exports.write(store, "csv", out, type="money") == 0
    with pytest.raises(QueryError):
        exports.write(store, "jsonl", out, dyad="AZE;DROP TABLE events")
    with pytest.raises(QueryError, match="choose one of"):
        exports.write(store, "xml", out)


def test_plover_records_follow_the_manual(store, tmp_path):
    out = tmp_path / "p.jsonl"
    assert exports.write(store, "plover", out, dyad="AZE-ITA") == 3
    by_event = {r["event"][0]: r for r in _jsonl(out)}
    visit = by_event["CONSULT"]
    assert visit["actor"] == [{"code": "ITA", "sector": "GOV", "other_sectors": ["MIL"], "entity_text": "Guido Crosetto",
                               "office": "defense minister"}]
    assert visit["recipient"][0]["code"] == "AZE" and visit["mode"] == ["visit"]
    assert visit["date"] == "2023-01-12" and visit["quad_code"] == 1
    assert visit["event_loc"] == {"country_code": "AZE", "extracted_place": "Baku"}
    assert visit["event_text"] == ["Crosetto visited Baku at the invitation of Hasanov."]
    start, end = visit["text_info"]["start"], visit["text_info"]["end"]
    assert TEXT_1[start:end] == visit["event_text"][0]
    assert visit["cite_info"]["citation"] == "aze-ita-1"
    assert visit["cite_info"]["url"] == "https://example.org/azernews/1"
    assert by_event["SUPPORT"]["context"] == ["military"] and by_event["AGREE"]["mode"] == []


def test_gdelt_columns(store, tmp_path):
    out = tmp_path / "g.tsv"
    assert exports.write(store, "gdelt", out) == 4
    lines = out.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert tuple(header) == exports.GDELT_COLUMNS
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert all(len(line.split("\t")) == len(header) for line in lines[1:])
    sign = next(r for r in rows if r["EventCode"] == "057")
    assert sign["SQLDATE"] == "20230112" and sign["MonthYear"] == "202301" and sign["Year"] == "2023"
    assert sign["Actor1Code"] == "AZEGOV" and sign["Actor1Name"] == "Zakir Hasanov"
    assert sign["Actor1CountryCode"] == "AZE" and sign["Actor1Type2Code"] == "MIL"
    assert sign["Actor2CountryCode"] == "ITA"
    assert (sign["EventBaseCode"], sign["EventRootCode"], sign["QuadClass"]) == ("057", "05", str(QUAD_CLASS["SUPPORT"]))
    assert sign["IsRootEvent"] == "1" and sign["ActionGeo_CountryCode"] == "AZE"
    assert sign["SOURCEURL"] == "https://example.org/azernews/1"
    assert len(sign["DATEADDED"]) == 14
    assault = next(r for r in rows if r["EventCode"] == "195")
    assert assault["QuadClass"] == "4" and assault["SOURCEURL"] == "isr-syr-<b>3</b>"
    visit = next(r for r in rows if r["EventCode"] == "042")
    assert visit["IsRootEvent"] == "0"


def test_gdelt_counts_mentions_of_one_cluster(tmp_path):
    path = sample_store(tmp_path / "c.db")
    x = sample_extractions()[0]
    again = Extraction(article=Article("again", x.article.text + "\n\nReported again.", source="Report"),
                       events=(replace(x.events[0], article_id="again"),))
    with Store.open(path) as s:
        s.add(again)
        out = tmp_path / "g.tsv"
        exports.write(s, "gdelt", out, type="SUPPORT", clustered=False)
        one = tmp_path / "g1.tsv"
        exports.write(s, "gdelt", one, type="SUPPORT")
    rows = out.read_text().splitlines()[1:]
    header = exports.GDELT_COLUMNS
    got = [dict(zip(header, r.split("\t"))) for r in rows]
    assert len(got) == 2
    assert {(r["NumMentions"], r["NumArticles"], r["NumSources"]) for r in got} == {("2", "2", "2")}
    # clustered (the default): one row for the one real event, still counting both reports
    [row] = [dict(zip(header, r.split("\t"))) for r in one.read_text().splitlines()[1:]]
    assert (row["NumMentions"], row["NumArticles"]) == ("2", "2")


def test_csv_round_trip(store, tmp_path):
    out = tmp_path / "e.csv"
    assert exports.write(store, "csv", out) == 4
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == exports.EVENT_COLUMNS
    events = {e["id"]: e for e in store.events()}
    assert {r["id"] for r in rows} == set(events)
    for r in rows:
        e = events[r["id"]]
        assert (r["type"], r["cluster"], r["doc_id"], r["evidence"]) == (e["type"], e["cluster"], e["doc_id"], e["evidence"])
        assert r["source_country"] == e["source"]["country"]
        assert r["contexts"] == ";".join(e["contexts"])
        assert r["quad_class"] == str(QUAD_CLASS[e["type"]])


def test_parquet_equals_jsonl(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    exports.write(store, "jsonl", tmp_path / "all.jsonl")
    assert exports.write(store, "parquet", tmp_path / "all.parquet") == 6
    rows = pq.read_table(tmp_path / "all.parquet").to_pylist()
    records = _jsonl(tmp_path / "all.jsonl")
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    for row, rec in zip(rows, records):
        for key in ("kind", "doc_id", "cluster", "date", "evidence"):
            assert row[key] == rec[key], key
        assert (row["evidence_start"], row["evidence_end"]) == tuple(rec["evidence_span"])
        if rec["kind"] == "event":
            assert (row["type"], row["cameo"], row["mode"], row["contexts"]) == \
                (rec["type"], rec["cameo"], rec["mode"], rec["contexts"])
            assert row["source_country"] == rec["source"]["country"]
            assert row["target_sectors"] == rec["target"]["sectors"]
        else:
            assert (row["fact_type"], row["value"], row["unit"], row["holder"], row["conflict"]) == \
                (rec["fact_type"], rec["value"], rec["unit"], rec["holder"], rec["conflict"])


def test_cli_export(tmp_path, capsys):
    db = sample_store(tmp_path / "cli.db")
    out = tmp_path / "cli.jsonl"
    assert cli.main(["export", "--format", "jsonl", "--db", str(db), "-o", str(out), "--dyad", "AZE-ITA"]) == 0
    assert len(_jsonl(out)) == 5
    assert "5 records" in capsys.readouterr().err
    assert cli.main(["export", "--format", "jsonl", "--db", str(db), "-o", str(out), "--since", "2023/01"]) == 2
    assert "'2023/01'" in capsys.readouterr().err


def test_clustered_export_gives_one_record_per_real_event_or_figure_with_every_source(tmp_path, shared):
    from accord.store import Store

    with Store.open(tmp_path / "seeds.db") as s:
        s.ingest(shared / "corpus" / "seeds")
        raw = tmp_path / "raw.jsonl"
        clustered = tmp_path / "clustered.jsonl"
        n_raw = exports.write(s, "jsonl", raw, clustered=False)
        n_clustered = exports.write(s, "jsonl", clustered)
    records = _jsonl(clustered)
    assert n_clustered < n_raw
    assert len({r["cluster"] for r in records}) == len(records)
    shared_figures = [r for r in records if r["kind"] == "fact" and len(r["doc_ids"]) == 2]
    assert len(shared_figures) == 4  # the seeds repeat four figures
    assert all(len(r["sources"]) == 2 and r["n_mentions"] == 2 for r in shared_figures)
