"""How often accord finds the actor countries of gold events (issue 3's check).

    python bench/check_actors.py [GOLD_DIR TEXT_DIR]

For every gold event, its source and target countries must be among the countries of the
actors accord found in that article (anywhere, whatever the event coding did with them).
Prints the share of gold events whose countries are all found, and the misses.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from accord.ingest import read_articles
from accord.model import Article
from accord.pipeline import run

HERE = Path(__file__).resolve().parents[1]
DEFAULT = HERE.parent / "shared" / "eval" / "plover_dev"


def main(argv: list[str]) -> int:
    gold_dir = Path(argv[0]) if argv else DEFAULT / "gold"
    text_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT / "texts"
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in gold_dir.glob("*.json") if p.stem != "clusters"}
    articles = [a for a in read_articles(text_dir) if isinstance(a, Article) and a.id in gold]
    found = {x.article.id: {e.actor.country for e in x.entities if e.actor.country} for x in run(articles)}
    total = ok = 0
    misses = []
    for doc_id, doc in sorted(gold.items()):
        for ev in doc.get("events", []):
            want = {c for c in ((ev.get("source") or {}).get("country"), (ev.get("target") or {}).get("country")) if c}
            total += 1
            if want <= found.get(doc_id, set()):
                ok += 1
            else:
                misses.append(f"{doc_id}: want {sorted(want)}, found {sorted(found.get(doc_id, set()))}")
    print("\n".join(misses))
    print(f"\nactor countries found for {ok}/{total} gold events = {ok / total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
