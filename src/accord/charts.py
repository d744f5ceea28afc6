"""The dossier's SVG charts: events as dots along time in four quad-class lanes, and events per month by quad
class (cooperation up, conflict down) to see a relation warm or cool. Time ticks are thinned to fit the width.

web/app.js draws the same two charts in the page with the same rules (tick steps, label widths).
"""
from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Callable
from typing import Any

from .display import readable_date
from .model import QUAD_CLASS

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_COLOURS = {1: "#1b9e77", 2: "#386cb0", 3: "#e6a000", 4: "#d7301f"}
#: Steps between ticks, in months, tried from the finest; the first whose labels do not touch is used.
TICK_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600)
MONTH_LABEL_PX = 60  # "Jan 2023" at 11 px, with a gap
YEAR_LABEL_PX = 36  # "2023" at 11 px, with a gap
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def day_of(date: str | None) -> dt.date | None:
    """The first day of a dated period; None for no date or a date without a year."""
    if not date or date.startswith("--"):
        return None
    parts = [int(p) for p in date.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _month_index(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def _month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def tick_step(first: dt.date, last: dt.date, pixels: float) -> int:
    """Months between ticks: the finest step of TICK_STEPS whose labels fit side by side in `pixels`."""
    per_month = pixels / max((last - first).days / 30.44, 1)
    for step in TICK_STEPS:
        label = MONTH_LABEL_PX if step < 12 else YEAR_LABEL_PX
        if step * per_month >= label:
            return step
    return TICK_STEPS[-1]


def time_ticks(first: dt.date, last: dt.date, pixels: float) -> list[tuple[dt.date, str]]:
    """Tick days between `first` and `last` with their labels ("Mar 2023" or "2023"), thinned to fit `pixels`."""
    step = tick_step(first, last, pixels)
    index = _month_index(first) + (first.day > 1)  # the first month that starts inside the span
    index += -index % step  # ticks on multiples of the step: every January, every 5th year, ...
    out = []
    while (d := _month_start(index)) <= last:
        out.append((d, f"{MONTHS[d.month - 1]} {d.year}" if step < 12 else str(d.year)))
        index += step
    return out


def _ticks_svg(ticks: list[tuple[dt.date, str]], x_of: Callable[[dt.date], float], top: float, y: float) -> str:
    return "".join(f"<line x1='{x_of(d):.0f}' x2='{x_of(d):.0f}' y1='{top}' y2='{y - 10}' stroke='#ddd'/>"
                   f"<text class='tick' x='{x_of(d):.0f}' y='{y}' font-size='11' fill='#666' "
                   f"text-anchor='middle'>{label}</text>" for d, label in ticks)


def event_title(e: dict[str, Any]) -> str:
    mode = f" ({e['mode']})" if e.get("mode") else ""
    return f"{readable_date(e.get('date')) or 'undated'} {e['type']}{mode}"


def timeline_svg(events: tuple[dict[str, Any], ...], *, width: int = 960) -> str:
    """Events as dots in four lanes (quad classes) along time; undated ones in a column at the right."""
    lane, left, undated_w = 34, 150, 70
    height = 30 + 4 * lane + 24
    days = [d for e in events if (d := day_of(e.get("date")))]
    first, last = (min(days), max(days)) if days else (dt.date.today(), dt.date.today())
    first, last = first - dt.timedelta(days=10), last + dt.timedelta(days=10)
    right = width - undated_w - 10

    def x_of(d: dt.date) -> float:
        return left + (right - left) * (d - first).days / (last - first).days

    out = [(f"<svg xmlns='http://www.w3.org/2000/svg' class='timeline' viewBox='0 0 {width} {height}' role='img' "
            "aria-label='timeline of events by quad class'>")]
    for q in range(1, 5):
        y = 20 + (q - 1) * lane
        out.append(f"<rect x='{left}' y='{y}' width='{width - left - 10}' height='{lane - 4}' fill='#f6f6f6'/>"
                   f"<text x='4' y='{y + lane / 2 + 2}' font-size='12' fill='{QUAD_COLOURS[q]}'>{QUAD_NAMES[q]}</text>")
    out.append(_ticks_svg(time_ticks(first, last, right - left), x_of, 18, 20 + 4 * lane + 14))
    out.append(f"<text x='{right + 8}' y='{20 + 4 * lane + 14}' font-size='11' fill='#666'>undated</text>")
    stacked: Counter[tuple[int, int]] = Counter()
    for e in events:
        q = QUAD_CLASS.get(e["type"], 1)
        d = day_of(e.get("date"))
        at = round(x_of(d)) if d else right + 30
        k = stacked[(q, at)]  # events of one day and class: three a column, columns side by side
        stacked[(q, at)] += 1
        cx, cy = at + k // 3 * 13, 20 + (q - 1) * lane + (lane - 4) / 2 + (0, -10, 10)[k % 3]
        out.append(f"<circle cx='{cx}' cy='{cy:.0f}' r='5.5' fill='{QUAD_COLOURS[q]}' fill-opacity='.85'>"
                   f"<title>{_e(event_title(e))}</title></circle>")
    out.append("</svg>")
    return "".join(out)


def month_label(month: str) -> str:
    """ "2023-01" -> "Jan 2023" """
    year, m = month.split("-")
    return f"{MONTHS[int(m) - 1]} {year}"


def month_title(month: str, quads: list[int]) -> str:
    """What hovering a month shows: "Jan 2023: 2 verbal cooperation, 0 material cooperation, ..." """
    return f"{month_label(month)}: " + ", ".join(f"{n} {QUAD_NAMES[q]}" for q, n in zip(range(1, 5), quads))


def trend_svg(trend: dict[str, Any], *, width: int = 960, height: int = 200) -> str:
    """Events per month by quad class (Store.quad_months): cooperation stacked above the axis, conflict below."""
    months = trend["months"]
    if not months:
        return "<p>No event of this pair is dated to a month.</p>"
    left, right, top, bottom = 150, width - 10, 10, height - 24
    first = _month_index(dt.date.fromisoformat(months[0]["month"] + "-01"))
    last = _month_index(dt.date.fromisoformat(months[-1]["month"] + "-01"))
    slot = (right - left) / (last - first + 1)
    up = max(max(m["quads"][0] + m["quads"][1] for m in months), 1)
    down = max(max(m["quads"][2] + m["quads"][3] for m in months), 0)
    scale = (bottom - top) / (up + down)
    axis = top + up * scale

    def x_of(d: dt.date) -> float:
        return left + (_month_index(d) - first + 0.5) * slot

    out = [f"<svg xmlns='http://www.w3.org/2000/svg' class='trend' viewBox='0 0 {width} {height}' role='img' "
           "aria-label='events per month by quad class'>",
           f"<text x='4' y='{top + 12}' font-size='12' fill='#444'>cooperation ↑ {up}</text>",
           f"<text x='4' y='{bottom}' font-size='12' fill='#444'>conflict ↓ {down}</text>",
           *(f"<text x='4' y='{y:.0f}' font-size='11' fill='{QUAD_COLOURS[q]}'>■ {QUAD_NAMES[q]}</text>"
             for q, y in ((1, top + 28), (2, top + 42), (3, bottom - 30), (4, bottom - 16))),
           _ticks_svg(time_ticks(_month_start(first), _month_start(last), right - left), x_of, top, height - 6),
           f"<line x1='{left}' x2='{right}' y1='{axis:.1f}' y2='{axis:.1f}' stroke='#999'/>"]
    bar = max(min(slot * 0.8, 24), 3)  # a month of a long span stays visible
    for m in months:
        centre = x_of(dt.date.fromisoformat(m["month"] + "-01"))
        q1, q2, q3, q4 = m["quads"]
        segments = ((1, axis - q1 * scale, q1), (2, axis - (q1 + q2) * scale, q2), (3, axis, q3),
                    (4, axis + q3 * scale, q4))
        rects = "".join(f"<rect x='{centre - bar / 2:.1f}' y='{y:.1f}' width='{bar:.1f}' height='{n * scale:.1f}' "
                        f"fill='{QUAD_COLOURS[q]}'/>" for q, y, n in segments if n)
        hit = f"<rect x='{centre - slot / 2:.1f}' y='{top}' width='{slot:.1f}' height='{bottom - top}' fill='transparent'/>"
        out.append(f"<g class='month' data-month='{m['month']}' data-quads='{','.join(map(str, m['quads']))}'>"
                   f"<title>{_e(month_title(m['month'], m['quads']))}</title>{hit}{rects}</g>")
    out.append("</svg>")
    return "".join(out)
