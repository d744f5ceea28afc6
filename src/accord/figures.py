"""Figures: the numbers a sentence states, read as news and wire copy write them.

"12.345 billion roubles" (a decimal before a magnitude), "300 mln dlrs", "100 pct", "7.5 billion
naira", "between 75 and 80 billion yen" (a range: both bounds), "€1.7 billion ($2 billion)" (one
figure, its conversion kept), "340 kms" (a quantity), "from 4.3 billion in 1985" (the unit of the
figure before). A currency word several countries use ("francs") is that of the country the words
before it name ("Swiss francs"), else of the sentence's or article's countries. Nouns a number
counts ("400 troops") need the parse and are read in facts.py; every word list is the vocabulary's.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .vocabulary import Vocabulary, load_vocabulary

SKIPPED_UNITS = frozenset({"years", "months", "weeks", "days", "hours", "minutes"})  # durations are no fact of the news


@dataclass(frozen=True, slots=True)
class Figure:
    """A number found in a sentence, before its parties are known (offsets into the sentence's text)."""

    start: int
    end: int
    fact_type: str
    value: float
    unit: str
    alt_value: float | None = None
    alt_unit: str | None = None
    qualifier: str = "exact"
    like: int | None = None  # the start of the figure whose unit it took ("from 4.3 billion"): its parties too


@dataclass(frozen=True)
class _Patterns:
    """The expressions a vocabulary's numbers, magnitudes, currencies, units and qualifiers make."""

    number: re.Pattern[str]  # a currency sign or code, then a number in digits or words
    number_here: re.Pattern[str]  # the same, matched where a range's second bound starts
    magnitude: re.Pattern[str]
    tail: re.Pattern[str]  # what the number is of: percent, a currency word, a unit
    adjective_currency: re.Pattern[str]  # "U.S. dlrs", "Swiss francs"
    connector: re.Pattern[str]
    qualifiers: tuple[tuple[re.Pattern[str], str], ...]
    units: dict[str, str]  # form -> unit


def _one_of(forms: Any) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=8)
def _patterns(words: Vocabulary) -> _Patterns:
    tens = [w for w, v in words.number_words.items() if v >= 20 and v % 10 == 0]
    ones = [w for w, v in words.number_words.items() if 1 <= v <= 9]
    spelled = rf"(?:{_one_of(tens)})(?:-(?:{_one_of(ones)}))?|{_one_of(words.number_words)}|half(?:\s+an?)?|an?"
    head = rf"(?:(?P<sign>{_one_of(words.currency_signs)})\s?|(?P<code>\b(?:{_one_of(words.currency_prefixes)}))\s?)?" \
           rf"(?:(?P<digits>\d+(?:[.,]\d+)*)(?:-(?P<fn>\d)/(?P<fd>\d)(?!\d))?(?![\d])|(?P<spelled>\b(?:{spelled})\b))"
    long_mags = [m for m in words.magnitudes if len(m) > 1]
    short_mags = [m for m in words.magnitudes if len(m) == 1]
    magnitude = rf"(?:\s*-?\s*(?P<mag>{_one_of(long_mags)})|(?P<short>{_one_of(short_mags)}))(?![\w])"
    units = {form: unit for unit, forms in words.units.items() for form in forms}
    tail = rf"(?:\s*-?\s*)(?:(?P<pct>%|per\s?cent\b|pct\b|percentage points?\b)|(?P<cur>{_one_of(words.currency_words)})" \
           rf"(?![\w])|(?P<unit>{_one_of(units)})(?![\w/]))"
    adjective = rf"\s+(?P<adj>(?-i:(?:[A-Z][\w.'’-]*\s+){{1,3}}))(?P<cur>{_one_of(words.currency_words)})(?![\w])"
    connector = rf"\s*(?P<word>{_one_of(words.range_words)})\s*"
    qualifiers = tuple((re.compile(rf"(?:^|\W)(?:{_one_of(phrases)})\s*(?:a\s+|the\s+)?$", re.I), qual)
                       for qual, phrases in words.qualifiers.items())
    return _Patterns(re.compile(r"(?<![\w.,/-])" + head, re.I), re.compile(head, re.I), re.compile(magnitude, re.I),
                     re.compile(tail, re.I), re.compile(adjective, re.I), re.compile(connector, re.I), qualifiers, units)


def parse_number(text: str, magnitude: str | None = None, *, words: Vocabulary | None = None,
                 whole: bool = False) -> float | None:
    """ "1.7" -> 1.7, "1,700" -> 1700, "1,7" (with a magnitude) -> 1.7, "1.234.567" -> 1234567.

    A single group of three digits after a point is a decimal before a magnitude ("12.345
    billion") and in English generally, but thousands where the number counts whole things
    (`whole`: "12.500 troops")."""
    factor = 1.0
    if magnitude:
        factor = (words or load_vocabulary()).magnitudes.get(magnitude.lower(), 1.0)
    value = _digits(text.strip(), scaled=bool(magnitude), whole=whole)
    if value is None or not math.isfinite(value * factor):
        return None
    return value * factor


