"""Are gold event locations found? Of the gold events accord finds, how many have the right `location`.

    python bench/check_locations.py [GOLD_DIR TEXT_DIR]            # runs the pipeline (default: the seeds)
    python bench/check_locations.py GOLD_DIR --pred PRED.jsonl [--summary]

Each gold event (required or optional) that has a `location` is paired with the predicted
event of the same article, type (or one of its `also_types`) and country pair whose evidence
shares most words with it (at least half of the gold evidence's words); the figure is the
share of the paired gold events whose location accord got right. Gold events with no
predicted partner are counted apart ("not found"). `--summary` prints the figures only
(for a set whose details are kept unread, as the `held` quarter of realnews_dev).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

DEFAULT = Path(__file__).resolve().parents[2] / "shared"


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", (text or "").lower()))


def _pair(e: dict[str, Any]) -> tuple[str, ...]:
    return tuple(sorted(((e.get("source") or {}).get("country") or "-", (e.get("target") or {}).get("country") or "-")))


def _predicted_by_pipeline(text_dir: Path, wanted: set[str]) -> dict[str, list[dict[str, Any]]]:
    from accord.exports import event_record
    from accord.ingest import read_articles
    from accord.model import Article
    from accord.pipeline import run

    articles = [a for a in read_articles(text_dir) if isinstance(a, Article) and a.id in wanted]
    return {x.article.id: [event_record(e) for e in x.events] for x in run(articles)}


def _predicted_from_file(path: Path) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line) if line.strip() else {}
        if rec.get("kind") == "event":
            for doc in rec.get("doc_ids") or [rec["doc_id"]]:
                out.setdefault(Path(doc).stem, []).append(rec)
    return out


def check(gold: dict[str, Any], predicted: dict[str, list[dict[str, Any]]],
          located_only: bool = True) -> list[tuple[str, str, dict[str, Any], Any]]:
    """(doc_id, gold id, gold event, predicted location, "-" for none, or None when no event pairs with it)."""
    rows = []
    for doc_id, doc in sorted(gold.items()):
        for g in doc.get("events", []):
            if located_only and not g.get("location"):
                continue
            types = {g["type"], *g.get("also_types", [])}
            gw = _words(g["evidence"])
            cands = [p for p in predicted.get(doc_id, []) if p["type"] in types and _pair(p) == _pair(g)
                     and len(_words(p["evidence"]) & gw) >= 0.5 * len(gw)]
            best = max(cands, key=lambda p: len(_words(p["evidence"]) & gw), default=None)
            rows.append((doc_id, g["id"], g, None if best is None else (best["location"] or "-")))
    return rows


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT / "eval" / "gold")
    ap.add_argument("texts", nargs="?", type=Path, default=DEFAULT / "corpus" / "seeds")
    ap.add_argument("--pred", type=Path, help="predictions (accord extract's JSON Lines) instead of running the pipeline")
    ap.add_argument("--summary", action="store_true", help="print the figures only, no event")
    args = ap.parse_args(argv)
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in args.gold.glob("*.json") if p.stem != "clusters"}
    predicted = _predicted_from_file(args.pred) if args.pred else _predicted_by_pipeline(args.texts, set(gold))
    rows = check(gold, predicted)
    found = [r for r in rows if r[3] is not None]
    right = [r for r in found if r[3] == r[2]["location"]]
    if not args.summary:
        for doc_id, gid, g, got in rows:
            tag = "ok  " if got == g["location"] else ("MISS" if got is not None else "----")
            print(f"{tag} {doc_id} {gid} {g['type']}{' (opt)' if g.get('optional') else ''}: "
                  f"gold {g['location']}, got {got or 'no event'} | {g['evidence'][:100]}")
        print()
    print(f"locations right for {len(right)}/{len(found)} found gold events = {len(right) / max(len(found), 1):.3f} "
          f"({len(rows)} gold events with a location, {len(rows) - len(found)} not found)")
    req_found = [r for r in found if not r[2].get("optional")]
    req_right = [r for r in right if not r[2].get("optional")]
    print(f"required events only: {len(req_right)}/{len(req_found)} = {len(req_right) / max(len(req_found), 1):.3f}")
    every = [r for r in check(gold, predicted, located_only=False) if r[3] is not None]
    agree = [r for r in every if r[3] == (r[2].get("location") or "-")]
    print(f"all found gold events, 'no place' right where gold has none: {len(agree)}/{len(every)} = "
          f"{len(agree) / max(len(every), 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
