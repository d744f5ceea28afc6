"""The web page in Debian's chromium (Playwright), served by uvicorn over a store with the two seed articles
and a GRC-TUR report (ATHENS_TEXT) ingested by the pipeline and the hand-built articles of test_exports added.

Without /usr/bin/chromium these tests skip, unless the environment variable CI is set: then they fail.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from test_exports import _event, sample_extractions

from accord import dossier
from accord.api import create_app
from accord.model import Actor, Article, Extraction, FuzzyDate, Location
from accord.runner import process
from accord.settings import Settings
from accord.store import Store

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
#: Three GRC-TUR events: in Athens (stated, with coordinates), in Ankara (stated) and in GRC by the dateline
#: (ATHENS is also the name of Greece's capital, so the dateline gives the country without a place).
ATHENS_TEXT = ("ATHENS, March 6, 2023 - Greek and Turkish diplomats met in Athens on Monday.\n\n"
               "Turkey accused Greece of violating its airspace over the Aegean Sea on Sunday.\n\n"
               "Greek and Turkish officials held talks in Ankara on March 1.\n")


#: JPN-PHL, placed only at country level: a visit to the host country and a dateline without a place.
MANILA_TEXT = ("date 2024-07-08\n\nJapan's foreign minister visited the Philippines on Monday.\n\n"
               "Japan and the Philippines agreed to hold joint drills next year.\n")


def country_level_extraction() -> Extraction:
    d, jpn, phl = "manila", Actor("JPN"), Actor("PHL")
    visit = _event(d, MANILA_TEXT, 0, "CONSULT", jpn, phl, "visited", cameo="042", date="2024-07-08", mode="visit")
    drills = _event(d, MANILA_TEXT, 1, "AGREE", jpn, phl, "agreed", cameo="030", date="2024-07-08")
    return Extraction(article=Article(d, MANILA_TEXT, title="Country level", published=FuzzyDate("2024-07-08", "day")),
                      events=(replace(visit, location=Location("PHL", how="host")),
                              replace(drills, location=Location("JPN", how="dateline"))))


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)")
    pytest.skip(reason)


def build_web_store(path: Path, *, seeds: Path | None = SEEDS) -> Path:
    """A store with the seed articles run through the pipeline, then the hand-built articles."""
    with Store.open(path) as store:
        if seeds is not None:
            if not seeds.is_dir():
                pytest.fail(f"the seed articles are missing: expected {seeds}")
            report = process(sorted(seeds.glob("*.txt")), settings=Settings(), store=store)
            assert report.articles == 2 and not report.rejected, report.summary()
        for x in sample_extractions():
            store.add(x)
    return path


class Served:
    """uvicorn in a thread, on a socket bound to a free port of 127.0.0.1."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture(scope="module")
