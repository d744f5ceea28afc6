"""The date of an event, read the way news is annotated.

A time phrase dates the event when it hangs in the event's own clause: the trigger's words, less
the clauses of other verbs inside them ("warned ... that it may retaliate if ... on April 17": the
date is the condition's). With none there, the clause above speaks for it, step by step: the
statement that reports it ("said on Monday that ..."), the act it is the content of ("voted
yesterday on a resolution to expel ..."), the verb it is coordinated with. A future or intended
act is dated when it was said: from the first clause above it that is no future itself
("announced last Friday that on April 17 it would ..."). With no time phrase at all, news of the
day takes the publication date; background stays undated: a past perfect that is no reported
speech, "previously" or "already", a relative or past-participle clause describing an earlier
act, a clause "after" or "since" another, a noun marked past ("his recent visit").
"""
from __future__ import annotations

from typing import Any

from .. import dates
from ..model import QUAD_CLASS, FuzzyDate, Span
from ..vocabulary import Vocabulary
from .triggers import Hit

CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "pcomp", "conj"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})
_Mention = tuple[dates.DateMention, Any]  # a date phrase and its span in the parse


def event_date(hit: Hit, sent: Any, modality: str, reference: FuzzyDate | None, article_id: str,
               words: Vocabulary) -> FuzzyDate | None:
    """The date phrase that dates the event, resolved against the reference; else the reference for news of the day."""
    mentions = _mentions(sent)
    steps = _climb(hit)
    future = modality == "future"
    start = _statement(steps, words) if future else 0
    if start is None:
        return reference  # "X will visit Y next week": said in the report itself
    for n, (head, below) in enumerate(steps[start:], start):
        if n > start and _sets_apart(head, below, words, future=future):
            return None  # background: a description or another time, and nothing dated it
        found = _clause_date(head, mentions, reference, words)
        if found is None and n == len(steps) - 1:
            # "X attacked Y on Monday, the ministry said on Tuesday": the report hung beside the act
            beside = (_clause_date(r, mentions, reference, words) for r in _reports_beside(steps, words))
            found = next(filter(None, beside), None)
        if found is not None:
            span, date = found
            return dates.with_span(date, Span(article_id, span.start_char, span.end_char, span.text))
    if reference is None or _background(hit, steps, start, modality, words):
        return None
    return reference


def _mentions(sent: Any) -> list[_Mention]:
    """The date phrases of a sentence with their spans."""
    out = []
    for m in dates.find_dates(sent.text):
        span = sent.doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
        if span is not None:
            out.append((m, span))
    return out


def _climb(hit: Hit) -> list[tuple[Any, Any]]:
    """The clauses from the trigger up to the root: (head token, the token below it the way came through)."""
    t = hit.token
    steps: list[tuple[Any, Any]] = [(t, None)]
    for _ in range(12):
        up = t.head
        while up.head.i != up.i and up.pos_ not in ("VERB", "AUX"):
            up = up.head
        if up.i == t.i:
            break
        steps.append((up, t))
        t = up
    return steps


def _statement(steps: list[tuple[Any, Any]], words: Vocabulary) -> int | None:
    """Where a future act was said: the first clause on the way up that is finite and no future or condition
    itself ("plans to", "agreed to", "announced that ... would"); None where the report says it itself."""
    for n, (head, below) in enumerate(steps):
        if head.pos_ not in ("VERB", "AUX") or _condition(head, words):
            continue
        kids = _aux(head)
        if kids & words.future_auxiliaries:
            continue
        if head.tag_ in FINITE or kids:
            return n
    return None


def _clause_date(head: Any, mentions: list[_Mention], reference: FuzzyDate | None,
                 words: Vocabulary) -> tuple[Any, FuzzyDate] | None:
    """The first date phrase that hangs in the clause of `head` and can date what it states."""
    future = bool(_aux(head) & words.future_auxiliaries)
    years = dates.stated_years([m for m, _ in mentions])
    for m, span in mentions:
        if not _attaches(span, head, words):
            continue
        date = dates.resolve(m, reference, future=future, years=years)
        if date is None or (not future and dates.is_after(date, reference)):
            continue  # "has promised to ask next year": a time to come dates no past or present act
        return span, date
    return None


def _attaches(span: Any, head: Any, words: Vocabulary) -> bool:
    """Whether a date phrase hangs in the clause of `head`: the way up meets no other clause and no other
    noun ("condemned Moscow over the death of X last week": last week dates the death), but a noun that
    frames the time ("during the visit in February 2020"), a time noun ("on the morning of May 2"), or
    the subject the parse hung it on ("The Community (EC) yesterday warned ...")."""
    t = span.root
    for _ in range(16):
        if t.i == head.i:
            return True
        up = t.head
        if up.i == t.i:
            return False
        if t.i != span.root.i and t.dep_ in CLAUSES and t.pos_ in ("VERB", "AUX") \
                and not (t.dep_ in ("relcl", "acl") and up.i == head.i and head.pos_ in ("NOUN", "PROPN")):
            return False  # another clause; but an event noun's own relative clause tells when it took place
        if up.i != head.i and up.pos_ in ("NOUN", "PROPN") and not (span.start <= up.i < span.end):
            framed = up.dep_ == "pobj" and up.head.lower_ in words.frame_prepositions
            subject = t.i == span.root.i and t.dep_ in ("appos", "npadvmod") and up.dep_ in ("nsubj", "nsubjpass") \
                and up.head.i == head.i
            if not (framed or subject or up.lemma_.lower() in words.time_nouns):
                return False
        t = up
    return False


