"""Merging mentions: one event told in several sentences, or twice in one, becomes one event."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..model import QUAD_CLASS, Event
from .confidence import corroborated


def merge_mentions(events: list[Event]) -> list[Event]:
    """One event reported in several sentences of an article becomes one event with every evidence span."""
    out: list[Event] = []
    for e in events:
        key = _merge_key(e)
        # ... and within one sentence, acts of one type between the same countries are one event
        # ("gunmen killed two policemen and wounded five civilians")
        same = next((i for i, o in enumerate(out) if (_merge_key(o) == key and _retold(o, e)) or (
            o.evidence.start == e.evidence.start and o.type == e.type and _countries(o) == _countries(e))), None)
        dated = None
        if same is None:
            # "US forces kill general" (headline, no date stated) and "Thursday, US forces killed the general":
            # one act by one rule between the same parties, dated where one mention states the date
            # ... or by a definite noun naming it again ("Thursday, US forces killed the general" and,
            # undated, "the airstrike was carried out at the airport")
            same = next((i for i, o in enumerate(out) if o.type == e.type
                         and (o.rule == e.rule or _definite(e if _stated(o) else o))
                         and _countries(o) == _countries(e) and None not in _countries(e)
                         and _stated(o) != _stated(e)), None)
            dated = e.date if same is not None and _stated(e) else None
        if same is None:
            out.append(e)
        else:
            o = out[same]
            out[same] = replace(o, extra_evidence=o.extra_evidence + (e.evidence,),
                                confidence=corroborated(o.confidence, e.confidence), date=dated or o.date)
    return out


def _stated(e: Event) -> bool:
    """The mention's date is stated in its text, not the report's own."""
    return e.date is not None and e.date.span is not None


def _retold(first: Event, later: Event) -> bool:
    """Two sentences tell one event, not two acts of one day: the same trigger word, a definite noun
    that names it again ("the meeting", "these talks"), or a date the text states for both
    ("Howard accused Japan" and "Howard voiced concern over Tokyo" are two)."""
    if first.trigger.text.lower() == later.trigger.text.lower() or _named_again(later):
        return True
    if QUAD_CLASS[first.type] == 3:
        return False  # two demands or warnings of one day are two statements, each with its words
    return _stated(first) and _stated(later)


_DEFINITE = ("the", "this", "that", "these", "those", "its", "their", "his", "her")


def _named_again(e: Event) -> bool:
    """A meeting or an agreement named again: a noun after a definite word, within three words
    ("during the meeting"); statements and acts of force are each their own."""
    return QUAD_CLASS[e.type] == 1 and _definite(e)


def _definite(e: Event) -> bool:
    """The trigger is a noun after a definite word, within three words ("the talks", "its airstrike")."""
    before = e.evidence.text[: max(0, e.trigger.start - e.evidence.start)].split()[-3:]
    return e.trigger.text[:1].islower() and any(w.lower() in _DEFINITE for w in before)


def drop_self_comments(events: list[Event], sent: Any) -> list[Event]:
    """ "X hailed his visit to Y": a SUPPORT verb whose object is X's own event adds nothing."""
    doc = sent.doc
    by_trigger = {e.trigger.start: e for e in events}
    out = []
    for e in events:
        tok = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        objects = [c for c in tok.root.children if c.dep_ == "dobj"] if tok is not None else []
        inner = [by_trigger.get(c.idx) for c in objects]
        if e.type == "SUPPORT" and any(i is not None and i is not e and i.source.entity == e.source.entity for i in inner):
            continue
        out.append(e)
    return out


def _countries(e: Event) -> tuple[Any, ...]:
    ends = (e.source.country, e.target.country if e.target else None)
    return ends if e.directed else tuple(sorted(ends, key=str))


def _merge_key(e: Event) -> tuple[Any, ...]:
    ends = (e.source.entity, e.target.entity if e.target else None)
    if not e.directed:
        ends = tuple(sorted(ends, key=str))  # type: ignore[assignment]
    return (e.type, ends, e.date.value if e.date else None)
