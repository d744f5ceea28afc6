"""Check that a refactor leaves accord's output byte-identical on the reference inputs.

Runs `accord extract` on six inputs — the seeds, plover_dev, realnews_dev, the Wikinews
corpus and the two wire sentence sets (each sentence written as one .txt article, as
bench/score_wire.py does), plus bench/identity_probe.txt — and `accord explain` (the user's
trace) on plover_dev, set_b and the probe,
into OUT; then, if --against names a folder made the same way (e.g. before the change),
compares file by file and prints which differ and where.

    .venv/bin/python bench/identity.py /tmp/before                    # reference
    .venv/bin/python bench/identity.py /tmp/after --against /tmp/before
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
INPUTS = {
    "seeds": SHARED / "corpus" / "seeds",
    "plover_dev": SHARED / "eval" / "plover_dev" / "texts",
    "realnews_dev": SHARED / "eval" / "realnews_dev" / "texts",
    "wikinews": SHARED / "corpus" / "wikinews" / "articles.jsonl",
    "wire_a": ROOT / "bench" / "wire" / "set_a.jsonl",
    "wire_b": ROOT / "bench" / "wire" / "set_b.jsonl",
    # one article of invented sentences that reach the coder's rarer paths (every recoding rule, modality, roles)
    "probe": ROOT / "bench" / "identity_probe.txt",
}


def sentences_as_texts(path: Path, folder: Path) -> Path:
    """Write each wire sentence as its own article, the way bench/score_wire.py does."""
    folder.mkdir()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            (folder / f"{row['id']}.txt").write_text(row["text"] + "\n", encoding="utf-8")
    return folder


EXPLAINED = ("plover_dev", "wire_b", "probe")  # explain is slower (one article at a time): two sets suffice


def extract(source: Path, output: Path) -> None:
    subprocess.run([sys.executable, "-m", "accord.cli", "extract", str(source), "-o", str(output), "--quiet"],
                   check=True)


def explain(source: Path, output: Path) -> None:
    with output.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, "-m", "accord.cli", "explain", str(source)], check=True, stdout=out)


def outputs(names: list[str]) -> list[str]:
    return [f"{n}.jsonl" for n in names] + [f"{n}.explain.txt" for n in names if n in EXPLAINED]


def regenerate(out: Path, names: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="accord-identity-") as tmp:
        for name in names:
            source = INPUTS[name]
            if name.startswith("wire_"):
                source = sentences_as_texts(source, Path(tmp, name))
            extract(source, out / f"{name}.jsonl")
            if name in EXPLAINED:
                explain(source, out / f"{name}.explain.txt")


def compare(out: Path, against: Path, names: list[str]) -> bool:
    same = True
    for name in outputs(names):
        new, old = (out / name).read_bytes(), (against / name).read_bytes()
        if new == old:
            print(f"{name:24} identical ({len(new.splitlines())} lines, {len(new)} bytes)")
            continue
        same = False
        new_lines, old_lines = new.splitlines(), old.splitlines()
        first = next((i for i, (a, b) in enumerate(zip(new_lines, old_lines)) if a != b),
                     min(len(new_lines), len(old_lines)))
        print(f"{name:24} DIFFERS: {len(new_lines)} lines vs {len(old_lines)}; first difference at line {first + 1}")
    return same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="folder to write <name>.jsonl into")
    ap.add_argument("--against", type=Path, help="folder of earlier outputs to compare with")
    ap.add_argument("--only", nargs="+", choices=sorted(INPUTS), help="a subset of the inputs")
    args = ap.parse_args()
    names = args.only or list(INPUTS)
    regenerate(args.out, names)
    if args.against and not compare(args.out, args.against, names):
        sys.exit(1)


if __name__ == "__main__":
    main()
