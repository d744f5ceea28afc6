"""Properties over arbitrary text: dates, figures, JSONL reading and actor finding never raise, keep
their spans inside the text, and give finite values and valid dates at their precision."""
from __future__ import annotations

import datetime as dt
import json
import math
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from accord import dates, facts
from accord.actors import find_actors, load_tables
from accord.annotate import Annotator
from accord.ingest import read_articles
from accord.model import Article, FuzzyDate, Rejected
from accord.vocabulary import load_vocabulary

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

DATE_WORDS = ["January", "Feb.", "March", "May", "Sept", "December", "1st", "17", "31", "29", "0", "2020", "1999",
              "1887", "2024-02-29", "2023-13-01", "of", "on", "in", "since", "early", "mid-", "last", "this", "next",
              "earlier this", "week", "month", "year", "ago", "days", "a", "three", "12", "99999999", "Monday",
              "yesterday", "tomorrow", ",", "."]
MONEY_WORDS = ["$", "€", "US$", "Rs.", "EUR", "1.7", "1,700", "1.234.567", "1,7", "0", "00", "9" * 40, "9" * 400,
               "billion", "bn", "m", "k", "crore", "euros", "dollars", "(", ")", "or", "half a", "%", "percent",
               "about", "more than", "up to", "€910.8M", "(about $1.2 billion)"]


def mixed_text(words: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    """Text made of domain words and arbitrary snippets, so the patterns are hit, not just missed."""
    piece = st.one_of(st.sampled_from(words), st.text(max_size=8))
    return st.lists(piece, max_size=max_size).map(" ".join)


REFERENCES = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31)).map(lambda d: FuzzyDate(d.isoformat(), "day")),
    st.integers(1800, 2100).map(lambda y: FuzzyDate(str(y), "year")),
    st.tuples(st.integers(1800, 2100), st.integers(1, 12)).map(lambda t: FuzzyDate(f"{t[0]}-{t[1]:02d}", "month")),
    st.tuples(st.integers(1, 12), st.integers(1, 28)).map(lambda t: FuzzyDate(f"--{t[0]:02d}-{t[1]:02d}", "monthday")),
)


def assert_valid_date(d: FuzzyDate) -> None:
    if d.precision == "day":
        assert dt.date.fromisoformat(d.value).isoformat() == d.value
    elif d.precision == "month":
        assert re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", d.value), d
    elif d.precision == "year":
        assert re.fullmatch(r"\d{4}", d.value), d
    else:
        assert d.precision == "monthday" and re.fullmatch(r"--\d\d-\d\d", d.value), d
        dt.date.fromisoformat("2000" + d.value[1:])  # a day that exists in some year


@FAST
@given(text=mixed_text(DATE_WORDS), reference=REFERENCES, future=st.booleans())
@example(text="99999999 days ago", reference=FuzzyDate("2020-01-01", "day"), future=False)
@example(text="5000 years ago", reference=FuzzyDate("2020-01-01", "day"), future=False)
def test_dates_found_and_resolved_are_valid(text: str, reference: FuzzyDate | None, future: bool) -> None:
    found = dates.find_dates(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    for m in found:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
        resolved = dates.resolve(m, reference, future=future)
        if resolved is not None:
            assert_valid_date(resolved)
    published = dates.find_dateline(text)
    if published is not None:
        assert_valid_date(published)


@FAST
@given(text=mixed_text(MONEY_WORDS))
def test_figures_stay_in_the_text_and_are_finite(text: str) -> None:
    for f in facts.find_figures(text):
        assert 0 <= f.start < f.end <= len(text)
        assert math.isfinite(f.value) and f.value >= 0
        assert f.alt_value is None or math.isfinite(f.alt_value)
        assert f.fact_type in ("money", "percent", "count", "quantity") and f.unit


@FAST
@given(number=st.one_of(st.from_regex(r"\A[0-9][0-9,.]{0,30}\Z"), st.text(max_size=12)),
       magnitude=st.one_of(st.none(), st.sampled_from(sorted(load_vocabulary().magnitudes)), st.text(max_size=4)))
def test_parse_number_is_finite_or_none(number: str, magnitude: str | None) -> None:
    value = facts.parse_number(number, magnitude)
    assert value is None or (math.isfinite(value) and value >= 0)


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)
RECORDS = st.fixed_dictionaries({}, optional={
    "id": JSON_VALUES, "title": JSON_VALUES, "date": st.one_of(JSON_VALUES, st.sampled_from(["2020-02-30", "1999", "x"])),
    "source": JSON_VALUES, "authors": JSON_VALUES, "url": JSON_VALUES,
    "text": st.one_of(st.text(max_size=200), JSON_VALUES, mixed_text(DATE_WORDS + MONEY_WORDS))})
