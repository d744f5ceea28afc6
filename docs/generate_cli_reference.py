"""Write docs/cli.md from the argparse parser: `accord --help`, every subcommand's help, every setting.

    python docs/generate_cli_reference.py            # rewrite docs/cli.md
    python docs/generate_cli_reference.py --check    # exit 1 when docs/cli.md is out of date

tests/test_docs.py::test_cli_reference_is_current calls render() and compares.
"""
from __future__ import annotations

import argparse
import functools
import sys
from dataclasses import fields
from pathlib import Path

from accord.cli import build_parser
from accord.settings import Settings

OUT = Path(__file__).resolve().parent / "cli.md"
#: a fixed width, so that the text does not depend on the terminal it is generated in
WIDTH = 88


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subcommand parsers of `parser`, in the order they were added."""
    for action in parser._actions:  # argparse exposes subparsers only through this private list
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def command_help(parser: argparse.ArgumentParser) -> dict[str, str]:
    """One-line help of each subcommand, as the top-level help lists it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {a.dest: a.help or "" for a in action._choices_actions}
    return {}


def _help_text(parser: argparse.ArgumentParser) -> str:
    parser.formatter_class = functools.partial(argparse.HelpFormatter, width=WIDTH)  # type: ignore[assignment]
    return parser.format_help().rstrip()


def render() -> str:
    """The Markdown of docs/cli.md."""
    parser = build_parser()
    subs = subcommands(parser)
    helps = command_help(parser)
    out = [
        "# Command-line reference",
        "",
        "Generated from `accord.cli.build_parser()` by `python docs/generate_cli_reference.py`;",
        "do not edit by hand (`tests/test_docs.py` fails when this file is out of date).",
        "Every command also takes the global `--config FILE` before its name:",
        "`accord --config accord.toml events --dyad AZE-ITA`.",
        "",
        "| command | what it does |",
        "|---|---|",
        *(f"| [`accord {name}`](#accord-{name}) | {helps.get(name, '')} |" for name in subs),
        "| [settings](#settings) | every setting, its default and its environment variable |",
        "",
        "## accord",
        "",
        "```text",
        _help_text(parser),
        "```",
    ]
    for name, sub in subs.items():
        out += ["", f"## accord {name}", "", "```text", _help_text(sub), "```"]
    out += [
        "",
        "## Settings",
        "",
        "Every command reads its settings from the defaults below, then `accord.toml` in the",
        "current folder (or the file given by `--config`, table `[accord]`), then environment",
        "variables `ACCORD_<NAME>`; command-line options (`--db`, `--pipeline`) win over all",
        "three. `accord settings` prints the values in effect.",
        "",
        "| setting | default | environment variable | meaning |",
        "|---|---|---|---|",
    ]
    defaults = Settings()
    for f in fields(Settings):
        out.append(f"| `{f.name}` | `{getattr(defaults, f.name)!s}` | `ACCORD_{f.name.upper()}` | {Settings.help()[f.name]} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description="Write docs/cli.md from the accord command's parser.")
    args.add_argument("--check", action="store_true", help="only check that docs/cli.md is current")
    check = args.parse_args(argv).check
    text = render()
    if check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date: run python docs/generate_cli_reference.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
