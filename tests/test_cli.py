"""Command-line conventions, through `accord.cli.main`: `-` is standard output, bad values are errors that name the
value (exit status 2, no traceback), lists say what their rows are, tables read well."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_search import everyday_store

from accord import cli
from accord.api import create_app
from accord.events import load_dictionary
from accord.errors import InputError


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return everyday_store(tmp_path / "cli.db")


def _exit(argv: list[str]) -> int:
    """The exit status of a command line, whether main returns it or argparse exits."""
    try:
        return cli.main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


# ---------------------------------------------------------------- "-" is standard output

def test_export_to_standard_output(db, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["export", "--format", "jsonl", "--db", str(db), "-o", "-", "--dyad", "GRC-TUR"]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert records and {r["kind"] for r in records} == {"event"}
    assert "written to standard output" in captured.err
    assert not (tmp_path / "-").exists()


def test_parquet_to_standard_output(db, tmp_path, monkeypatch, capsysbinary):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["export", "--format", "parquet", "--db", str(db), "-o", "-"]) == 0
    out = capsysbinary.readouterr().out
    assert out[:4] == b"PAR1" and out[-4:] == b"PAR1"
    assert not (tmp_path / "-").exists()


def test_dossier_to_standard_output(db, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["dossier", "GRC", "TUR", "--db", str(db), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("<!doctype html>")
    assert cli.main(["dossier", "GRC", "TUR", "--db", str(db), "-o", "d.html", "--markdown", "-"]) == 0
    assert capsys.readouterr().out.startswith("# Greece and Türkiye") and (tmp_path / "d.html").is_file()
    assert cli.main(["dossier", "GRC", "TUR", "--db", str(db), "-o", "-", "--markdown", "-"]) == 2
    assert not (tmp_path / "-").exists()


# ---------------------------------------------------------------- bad values

@pytest.mark.parametrize("argv, named", [
    (["events", "--limit", "-1"], "'-1'"), (["facts", "--limit", "0"], "'0'"), (["search", "x", "--limit", "-5"], "'-5'"),
    (["events", "--since", "2020-13"], "'2020-13'"), (["events", "--until", "2021-02-29"], "'2021-02-29'"),
    (["export", "--format", "csv", "-o", "x.csv", "--since", "20-1"], "'20-1'"),
])
def test_bad_values_are_errors_naming_them(db, tmp_path, monkeypatch, capsys, argv, named):
    monkeypatch.chdir(tmp_path)
    assert _exit([*argv, "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert named in err and "Traceback" not in err
    assert not (tmp_path / "x.csv").exists()


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("date 2024-03-05\n\nItaly vouched for Azerbaijan on Monday.\n", encoding="utf-8")
    return path


def test_a_missing_user_file_is_an_error_naming_it(tmp_path, monkeypatch, capsys):
    article = _article(tmp_path)
    for variable in ("ACCORD_USER_TRIGGERS", "ACCORD_USER_ACTORS"):
        monkeypatch.setenv(variable, str(tmp_path / "absent.yaml"))
        for argv in (["extract", str(article), "-o", str(tmp_path / "o.jsonl")], ["explain", str(article)],
                     ["ingest", str(article), "--db", str(tmp_path / "s.db")]):
            assert cli.main(argv) == 2, (variable, argv)
            err = capsys.readouterr().err
            assert "absent.yaml" in err and variable in err and "not found" in err and "Traceback" not in err
        monkeypatch.delenv(variable)
    assert not (tmp_path / "s.db").exists() and not (tmp_path / "o.jsonl").exists()


def test_a_trigger_rule_of_no_plover_type_is_an_error_naming_file_and_line(tmp_path, monkeypatch, capsys):
    rules = tmp_path / "my_triggers.yaml"
    rules.write_text("- id: vouch-for\n  type: SUPPORT\n  verbs: [vouch]\n- id: second-bid\n  type: FOO\n"
                     "  verbs: [second]\n", encoding="utf-8")
    monkeypatch.setenv("ACCORD_USER_TRIGGERS", str(rules))
    assert cli.main(["extract", str(_article(tmp_path)), "-o", "-"]) == 2
    err = capsys.readouterr().err
    assert f"{rules}:5" in err and "'FOO'" in err and "second-bid" in err and "Traceback" not in err
    with pytest.raises(InputError, match=re.escape(f"{rules}:5")):  # the library says the same
        load_dictionary(str(rules))


# ---------------------------------------------------------------- what a list shows

def test_events_and_the_api_show_the_same_by_default_and_say_so(db, capsys):
    with TestClient(create_app(db)) as client:
        api = client.get("/api/events", params={"dyad": "AZE-ITA"}).json()
        api_raw = client.get("/api/events", params={"dyad": "AZE-ITA", "raw": "true"}).json()
    assert cli.main(["events", "--dyad", "AZE-ITA", "--db", str(db), "--json"]) == 0
    cli_ids = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert cli_ids == [e["id"] for e in api["items"]]
    assert cli.main(["events", "--dyad", "AZE-ITA", "--db", str(db), "--json", "--raw"]) == 0
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == \
        [e["id"] for e in api_raw["items"]]
    assert "one record per real event" in api["shows"] and "one record per report" in api_raw["shows"]
    assert cli.main(["events", "--dyad", "AZE-ITA", "--db", str(db)]) == 0
    assert "3 events, one row per real event (--raw: one per report)" in capsys.readouterr().out
    assert cli.main(["events", "--dyad", "AZE-ITA", "--db", str(db), "--raw"]) == 0
    assert "one row per report" in capsys.readouterr().out


def test_tables_cut_evidence_at_a_word_and_list_undated_events_last(db, capsys):
    assert cli.main(["events", "--country", "GRC", "--db", str(db), "--raw"]) == 0  # --raw: evidence is the last column
    out = capsys.readouterr().out
    cells = " ".join(re.sub("[│┃]", " ", out).split())  # a cell wrapped over two lines reads as one
    assert "allowi" not in out.replace("allowing", "")  # no word cut in two
    assert "Turkey protested against the accord on Tuesday, officials said in Ankara, allowing no…" in cells
    assert "17 Nov (year not stated)" in out and "--11-17" not in out
    assert cli.main(["events", "--country", "GRC", "--db", str(db), "--json"]) == 0
    dates = [json.loads(line)["date"] for line in capsys.readouterr().out.splitlines()]
    assert dates == ["2023-05-01", "2023-05-02", "--11-17", None]  # dated first; JSON keeps the raw value
