"""Dates: the publication date, and event dates resolved against it at the precision the text supports.

A month and day with no known year stay "--11-17"; nothing is ever dated by default.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .model import FuzzyDate, Span

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}

_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(p, re.I)) for name, p in [
    ("iso", r"\b(?P<iso>(?:1[89]|20)\d\d-[01]\d-[0-3]\d)\b"),
    ("mdy", rf"\b{_MON}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b"),
    ("dmy", rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b"),
    ("my", rf"\b(?:(?:early|mid|late)-?\s*)?{_MON}(?:,?\s+(?:of\s+)?{_YEAR})?\b"),
    ("since_year", rf"\b(?:in|since|from|by|until|of|during)\s+(?:early\s+|late\s+|mid-?)?{_YEAR}\b"),
    ("weekday", r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
    ("relday", r"\b(?P<rel>yesterday|today|tomorrow|tonight)\b"),
    ("relperiod", r"\b(?P<which>last|this|next|earlier\s+this|later\s+this)\s+(?P<unit>week|month|year)\b"),
    ("ago", r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
]]
_NUM = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase found in text: character offsets relative to the searched string."""

    start: int
    end: int
    text: str
    kind: str


def parse_published(value: str) -> FuzzyDate | None:
    """A metadata date ("2023-01-12", "2023-01-12T10:00", "2023-01", "2023") as a FuzzyDate."""
    m = re.match(r"\s*((?:1[89]|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?", value or "")
    if not m:
        return None
    if m[2] and not 1 <= int(m[2]) <= 12:
        return None
    if m[3]:
        return _day(int(m[1]), int(m[2]), int(m[3]), value)
    if m[2]:
        return FuzzyDate(f"{m[1]}-{m[2]}", "month", raw=value)
    return FuzzyDate(m[1], "year", raw=value)


_DATELINE = re.compile(rf"^\s*[A-Z][A-Z .'-]{{2,40}},\s+{_MON}\s+(?P<day>[0-3]?\d)(?:,?\s+{_YEAR})?\s*[-–—]", re.M)
_REPORTED = re.compile(rf"\b(?:reported|said|announced|informed|stated)\s+on\s+{_MON}\s+(?P<day>[0-3]?\d)(?:,?\s+{_YEAR})?", re.I)


def find_dateline(text: str) -> FuzzyDate | None:
    """The report's own date from a dateline ("BAKU, Jan 12 -") or "reported on November 17"."""
    head = text[:3000]
    for pattern in (_DATELINE, _REPORTED):
        m = pattern.search(head)
        if m:
            month, day = _month(m["mon"]), int(m["day"])
            if m["year"]:
                return _day(int(m["year"]), month, day, m[0])
            return FuzzyDate(f"--{month:02d}-{day:02d}", "monthday", raw=m[0].strip())
    return None


def find_dates(text: str) -> list[DateMention]:
    """Date phrases in a string, longest first where they overlap."""
    found: list[DateMention] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if kind == "my" and m["mon"].lower() == "may" and not m["year"] and not re.match(r"(?i)(early|mid|late)", m[0]):
                continue  # the modal verb "may"
            if kind == "my" and m["mon"].lower().startswith("mar") and not m["year"] and m[0][0].islower():
                continue
            if any(f.start <= m.start() and m.end() <= f.end for f in found):
                continue
            found.append(DateMention(m.start(), m.end(), m[0], kind))
    return sorted(found, key=lambda d: d.start)


def resolve(mention: DateMention, reference: FuzzyDate | None, *, future: bool = False) -> FuzzyDate | None:
    """The FuzzyDate a phrase denotes, read against the report's date; None when it cannot be told."""
    try:
        found = _resolve(mention, reference, future)
    except (OverflowError, ValueError):
        return None  # "5000 years ago": outside the calendar accord reports
    if found is not None and found.precision != "monthday" and not 1000 <= int(found.value[:4]) <= 9999:
        return None
    return found