def _digits(t: str, *, scaled: bool, whole: bool) -> float | None:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d{1,3}\.\d{3},\d+", t) \
            or (whole and not scaled and re.fullmatch(r"\d{1,3}\.\d{3}", t)):
        return float(t.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+,\d{1,2}", t) or (scaled and re.fullmatch(r"\d+,\d+", t)):
        return float(t.replace(",", "."))
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    return None


def spelled_number(text: str, *, words: Vocabulary | None = None) -> float | None:
    """ "three" -> 3, "twenty-five" -> 25, "half a" -> 0.5, "a" -> 1; None for other words."""
    numbers = (words or load_vocabulary()).number_words
    t = " ".join(text.lower().split())
    if t.startswith("half"):
        return 0.5
    if t in ("a", "an"):
        return 1.0
    parts = t.split("-")
    if len(parts) == 2 and parts[0] in numbers and parts[1] in numbers:
        return numbers[parts[0]] + numbers[parts[1]]
    return numbers.get(t)


@dataclass(frozen=True, slots=True)
class _Number:
    """One number as written, with what follows it."""

    start: int
    end: int
    value: float
    factor: float  # of the magnitude that followed ("300 mln"), else 1
    fact_type: str | None  # None: nothing says what it is of
    unit: str | None
    elliptic: bool  # "4.3 billion in 1985": a magnitude, then a word that names no thing
    tail: bool  # a word after it says what it is of ("dlrs", "pct", "km")
    like: int | None = None  # the start of the number whose unit it took


def find_figures(text: str, *, words: Vocabulary | None = None, countries: Sequence[str] = (),
                 country_of: Callable[[str], str | None] | None = None) -> list[Figure]:
    """Money, percentages and quantities in a sentence; a range gives both bounds, a parenthetical
    conversion joins its figure. `countries` (most relevant first) and `country_of` (a demonym or
    name -> its country) choose among currencies that share a word."""
    words = words or load_vocabulary()
    p = _patterns(words)
    numbers: list[_Number] = []
    pos = 0
    while (m := p.number.search(text, pos)) is not None:
        found = _read_numbers(text, m, p, words, countries, country_of)
        numbers.extend(found)
        pos = max([m.end()] + [n.end for n in found])
    figures = [_figure(text, n, p) for n in _borrow_units(numbers) if n.fact_type is not None]
    figures = [f for f in figures if f.unit not in SKIPPED_UNITS]
    return _join_conversions(text, figures)


def _read_numbers(text: str, m: re.Match[str], p: _Patterns, words: Vocabulary, countries: Sequence[str],
                  country_of: Callable[[str], str | None] | None) -> list[_Number]:
    """The number at a match, and the second bound of a range it opens."""
    first = _number(text, m, p, words, countries, country_of)
    if first is None or first.tail or first.factor != 1.0 or re.fullmatch(r"(?:1[89]|20)\d\d", m.group().strip()):
        return [first] if first is not None else []  # "in 1985 to 19.7 pct": a year bounds no range
    conn = p.connector.match(text, first.end)
    nxt = p.number_here.match(text, conn.end()) if conn else None
    if conn is None or nxt is None:
        return [first]
    if conn["word"].lower() == "and" and not re.search(r"\bbetween\s+\S*$", text[:m.end()], re.I):
        return [first]
    second = _number(text, nxt, p, words, countries, country_of)
    if second is not None and second.fact_type is None and first.fact_type is not None and second.factor != 1.0:
        second = replace(second, fact_type=first.fact_type, unit=first.unit)  # "$5-6 billion"
    if second is None or second.fact_type is None:
        return [first]
    bound = replace(first, end=second.end, value=_round(first.value * second.factor), factor=second.factor,
                    fact_type=second.fact_type, unit=second.unit)  # spans the range: its words say what both are
    return [bound, second]


def _round(value: float) -> float:
    """16.6 * 1e6 is 16600000.000000002 in binary: keep the digits a writer could have meant."""
    return float(f"{value:.12g}")


def _number(text: str, m: re.Match[str], p: _Patterns, words: Vocabulary, countries: Sequence[str],
            country_of: Callable[[str], str | None] | None) -> _Number | None:
    end, factor, mag = m.end(), 1.0, None
    for _ in range(2):  # "two hundred million"
        g = p.magnitude.match(text, end)
        if g is None:
            break
        mag = g["mag"] or g["short"]
        factor *= words.magnitudes[mag.lower()]
        end = g.end()
    if m["digits"]:
        plain = _digits(m["digits"], scaled=mag is not None, whole=False)
        if plain is not None and m["fn"]:
            plain += int(m["fn"]) / max(int(m["fd"]), 1)  # "6-1/2"
    else:
        plain = spelled_number(m["spelled"], words=words)
        if plain is not None and m["spelled"].lower().startswith(("a", "half")) and mag is None:
            plain = None  # "a", "half a" are numbers only before a magnitude
    if plain is None or not math.isfinite(plain * factor):
        return None
    tail = False
    fact_type, unit = None, None
    t = p.tail.match(text, end) or p.adjective_currency.match(text, end)
    if t is not None and t["cur"] is not None:
        adjective = (t.groupdict().get("adj") or "").strip()
        fact_type, unit, end = "money", currency(t["cur"], adjective, words, countries, country_of), t.end()
    elif t is not None and t["pct"]:
        fact_type, unit, end = "percent", "percent", t.end()
    elif t is not None and t["unit"]:
        fact_type, unit, end = "quantity", p.units[" ".join(t["unit"].lower().split())], t.end()
    tail = fact_type is not None
    if m["sign"] or m["code"]:
        fact_type = "money"
        unit = words.currency_signs.get(m["sign"] or "") or _case_blind(words.currency_prefixes, m["code"]) or "USD"
    elliptic = fact_type is None and mag is not None and _names_no_thing(text, end, words)
    return _Number(m.start(), end, _round(plain * factor), factor, fact_type, unit, elliptic, tail)


def _case_blind(table: dict[str, str], key: str | None) -> str | None:
    if not key:
        return None
    return next((v for k, v in table.items() if k.lower() == key.lower()), None)


def _names_no_thing(text: str, end: int, words: Vocabulary) -> bool:
    """After "4.3 billion": the end, a punctuation mark, or a word that names no counted thing."""
    rest = text[end:end + 40]
    m = re.match(r"\s*([A-Za-z]+)", rest)
    if m is None:
        return not re.match(r"\s*[\w$€£¥]", rest)
    return m[1].lower() in words.ellipsis_followers


def currency(word: str, adjective: str, words: Vocabulary, countries: Sequence[str],
             country_of: Callable[[str], str | None] | None) -> str:
    """The ISO 4217 code of a currency word: of the country the adjective names, else of the context's."""
    key = " ".join(word.lower().split())
    default = words.currency_words[key]
    family = words.currency_names.get(default)
    if family is None or " " in key:  # "CFA francs", "deutsche marks" name their currency whole
        return default
    named = (country_of or _country_of)(adjective) if adjective else None
    if named:
        code = words.country_currencies.get(named)
        return code if code and words.currency_names.get(code) == family else default
    if default in words.explicit_currencies:
        return default
    for country in countries:
        code = words.country_currencies.get(country)
        if code and words.currency_names.get(code) == family:
            return code
    return default


def _country_of(name: str) -> str | None:
    """The country a demonym or name stands for in the shipped actor tables ("Swiss" -> CHE)."""
    from .actors import load_tables

    hit = load_tables().places.get(name)
    return hit[0] if hit else None


def _borrow_units(numbers: list[_Number]) -> list[_Number]:
    """ "rose to 7.4 billion dollars from 4.3 billion": a scaled number with no unit takes that of the
    nearest figure before it in the sentence (else after it) that is money or a quantity."""
    out = []
    for i, n in enumerate(numbers):
        if n.fact_type is None and n.elliptic:
            donors = [d for d in numbers[:i][::-1] + numbers[i + 1:]
                      if d.fact_type in ("money", "quantity") and d.unit not in SKIPPED_UNITS]
            donors = [d for d in donors if d.factor != 1.0] or donors  # "7.6 billion francs ... against 5.1 billion"
            if donors:
                n = replace(n, fact_type=donors[0].fact_type, unit=donors[0].unit, like=donors[0].start)
        out.append(n)
    return out


def _figure(text: str, n: _Number, p: _Patterns) -> Figure:
    return Figure(n.start, n.end, str(n.fact_type), n.value, str(n.unit), qualifier=qualifier_before(text, n.start, p=p),
                  like=n.like)


def _join_conversions(text: str, figures: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    for f in figures:
        gap = text[out[-1].end:f.start].strip().lower() if out else ""
        if out and gap in ("(", "or", "(about", "(around", "(some", "(approx.", "(nearly", "(roughly") \
                and text[f.end:f.end + 1] in (")", "") and out[-1].fact_type == f.fact_type:
            prev = out[-1]
            out[-1] = replace(prev, end=f.end + 1 if text[f.end:f.end + 1] == ")" else f.end,
                              alt_value=f.value, alt_unit=f.unit)
        else:
            out.append(f)
    return out


def qualifier_before(text: str, start: int, *, words: Vocabulary | None = None, p: _Patterns | None = None) -> str:
    """exact/about/more_than/less_than from the words just before a figure; a range's second bound
    takes its first's ("some 2.3 to 2.6 billion"), "between" makes both exact."""
    p = p or _patterns(words or load_vocabulary())
    before = text[max(0, start - 60):start]
    bound = re.search(r"(?:^|[^\w.,])(?P<num>[\d.,]+|[A-Za-z-]+)\s*(?:to|-|–|or|and)\s*$", before)
    if bound and (bound["num"][0].isdigit() or bound["num"].lower() in (words or load_vocabulary()).number_words):
        before = before[:bound.start("num")]
    if re.search(r"\bbetween\s+$", before, re.I):
        return "exact"
    for pattern, qual in p.qualifiers:
        if pattern.search(before):
            return qual
    return "exact"
