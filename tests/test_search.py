"""Full-text search over evidence: plain words and phrases always work, FTS5 syntax only when asked for; the same
search and filters in Python, on the command line (`accord search`) and in the API.

`everyday_extraction` (an article whose evidence holds "U.S.", "Greece's", "Egypt-Greece", "$1.5 billion", an
undated event and a date without a year) is imported by test_cli too.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_exports import _event, _fact, sample_extractions

from accord import cli
from accord.api import create_app
from accord.errors import QueryError
from accord.model import Actor, Article, Extraction, FuzzyDate
from accord.store import Store, fts_terms

EVERYDAY = ("date 2023-05-02\n\n"
            "The U.S. welcomed Greece's maritime deal with Egypt on Monday.\n\n"
            "The Egypt-Greece accord covers trade worth $1.5 billion a year, both governments said in a statement.\n\n"
            "Greek and Turkish envoys held talks in Ankara on 17 November, the ministry said without naming a year.\n\n"
            "Turkey protested against the accord on Tuesday, officials said in Ankara, allowing no further comment on "
            "the maritime boundaries.")
QUERIES = ("U.S.", "Greece's", "Egypt-Greece", "$1.5 billion")


def everyday_extraction() -> Extraction:
    """GRC with USA, EGY and TUR: four events (one undated, one dated "--11-17") and one figure."""
    d = "everyday"
    usa, grc, egy, tur = Actor("USA"), Actor("GRC"), Actor("EGY"), Actor("TUR")
    talks = _event(d, EVERYDAY, 2, "CONSULT", grc, tur, "held talks", cameo="040", date=None)
    return Extraction(
        article=Article(d, EVERYDAY, title="Everyday words", published=FuzzyDate("2023-05-02", "day")),
        events=(_event(d, EVERYDAY, 0, "SUPPORT", usa, grc, "welcomed", cameo="051", date="2023-05-01"),
                _event(d, EVERYDAY, 1, "SUPPORT", grc, egy, "accord covers", cameo="057", date=None),
                replace(talks, date=FuzzyDate("--11-17", "monthday")),
                _event(d, EVERYDAY, 3, "PROTEST", tur, grc, "protested", cameo="141", date="2023-05-02")),
        facts=(replace(_fact(d, EVERYDAY, 0, 1.5e9, "$1.5 billion", holder="EGY", counterpart="GRC"), unit="USD",
                       metric="trade"),))


def everyday_store(path: Path) -> Path:
    with Store.open(path) as store:
        for x in [*sample_extractions(), everyday_extraction()]:
            store.add(x)
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return everyday_store(tmp_path / "search.db")


@pytest.fixture
def store(db: Path):
    with Store.open(db, readonly=True) as s:
        yield s


@pytest.mark.parametrize("q", QUERIES)
def test_everyday_words_are_found_as_written(store, q):
    hits = store.search(q)
    assert hits, q
    first = q.replace("$", "").split()[0].split("-")[0].rstrip(".'s")
    assert all(first.lower() in h["snippet"].lower() for h in hits)
    assert all(h["record"]["id"] == h["record_id"] for h in hits)


def test_quotes_make_a_phrase_and_stray_syntax_is_plain(store):
    assert store.search('"maritime deal"') and not store.search('"deal maritime"')
    assert store.search('"unbalanced protested') == store.search("unbalanced protested")  # no such word: none
    assert store.search("protested") and store.search('protested"')
    assert store.search("* - :") == []  # nothing to search for
    assert fts_terms('NEAR(x AND "y z"') == '"NEAR(x" "AND" "y z"'


def test_fts_syntax_is_an_explicit_option(store):
    assert store.search("protocol OR statement", fts=True)
    assert store.search("protocol OR statement") == []  # plain: all three words
    with pytest.raises(QueryError, match="invalid search expression"):
        store.search('"unbalanced', fts=True)


def test_search_takes_the_filters_of_events(store):
    assert {h["kind"] for h in store.search("accord")} == {"event", "fact"}
    assert {h["kind"] for h in store.search("accord", kind="event")} == {"event"}
    hits = store.search("Ankara", dyad="TUR-GRC")
    assert hits and all({h["record"]["source"]["country"], h["record"]["target"]["country"]} == {"GRC", "TUR"}
                        for h in hits)
    assert {h["kind"] for h in store.search("billion", kind="fact")} == {"fact"}
    assert store.search("invested", kind="fact") and not store.search("invested", kind="event")
    assert store.search("welcomed", since="2023-05") and not store.search("welcomed", since="2023-06")
    assert store.search("maritime", country="USA")[0]["record"]["type"] == "SUPPORT"
    with pytest.raises(QueryError):
        store.search("accord", since="2023-13")


def test_accord_search_on_the_command_line(db, capsys):
    assert cli.main(["search", "U.S.", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "The [U.S]. welcomed" in out and "1 match" in out
    assert cli.main(["search", "$1.5 billion", "--db", str(db), "--kind", "fact", "--json"]) == 0
    (hit,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert hit["record"]["value"] == 1.5e9 and "[billion]" in hit["snippet"]
    assert cli.main(["search", "statement OR protocol", "--fts", "--db", str(db), "--dyad", "AZE-ITA"]) == 0
    assert "[protocol]" in capsys.readouterr().out
    assert cli.main(["search", '"oops', "--fts", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "invalid search expression" in err and "Traceback" not in err


def test_api_search_plain_fts_and_filters(db):
    with TestClient(create_app(db)) as client:
        for q in QUERIES:
            r = client.get("/api/search", params={"q": q})
            assert r.status_code == 200 and r.json()["items"], (q, r.text)
        assert client.get("/api/search", params={"q": "Ankara", "dyad": "AZE-ITA"}).json()["items"] == []
        fts = client.get("/api/search", params={"q": "protocol OR statement", "fts": "true"}).json()
        snippets = " ".join(h["snippet"] for h in fts["items"])
        assert "[protocol]" in snippets and "[statement]" in snippets
        bad = client.get("/api/search", params={"q": '"oops', "fts": "true"})
        assert bad.status_code == 400 and "invalid search expression" in bad.json()["error"]
        assert client.get("/api/search", params={"q": "accord", "since": "2020-13"}).status_code == 422
