"""The AZE-ITA dossier over a store built by hand (see test_exports.sample_store)."""
from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest
from test_exports import sample_store

from accord import cli, dossier
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
    assert [e["type"] for e in d.agreements()] == ["SUPPORT", "CONSULT", "AGREE"]
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
    for heading in ("Summary", "Timeline", "Agreements and visits", "Key figures", "People involved", "Sources"):
        assert heading in text
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
