"""Score accord on every evaluation set in ../shared/eval with the shared scorer, in one run.

    .venv/bin/python bench/score_all.py [--sets seeds,plover,realnews,held,wire] [--show SET] [--out DIR]

realnews_dev is split in two by a hash of each article's id: `realnews` (about three
quarters, the development part whose misses are read) and `held` (the rest, kept unread
and scored only to report a figure). The split never changes: an article is held out when
the SHA-1 of its id is divisible by 4. The clusters file is cut to the pairs inside each
part. Prints one line per set and level (P, R, F1, tp/fp/fn); `--json` prints them as JSON.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SCORER = EVAL / "score.py"


def held_out(doc_id: str) -> bool:
    """The fixed held-out quarter of realnews_dev."""
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 4 == 0


def _subset(tmp: Path, name: str, keep) -> tuple[Path, Path]:
    """A texts folder and gold folder holding the realnews_dev articles `keep` accepts."""
    src = EVAL / "realnews_dev"
    texts, gold = tmp / name / "texts", tmp / name / "gold"
    texts.mkdir(parents=True)
    gold.mkdir()
    ids = set()
    for path in sorted((src / "texts").glob("*.txt")):
        if keep(path.stem):
            ids.add(path.stem)
            shutil.copy(path, texts / path.name)
            shutil.copy(src / "gold" / f"{path.stem}.json", gold / f"{path.stem}.json")
    pairs = json.loads((src / "gold" / "clusters.json").read_text())["same_as"]
    inside = [p for p in pairs if all(ref.split(":")[0] in ids for ref in p)]
    (gold / "clusters.json").write_text(json.dumps({"same_as": inside}))
    return texts, gold


def _wire(tmp: Path, name: str) -> tuple[Path, Path]:
    """A folder of texts and gold for one wire-style sentence set of bench/wire (see bench/score_wire.py)."""
    spec = importlib.util.spec_from_file_location("score_wire", ROOT / "bench" / "score_wire.py")
    score_wire = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(score_wire)  # type: ignore[union-attr]
    texts, gold = tmp / name / "texts", tmp / name / "gold"
    texts.mkdir(parents=True)
    gold.mkdir()
    for line in (ROOT / "bench" / "wire" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            (texts / f"{row['id']}.txt").write_text(row["text"] + "\n", encoding="utf-8")
            (gold / f"{row['id']}.json").write_text(json.dumps(score_wire.gold_record(row)), encoding="utf-8")
    return texts, gold


class _Sets(dict):
    """Set name -> (texts, gold), built when first asked for."""

    def __init__(self, tmp: Path) -> None:
        super().__init__()
        self.tmp = tmp

    def __missing__(self, name: str) -> tuple[Path, Path]:
        built = {
            "seeds": lambda: (ROOT.parent / "shared" / "corpus" / "seeds", EVAL / "gold"),
            "plover": lambda: (EVAL / "plover_dev" / "texts", EVAL / "plover_dev" / "gold"),
            "realnews": lambda: _subset(self.tmp, "realnews", lambda d: not held_out(d)),
            "held": lambda: _subset(self.tmp, "held", held_out),
            "realnews_all": lambda: (EVAL / "realnews_dev" / "texts", EVAL / "realnews_dev" / "gold"),
            "set_a": lambda: _wire(self.tmp, "set_a"),
            "set_b": lambda: _wire(self.tmp, "set_b"),
        }[name]()
        self[name] = built
        return built


def sets(tmp: Path) -> dict[str, tuple[Path, Path]]:
    return _Sets(tmp)


def run(name: str, texts: Path, gold: Path, tmp: Path, show: bool) -> dict:
    pred = tmp / f"{name}.jsonl"
    subprocess.run([sys.executable, "-m", "accord.cli", "extract", str(texts), "-o", str(pred), "--quiet"], check=True)
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--json"],
                         check=True, capture_output=True, text=True).stdout
    if show:
        print(subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--show"],
                             check=True, capture_output=True, text=True).stdout)
    return json.loads(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="seeds,plover,realnews,held",
                    help="any of seeds, plover, realnews, held, realnews_all, set_a, set_b")
    ap.add_argument("--show", default="", help="comma-separated sets whose misses to list")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--out", type=Path, help="keep the predictions in this folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="accord-score-") as t:
        tmp = Path(t)
        table = sets(tmp)
        results = {}
        for name in args.sets.split(","):
            texts, gold = table[name]
            results[name] = run(name, texts, gold, tmp, name in args.show.split(","))
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                shutil.copy(tmp / f"{name}.jsonl", args.out / f"{name}.jsonl")
        if args.json:
            print(json.dumps(results, indent=1))
            return
        for name, res in results.items():
            for level, fig in res["figures"].items():
                if fig is None:
                    continue
                tp, fp, fn = res["counts"].get(level.replace("events", "event").replace("facts", "fact"), ("", "", ""))
                print(f"{name:12} {level:20} P {fig[0]:.3f} R {fig[1]:.3f} F1 {fig[2]:.3f}  {tp}/{fp}/{fn}")

if __name__ == "__main__":
    main()
