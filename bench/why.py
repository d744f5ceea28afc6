"""Where each loss happens: every miss and false alarm of a dev set, attributed to a stage.

    .venv/bin/python bench/why.py [--set realnews|held|plover|seeds] [--examples 5] [--json]

Runs accord in-process over the set's texts, keeps each sentence's `accord explain` lines,
pairs predictions with gold by the shared scorer's own type+dyad matching, and puts every
required gold event that was missed, and every prediction that matched nothing, in one
bucket:

misses (required gold events not found at type+dyad)
  no trigger        no trigger of any kind fired in the gold event's sentence
  other-type only   triggers fired there, but only of other types, and none became this event
  dropped: REASON   a trigger of the right type fired and was dropped (no source, negated, ...)
  wrong source      an event of the right type was coded there with the target right, source wrong
  wrong target      ... with the source right and the target wrong or missing
  wrong both        ... with neither end right
  wrong type        an event with the right pair was coded there, of another type
  merged away       the right event was coded in another sentence of the article
  no sentence       the gold evidence could not be found in the text
false alarms (predictions matching no gold event, required or optional)
  type right, pair wrong   a gold event of that type is there, with another pair
  pair right, type wrong   a gold event of that pair is there, of another type
  gold has other    the sentence holds gold events, of other types and pairs
  self pair         source and target of the same country, and the gold has none such there
  no gold event     the gold codes nothing in that sentence (not political, not an event)

Counts per bucket, then the worst examples of each. The realnews split is the one of
bench/score_all.py (`held` is the held-out quarter: run it only to report a figure).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def _load(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


scorer = _load("score", EVAL / "score.py")
score_all = _load("score_all", ROOT / "bench" / "score_all.py")

LINE = re.compile(r"^'(?P<tok>.*?)' \((?P<kind>\w+), rule (?P<rule>\S+) -> (?P<type>[A-Z]+)[^)]*\): (?P<what>.*)$")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def extract(texts: Path) -> tuple[dict[str, list[dict]], dict[str, list[tuple[int, int, list[str]]]], dict[str, str]]:
    """Predicted event records, explain lines per sentence span, and the text of each article."""
    from accord import pipeline
    from accord.exports import extraction_records
    from accord.ingest import read_articles
    from accord.model import Article

    preds: dict[str, list[dict]] = defaultdict(list)
    trace: dict[str, list[tuple[int, int, list[str]]]] = defaultdict(list)
    texts_by_id: dict[str, str] = {}
    articles = [a for a in read_articles(texts) if isinstance(a, Article)]
    for x in pipeline.run(articles):
        doc_id = Path(x.article.path or x.article.id).stem
        texts_by_id[doc_id] = x.article.text
        for rec in extraction_records(x):
            if rec.get("kind") == "event":
                preds[doc_id].append(rec)
        for ex in x.explanations:
            trace[doc_id].append((ex.sentence.start, ex.sentence.end, list(ex.lines)))
    return preds, trace, texts_by_id


def _sentence_of(evidence: str, text: str, trace: list[tuple[int, int, list[str]]]) -> tuple[int, int] | None:
    """The character span of the sentence holding the gold evidence (or its first words)."""
    norm_text = text
    for probe in (evidence, evidence[:60], evidence[:30]):
        probe = probe.strip()
        if len(probe) < 8:
            continue
        at = norm_text.find(probe)
        if at < 0:
            at = norm_text.lower().find(probe.lower())
        if at >= 0:
            for s, e, _ in trace:
                if s <= at < e:
                    return s, e
            return at, at + len(probe)
    return None


def _pred_span(p: dict) -> tuple[int, int]:
    span = p.get("evidence_span") or [-1, -1]
    return span[0], span[1]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _ends(item: dict) -> tuple[str, str]:
    return scorer.country(item.get("source")), scorer.country(item.get("target"))


def classify_miss(g: dict, preds: list[dict], sent: tuple[int, int] | None, lines: list[str]) -> str:
    if sent is None:
        return "no sentence"
    here = [p for p in preds if _overlaps(_pred_span(p), sent)]
    same_type = [p for p in here if p["type"] == g["type"] or p["type"] in g.get("also_types", [])]
    gs, gt = _ends(g)
    if any(scorer.dyad(p) == scorer.dyad(g) for p in here):
        return "wrong type"
    if same_type:
        best = "wrong both"
        for p in same_type:
            ps, pt = _ends(p)
            if {ps, pt} & {gs, gt}:
                if ps in (gs, gt) and pt not in (gs, gt):
                    best = "wrong target" if pt != "-" else "missing target"
                elif pt in (gs, gt):
                    best = "wrong source"
        return best
    fired = [m.groupdict() for m in (LINE.match(line.strip().lstrip("- ")) for line in lines) if m]
    right = [f for f in fired if f["type"] == g["type"]]
    dropped = [f["what"] for f in right if f["what"].startswith("dropped")]
    if any(p["type"] == g["type"] and scorer.dyad(p) == scorer.dyad(g) for p in preds):
        return "merged away"
    if dropped:
        reason = dropped[0].split(",", 1)[1].strip() if "," in dropped[0] else dropped[0]
        return "dropped: " + re.sub(r"'[^']*'", "'…'", reason)[:50]
    if right:
        return "right type, lost later"
    if fired:
        return "other-type only"
    return "no trigger"


def classify_alarm(p: dict, gold_here: list[dict]) -> str:
    ps, pt = _ends(p)
    if any(g["type"] == p["type"] or p["type"] in g.get("also_types", []) for g in gold_here):
        return "type right, pair wrong" + (" (self pair)" if ps == pt else "")
    if any(scorer.dyad(g) == scorer.dyad(p) for g in gold_here):
        return "pair right, type wrong"
    if gold_here:
        return "gold has other" + (" (self pair)" if ps == pt else "")
    if ps == pt:
        return "self pair"
    return "no gold event"


def _line_of(p: dict, lines: list[str]) -> str:
    """The explain line that produced a predicted event (same trigger word, rule and type)."""
    rule = (p.get("rule") or "").split("+")[0]
    for line in lines:
        m = LINE.match(line.strip().lstrip("- "))
        if m and m["tok"] == p.get("trigger") and m["rule"] == rule and m["what"].startswith(p["type"]):
            return m["what"]
    return ""


def analyse(gold_dir: Path, texts: Path, tags: list[str] | None = None) -> dict[str, Any]:
    gold, _pairs = scorer.load_gold(gold_dir)
    preds, trace, texts_by_id = extract(texts)
    misses: Counter[str] = Counter()
    alarms: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    tagged: dict[str, Counter[str]] = {t: Counter() for t in tags or []}
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for doc_id, doc in sorted(gold.items()):
        ps = preds.get(doc_id, [])
        items = doc.get("events", [])
        table = scorer.score_items(items, ps, scorer.event_level, len(scorer.EVENT_LEVELS))
        _tp, _fp, _fn, matched, missed, alarm_list = table[1]
        text = texts_by_id.get(doc_id, "")
        sents = {id(g): _sentence_of(g.get("evidence", ""), text, trace[doc_id]) for g in items}
        for g in missed:
            sent = sents[id(g)]
            lines = [line for s, e, ls in trace[doc_id] if sent and _overlaps((s, e), sent) for line in ls]
            why = classify_miss(g, ps, sent, lines)
            misses[why] += 1
            src, tgt = _ends(g)
            examples["miss " + why].append(f"{doc_id} {g['type']} {src}->{tgt} | {g.get('evidence', '')[:110]}")
        false = {id(p) for p in alarm_list}
        for p in ps:
            by_rule[(p.get("rule") or "?").split("+")[0]]["false" if id(p) in false else "right"] += 1
            span = _pred_span(p)
            line = _line_of(p, [x for s, e, ls in trace[doc_id] if _overlaps((s, e), span) for x in ls])
            for tag in tagged:
                if tag in line:
                    tagged[tag]["false" if id(p) in false else "right"] += 1
                    if id(p) in false:
                        examples["tag " + tag].append(f"{doc_id} {p['type']} {_ends(p)} | {p.get('evidence', '')[:100]!r}")
        for p in alarm_list:
            span = _pred_span(p)
            here = [g for g in items if sents[id(g)] and _overlaps(sents[id(g)], span)]
            why = classify_alarm(p, here)
            alarms[why] += 1
            src, tgt = _ends(p)
            examples["alarm " + why].append(f"{doc_id} {p['type']} {src}->{tgt} [{p.get('rule')}:{p.get('trigger')}]"
                                            f" | {p.get('evidence', '')[:110]!r}")
    return {"misses": dict(misses.most_common()), "alarms": dict(alarms.most_common()), "examples": examples,
            "tags": {t: dict(c) for t, c in tagged.items()}, "rules": {r: dict(c) for r, c in by_rule.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="realnews", choices=["realnews", "held", "plover", "seeds", "set_a", "set_b"])
    ap.add_argument("--examples", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--rules", action="store_true", help="right and false predictions per trigger rule")
    ap.add_argument("--tag", action="append", default=[],
                    help="count right and false predictions whose explain line holds this text (e.g. 'by default')")
    args = ap.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="accord-why-") as tmp:
        texts, gold = score_all.sets(Path(tmp))[args.set]
        result = analyse(gold, texts, args.tag)
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "examples"}, indent=1))
        return
    if args.rules:
        print("## predictions per rule (right/false), most false first")
        for rule, c in sorted(result["rules"].items(), key=lambda kv: (-kv[1].get("false", 0), kv[0])):
            print(f"  {rule:28} {c.get('right', 0):3d} {c.get('false', 0):3d}")
    for tag, counts in result["tags"].items():
        print(f"## predictions explained by {tag!r}: {counts.get('right', 0)} right, {counts.get('false', 0)} false")
    for kind in ("misses", "alarms"):
        total = sum(result[kind].values())
        print(f"## {kind}: {total}")
        for why, n in result[kind].items():
            print(f"  {n:4d}  {why}")
    if args.examples:
        for key, rows in sorted(result["examples"].items()):
            print(f"\n### {key} ({len(rows)})")
            for row in rows[: args.examples]:
                print("  " + row)


if __name__ == "__main__":
    sys.exit(main())
