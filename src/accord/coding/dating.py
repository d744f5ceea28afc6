"""The date of an event: a date phrase of the trigger's clause, else of the reporting clause, else
the publication date for a past-tense act of the report's own news."""
from __future__ import annotations

from typing import Any

from .. import dates
from ..model import FuzzyDate, Span
from ..vocabulary import Vocabulary
from .triggers import Hit


def event_date(hit: Hit, sent: Any, modality: str, reference: FuzzyDate | None, article_id: str,
               words: Vocabulary) -> FuzzyDate | None:
    """The date phrase that dates the event, resolved against the reference; else the reference for news of the day."""
    mentions = dates.find_dates(sent.text)
    scope = {t.i for t in (hit.token.subtree if hit.kind == "noun" else hit.anchor.subtree)}
    if hit.kind == "noun" and hit.anchor is not hit.token:
        scope |= {c.i for c in hit.anchor.children if c.dep_ in ("npadvmod", "advmod", "prep") for c in c.subtree}
    reporting = {t.i for t in sent if t.lemma_.lower() in words.reporting_verbs for t in t.subtree} - scope
    chosen = None
    for where in (scope, reporting | scope):
        for m in mentions:
            span = sent.doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
            if span is not None and span.root.i in where and _dates_the(span, hit, words):
                chosen = (m, span)
                break
        if chosen:
            break
    if chosen:
        m, span = chosen
        resolved = dates.resolve(m, reference, future=modality == "future")
        if resolved:
            return dates.with_span(resolved, Span(article_id, span.start_char, span.end_char, span.text))
        return None
    if modality == "future" or reference is None:
        return None
    return _report_date(hit, reference, words)


def _report_date(hit: Hit, reference: FuzzyDate, words: Vocabulary) -> FuzzyDate | None:
    """No date phrase: the publication date, for a past act told as the report's news."""
    verb = hit.anchor
    if hit.kind == "noun" and any(c.lower_ in words.past_marks for c in hit.token.children):
        return None
    if verb.dep_ in ("relcl", "acl") and not any(c.lower_ in ("where", "when") for c in verb.children):
        return None  # "one of the countries that voiced support": a description, not news of the day
    if verb.dep_ == "advcl" and any(c.lower_ in ("after", "before", "since", "until") for c in verb.children if c.dep_ == "mark"):
        return None  # "two years after Russia launched its invasion": another time than the report's
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)):
        return reference
    return None


def _dates_the(span: Any, hit: Hit, words: Vocabulary) -> bool:
    """A date phrase dates the event unless it hangs from another noun on the way to the trigger
    ("condemned Moscow over the death of X last week": last week dates the death)."""
    t = span.root
    top = hit.token if hit.kind == "noun" else hit.anchor
    for _ in range(12):
        if t.i == top.i or t.head.i == t.i:
            return True
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and t.i != top.i and not (span.start <= t.i < span.end):
            # "during the visit in February 2020, X signed": a noun that frames the time passes it on
            if not (t.dep_ == "pobj" and t.head.lower_ in ("during", "amid", "throughout", "at")) \
                    and t.lemma_.lower() not in words.time_nouns:
                return False
    return True