LINES = st.one_of(RECORDS.map(json.dumps), JSON_VALUES.map(json.dumps), st.binary(max_size=60),
                  st.text(max_size=60).map(lambda t: t.replace("\n", " ")))


@SLOW
@given(lines=st.lists(LINES, max_size=8))
@example(lines=['{"text": "Italy and France signed a treaty \\ud800 in Rome."}'])
def test_jsonl_lines_give_articles_or_reasons(lines: list[str | bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_bytes(b"\n".join(x if isinstance(x, bytes) else x.encode("utf-8", "surrogatepass") for x in lines))
        for item in read_articles(path):
            if isinstance(item, Rejected):
                # a line, or the file when no line holds a record
                assert re.fullmatch(re.escape(str(path)) + r"(:\d+)?", item.where) and item.reason
            else:
                assert isinstance(item, Article) and item.text.strip()
                assert item.content_hash  # the store keys articles by it: the text must encode as UTF-8
                if item.published is not None:
                    assert_valid_date(item.published)


ACTOR_WORDS = ["Italy", "Italian", "France", "the French", "Azerbaijan", "Baku", "Russia's", "Moscow", "President",
               "Putin", "Minister", "Guido Crosetto", "NATO", "the European Union", "UN", "said", "met", "signed",
               "with", "and", "the two countries", "the sides", "he", "his", "counterpart", "in", ".", ",", "\n\n",
               "Defence", "Ministry", "of", "Foreign", "Affairs", "U.S.", "Washington", "Beijing", "'s"]


@SLOW
@given(text=mixed_text(ACTOR_WORDS, max_size=60))
def test_actors_on_arbitrary_text_have_spans_in_the_text(annotator: Annotator, text: str) -> None:
    table = find_actors(annotator.annotate(text), "t", load_tables())
    for entity in table.to_entities():
        country = entity.actor.country
        assert country is None or re.fullmatch(r"[A-Z]{3}", country), country
        for span in entity.mentions:
            assert 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text


# ---------------------------------------------------------------- the number reader

MAGNITUDES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12}


@FAST
@given(n=st.integers(0, 10**12))
def test_thousands_separators_read_back(n: int) -> None:
    assert facts.parse_number(f"{n:,}") == n
    assert facts.parse_number(str(n)) == n


@FAST
@given(whole=st.integers(0, 999), frac=st.integers(0, 999), mag=st.sampled_from(sorted(MAGNITUDES)))
def test_a_point_before_a_magnitude_is_a_decimal(whole: int, frac: int, mag: str) -> None:
    written = f"{whole}.{frac:03d}"  # "12.345 billion" is 12.345e9, never 12,345 billion
    assert facts.parse_number(written, mag) == pytest.approx(float(written) * MAGNITUDES[mag])


@FAST
@given(value=st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False, allow_infinity=False),
       mag=st.sampled_from(["mln", "bln", "billion", "million"]),
       unit=st.sampled_from([("dlrs", "USD"), ("yen", "JPY"), ("stg", "GBP"), ("naira", "NGN"), ("pct", "percent")]))
def test_wire_figures_read_their_value_and_unit(value, mag: str, unit: tuple[str, str]) -> None:
    text = f"It agreed to {value} {mag} {unit[0]} on Monday."
    [fig] = facts.find_figures(text)
    assert fig.unit == unit[1] and fig.value == pytest.approx(float(value) * MAGNITUDES[mag])
    assert text[fig.start:fig.end].startswith(str(value))


@FAST
@given(low=st.integers(1, 500), step=st.integers(1, 500), mag=st.sampled_from(["mln", "billion"]),
       opening=st.sampled_from(["between {a} and {b}", "{a} to {b}", "some {a} to {b}", "{a}-{b}"]))
def test_a_range_gives_both_bounds(low: int, step: int, mag: str, opening: str) -> None:
    text = f"Talks covered {opening.format(a=low, b=low + step)} {mag} dlrs of debt."
    figs = facts.find_figures(text)
    assert [f.value for f in figs] == [low * MAGNITUDES[mag], (low + step) * MAGNITUDES[mag]]
    assert len({f.qualifier for f in figs}) == 1 and all(f.unit == "USD" for f in figs)


@FAST
@given(word=st.sampled_from(sorted(load_vocabulary().number_words)), mag=st.sampled_from(["mln", "billion"]))
def test_numbers_in_words_before_a_magnitude(word: str, mag: str) -> None:
    [fig] = facts.find_figures(f"a loan of {word} {mag} dlrs")
    assert fig.value == load_vocabulary().number_words[word] * MAGNITUDES[mag]
