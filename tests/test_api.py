"""The HTTP API in-process, over a store built by hand (see test_exports.sample_store)."""
from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient
from test_exports import TEXT_1, sample_extractions, sample_store

from accord.api import create_app
from accord.errors import StoreError
from accord.model import Extraction, Location
from accord.store import Store


@pytest.fixture
def db(tmp_path):
    return sample_store(tmp_path / "api.db")


@pytest.fixture
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def _items(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_openapi_lists_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/events", "/api/facts", "/api/events/{event_id}", "/api/dyads",
                 "/api/search", "/api/articles/{key}"):
        assert path in paths, path
    assert "requestBody" in paths["/api/articles"]["post"]


def test_events_filters_and_pages(client):
    assert len(_items(client.get("/api/events"))) == 4
    assert {e["type"] for e in _items(client.get("/api/events", params={"dyad": "ita-aze"}))} == \
        {"SUPPORT", "CONSULT", "AGREE"}
    assert [e["type"] for e in _items(client.get("/api/events", params={"type": "assault"}))] == ["ASSAULT"]
    assert len(_items(client.get("/api/events", params={"country": "SYR"}))) == 1
    assert len(_items(client.get("/api/events", params={"since": "2023-02", "until": "2023-03"}))) == 1
    assert len(_items(client.get("/api/events", params={"min_confidence": 0.9}))) == 0
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": first["next_offset"]}).json()
    assert first["next_offset"] == 2 and second["next_offset"] == 4
    assert {e["id"] for e in first["items"]}.isdisjoint(e["id"] for e in second["items"])


def test_facts_and_articles(client):
    facts = _items(client.get("/api/facts", params={"dyad": "AZE-ITA", "type": "money"}))
    assert sorted(f["value"] for f in facts) == [1.7e9, 2e9]
    assert all(f["conflict"] for f in facts)
    articles = _items(client.get("/api/articles"))
    assert {a["doc_id"] for a in articles} == {"aze-ita-1", "aze-ita-2", "isr-syr-<b>3</b>"}
    assert all("path" not in a for a in articles)


def test_one_event_with_spans_and_article(client):
    rec = _items(client.get("/api/events", params={"type": "CONSULT"}))[0]
    got = client.get(f"/api/events/{rec['id']}").json()
    assert got["article"]["doc_id"] == "aze-ita-1" and got["article"]["title"] == "Azerbaijan, Italy sign protocol"
    evidence = next(s for s in got["spans"] if s["kind"] == "evidence")
    assert TEXT_1[evidence["start"]:evidence["end"]] == evidence["text"] == rec["evidence"]
    assert client.get("/api/events/nothing:e0").status_code == 404


def test_article_by_doc_id_or_hash(client):
    by_id = client.get("/api/articles/aze-ita-1").json()
    assert by_id["text"] == TEXT_1
    assert client.get(f"/api/articles/{by_id['hash']}").json()["doc_id"] == "aze-ita-1"
    assert len(by_id["events"]) == 2 and len(by_id["facts"]) == 1
    crosetto = next(a for a in by_id["actors"] if a["name"] == "Guido Crosetto")
    assert crosetto["sectors"] == ["GOV", "MIL"]
    assert [TEXT_1[m["start"]:m["end"]] for m in crosetto["mentions"]] == [m["text"] for m in crosetto["mentions"]]
    assert client.get("/api/articles/missing").status_code == 404


def test_dyads_count_types_and_months(client):
    data = client.get("/api/dyads").json()
    assert data["countries"] == ["AZE", "ISR", "ITA", "SYR"]
    pair = next(d for d in data["items"] if d["dyad"] == "AZE-ITA")
    assert pair["events"] == 3 and pair["facts"] == 2
    assert pair["types"] == {"SUPPORT": 1, "CONSULT": 1, "AGREE": 1}
    assert pair["months"] == {"2023-01": 2, "2023-03": 1}


def test_search(client):
    hits = _items(client.get("/api/search", params={"q": "protocol"}))
    assert len(hits) == 1 and hits[0]["kind"] == "event" and "[protocol]" in hits[0]["snippet"]
    assert _items(client.get("/api/search", params={"q": '"unterminated'})) == []  # plain words: never a syntax error
    bad = client.get("/api/search", params={"q": '"unterminated', "fts": "true"})
    assert bad.status_code == 400 and "invalid search expression" in bad.json()["error"]


