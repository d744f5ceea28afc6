"""Records as JSON-ready dicts: the canonical shape of an event and a fact, written once.

The store keeps these records, and the exports and the extraction output write them; both import
them from here, so that neither depends on the other.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .model import Actor, Event, Extraction, Fact


def actor_record(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"country": actor.country, "sectors": list(actor.sectors),
            "name": actor.label if actor.kind in ("person", "organisation") else None,
            "role": actor.role, "kind": actor.kind}


def event_record(e: Event) -> dict[str, Any]:
    """The canonical record of an event: the evaluation fields (FORMAT.md) and everything else."""
    return {
        "doc_id": e.article_id, "kind": "event", "id": e.id, "type": e.type, "mode": e.mode, "cameo": e.cameo,
        "contexts": list(e.contexts), "source": actor_record(e.source), "target": actor_record(e.target),
        "directed": e.directed,
        "date": e.date.value if e.date else None, "date_precision": e.date.precision if e.date else None,
        "date_text": e.date.raw if e.date else None,
        "location": e.location.country if e.location else None,
        "place": e.location.place if e.location else None,
        "location_how": e.location.how if e.location else None,
        "lat": e.location.lat if e.location else None, "lon": e.location.lon if e.location else None,
        "geonameid": e.location.geonameid if e.location else None,
        "evidence": e.evidence.text, "evidence_span": [e.evidence.start, e.evidence.end],
        "more_evidence": [[s.start, s.end, s.text] for s in e.extra_evidence],
        "trigger": e.trigger.text, "trigger_span": [e.trigger.start, e.trigger.end],
        "rule": e.rule, "confidence": e.confidence,
    }


def fact_record(f: Fact) -> dict[str, Any]:
    return {
        "doc_id": f.article_id, "kind": "fact", "id": f.id, "fact_type": f.fact_type, "metric": f.metric,
        "holder": f.holder, "counterpart": f.counterpart, "value": f.value, "unit": f.unit, "qualifier": f.qualifier,
        "alt_value": f.alt_value, "alt_unit": f.alt_unit,
        "date": f.date.value if f.date else None,
        "evidence": f.evidence.text, "evidence_span": [f.evidence.start, f.evidence.end],
        "span": [f.span.start, f.span.end], "text": f.span.text,
    }


def extraction_records(x: Extraction) -> Iterable[dict[str, Any]]:
    for e in x.events:
        yield event_record(e)
    for f in x.facts:
        yield fact_record(f)
