"""Score accord on the wire-style sentence sets in bench/wire with ../shared/eval/score.py.

Each set is JSON Lines: {"id", "text", "type", "source", "target", "note"}, one invented
sentence in wire-service style per line, written for this project by a separate author who
never saw accord's code, labelled by the PLOVER manual and FORMAT.md (UNO, EUR, IGO, NGO).
The script writes each sentence as an article and each label as a gold file (one event,
`exhaustive: false`, dates not scored), runs `accord extract` and the shared scorer, and
prints the scorer's figures.

    .venv/bin/python bench/score_wire.py [bench/wire/set_a.jsonl ...] [--show]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def gold_record(row: dict) -> dict:
    actor = lambda code: {"country": code, "sectors": [], "name": None} if code else None  # noqa: E731
    return {"doc_id": row["id"], "published": None, "exhaustive": False, "date_scored": False, "facts": [],
            "events": [{"id": "e1", "type": row["type"], "mode": None, "source": actor(row["source"]),
                        "target": actor(row.get("target")), "date": None, "evidence": row["text"],
                        "directed": False}]}


def score(path: Path, show: bool) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory(prefix="accord-wire-") as tmp:
        texts, gold = Path(tmp, "texts"), Path(tmp, "gold")
        texts.mkdir()
        gold.mkdir()
        for row in rows:
            (texts / f"{row['id']}.txt").write_text(row["text"] + "\n", encoding="utf-8")
            (gold / f"{row['id']}.json").write_text(json.dumps(gold_record(row)), encoding="utf-8")
        pred = Path(tmp, "pred.jsonl")
        subprocess.run([sys.executable, "-m", "accord.cli", "extract", str(texts), "-o", str(pred), "--quiet"], check=True)
        print(f"## {path.name}: {len(rows)} sentences")
        subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), *(["--show"] if show else [])],
                       check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", type=Path, default=sorted((ROOT / "bench" / "wire").glob("*.jsonl")))
    ap.add_argument("--show", action="store_true", help="list every miss (the scorer's --show)")
    args = ap.parse_args()
    for path in args.sets:
        score(path, args.show)


if __name__ == "__main__":
    main()