@pytest.mark.parametrize("params", [
    {"dyad": "AZE-ITA' OR '1'='1"}, {"dyad": "AZE-ITA; DROP TABLE events; --"}, {"dyad": "A"},
    {"type": "SUPPORT' OR 1=1 --"}, {"type": "\x00"}, {"since": "2023' OR 1=1"}, {"until": "2023-01-01\x00"},
    {"country": "'; --"}, {"limit": 0}, {"limit": 1001}, {"limit": "many"}, {"offset": -1}, {"offset": 10**30},
    {"min_confidence": "nan"}, {"min_confidence": 2}, {"dyad": "x" * 10000},
])
def test_hostile_filters_are_4xx_never_500(client, params):
    for path in ("/api/events", "/api/facts"):
        r = client.get(path, params=params)
        assert 400 <= r.status_code < 500 and r.json()["error"], (path, r.status_code, r.text)
    assert len(_items(client.get("/api/events"))) == 4


def test_odd_but_harmless_filters_are_answered(client):
    assert _items(client.get("/api/events", params={"until": "9999-12-31"}))  # everything is before
    assert _items(client.get("/api/events", params={"type": "aGrEe"}))[0]["type"] == "AGREE"


@pytest.mark.parametrize("q", [
    "' OR 1=1 --", "protocol'; DROP TABLE events; --", "*", "NEAR(", "a\x00b", '"', "x" * 501, "evidence:",
    "AND", "(((((", "protocol OR",
])
def test_hostile_search_is_4xx_or_words(client, q):
    plain = client.get("/api/search", params={"q": q})
    assert 400 <= plain.status_code < 500 or all(  # plain words: found as written ("AND" is a word) or not at all
        any(w.lower() in h["record"]["evidence"].lower() for w in q.split()) for h in plain.json()["items"]), plain.text
    fts = client.get("/api/search", params={"q": q, "fts": "true"})
    assert 400 <= fts.status_code < 500 or (fts.status_code == 200 and fts.json()["items"] == []), fts.text
    assert client.get("/api/events").status_code == 200  # the tables are still there


def test_hostile_paths(client):
    for path in ("/api/events/'; DROP TABLE events; --", "/api/articles/' OR '1'='1", "/api/articles/%00",
                 "/static/../store.py", "/api/nothing"):
        r = client.get(path)
        assert r.status_code == 404, (path, r.status_code)
    assert len(_items(client.get("/api/events"))) == 4


def test_post_is_refused_without_allow_ingest(client):
    r = client.post("/api/articles", json={"text": "Italy and Azerbaijan signed an agreement."})
    assert r.status_code == 403 and "--allow-ingest" in r.json()["error"]


def test_post_limits_and_validation(db):
    with TestClient(create_app(db, allow_ingest=True, max_body=1000)) as c:
        big = c.post("/api/articles", json={"text": "x" * 2000})
        assert big.status_code == 413 and big.json()["error"]
        assert c.post("/api/articles", content=b"{not json", headers={"content-type": "application/json"}).status_code == 422
        assert c.post("/api/articles", json={"title": "no text"}).status_code == 422
        assert c.post("/api/articles", json={"text": "Talks.", "date": "12/01/2023"}).status_code == 422
        assert c.post("/api/articles", json={"text": ""}).status_code == 422


@pytest.mark.slow
def test_post_ingests_an_article(tmp_path):
    text = ("Italian Defence Minister Guido Crosetto met Azerbaijani President Ilham Aliyev in Baku on Monday. "
            "<script>alert(1)</script>")
    with TestClient(create_app(tmp_path / "new.db", allow_ingest=True)) as c:
        r = c.post("/api/articles", json={"id": "posted", "title": "T", "date": "2023-01-16", "text": text})
        assert r.status_code == 201, r.text
        assert r.json()["doc_id"] == "posted" and r.json()["stored"] is True
        again = c.post("/api/articles", json={"id": "posted", "text": text})
        assert again.status_code == 200 and again.json()["stored"] is False
        stored = c.get("/api/articles/posted").json()
        assert stored["text"] == text and stored["title"] == "T" and stored["published"] == "2023-01-16"