def _sets_apart(head: Any, below: Any, words: Vocabulary, *, future: bool) -> bool:
    """Whether the clause `below` tells of another time than `head`, so that head's date is not its date:
    a relative clause ("an agreement that X signed"), a past participle describing a noun ("laws passed
    by Congress"), a clause "after"/"since" another, an act marked earlier ("had previously agreed", "his
    recent visit", "the first country to recognise"). What a future act's relative clause says was agreed
    is dated with the agreement."""
    dep = below.dep_
    marks = {c.lower_ for c in below.children if c.dep_ in ("mark", "advmod")}
    if marks & words.background_marks:
        return True
    if below.pos_ in ("NOUN", "PROPN") and any(c.lower_ in words.past_marks for c in below.children if c.dep_ == "amod"):
        return True
    if dep == "relcl":
        return not future and not marks & words.scene_relatives
    if dep == "acl" and below.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("nsubj", "mark", "aux") for c in below.children):
        return True  # a participle, not the content clause of "reports that it intended to ..."
    if dep in ("advcl", "pcomp") and (marks | {below.head.lower_}) & words.sequence_marks \
            and (below.tag_ in FINITE or any(c.dep_ in ("nsubj", "nsubjpass") for c in below.children)):
        return True  # "two years after Russia launched ...", but "after meeting Putin, Xi said" is one story
    if dep == "acl":
        return any(c.dep_ == "amod" and c.lower_ in words.past_marks for c in below.head.children)
    return dep in ("advcl", "xcomp") and any(t.dep_ == "amod" and t.lower_ in words.past_marks
                                             for c in head.children if c.dep_ == "attr" for t in c.subtree)


def _background(hit: Hit, steps: list[tuple[Any, Any]], start: int, modality: str, words: Vocabulary) -> bool:
    """No time phrase: whether the act is background rather than news of the day: marked earlier ("his recent
    visit", "had previously agreed"), a state ("a banned group"), a past perfect or a perfect progressive that
    no past reporting verb backshifted ("had been going on"), a deed in the present perfect ("has supplied
    weapons": a statement in it, "has warned", is news of the day)."""
    first = hit.token
    if first.pos_ in ("NOUN", "PROPN") and any(c.lower_ in words.past_marks for c in first.children if c.dep_ == "amod"):
        return True
    if first.dep_ == "amod":
        return True
    verbs = [h for h, _ in steps[start:] if h.pos_ in ("VERB", "AUX")]
    if verbs and any(c.dep_ == "advmod" and c.lower_ in words.background_marks for c in verbs[0].children):
        return True
    tensed = next((v for v in verbs if v.tag_ in FINITE or _auxiliaries(v)), None)
    if tensed is None:
        return False
    have = next((a.tag_ for a in _auxiliaries(tensed) if a.lemma_ == "have"), None)
    progressive = tensed.tag_ == "VBG" and any(a.tag_ == "VBN" and a.lemma_ == "be" for a in _auxiliaries(tensed))
    if have == "VBD":
        return not _reported(tensed, steps, words)
    if have is not None:
        deed = QUAD_CLASS[hit.rule.type] in (2, 4) and modality == "fact"
        return progressive or deed  # "has refused to deploy troops" is a refusal said today, not a deed
    return False


def _auxiliaries(verb: Any) -> list[Any]:
    """The verb's auxiliaries (not "to"), also those the parse hung on another auxiliary ("has" under "been")."""
    kids = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return [t for c in kids for t in [c, *c.children] if t.dep_ in ("aux", "auxpass") and t.tag_ != "TO"]


def _aux(verb: Any) -> set[str]:
    return {a.lower_ for a in _auxiliaries(verb)}


def _reported(verb: Any, steps: list[tuple[Any, Any]], words: Vocabulary) -> bool:
    """ "Officials said the EC had asked ...": a past perfect backshifted by a past reporting verb is news."""
    for head, below in steps:
        if below is not None and (below.i == verb.i or below.is_ancestor(verb)) and below.dep_ in ("ccomp", "parataxis") \
                and _past(head):
            return True
    return any(_past(r) for r in _reports_beside(steps, words))


def _past(verb: Any) -> bool:
    """Told in the past: "said", "has said"."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in _auxiliaries(verb)))


def _reports_beside(steps: list[tuple[Any, Any]], words: Vocabulary) -> list[Any]:
    """Reporting verbs the parse hung beside the clauses of the way up ("..., officials said")."""
    path = {h.i for h, _ in steps}
    return [c for h, _ in steps for c in h.children if c.i not in path and c.dep_ in ("parataxis", "ccomp")
            and c.i > h.i and c.lemma_.lower() in words.reporting_verbs]


def _condition(verb: Any, words: Vocabulary) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in words.condition_marks for c in verb.children)
