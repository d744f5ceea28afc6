"""Dates: the publication date, and event dates resolved against it at the precision the text supports.

A month and day with no known year stay "--11-17"; nothing is ever dated by default.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
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
    ("weekday", r"\b(?:(?P<wmod>last|next|this|past)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
    ("relday", r"\b(?P<rel>yesterday|today|tomorrow|tonight|last\s+night|overnight|this\s+(?:morning|afternoon|evening))\b"),
    ("relperiod", r"\b(?P<which>last|this|next|(?:earlier|later)\s+(?:this|in\s+the)|(?:the\s+)?(?:end|beginning|start|middle)"
                  r"\s+of\s+(?:the|this|last|next))\s+(?P<unit>week|month|year)\b"),
    ("season", r"\b(?P<which>last|this|next)\s+(?P<season>spring|summer|autumn|fall|winter)\b"),
    ("ago", r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
]]
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # the month each season starts
NEAR_DAYS = 183  # a month and day with no year is read as the nearest one only this close to the report
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
            month, day = _month_number(m["mon"]), int(m["day"])
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


def resolve(mention: DateMention, reference: FuzzyDate | None, *, future: bool = False,
            years: Collection[int] = ()) -> FuzzyDate | None:
    """The FuzzyDate a phrase denotes, read against the report's date; None when it cannot be told.

    `years` are those the surrounding sentence states (`stated_years`): a month and day read in a
    sentence about another year than the report's keeps no year ("signed in 1992 and ratified on
    November 17")."""
    try:
        found = _resolve(mention, reference, future)
        if found is not None and mention.kind in ("mdy", "dmy") and found.precision == "day" and years \
                and int(found.value[:4]) not in years and not _has_year(mention):
            found = FuzzyDate("--" + found.value[5:], "monthday", raw=found.raw)
    except (OverflowError, ValueError):
        return None  # "5000 years ago": outside the calendar accord reports
    if found is not None and found.precision != "monthday" and not 1000 <= int(found.value[:4]) <= 9999:
        return None
    return found


def stated_years(mentions: list[DateMention]) -> set[int]:
    """The years date phrases write out ("May 8, 1992", "in 2015")."""
    return {int(y) for m in mentions for y in re.findall(r"\b(?:1[89]|20)\d\d\b", m.text)}


def _has_year(mention: DateMention) -> bool:
    return bool(re.search(r"\b(?:1[89]|20)\d\d\b", mention.text))


def _resolve(mention: DateMention, reference: FuzzyDate | None, future: bool) -> FuzzyDate | None:
    m = next(p for k, p in PATTERNS if k == mention.kind).search(mention.text)
    if m is None:
        return None
    kind, raw = mention.kind, mention.text
    if kind == "iso":
        return parse_published(m["iso"])
    if kind in ("mdy", "dmy"):
        return _month_day(m, reference, future, raw)
    if kind == "my":
        return _month_of(m, reference, future, raw)
    if kind == "since_year":
        return FuzzyDate(m["year"], "year", raw=raw)
    ref = _ref_day(reference)
    if ref is None:
        return _from_month_day(m, kind, reference, raw)
    if kind == "weekday":
        return _weekday(m, ref, future, raw)
    if kind == "relday":
        word = m["rel"].lower().split()[0]
        shift = {"yesterday": -1, "last": -1, "tomorrow": 1}.get(word, 0)
        return _from_date(ref + dt.timedelta(days=shift), raw)
    if kind == "relperiod":
        return _period(m["which"].lower().split(), m["unit"].lower(), ref, raw)
    if kind == "season":
        return _season(m["which"].lower(), m["season"].lower(), ref, raw)
    if kind == "ago":
        return _ago(m, ref, raw)
    return None


