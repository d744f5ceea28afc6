"""The server trusts only its own origin: a write needs Content-Type: application/json (415) and, when sent, an
Origin naming the server (403); on loopback every request must name a loopback address in its Host (421).
A cross-site text/plain POST from a real page in chromium is refused; the page, the CLI and a Python client
keep working."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from test_exports import sample_store

from accord.api import create_app
from accord.store import Store

ARTICLE = {"id": "posted", "text": "Italy and France signed a defence agreement in Rome on Monday."}
CHROMIUM = Path("/usr/bin/chromium")


def _articles(db: Path) -> set[str]:
    with Store.open(db, readonly=True) as store:
        return {a["doc_id"] for a in store.articles()}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return sample_store(tmp_path / "origin.db")


@pytest.fixture
def loopback(db: Path) -> Iterator[TestClient]:
    """The app as `accord serve --allow-ingest` runs it on 127.0.0.1:8000."""
    with TestClient(create_app(db, allow_ingest=True, host="127.0.0.1"), base_url="http://127.0.0.1:8000") as c:
        yield c


def test_a_cross_site_text_plain_post_is_refused(loopback: TestClient, db: Path) -> None:
    before = _articles(db)
    r = loopback.post("/api/articles", content=json.dumps(ARTICLE),
                      headers={"Content-Type": "text/plain;charset=UTF-8", "Origin": "http://evil.example"})
    assert r.status_code == 415 and "application/json" in r.json()["error"]
    r = loopback.post("/api/articles", content=json.dumps(ARTICLE))  # no Content-Type at all
    assert r.status_code == 415
    r = loopback.post("/api/articles", json=ARTICLE, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and "evil.example" in r.json()["error"]
    assert _articles(db) == before


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_foreign_host_is_refused_on_loopback(loopback: TestClient, db: Path, method: str) -> None:
    """DNS rebinding: evil.example resolved to 127.0.0.1 makes the browser send `Host: evil.example`."""
    before = _articles(db)
    path = "/api/events" if method == "GET" else "/api/articles"
    r = loopback.request(method, path, json=ARTICLE if method == "POST" else None,
                         headers={"Host": "evil.example:8000", "Origin": "http://evil.example:8000"})
    assert r.status_code == 421 and "evil.example" in r.json()["error"]
    assert loopback.get("/", headers={"Host": "evil.example"}).status_code == 421
    assert _articles(db) == before


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000", "127.0.0.2"])
def test_loopback_names_are_answered(loopback: TestClient, host: str) -> None:
    assert loopback.get("/api/events", headers={"Host": host}).status_code == 200


def test_the_page_and_a_python_client_keep_working(loopback: TestClient, db: Path) -> None:
    page = loopback.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert loopback.get("/static/app.js").status_code == 200
    assert loopback.get("/api/events").json()["count"] > 0
    r = loopback.post("/api/articles", json=ARTICLE)  # a Python client sends no Origin
    assert r.status_code == 201, r.text
    same = loopback.post("/api/articles", json=ARTICLE | {"id": "again"}, headers={"Origin": "http://127.0.0.1:8000"})
    assert same.status_code == 200 and same.json()["stored"] is False  # the page's own origin; same text
    assert "posted" in _articles(db)


def test_a_server_on_every_interface_answers_any_host_but_still_wants_json(db: Path) -> None:
    with TestClient(create_app(db, allow_ingest=True, host="0.0.0.0"), base_url="http://accord.lan:8000") as c:
        assert c.get("/api/events").status_code == 200
        assert c.post("/api/articles", content=json.dumps(ARTICLE), headers={"Content-Type": "text/plain"}).status_code == 415


# ---------------------------------------------------------------- a real server: the CLI, a real browser

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, proc: subprocess.Popen[str] | None = None) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server stopped: {proc.stderr.read() if proc.stderr else ''}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def test_accord_serve_refuses_foreign_requests_and_takes_its_clients(db: Path, tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "accord.cli", "serve", "--db", str(db), "--port", str(port),
                             "--allow-ingest"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait(url + "/api/events", proc)
        assert httpx.post(url + "/api/articles", content=json.dumps(ARTICLE),
                          headers={"Content-Type": "text/plain", "Origin": "http://evil.example"}).status_code == 415
        assert httpx.get(url + "/api/events", headers={"Host": "evil.example"}).status_code == 421
        r = httpx.post(f"http://localhost:{port}/api/articles", json=ARTICLE, timeout=120)
        assert r.status_code == 201, r.text
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    listed = subprocess.run([sys.executable, "-m", "accord.cli", "articles", "--db", str(db), "--json"],
                            capture_output=True, text=True, timeout=120)
    assert "posted" in {json.loads(line)["doc_id"] for line in listed.stdout.splitlines()}


class Recorder:
    """The app behind an ASGI layer that notes each request's method, path and status."""

    def __init__(self, app: Any) -> None:
        self.app, self.seen = app, []

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def noting(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                self.seen.append((scope["method"], scope["path"], message["status"]))
            await send(message)
        return await self.app(scope, receive, noting)


def _serve(app: Any, port: int) -> Any:
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    _wait(f"http://127.0.0.1:{port}/")
    return server


EVIL_PAGE = """<!doctype html><title>a page on another site</title><script>
async function attack(api) {
  const body = JSON.stringify({id: "from-evil", text: "Italy and France signed a defence agreement in Rome."});
  await fetch(api, {method: "POST", mode: "no-cors", headers: {"Content-Type": "text/plain"}, body});
  try { await fetch(api, {method: "POST", headers: {"Content-Type": "application/json"}, body}); }
  catch (e) { return "json refused: " + e; }
  return "json sent";
}
</script>"""


def test_a_page_on_another_site_cannot_write_with_a_real_browser(db: Path, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (CI is set, so this is a failure, not a skip)")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    from fastapi import FastAPI
    from fastapi.responses import HTMLResponse
    from playwright.sync_api import sync_playwright

    api = Recorder(create_app(db, allow_ingest=True, host="127.0.0.1"))
    evil = FastAPI()
    evil.get("/")(lambda: HTMLResponse(EVIL_PAGE))
    api_port, evil_port = _free_port(), _free_port()
    servers = [_serve(api, api_port), _serve(evil, evil_port)]
    before = _articles(db)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(f"http://localhost:{evil_port}/")  # another site: localhost is not 127.0.0.1
            outcome = page.evaluate(f"attack('http://127.0.0.1:{api_port}/api/articles')")
            own = browser.new_page()
            own.goto(f"http://127.0.0.1:{api_port}/")  # the server's own page still posts
            status = own.evaluate("""async () => (await fetch('/api/articles', {method: 'POST',
                headers: {'Content-Type': 'application/json'},
                body: JSON.stringify({id: 'from-page', text: 'Greece and Egypt signed a deal in Cairo.'})})).status""")
            browser.close()
    finally:
        for server in servers:
            server.should_exit = True
    posts = [s for m, path, s in api.seen if m == "POST" and path == "/api/articles"]
    assert posts[0] == 415, api.seen  # the browser sent the text/plain POST and the server refused it
    assert outcome.startswith("json refused"), outcome  # a JSON POST needs a preflight that is never granted
    assert status == 201 and posts[1:] == [201]
    assert _articles(db) == before | {"from-page"}
