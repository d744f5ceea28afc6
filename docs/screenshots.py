"""Screenshots for the docs: the web page with a pair chosen and an event open, and the dossier of that pair.

    python docs/screenshots.py [--db STORE] [--pair AZE ITA]

Without --db, a temporary store is filled with the seed articles (../shared/corpus/seeds) and the examples
shipped with accord. Needs Debian's chromium at /usr/bin/chromium and Playwright.
"""
from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from importlib import resources
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from accord import dossier
from accord.api import create_app
from accord.runner import process
from accord.settings import Settings
from accord.store import Store

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "shared" / "corpus" / "seeds"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def fill_store(path: Path) -> None:
    examples = Path(str(resources.files("accord") / "examples"))
    inputs = sorted(SEEDS.glob("*.txt")) + sorted(examples.glob("*.txt"))
    with Store.open(path) as store:
        print(process(inputs, settings=Settings(), store=store).summary())


def shoot_page(db: Path, pair: tuple[str, str], out: Path, browser: object) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 860})  # type: ignore[attr-defined]
        page.goto(f"http://127.0.0.1:{sock.getsockname()[1]}/")
        page.wait_for_selector(f"#country-a option[value='{pair[0]}']", state="attached")
        page.select_option("#country-a", pair[0])
        page.select_option("#country-b", pair[1])
        page.wait_for_selector(f"body[data-loaded='{pair[0]}-{pair[1]}']")
        page.locator("#timeline circle").first.click()
        page.wait_for_selector("#article-text mark.evidence")
        page.screenshot(path=str(out), full_page=True)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def shoot_dossier(db: Path, pair: tuple[str, str], out: Path, browser: object) -> None:
    with tempfile.TemporaryDirectory() as tmp, Store.open(db, readonly=True) as store:
        report = Path(tmp) / "dossier.html"
        dossier.write(store, *pair, html_path=report)
        page = browser.new_page(viewport={"width": 1100, "height": 900})  # type: ignore[attr-defined]
        page.goto(report.as_uri())
        page.screenshot(path=str(out), full_page=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="an existing store (default: a temporary one, filled here)")
    parser.add_argument("--pair", nargs=2, default=("AZE", "ITA"), metavar="COUNTRY")
    parser.add_argument("--out", type=Path, default=HERE / "img")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "shots.db"
            fill_store(db)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
            shoot_page(db, tuple(args.pair), args.out / "page.png", browser)
            shoot_dossier(db, tuple(args.pair), args.out / "dossier.png", browser)
            browser.close()
    print(f"wrote {args.out / 'page.png'} and {args.out / 'dossier.png'}")


if __name__ == "__main__":
    main()
