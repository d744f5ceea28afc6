"""Facts: money, counts and percentages, each with its holder and counterpart country.

"770 million euros ($910.8M)" is one fact whose conversion is kept as an alternative value.
Currencies, magnitudes, qualifiers and the words of metrics are the vocabulary's (data/vocabulary.yaml).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import dates
from .actors import ArticleActors
from .model import Fact, FuzzyDate, Span
from .vocabulary import Vocabulary, load_vocabulary

_NUMBER = r"(?P<num>\d{1,3}(?:[,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
PERCENT = re.compile(rf"{_NUMBER}\s*(?:%|percent\b|per cent\b|pct\b)", re.I)
COUNT = re.compile(r"\b(?P<num>\d{1,3}(?:,\d{3})+|\d+)\b")


@dataclass(frozen=True)
class _Patterns:
    """The expressions a vocabulary's currencies, magnitudes and qualifiers make."""

    money: re.Pattern[str]
    qualifiers: tuple[tuple[str, str], ...]  # (alternation of phrases, qualifier), in the order tried


@lru_cache(maxsize=8)
def _patterns(words: Vocabulary) -> _Patterns:
    def one_of(forms: Any) -> str:
        return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    mag, sign, code, word = one_of(words.magnitudes), one_of(words.currency_signs), one_of(words.currency_prefixes), \
        one_of(words.currency_words)
    money = re.compile(
        rf"(?:(?P<sign>{sign})\s?|(?P<code>{code})\s)" + _NUMBER + rf"(?:\s*(?P<mag>{mag})\b)?"
        rf"|{_NUMBER.replace('num', 'num2')}(?:\s*(?P<mag2>{mag})\b)?\s+(?P<word>{word})\b"
        rf"|(?P<half>half a)\s+(?P<mag3>billion|million|trillion)\s+(?P<word3>{word})\b",
        re.I)
    qualifiers = tuple(("|".join(re.escape(p) for p in phrases), qual) for qual, phrases in words.qualifiers.items())
    return _Patterns(money, qualifiers)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number found in a sentence, before its parties are known."""

    start: int
    end: int
    fact_type: str
    value: float
    unit: str
    alt_value: float | None = None
    alt_unit: str | None = None


def parse_number(text: str, magnitude: str | None = None, *, words: Vocabulary | None = None) -> float | None:
    """ "1.7" -> 1.7, "1,700" -> 1700, "1,7" (with a magnitude) -> 1.7, "1.234.567" -> 1234567."""
    magnitudes = (words or load_vocabulary()).magnitudes
    t = text.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        value = float(t.replace(",", ""))
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        value = float(t.replace(".", "").replace(",", "."))
    elif re.fullmatch(r"\d+,\d{1,2}", t) or (magnitude and re.fullmatch(r"\d+,\d+", t)):
        value = float(t.replace(",", "."))
    elif re.fullmatch(r"\d+(?:\.\d+)?", t):
        value = float(t)
    else:
        return None
    if magnitude:
        value *= magnitudes[magnitude.lower()] if magnitude.lower() in magnitudes else 1
    return value if math.isfinite(value) else None


def find_figures(text: str, *, words: Vocabulary | None = None) -> list[Figure]:
    """Money, percentages and counts in a sentence; a parenthetical conversion joins its figure."""
    words = words or load_vocabulary()
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for m in _patterns(words).money.finditer(text):
        if m["half"]:
            value: float | None = 0.5 * words.magnitudes[m["mag3"].lower()]
            unit = words.currency_words[m["word3"].lower()]
        elif m["num2"]:
            mag = m["mag2"]
            value = parse_number(m["num2"], mag if mag and (mag.lower() != "m" or m["mag2"] == "m") else mag, words=words)
            unit = words.currency_words[m["word"].lower()]
        else:
            mag = m["mag"]
            if mag and mag.lower() in ("m", "b", "k") and m.end() < len(text) and text[m.end():m.end() + 1].isalpha():
                mag = None
            value = parse_number(m["num"], mag, words=words)
            unit = words.currency_signs.get(m["sign"] or "", None) or words.currency_prefixes.get((m["code"] or "").strip(), "USD")
        if value is None:
            continue
        figures.append(Figure(m.start(), m.end(), "money", value, unit))
        taken.append((m.start(), m.end()))
    figures = _join_conversions(text, figures)
    for m in PERCENT.finditer(text):
        value = parse_number(m["num"])
        if value is not None and not _inside(m.start(), taken):
            figures.append(Figure(m.start(), m.end(), "percent", value, "percent"))
            taken.append((m.start(), m.end()))
    return sorted(figures, key=lambda f: f.start)


def _join_conversions(text: str, figures: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    for f in figures:
        if out and text[out[-1].end:f.start].strip() in ("(", "or", "(about", "(around", "(some", "(approx.") \
                and text[f.end:f.end + 1] in (")", ""):
            prev = out[-1]
            out[-1] = Figure(prev.start, f.end + 1, prev.fact_type, prev.value, prev.unit, f.value, f.unit)
        else:
            out.append(f)
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def qualifier_before(text: str, start: int, *, words: Vocabulary | None = None) -> str:
    """exact/about/more_than/less_than from the words just before a figure."""
    before = text[max(0, start - 40):start].lower()
    for pattern, qual in _patterns(words or load_vocabulary()).qualifiers:
        if re.search(rf"(?:^|\W)(?:{pattern})\s*(?:a\s+|the\s+)?$", before):
            return qual
    return "exact"


def find_facts(doc: Any, actors: ArticleActors, *, reference: FuzzyDate | None = None,
               vocabulary: Vocabulary | None = None) -> list[Fact]:
    """Every figure of the article with its parties, metric and date (`vocabulary`: the shipped one if not given)."""
    words = vocabulary or load_vocabulary()
    facts: list[Fact] = []
    seen: set[tuple[str, float, str, str | None, str | None]] = set()
    for sent in doc.sents:
        text = sent.text
        figures = find_figures(text, words=words)
        figures += _counts(sent, figures, words)
        for fig in figures:
            a, b = sent.start_char + fig.start, min(sent.start_char + fig.end, sent.end_char)
            span = doc.char_span(a, b, alignment_mode="expand") if a < b else None
            if span is None:
                continue
            segment = _segment(span, [f for f in figures if f is not fig], sent)
            holder, counterpart = _change_parties(span, sent, actors, words) or _parties(segment, span, actors, words)
            qual = qualifier_before(text, fig.start, words=words)
            key = (fig.fact_type, round(fig.value, 2), fig.unit, holder, counterpart)
            if key in seen:
                continue
            seen.add(key)
            date = _fact_date(segment, sent, reference)
            facts.append(Fact(
                id=f"{actors.article_id}:f{len(facts) + 1}", article_id=actors.article_id,
                fact_type=fig.fact_type,  # type: ignore[arg-type]
                value=fig.value, unit=fig.unit, qualifier=qual,  # type: ignore[arg-type]
                evidence=Span(actors.article_id, sent.start_char, sent.end_char, text),
                span=Span(actors.article_id, a, b, actors.text[a:b]),
                metric=_metric(segment, span, fig, words), holder=holder, counterpart=counterpart, date=date,
                alt_value=fig.alt_value, alt_unit=fig.alt_unit))
    return facts


def _counts(sent: Any, figures: list[Figure], words: Vocabulary) -> list[Figure]:
    """ "over 100 Italian companies": a number in digits counting a plural noun."""
    out = []
    covered = [(f.start, f.end) for f in figures]
    for tok in sent:
        if not tok.like_num or not tok.text[:1].isdigit() or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
            continue
        rel = tok.idx - sent.start_char
        if _inside(rel, covered) or tok.dep_ != "nummod" or tok.head.tag_ not in ("NNS", "NNPS") or tok.head.i < tok.i:
            continue
        value = parse_number(tok.text, words=words)
        if value is None or (1900 <= value <= 2100 and "," not in tok.text):
            continue
        noun = tok.head
        kind = "quantity" if noun.lemma_ in words.unit_nouns else "count"
        end = noun.idx + len(noun) - sent.start_char
        out.append(Figure(rel, end, kind, value, noun.lower_))
    return out


def _segment(span: Any, others: list[Figure], sent: Any) -> list[Any]:
    """The clause that states a figure: the nearest verb above it, less clauses holding other figures."""
    tok = span.root
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return list(sent)
    while verb.dep_ in ("xcomp", "acomp", "auxpass", "aux") and verb.head.i != verb.i:
        verb = verb.head  # "is estimated to be around X": the clause is that of "estimated"
    excluded: set[int] = set()
    for d in verb.subtree:
        if d.i != verb.i and d.pos_ in ("VERB", "AUX") and d.dep_ in ("advcl", "pcomp", "conj", "ccomp", "relcl", "acl") \
                and span.root not in d.subtree and not any(t in d.subtree for t in span):
            excluded.update(t.i for t in d.subtree)
    return [t for t in verb.subtree if t.i not in excluded]


def _parties(segment: list[Any], span: Any, actors: ArticleActors, words: Vocabulary) -> tuple[str | None, str | None]:
    holders: list[str] = []
    counterparts: list[str] = []
    for m in actors.mentions_in(segment):
        if m.kind == "collective":
            pair = actors.pair(actors.doc[m.head].lower_)
            if pair and not holders:
                # "trade between the two countries": the article's pair, in the order first named
                holders.append(str(actors.actor(pair[0]).country))
                counterparts.append(str(actors.actor(pair[1]).country))
            continue
        country = actors.actor(m.entity).country
        if not country:
            continue
        (counterparts if _under_prep(actors.doc[m.head], segment, words) else holders).append(country)
    holder = holders[0] if holders else None
    counterpart = next((c for c in counterparts + holders[1:] if c != holder), None)
    return holder, counterpart


def _change_parties(span: Any, sent: Any, actors: ArticleActors, words: Vocabulary) -> tuple[str | None, str | None] | None:
    """ "Italian exports to the region, with a 7 percent increase": a change belongs to the flow it changes."""
    after = sent.doc[span.end:span.end + 2]
    if not any(t.lemma_.lower() in words.change_words for t in after):
        return None
    flows = [t for t in sent if t.i < span.start and t.lemma_.lower() in words.flow_nouns]
    if not flows:
        return None
    flow = flows[-1]
    owners = [m for m in actors.mentions_in([c for c in flow.children if c.dep_ in ("amod", "poss", "compound", "nmod")])]
    owner = next((actors.actor(m.entity).country for m in owners if actors.actor(m.entity).country), None)
    if owner is None:
        return None
    others = [actors.actor(m.entity).country for m in actors.mentions_in(list(sent))]
    return owner, next((c for c in others if c and c != owner), None)


def _under_prep(tok: Any, segment: list[Any], words: Vocabulary) -> bool:
    inside = {t.i for t in segment}
    while tok.head.i != tok.i and tok.head.i in inside:
        if tok.dep_ == "pobj" and tok.head.lower_ in words.counterpart_prepositions:
            return True
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return False
        tok = tok.head
    return False


def _metric(segment: list[Any], span: Any, fig: Figure, words: Vocabulary) -> str | None:
    if fig.fact_type in ("count", "quantity"):
        return fig.unit
    near = sorted((abs(t.i - span.start), t.lemma_.lower()) for t in segment if t.lower_ in words.metric_words)
    return near[0][1] if near else None


def _fact_date(segment: list[Any], sent: Any, reference: FuzzyDate | None) -> FuzzyDate | None:
    if not segment:
        return None
    text = sent.doc[segment[0].i:segment[-1].i + 1].text
    for mention in dates.find_dates(text):
        if mention.kind in ("since_year", "my", "mdy", "dmy", "iso"):
            return dates.resolve(mention, reference)
    return None
