"""The docs stay true: the CLI reference is generated, every option has help, the walkthrough runs, links resolve."""
from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shlex
from pathlib import Path

import pytest

from accord.cli import build_parser
from accord.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _generator():
    spec = importlib.util.spec_from_file_location("generate_cli_reference", DOCS / "generate_cli_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current() -> None:
    current = (DOCS / "cli.md").read_text(encoding="utf-8")
    if _generator().render() != current:
        pytest.fail("docs/cli.md is out of date: run python docs/generate_cli_reference.py")


def test_cli_reference_covers_every_command() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name in _generator().subcommands(build_parser()):
        assert f"\n## accord {name}\n" in text


def test_every_command_and_argument_has_help() -> None:
    parser = build_parser()
    generator = _generator()
    commands = generator.command_help(parser)
    subs = generator.subcommands(parser)
    assert subs and set(commands) == set(subs)
    missing = [f"accord {name}" for name, text in commands.items() if not text.strip()]
    for prog, p in [("accord", parser), *((f"accord {n}", s) for n, s in subs.items())]:
        if not (p.description or "").strip():
            missing.append(f"{prog} (description)")
        for action in p._actions:
            if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                continue
            if not (action.help or "").strip() or action.help == argparse.SUPPRESS:
                missing.append(f"{prog} {'/'.join(action.option_strings) or action.dest}")
    assert not missing, f"no help text: {missing}"


def test_every_setting_has_help() -> None:
    helps = Settings.help()
    assert helps, "Settings has no fields"
    missing = [name for name, text in helps.items() if not text.strip()]
    assert not missing, f"settings without help: {missing}"


def _doc_outputs():
    spec = importlib.util.spec_from_file_location("doc_outputs", DOCS / "doc_outputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_walkthrough_runs(shared: Path) -> None:
    """Every ```python block of docs/walkthrough.md, in order, in one namespace, from a copy of the repo layout."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("matplotlib", reason="the walkthrough plots with matplotlib")
    outputs = _doc_outputs()
    text = (DOCS / "walkthrough.md").read_text(encoding="utf-8")
    with outputs.scratch() as work:
        namespace, printed = outputs.run_walkthrough(text)
        store = namespace.get("store")
        if store is not None:
            store.close()
        png = work / outputs.CHART
        assert png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(printed) >= 5 and all(printed[:3]), "the first blocks print what the doc quotes"

    events = namespace["events"]
    assert isinstance(events, pd.DataFrame) and len(events) > 0
    pairs = {frozenset((s, t)) for s, t in zip(events["source_country"], events["target_country"])}
    assert pairs == {frozenset(("AZE", "ITA"))}
    per_month = namespace["per_month"]
    assert "2023-01" in per_month.index
    assert int(per_month.sum()) + int(namespace["without_month"]) == len(events)
    clusters = namespace["fact_clusters"]
    assert (clusters["articles"].map(len) >= 2).any(), "no fact is stated by both seed articles"


def test_quoted_outputs_are_what_the_commands_print(shared: Path) -> None:
    """Every output the docs quote (`<!-- output: ... -->` blocks, the walkthrough's printed results) is what the
    command prints now; after a change to coding, `python docs/doc_outputs.py` rewrites them."""
    outputs = _doc_outputs()
    quoted = [d for d in outputs.docs() if outputs.DIRECTIVE.search(d.read_text(encoding="utf-8"))]
    assert {d.name for d in quoted} >= {"quickstart.md", "extending.md"}
    stale = outputs.stale()
    if stale:
        pytest.fail("\n\n".join(stale.values()) + "\n\nthe docs quote outputs their commands no longer print: "
                    "run python docs/doc_outputs.py")


def test_quoted_output_check_catches_a_changed_number(tmp_path: Path, monkeypatch) -> None:
    outputs = _doc_outputs()
    doc = tmp_path / "quick.md"
    doc.write_text("<!-- output: accord --version -->\n```text\naccord 0.0.0\n```\n", encoding="utf-8")
    monkeypatch.setattr(outputs, "docs", lambda: [doc])
    assert list(outputs.stale()) == [doc]
    assert outputs.write() == [doc] and not outputs.stale()
    assert "accord 0.0.0" not in doc.read_text(encoding="utf-8")


def _markdown_docs() -> list[Path]:
    return sorted(DOCS.glob("*.md"))


def test_index_links_every_doc() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\(([\w.-]+\.md)(?:#[\w-]*)?\)", index))
    expected = {p.name for p in _markdown_docs()} - {"index.md"}
    expected |= {"outputs.md", "reliability.md", "scale.md"}
    assert not expected - linked, f"docs/index.md does not link {sorted(expected - linked)}"


@pytest.mark.parametrize("doc", [p.name for p in _markdown_docs()])
def test_links_resolve(doc: str) -> None:
    """Relative links in the docs point to files that exist."""
    text = (DOCS / doc).read_text(encoding="utf-8")
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        if not (DOCS / target.split("#", 1)[0]).exists():
            broken.append(target)
    assert not broken, f"docs/{doc}: broken links {broken}"


@pytest.mark.parametrize("doc", ["quickstart.md", "extending.md"])
def test_documented_commands_parse(doc: str) -> None:
    """Every `accord ...` line in a shell block of the doc is a valid command line."""
    parser = build_parser()
    text = (DOCS / doc).read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        heredoc = None
        for line in block.splitlines():
            if heredoc is not None:
                heredoc = None if line.strip() == heredoc else heredoc
                continue
            marker = re.search(r"<<'?(\w+)'?", line)
            if marker:
                heredoc = marker.group(1)
                continue
            words = shlex.split(line.split(" #", 1)[0])
            while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):
                words = words[1:]  # ACCORD_USER_TRIGGERS=... accord explain ...
            if words and words[0] == "accord":
                commands.append(words[1:])
    assert commands, f"docs/{doc} shows no accord command"
    for argv in commands:
        try:
            parser.parse_args(argv)
        except SystemExit:
            pytest.fail(f"docs/{doc}: `accord {' '.join(argv)}` does not parse")
