"""What a new user installs: `make demo` brings what the README's examples use, and a missing extra says how to
add it from the checkout, not from a package index."""
from __future__ import annotations

import re
import sys
import tomllib
import warnings
from pathlib import Path

import pytest

from accord import cli
from accord.errors import DEMO_EXTRAS, MissingExtra
from accord.store import Records, Store

ROOT = Path(__file__).resolve().parents[1]


def _demo_extras() -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    extras = re.search(r"^DEMO_EXTRAS\s*:=\s*(\S+)", makefile, re.M)
    assert extras, "the Makefile names no DEMO_EXTRAS"
    stamp = re.search(r"^\$\(STAMP\):.*?(?=^\S)", makefile, re.M | re.S)
    assert stamp and '-e ".[$(DEMO_EXTRAS)]"' in stamp.group(0), "make demo does not install DEMO_EXTRAS"
    return extras.group(1).split(",")


def _requirement_names(extras: list[str]) -> set[str]:
    optional = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    return {re.split(r"[<>=!\[ ;]", req, maxsplit=1)[0].lower() for extra in extras for req in optional[extra]}


def test_make_demo_installs_what_the_readme_uses():
    extras = _demo_extras()
    assert tuple(extras) == DEMO_EXTRAS  # the error hints say which extras `make demo` has
    # accord serve, accord export --format parquet, .to_pandas(), the walkthrough's chart
    assert {"fastapi", "uvicorn", "pyarrow", "pandas", "matplotlib"} <= _requirement_names(extras)


def test_every_extra_pins_a_pandas_that_pyspark_supports():
    optional = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    pins = [req for reqs in optional.values() for req in reqs if req.startswith("pandas")]
    assert pins and all("<3" in req for req in pins), pins
    from pyspark.sql.pandas.utils import require_minimum_pandas_version

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # PySpark warns on a pandas it does not fully support
        require_minimum_pandas_version()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    Store.open(tmp_path / "empty.db").close()
    return tmp_path / "empty.db"


def _hint_ok(message: str, extra: str) -> None:
    assert f"pip install -e '.[{extra}]'" in message, message
    assert "accord[" not in message, "a hint must not send the user to a package index"


def test_serve_without_the_api_extra_says_how_to_add_it(db, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now raises ImportError
    assert cli.main(["serve", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    _hint_ok(err, "api")
    assert "make demo" in err and "Traceback" not in err


def test_parquet_without_pyarrow_says_how_to_add_it(db, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert cli.main(["export", "--format", "parquet", "--db", str(db), "-o", str(tmp_path / "x.parquet")]) == 2
    _hint_ok(capsys.readouterr().err, "parquet")


def test_to_pandas_without_pandas_says_how_to_add_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtra) as caught:
        Records([{"kind": "event", "id": "a"}]).to_pandas()
    _hint_ok(str(caught.value), "pandas")


@pytest.mark.parametrize("doc", ["README.md", *(f"docs/{p.name}" for p in sorted((ROOT / "docs").glob("*.md")))])
def test_docs_install_from_the_checkout(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    assert not re.search(r"pip install '?accord\[", text), f"{doc} installs accord from a package index"
    assert "installs the `test` extra" not in text and "with its test extras" not in text, doc