def _resolve(mention: DateMention, reference: FuzzyDate | None, future: bool) -> FuzzyDate | None:
    m = next(p for k, p in PATTERNS if k == mention.kind).search(mention.text)
    if m is None:
        return None
    raw = mention.text
    ref = _ref_day(reference)
    ref_year = reference.year if reference else None
    kind = mention.kind
    if kind == "iso":
        return parse_published(m["iso"])
    if kind in ("mdy", "dmy"):
        month, day = _month(m["mon"]), int(m["day"])
        if not 1 <= day <= 31:
            return None
        if m["year"]:
            return _day(int(m["year"]), month, day, raw)
        if ref_year is not None:
            year = ref_year
            if ref is not None:
                cand = _safe(year, month, day)
                if cand and not future and cand > ref + dt.timedelta(days=7):
                    year -= 1
                elif cand and future and cand < ref - dt.timedelta(days=7):
                    year += 1
            return _day(year, month, day, raw)
        if reference is not None and reference.precision == "monthday" or reference is None:
            return FuzzyDate(f"--{month:02d}-{day:02d}", "monthday", raw=raw) if _safe(2000, month, day) else None
    if kind == "my":
        month = _month(m["mon"])
        if m["year"]:
            return FuzzyDate(f"{m['year']}-{month:02d}", "month", raw=raw)
        if ref is not None:
            year = ref.year - (1 if (month > ref.month and not future) else 0) + (1 if (month < ref.month and future) else 0)
            return FuzzyDate(f"{year}-{month:02d}", "month", raw=raw)
        return None
    if kind == "since_year":
        return FuzzyDate(m["year"], "year", raw=raw)
    if ref is None:
        return None
    if kind == "weekday":
        delta = (ref.weekday() - WEEKDAYS[m["wd"].lower()]) % 7
        day = ref + dt.timedelta(days=(7 - delta) % 7) if future else ref - dt.timedelta(days=delta)
        return _from_date(day, raw)
    if kind == "relday":
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m["rel"].lower()]
        return _from_date(ref + dt.timedelta(days=shift), raw)
    if kind == "relperiod":
        which, unit = m["which"].lower().split()[-1], m["unit"].lower()
        step = {"last": -1, "this": 0, "next": 1}[which]
        if unit == "year":
            return FuzzyDate(str(ref.year + step), "year", raw=raw)
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 + step, 12)
            return FuzzyDate(f"{y}-{mo + 1:02d}", "month", raw=raw)
        day = ref + dt.timedelta(days=7 * step)
        return FuzzyDate(f"{day.year}-{day.month:02d}", "month", raw=raw) if step else FuzzyDate(f"{ref.year}-{ref.month:02d}", "month", raw=raw)
    if kind == "ago":
        n = int(m["n"]) if m["n"].isdigit() else _NUM[m["n"].lower()]
        if n > 5000:
            return None
        unit = m["unit"].lower()
        if unit == "day":
            return _from_date(ref - dt.timedelta(days=n), raw)
        if unit == "week":
            day = ref - dt.timedelta(days=7 * n)
            return FuzzyDate(f"{day.year}-{day.month:02d}", "month", raw=raw)
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 - n, 12)
            return FuzzyDate(f"{y}-{mo + 1:02d}", "month", raw=raw)
        return FuzzyDate(str(ref.year - n), "year", raw=raw)
    return None


def with_span(date: FuzzyDate, span: Span) -> FuzzyDate:
    return FuzzyDate(date.value, date.precision, raw=date.raw, span=span)


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS[key[:3]]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(year: int, month: int, day: int, raw: str) -> FuzzyDate | None:
    d = _safe(year, month, day)
    return _from_date(d, raw) if d else None


def _from_date(day: dt.date, raw: str) -> FuzzyDate:
    return FuzzyDate(day.isoformat(), "day", raw=raw)


def _ref_day(reference: FuzzyDate | None) -> dt.date | None:
    if reference is None or reference.precision != "day":
        return None
    return dt.date.fromisoformat(reference.value)