def test_a_missing_store_fails_at_start(tmp_path):
    with pytest.raises(StoreError):
        create_app(tmp_path / "absent.db")


def test_page_is_served_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "<select id=\"country-a\"" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    script = client.get("/static/app.js")
    assert script.status_code == 200
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", script.text)
    assert client.get("/static/style.css").status_code == 200


def test_the_store_is_opened_read_only(db, client):
    with Store.open(db) as s:
        before = s.counts()
    for path in ("/api/events", "/api/facts", "/api/dyads", "/api/articles"):
        client.get(path)
    with Store.open(db) as s:
        assert s.counts() == before
    assert json.loads(client.get("/api/events").text)["count"] == 4


def test_event_records_carry_coordinates(tmp_path, client):
    for rec in _items(client.get("/api/events")):
        assert {"location", "place", "location_how", "lat", "lon", "geonameid"} <= set(rec)
        assert (rec["lat"], rec["lon"], rec["geonameid"]) == (None, None, None)  # the sample's places have none
    x = sample_extractions()[0]
    athens = Location("GRC", "Athens", 264371, 37.98376, 23.72784, "stated")
    moved = Extraction(article=replace(x.article, id="moved", text=x.article.text + "\n\nMoved."),
                       events=(replace(x.events[0], article_id="moved", location=athens),))
    with Store.open(tmp_path / "geo.db") as s:
        s.add(moved)
    with TestClient(create_app(tmp_path / "geo.db")) as c:
        rec = _items(c.get("/api/events"))[0]
        assert (rec["location"], rec["place"], rec["location_how"]) == ("GRC", "Athens", "stated")
        assert (rec["lat"], rec["lon"], rec["geonameid"]) == (37.98376, 23.72784, 264371)
        assert c.get(f"/api/events/{rec['id']}").json()["lat"] == 37.98376


@pytest.mark.parametrize("param", ["since", "until"])
def test_a_date_that_is_no_date_is_a_422_naming_the_field_as_limit_is(client, param):
    limit = client.get("/api/events", params={"limit": 0}).json()
    assert limit["detail"][0]["loc"] == ["query", "limit"]
    for path, extra in (("/api/events", {}), ("/api/facts", {}), ("/api/search", {"q": "protocol"})):
        for bad in ("2020-13-45", "2023-02-29", "2020-13"):
            r = client.get(path, params={param: bad, **extra})
            assert r.status_code == 422, (path, bad, r.text)
            assert r.json()["detail"][0]["loc"] == ["query", param] and f"query.{param}" in r.json()["error"]
            assert bad in r.json()["error"]


def test_trend_is_the_store_query_of_the_dossier(db, client):
    with Store.open(db, readonly=True) as store:
        expected = store.quad_months(dyad="AZE-ITA")
        reports = store.quad_months(country="ISR", clustered=False)
    assert expected["months"] == [{"month": "2023-01", "quads": [2, 0, 0, 0]}, {"month": "2023-03", "quads": [1, 0, 0, 0]}]
    assert client.get("/api/trend", params={"dyad": "ITA-AZE"}).json() == expected
    assert client.get("/api/trend", params={"country": "ISR", "raw": "true"}).json() == reports
    assert client.get("/api/trend", params={"since": "2020-13"}).status_code == 422


def test_countries_are_placed_offline_at_their_capitals(client):
    items = client.get("/api/countries").json()["items"]
    assert set(items) == {"AZE", "ISR", "ITA", "SYR"}
    assert items["AZE"]["at"] == "Baku (capital)" and round(items["AZE"]["lat"]) == 40 and round(items["AZE"]["lon"]) == 50


def test_the_dossier_of_a_pair_is_served_as_html_and_markdown(client):
    page = client.get("/api/dossier/ITA/AZE")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Azerbaijan" in page.text and "<html" in page.text.lower()
    markdown = client.get("/api/dossier/ita/aze", params={"markdown": "true"})
    assert markdown.headers["content-type"].startswith("text/markdown") and markdown.text.startswith("#")
    assert client.get("/api/dossier/ITA/ITA").status_code == 400
