"""The AZE-ITA dossier over a store built by hand (see test_exports.sample_store)."""
from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest
import re
from test_exports import sample_store
from test_search import everyday_store

from accord import charts, cli, dossier
from accord.errors import QueryError
from accord.store import Store


@pytest.fixture
def store(tmp_path):
    with Store.open(sample_store(tmp_path / "d.db"), readonly=True) as s:
        yield s


class _Tags(HTMLParser):
    """Collects start tags and the text of the document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_build_gathers_the_pair(store):
    d = dossier.build(store, "ita", "AZE")
    assert d.countries == ("ITA", "AZE") and d.title == "Italy and Azerbaijan"
    assert d.counts_by_type() == {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1}
    assert [e["type"] for e in d.agreements()] == ["SUPPORT", "AGREE"]  # signed (CAMEO 057) and promised
    assert {p.name for p in d.people} == {"Zakir Hasanov", "Guido Crosetto"}
    assert all(p.sources == (1,) for p in d.people)
    assert [s.doc_id for s in sorted(d.sources.values(), key=lambda s: s.number)] == ["aze-ita-1", "aze-ita-2"]
    assert len(d.figures) == 2 and all(line.conflicting for line in d.figures)


def test_bad_codes(store):
    with pytest.raises(QueryError):
        dossier.build(store, "AZE", "AZE")
    with pytest.raises(QueryError):
        dossier.build(store, "AZE", "IT'")


def test_html_is_self_contained_and_escaped(store):
    page = dossier.render_html(dossier.build(store, "AZE", "ITA"))
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert "svg" in parser.tags and "style" in parser.tags
    assert "http" not in page.replace("https://example.org/azernews/1", "").replace("http://www.w3.org/2000/svg", "")
    text = "".join(parser.text)
    for heading in ("Summary", "Warming or cooling", "Timeline", *(h for _, h in dossier.SECTIONS), "Key figures",
                    "People involved", "Sources"):
        assert heading in text
    assert "Agreements and visits" not in text
    assert "Crosetto visited Baku at the invitation of Hasanov." in text
    assert "conflicts with" in text and "1,700,000,000 EUR" in text


def test_hostile_text_is_escaped(store):
    page = dossier.render_html(dossier.build(store, "ISR", "SYR"))
    assert "<img" not in page and "<b>" not in page
    assert html.escape("isr-syr-<b>3</b>") in page
    parser = _Tags()
    parser.feed(page)
    assert "<img src=x onerror=alert(2)>" in "".join(parser.text)


def test_markdown(store):
    md = dossier.render_markdown(dossier.build(store, "AZE", "ITA"))
    assert md.startswith("# Azerbaijan and Italy\n")
    assert "| SUPPORT | verbal cooperation | 1 |" in md
    assert "> Crosetto visited Baku at the invitation of Hasanov. [1]" in md
    assert "| Zakir Hasanov | AZE | person | defense minister | [1] |" in md
    assert "**conflicts with**" in md
    hostile = dossier.render_markdown(dossier.build(store, "ISR", "SYR"))
    assert "<" not in hostile.replace("&lt;", "")


def test_empty_pair(store):
    d = dossier.build(store, "FRA", "DEU")
    assert "No events stored" in dossier.render_html(d) and "None stored." in dossier.render_markdown(d)


def test_cli_writes_both(tmp_path, capsys):
    db = sample_store(tmp_path / "cli.db")
    out, md = tmp_path / "r.html", tmp_path / "r.md"
    assert cli.main(["dossier", "AZE", "ITA", "--db", str(db), "-o", str(out), "--markdown", str(md)]) == 0
    assert out.read_text().startswith("<!doctype html>") and md.read_text().startswith("# Azerbaijan")
    assert "3 events" in capsys.readouterr().err


@pytest.fixture
def everyday(tmp_path):
    with Store.open(everyday_store(tmp_path / "e.db"), readonly=True) as s:
        yield s


def test_sections_hold_each_event_once_by_what_an_analyst_asks(everyday):
    d = dossier.build(everyday, "GRC", "TUR")
    sections = dict(d.sections())
    assert [e["type"] for e in sections["Visits and meetings"]] == ["CONSULT"]
    assert [e["type"] for e in sections["Disputes and pressure"]] == ["PROTEST"]
    assert not sections["Agreements signed or promised"] and not sections["Support, aid and other cooperation"]
    for a, b in (("GRC", "EGY"), ("USA", "GRC"), ("AZE", "ITA"), ("ISR", "SYR")):
        d = dossier.build(everyday, a, b)
        placed = [e["id"] for _, events in d.sections() for e in events]
        assert sorted(placed) == sorted(e["id"] for e in d.events) and len(set(placed)) == len(placed)
    assert dossier.section_of({"type": "SUPPORT", "cameo": "057"}) == "agreements"  # signed
    assert dossier.section_of({"type": "AGREE", "cameo": "030"}) == "agreements"  # promised
    assert dossier.section_of({"type": "SUPPORT", "cameo": "051"}) == "cooperation"  # praise, gratitude
    assert dossier.section_of({"type": "SUPPORT", "cameo": "054"}) == "cooperation"  # diplomatic ties
    assert dossier.section_of({"type": "AGREE", "cameo": "036"}) == "visits"  # intent to meet
    assert dossier.section_of({"type": "REQUEST", "cameo": "100"}) == "disputes"


def test_one_line_per_real_event_citing_every_report(tmp_path):
    from test_exports import sample_extractions
    from dataclasses import replace

    x = sample_extractions()[0]
    again = replace(x, article=replace(x.article, id="aze-ita-again", text=x.article.text + "\n\nReported again."))
    with Store.open(tmp_path / "twice.db") as s:
        s.add(x)
        s.add(again)
        d = dossier.build(s, "AZE", "ITA")
    assert len(d.events) == 2  # the signing and the visit, each reported twice
    assert all([src.doc_id for src in d.sources_of(e)] == ["aze-ita-1", "aze-ita-again"] for e in d.events)
    assert "[1] [2]" in dossier.render_markdown(d)


def test_warming_or_cooling_chart_counts_events_per_month_by_quad_class(everyday):
    d = dossier.build(everyday, "GRC", "TUR")
    assert d.trend == everyday.quad_months(dyad="GRC-TUR")
    assert d.trend["months"] == [{"month": "2023-05", "quads": [0, 0, 0, 1]}] and d.trend["without_month"] == 1
    page = dossier.render_html(d)
    month = re.search(r"<g class='month' data-month='2023-05' data-quads='0,0,0,1'><title>([^<]*)</title>", page)
    assert month and month[1] == "May 2023: 0 verbal cooperation, 0 material cooperation, 0 verbal conflict, " \
                                 "1 material conflict"
    assert "1 event without a month is not shown" in page
    assert "| May 2023 | 0 | 0 | 0 | 1 |" in dossier.render_markdown(d)


def test_dates_without_a_year_read_as_such(everyday):
    d = dossier.build(everyday, "GRC", "TUR")
    for text in (dossier.render_html(d), dossier.render_markdown(d)):
        assert "17 Nov (year not stated) CONSULT" in text and "--11-17" not in text


def _tick_labels(svg: str) -> list[tuple[float, str]]:
    return [(float(x), label) for x, label in re.findall(r"<text class='tick' x='([\d.]+)'[^>]*>([^<]+)</text>", svg)]


@pytest.mark.parametrize("first, last", [("1992-05-08", "2023-01-12"), ("2023-01-02", "2023-12-20"),
                                         ("1950", "2024-06"), ("2021-03-01", "2022-12-30")])
def test_timeline_ticks_are_thinned_to_fit(first, last):
    events = ({"id": "a", "type": "SUPPORT", "date": first}, {"id": "b", "type": "ACCUSE", "date": last})
    ticks = _tick_labels(charts.timeline_svg(events, width=960))
    assert len(ticks) >= 3
    for (x1, label1), (x2, label2) in zip(ticks, ticks[1:]):
        # 11 px text is at most about 6.5 px a character; centred labels must not touch
        assert x2 - x1 >= 6.5 * (len(label1) + len(label2)) / 2 + 4, (label1, label2, x2 - x1)