def site_db(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("web")
    db = build_web_store(tmp / "web.db")
    athens = tmp / "athens.txt"
    athens.write_text(ATHENS_TEXT, encoding="utf-8")
    with Store.open(db) as store:
        report = process([athens], settings=Settings(), store=store)
        assert report.articles == 1 and not report.rejected, report.summary()
        store.add(country_level_extraction())
    return db


@pytest.fixture(scope="module")
def site(site_db) -> Iterator[str]:
    with Served(site_db) as served:
        yield served.url


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed: pip install 'accord[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.requests = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.goto(site)
    pg.wait_for_selector("#country-a option[value='AZE']", state="attached")
    yield pg
    context.close()


def choose(page, a: str, b: str) -> None:
    page.select_option("#country-a", a)
    page.select_option("#country-b", b)
    page.wait_for_selector(f"body[data-loaded='{a}-{b}']")


def test_pick_two_countries_and_read_the_evidence(page, site):
    choose(page, "AZE", "ITA")
    assert page.locator("#events tbody tr").count() >= 3
    assert page.locator("#timeline circle").count() == page.locator("#events tbody tr").count()
    assert page.locator("#facts tbody tr").count() >= 2
    page.locator("#timeline circle").first.click()
    mark = page.wait_for_selector("#article-text mark.evidence")
    evidence = mark.text_content()
    article = page.locator("#article-text").text_content()
    assert evidence and evidence.strip() and evidence in article
    assert page.locator("#article-text .actor-source").count() > 0
    assert page.locator("#article-title").text_content()
    assert all(url.startswith(site) for url in page.requests), "the page must work offline"


def test_clicking_a_row_shows_its_own_evidence(page):
    choose(page, "AZE", "ITA")
    row = page.locator("#events tbody tr").filter(has_text="visited")
    row.click()
    page.wait_for_selector("#article-text mark.evidence")
    assert page.locator("#article-text mark.evidence").text_content() == \
        "Crosetto visited Baku at the invitation of Hasanov."
    assert "Guido Crosetto" in page.locator("#article-text .actor-source").all_text_contents()


def test_a_figure_opens_its_article(page):
    choose(page, "AZE", "ITA")
    page.locator("#facts tbody tr").filter(has_text="aze-ita-2").click()
    page.wait_for_selector("#article-text mark.evidence")
    assert "2 billion euros" in page.locator("#article-text mark.evidence").text_content()


def test_script_in_an_article_renders_as_text(page):
    choose(page, "ISR", "SYR")
    page.locator("#timeline circle").first.click()
    page.wait_for_selector("#article-text mark.evidence")
    assert "<script>alert(1)</script>" in page.locator("#article-text").text_content()
    assert page.locator("#article-title").text_content() == "<img src=x onerror=alert(2)>"
    assert page.locator("#article-text script, #article-text img, img").count() == 0
    assert page.locator("#facts, #events").locator("b").count() == 0
    page.wait_for_timeout(200)
    assert page.dialogs == []


def test_places_panel_map_and_place_filter(page, site):
    choose(page, "GRC", "TUR")
    assert page.locator("#events tbody tr").count() == 3
    athens = page.locator("#places tbody tr").filter(has_text="Athens")
    assert athens.count() == 1
    cells = athens.locator("td").all_text_contents()
    assert cells[0] == "Athens" and cells[1] == "GRC" and cells[2] == "37.98° N, 23.73° E"
    assert cells[3] == "stated 1" and cells[4] == "1"
    assert "GRC (no place named)" in page.locator("#places tbody td.place-name").all_text_contents()
    dots = page.locator("#map circle.place-dot")
    assert dots.count() == 2  # Athens and Ankara; the dateline's GRC has no place, so it is drawn as the country
    country = page.locator("#map path.country-mark")
    assert country.count() == 1 and country.get_attribute("data-country") == "GRC"
    assert country.locator("title").text_content() == \
        "Greece (known at country level; drawn at Athens (capital)): 1 event"
    titles = page.locator("#map circle.place-dot title").all_text_contents()
    assert "Athens, GRC: 1 event" in titles and "Ankara, TUR: 1 event" in titles
    athens_dot = page.locator("#map circle.place-dot").filter(has_text="Athens")
    cx, cy = float(athens_dot.get_attribute("cx")), float(athens_dot.get_attribute("cy"))
    ankara_dot = page.locator("#map circle.place-dot").filter(has_text="Ankara")
    assert float(ankara_dot.get_attribute("cx")) > cx and float(ankara_dot.get_attribute("cy")) < cy  # east, north

    athens.click()
    assert page.locator("#place-filter").is_visible()
    rows = page.locator("#events tbody tr")
    assert rows.count() == 1 and "met in Athens" in rows.first.text_content()
    assert page.locator("#timeline circle").count() == 1
    assert page.locator("#event-count").text_content() == "(1 of 3)"
    assert "current" in (athens_dot.get_attribute("class") or "")
    rows.first.click()
    page.wait_for_selector("#article-text mark.evidence")
    assert "met in Athens" in page.locator("#article-text mark.evidence").text_content()
    assert "in Athens, GRC (stated)" in page.locator("#article-event").text_content()

    ankara_dot.click()
    assert page.locator("#events tbody tr").count() == 1
    assert "in Ankara" in page.locator("#events tbody tr").first.text_content()
    ankara_dot.click()  # a second click shows every place again
    assert page.locator("#events tbody tr").count() == 3 and not page.locator("#place-filter").is_visible()
    athens.click()
    page.locator("#place-clear").click()
    assert page.locator("#events tbody tr").count() == 3
    assert all(url.startswith(site) for url in page.requests), "the map must work offline"


def test_a_new_pair_clears_the_place_filter(page):
    choose(page, "GRC", "TUR")
    page.locator("#places tbody tr").filter(has_text="Ankara").click()
    assert page.locator("#events tbody tr").count() == 1
    choose(page, "AZE", "ITA")
    assert not page.locator("#place-filter").is_visible()
    assert page.locator("#timeline circle").count() == page.locator("#events tbody tr").count() >= 3
    assert page.locator("#places tbody tr").count() >= 1


def test_country_level_events_are_drawn_at_their_countries(page):
    choose(page, "JPN", "PHL")
    assert page.locator("#map .map-note").count() == 0
    assert page.locator("#map circle.place-dot").count() == 0
    marks = page.locator("#map path.country-mark")
    assert sorted(marks.nth(i).get_attribute("data-country") for i in range(marks.count())) == ["JPN", "PHL"]
    tokyo, manila = (page.locator(f"#map path.country-mark[data-country='{c}']").bounding_box() for c in ("JPN", "PHL"))
    assert tokyo["x"] > manila["x"] and tokyo["y"] < manila["y"]  # Tokyo lies north-east of Manila
    assert "country level" in page.locator("#places tbody tr").first.locator("td.coords").text_content()
    page.locator("#map path.country-mark[data-country='PHL']").click()
    assert page.locator("#events tbody tr").count() == 1 and "visited" in page.locator("#events tbody tr").text_content()


def test_a_new_pair_clears_the_article_panel(page):
    choose(page, "AZE", "ITA")
    page.locator("#timeline circle").first.click()
    page.wait_for_selector("#article-text mark.evidence")
    choose(page, "GRC", "TUR")
    assert page.locator("#article-text").text_content() == ""
    assert page.locator("#article-title").text_content() == "Article"
    assert page.locator("#article-event").text_content() == ""
    assert page.locator(".selected").count() == 0


def _overlaps(page, selector: str) -> list[tuple[str, str]]:
    """Pairs of neighbouring labels (in x order) whose boxes overlap, as the browser lays them out."""
    boxes = page.eval_on_selector_all(selector, "nodes => nodes.map(n => { const b = n.getBoundingClientRect(); "
                                                "return [n.textContent, b.left, b.right]; })")
    assert len(boxes) >= 3, f"too few labels under {selector}: {boxes}"
    boxes.sort(key=lambda b: b[1])
    return [(a[0], b[0]) for a, b in zip(boxes, boxes[1:]) if a[2] + 2 > b[1]]


@pytest.mark.parametrize("width", [1400, 1000])
def test_timeline_year_labels_do_not_overlap(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    pg = context.new_page()
    pg.goto(site)
    pg.wait_for_selector("#country-a option[value='AZE']", state="attached")
    choose(pg, "AZE", "ITA")  # the seed articles reach from 1992 to 2023
    assert _overlaps(pg, "#timeline text.tick-label:not(:last-of-type)") == []
    assert _overlaps(pg, "#trend text.tick-label") == []
    context.close()


def test_dossier_labels_do_not_overlap(browser, site_db, tmp_path):
    with Store.open(site_db, readonly=True) as store:
        out = tmp_path / "aze-ita.html"
        dossier.write(store, "AZE", "ITA", html_path=out)
    pg = browser.new_page(viewport={"width": 1100, "height": 900})
    pg.goto(out.as_uri())
    assert _overlaps(pg, "svg.timeline text.tick") == []
    assert _overlaps(pg, "svg.trend text.tick") == []
    pg.close()


def test_warming_or_cooling_chart_shows_the_store_counts_on_hover(page):
    choose(page, "AZE", "ITA")
    trend = page.evaluate("fetch('/api/trend?dyad=AZE-ITA').then(r => r.json())")
    months = page.locator("#trend g.month")
    assert months.count() == len(trend["months"]) >= 2
    shown = [(months.nth(i).get_attribute("data-month"), months.nth(i).get_attribute("data-quads"))
             for i in range(months.count())]
    assert shown == [(m["month"], ",".join(map(str, m["quads"]))) for m in trend["months"]]
    last = trend["months"][-1]
    months.last.hover()
    readout = page.locator("#trend-readout").text_content()
    year, month = last["month"].split("-")
    assert readout.startswith(f"{['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][int(month) - 1]} {year}: ")
    assert f"{last['quads'][0]} verbal cooperation" in readout and f"{last['quads'][3]} material conflict" in readout


def test_dates_without_a_year_read_as_such(page):
    choose(page, "AZE", "ITA")  # one seed article states only "November 17"
    dates = page.locator("#events td.date").all_text_contents()
    assert "17 Nov (year not stated)" in dates and not any(d.startswith("--") for d in dates)
    titles = page.locator("#timeline circle title").all_text_contents()
    assert any(t.startswith("17 Nov (year not stated) ") for t in titles) and not any("--" in t for t in titles)
    page.locator("#events tbody tr").filter(has_text="17 Nov (year not stated)").first.click()
    page.wait_for_selector("#article-text mark.evidence")
    assert page.locator("#article-event").text_content().startswith("17 Nov (year not stated) ")


def test_a_click_after_a_slow_answer_keeps_its_article(page):
    """The pair's records arrive late (as on a busy machine): the page says it is loaded only once the answer
    for the pair last chosen is drawn, so a figure clicked then is not wiped by an answer still on its way."""
    choose(page, "AZE", "ITA")  # drawn once: the page says it is loaded
    page.evaluate("""() => { const real = window.fetch;
        window.fetch = (url, opts) => String(url).includes("/api/facts")
          ? new Promise((ok) => setTimeout(() => ok(real(url, opts)), 1500)) : real(url, opts); }""")
    choose(page, "AZE", "ITA")  # chosen again, the figures' answer late
    page.locator("#facts tbody tr").filter(has_text="aze-ita-2").click()
    page.wait_for_selector("#article-text mark.evidence")
    page.wait_for_timeout(2000)
    assert "2 billion euros" in (page.locator("#article-text mark.evidence").text_content() or "")
