"""Are gold event locations found? (issue 10's check on ../shared/eval/gold)

    python bench/check_locations.py [GOLD_DIR TEXT_DIR]

Each gold event that has a `location` is paired with the predicted event of the same
article, type and country pair whose evidence shares most words with it; the figure is
the share of those gold events whose location accord got right.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from accord.exports import event_record
from accord.ingest import read_articles
from accord.model import Article
from accord.pipeline import run

DEFAULT = Path(__file__).resolve().parents[2] / "shared"


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", (text or "").lower()))


def _pair(e: dict) -> tuple[str, str]:
    return tuple(sorted(((e.get("source") or {}).get("country") or "-", (e.get("target") or {}).get("country") or "-")))  # type: ignore[return-value]


def main(argv: list[str]) -> int:
    gold_dir = Path(argv[0]) if argv else DEFAULT / "eval" / "gold"
    text_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT / "corpus" / "seeds"
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in gold_dir.glob("*.json") if p.stem != "clusters"}
    articles = [a for a in read_articles(text_dir) if isinstance(a, Article) and a.id in gold]
    predicted = {x.article.id: [event_record(e) for e in x.events] for x in run(articles)}
    total = right = 0
    for doc_id, doc in sorted(gold.items()):
        for g in doc.get("events", []):
            if not g.get("location"):
                continue
            total += 1
            types = {g["type"], *g.get("also_types", [])}
            cands = [p for p in predicted.get(doc_id, []) if p["type"] in types and _pair(p) == _pair(g)
                     and len(_words(p["evidence"]) & _words(g["evidence"])) >= 0.5 * len(_words(g["evidence"]))]
            best = max(cands, key=lambda p: len(_words(p["evidence"]) & _words(g["evidence"])), default=None)
            ok = best is not None and best["location"] == g["location"]
            right += ok
            got = best["location"] if best else "no event"
            print(f"{'ok  ' if ok else 'MISS'} {doc_id} {g['id']} {g['type']}: gold {g['location']}, got {got}")
    print(f"\nlocations right for {right}/{total} gold events with a location = {right / max(total, 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