def _from_month_day(m: re.Match[str], kind: str, reference: FuzzyDate | None, raw: str) -> FuzzyDate | None:
    """ "yesterday", "last week", "three days ago" in a report dated "--03-02" (a dateline with no year):
    a month and day too. Only whole-day shifts; a weekday or a month would need the year."""
    if reference is None or reference.precision != "monthday":
        return None
    if kind == "relday":
        shift = {"yesterday": -1, "last": -1, "tomorrow": 1}.get(m["rel"].lower().split()[0], 0)
    elif kind == "relperiod" and m["unit"].lower() == "week" and m["which"].lower() in ("last", "this", "next"):
        shift = 7 * {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    elif kind == "ago" and m["unit"].lower() in ("day", "week"):
        n = int(m["n"]) if m["n"].isdigit() else _NUM[m["n"].lower()]
        shift = -n * (7 if m["unit"].lower() == "week" else 1)
    else:
        return None
    if abs(shift) > 300:
        return None
    day = dt.date(2001, int(reference.value[2:4]), int(reference.value[5:7])) + dt.timedelta(days=shift)  # 2001: no leap day
    return FuzzyDate(f"--{day.month:02d}-{day.day:02d}", "monthday", raw=raw)


def _weekday(m: re.Match[str], ref: dt.date, future: bool, raw: str) -> FuzzyDate:
    """ "on Monday": the latest Monday up to the report (the next one for a future act); "last Monday" one before it."""
    which = (m["wmod"] or "").lower()
    ahead = which == "next" or (future and which != "last" and which != "past")
    back = (ref.weekday() - WEEKDAYS[m["wd"].lower()]) % 7
    if ahead:
        return _from_date(ref + dt.timedelta(days=(7 - back) % 7 or (7 if which == "next" else 0)), raw)
    return _from_date(ref - dt.timedelta(days=back or (7 if which in ("last", "past") else 0)), raw)


def _month_day(m: re.Match[str], reference: FuzzyDate | None, future: bool, raw: str) -> FuzzyDate | None:
    """ "March 27": in its stated year; else the nearest such day on the side of the report the clause
    speaks of (before it for a past act, after it for a future one), if that is within about six
    months of a report dated to the day; else "--03-27", a year never invented."""
    month, day = _month_number(m["mon"]), int(m["day"])
    if not 1 <= day <= 31:
        return None
    if m["year"]:
        return _day(int(m["year"]), month, day, raw)
    monthday = FuzzyDate(f"--{month:02d}-{day:02d}", "monthday", raw=raw) if _safe(2000, month, day) else None
    ref = _ref_day(reference)
    if ref is None or monthday is None:
        return monthday
    slack = dt.timedelta(days=1)  # a report dated a day early by time zones
    for year in (ref.year - 1, ref.year, ref.year + 1) if future else (ref.year + 1, ref.year, ref.year - 1):
        cand = _safe(year, month, day)
        if cand is not None and (cand >= ref - slack if future else cand <= ref + slack):
            return _from_date(cand, raw) if abs((cand - ref).days) <= NEAR_DAYS else monthday
    return monthday


def _month_of(m: re.Match[str], reference: FuzzyDate | None, future: bool, raw: str) -> FuzzyDate | None:
    """ "in December": of its stated year, else the last such month up to the report (the next one for the future)."""
    month = _month_number(m["mon"])
    if m["year"]:
        return FuzzyDate(f"{m['year']}-{month:02d}", "month", raw=raw)
    ref = _ref_day(reference)
    if ref is None:
        return None
    year = ref.year - (1 if (month > ref.month and not future) else 0) + (1 if (month < ref.month and future) else 0)
    return FuzzyDate(f"{year}-{month:02d}", "month", raw=raw)


def _period(which: list[str], unit: str, ref: dt.date, raw: str) -> FuzzyDate | None:
    """ "last week" (a day seven days back), "earlier this week", "later in the month", "the end of last year"."""
    step = -1 if "last" in which else 1 if "next" in which else 0
    part = "early" if which[0] in ("earlier", "beginning", "start") else "late" if which[0] in ("later", "end") else None
    if unit == "year":
        return FuzzyDate(str(ref.year + step), "year", raw=raw)
    if unit == "month":
        y, mo = divmod(ref.year * 12 + ref.month - 1 + step, 12)
        return FuzzyDate(f"{y}-{mo + 1:02d}", "month", raw=raw)
    if step or part is None:
        return _from_date(ref + dt.timedelta(days=7 * step), raw)
    monday = ref - dt.timedelta(days=ref.weekday())
    one = dt.timedelta(days=1)
    if part == "early":  # halfway between Monday and the report
        return _from_date(monday + (ref - monday) // 2 if ref > monday else ref - one, raw)
    return _from_date(ref + max((monday + 6 * one - ref) // 2, one), raw)


def _season(which: str, season: str, ref: dt.date, raw: str) -> FuzzyDate:
    """ "last fall": the year of the latest such season that ended before the report; "next spring" the first to come."""
    start = SEASONS[season]

    def end(y: int) -> tuple[int, int]:  # (year, month - 1) of the last month of the season begun in year y
        return divmod(y * 12 + start - 1 + 2, 12)

    now = (ref.year, ref.month - 1)
    years = range(ref.year - 2, ref.year + 2)
    if which == "last":
        y = max(y for y in years if end(y) < now)
    elif which == "next":
        y = min(y for y in years if (y, start - 1) > now)
    else:
        y = ref.year - 1 if start == 12 and ref.month < 12 else ref.year
    return FuzzyDate(str(end(y)[0]), "year", raw=raw)


def _ago(m: re.Match[str], ref: dt.date, raw: str) -> FuzzyDate | None:
    n = int(m["n"]) if m["n"].isdigit() else _NUM[m["n"].lower()]
    if n > 5000:
        return None
    unit = m["unit"].lower()
    if unit in ("day", "week"):
        return _from_date(ref - dt.timedelta(days=n * (7 if unit == "week" else 1)), raw)
    if unit == "month":
        y, mo = divmod(ref.year * 12 + ref.month - 1 - n, 12)
        return FuzzyDate(f"{y}-{mo + 1:02d}", "month", raw=raw)
    return FuzzyDate(str(ref.year - n), "year", raw=raw)


def is_after(date: FuzzyDate, reference: FuzzyDate | None) -> bool:
    """Whether a date lies after the report's date, at the coarser of the two precisions (a day's slack)."""
    if reference is None or date.precision == "monthday" or reference.precision == "monthday":
        return False
    order = {"year": 4, "month": 7, "day": 10}
    width = min(order[date.precision], order[reference.precision])
    if width == 10:
        return dt.date.fromisoformat(date.value) > dt.date.fromisoformat(reference.value) + dt.timedelta(days=1)
    return date.value[:width] > reference.value[:width]


def with_span(date: FuzzyDate, span: Span) -> FuzzyDate:
    return FuzzyDate(date.value, date.precision, raw=date.raw, span=span)


def _month_number(name: str) -> int:
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
