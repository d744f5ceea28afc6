"""A dossier on two countries: what the store knows of their relations, every line with its evidence and source.

`build()` gathers the records, `render_html()` and `render_markdown()` write them out; the HTML is one file with
inline CSS and an inline SVG timeline, and every piece of article text in it is escaped.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import QueryError
from .exports import Filters, stored_events, stored_facts
from .model import EVENT_TYPES, QUAD_CLASS
from .store import Store, dyad_key

AGREEMENT_TYPES = ("SUPPORT", "AGREE", "CONSULT")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_COLOURS = {1: "#1b9e77", 2: "#386cb0", 3: "#e6a000", 4: "#d7301f"}


@dataclass(frozen=True, slots=True)
class Source:
    """An article cited by the dossier; `number` is its place in the list of sources."""

    number: int
    hash: str
    doc_id: str
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class Person:
    """A person or organisation of either country named in the cited articles."""

    country: str
    kind: str
    name: str
    roles: tuple[str, ...]
    sources: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class FigureLine:
    """One figure (a fact cluster) with every article that states it and the values that contradict it."""

    facts: tuple[dict[str, Any], ...]
    conflicting: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Dossier:
    """Everything the store holds on one country pair."""

    countries: tuple[str, str]
    events: tuple[dict[str, Any], ...]
    figures: tuple[FigureLine, ...]
    people: tuple[Person, ...]
    sources: dict[str, Source]  # by article hash

    @property
    def title(self) -> str:
        return f"{country_name(self.countries[0])} and {country_name(self.countries[1])}"

    def counts_by_type(self) -> dict[str, int]:
        counts = Counter(e["type"] for e in self.events)
        return {t: counts[t] for t in EVENT_TYPES if counts[t]}

    def agreements(self) -> tuple[dict[str, Any], ...]:
        return tuple(e for e in self.events if e["type"] in AGREEMENT_TYPES)

    def source_of(self, rec: dict[str, Any]) -> Source | None:
        return self.sources.get(article_hash(rec))

    def summary(self) -> str:
        return (f"dossier {'-'.join(self.countries)}: {len(self.events)} events, {len(self.figures)} figures, "
                f"{len(self.people)} people, {len(self.sources)} sources")


def article_hash(rec: dict[str, Any]) -> str:
    """The stored article of a record: the prefix of its id."""
    return str(rec["id"]).split(":", 1)[0]


def country_name(code: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return str(found.name) if found is not None else code


def build(store: Store, a: str, b: str) -> Dossier:
    """Gather the events, figures, people and sources of the pair a-b."""
    codes = tuple(c.upper() for c in (a, b))
    if not all(re.fullmatch(r"[A-Z]{3}", c) for c in codes) or codes[0] == codes[1]:
        raise QueryError(f"a dossier needs two different three-letter country codes, not {a!r} and {b!r}")
    filters = Filters(dyad=dyad_key(*codes))
    events = tuple(stored_events(store, filters))
    facts = list(stored_facts(store, filters))
    sources = _sources(store, [*events, *facts])
    return Dossier(countries=(codes[0], codes[1]), events=events, figures=_figures(facts),
                   people=_people(store, codes, sources), sources=sources)


def _sources(store: Store, records: list[dict[str, Any]]) -> dict[str, Source]:
    hashes = list(dict.fromkeys(article_hash(r) for r in records))
    found: list[dict[str, Any]] = [row for h in hashes if (row := store.article(h)) is not None]
    found.sort(key=lambda row: (row["published"] or "", row["doc_id"]))
    return {row["hash"]: Source(number=i, hash=row["hash"], doc_id=row["doc_id"], title=row["title"], url=row["url"],
                                published=row["published"], outlet=row["source"])
            for i, row in enumerate(found, start=1)}


def _figures(facts: list[dict[str, Any]]) -> tuple[FigureLine, ...]:
    clusters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in facts:
        clusters[str(f.get("cluster") or f["id"])].append(f)
    by_id = {f["id"]: f for f in facts}
    lines = []
    for members in clusters.values():
        against = {str(c) for f in members if isinstance(f.get("conflict"), list) for c in f["conflict"]}
        conflicting = tuple(by_id[c] for c in sorted(against) if c in by_id and by_id[c] not in members)
        lines.append(FigureLine(facts=tuple(members), conflicting=conflicting))
    return tuple(sorted(lines, key=lambda line: (line.facts[0].get("metric") or "", -(line.facts[0]["value"] or 0))))


def _people(store: Store, codes: tuple[str, ...], sources: dict[str, Source]) -> tuple[Person, ...]:
    """People and organisations of either country named in the cited articles, one line per person key."""
    if not sources:
        return ()
    marks = ",".join("?" * len(sources))
    sql = ("SELECT country, kind, name, role, person, article_hash FROM actors WHERE country IN (?, ?) "
           f"AND kind IN ('person', 'organisation') AND name IS NOT NULL AND article_hash IN ({marks})")
    groups: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for row in store.conn.execute(sql, (*codes, *sources)):
        groups[(row["kind"], row["person"] or f"{row['country']}:{row['name'].lower()}")].append(row)
    people = [Person(country=same[0]["country"], kind=same[0]["kind"], name=max((r["name"] for r in same), key=len),
                     roles=tuple(sorted({r["role"] for r in same if r["role"]})),
                     sources=tuple(sorted({sources[r["article_hash"]].number for r in same})))
              for same in groups.values()]
    return tuple(sorted(people, key=lambda p: (p.kind != "person", p.country, p.name)))


def dyad_summary(store: Store) -> list[dict[str, Any]]:
    """Every stored country pair with its event and fact counts, events per type and per month (YYYY-MM)."""
    pairs: dict[str, dict[str, Any]] = {}
    for dyad, type_, month, n in store.conn.execute(
            "SELECT dyad, type, substr(date, 1, 7), count(*) FROM events WHERE date IS NULL OR date NOT LIKE '--%' "
            "GROUP BY dyad, type, substr(date, 1, 7) UNION ALL "
            "SELECT dyad, type, NULL, count(*) FROM events WHERE date LIKE '--%' GROUP BY dyad, type"):
        entry = pairs.setdefault(dyad, _dyad_entry(dyad))
        entry["events"] += n
        entry["types"][type_] = entry["types"].get(type_, 0) + n
        key = month if month and len(month) == 7 else "undated" if not month else month
        entry["months"][key] = entry["months"].get(key, 0) + n
    for dyad, n in store.conn.execute("SELECT dyad, count(*) FROM facts GROUP BY dyad"):
        pairs.setdefault(dyad, _dyad_entry(dyad))["facts"] = n
    return sorted(pairs.values(), key=lambda p: (-p["events"] - p["facts"], p["dyad"]))


def _dyad_entry(dyad: str) -> dict[str, Any]:
    countries = [c for c in dyad.split("-") if c]
    return {"dyad": dyad if len(countries) == 2 else countries[0] if countries else dyad, "countries": countries,
            "events": 0, "facts": 0, "types": {}, "months": {}}


def write(store: Store, a: str, b: str, *, html_path: str | Path, markdown_path: str | Path | None = None) -> Dossier:
    """Build the dossier of a-b and write it as HTML (and Markdown when `markdown_path` is given)."""
    report = build(store, a, b)
    Path(html_path).write_text(render_html(report), encoding="utf-8")
    if markdown_path:
        Path(markdown_path).write_text(render_markdown(report), encoding="utf-8")
    return report


# ---------------------------------------------------------------- shared wording

def event_line(e: dict[str, Any]) -> str:
    """ "2023-01-12 CONSULT (visit): ITA/Guido Crosetto → AZE/Zakir Hasanov" """
    mode = f" ({e['mode']})" if e.get("mode") else ""
    target = f" → {actor_label(e.get('target'))}" if e.get("target") else ""
    return f"{e.get('date') or 'undated'} {e['type']}{mode}: {actor_label(e.get('source'))}{target}"


def period(events: tuple[dict[str, Any], ...]) -> str:
    """ "3 events, dated 2023-01-12 to 2023-03-02 (1 undated)" """
    dates = sorted(str(e["date"]) for e in events if e.get("date") and not str(e["date"]).startswith("--"))
    undated = len(events) - len(dates)
    span = f", dated {dates[0]} to {dates[-1]}" if dates else ""
    return f"{len(events)} events{span}" + (f" ({undated} without a year)" if undated else "")


def actor_label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "?"
    name = actor.get("name")
    return f"{actor.get('country') or '?'}/{name}" if name else str(actor.get("country") or "?")


def figure_label(f: dict[str, Any]) -> str:
    """ "investment: ITA → AZE 1,700,000,000 EUR (exact)" """
    parties = f"{f.get('holder') or '?'} → {f.get('counterpart') or '?'}"
    value = f"{f['value']:,.0f}" if abs(f["value"]) >= 100 else f"{f['value']:g}"
    return f"{f.get('metric') or f['fact_type']}: {parties} {value} {f['unit']} ({f['qualifier']})"


# ---------------------------------------------------------------- HTML

CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
h1{margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e4e4e4;padding:.3em .5em;text-align:left;
vertical-align:top}th{background:#f4f4f4}.muted{color:#666;font-size:.9em}
blockquote{margin:.3em 0 .8em 1em;padding-left:.8em;border-left:3px solid #ccc;color:#333}
.q1{color:#1b9e77}.q2{color:#386cb0}.q3{color:#e6a000}.q4{color:#d7301f}.conflict{color:#d7301f;font-weight:600}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.3em}
ol.lines>li{margin-bottom:.6em}svg{max-width:100%;height:auto}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _cite_html(report: Dossier, rec: dict[str, Any]) -> str:
    src = report.source_of(rec)
    return f'<a href="#src{src.number}">[{src.number}]</a>' if src else ""


def _evidence_html(report: Dossier, rec: dict[str, Any]) -> str:
    return f"<blockquote>{_e(rec.get('evidence'))} {_cite_html(report, rec)}</blockquote>"


def render_html(report: Dossier) -> str:
    """The dossier as one self-contained HTML page."""
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{_e(report.title)}: dossier</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(report.title)}</h1>",
        f"<p class='muted'>{_e(report.summary())}; generated {_e(dt.date.today().isoformat())} by accord.</p>",
        _summary_html(report), "<h2>Timeline</h2>", timeline_svg(report.events), _lines_html(report, report.events),
        "<h2>Agreements and visits</h2>", _lines_html(report, report.agreements()),
        "<h2>Key figures</h2>", _figures_html(report), "<h2>People involved</h2>", _people_html(report),
        "<h2>Sources</h2>", _sources_html(report), "</body></html>",
    ]
    return "\n".join(parts)


def _summary_html(report: Dossier) -> str:
    rows = "".join(f"<tr><td><span class='swatch' style='background:{QUAD_COLOURS[QUAD_CLASS[t]]}'></span>{_e(t)}</td>"
                   f"<td>{_e(QUAD_NAMES[QUAD_CLASS[t]])}</td><td>{n}</td></tr>"
                   for t, n in report.counts_by_type().items())
    if not rows:
        return "<h2>Summary</h2><p>No events stored for this pair.</p>"
    return (f"<h2>Summary</h2><p>{_e(period(report.events))}</p>"
            f"<table><tr><th>Event type</th><th>Quad class</th><th>Events</th></tr>{rows}</table>")


def _lines_html(report: Dossier, events: tuple[dict[str, Any], ...]) -> str:
    if not events:
        return "<p>None stored.</p>"
    items = "".join(f"<li><span class='q{QUAD_CLASS.get(e['type'], 1)}'>{_e(event_line(e))}</span>"
                    f"{_evidence_html(report, e)}</li>" for e in events)
    return f"<ol class='lines'>{items}</ol>"


def _figures_html(report: Dossier) -> str:
    if not report.figures:
        return "<p>None stored.</p>"
    items = []
    for line in report.figures:
        head = _e(figure_label(line.facts[0]))
        if line.conflicting:
            others = "; ".join(figure_label(f) for f in line.conflicting)
            head += f" <span class='conflict'>conflicts with {_e(others)}</span>"
        quotes = "".join(_evidence_html(report, f) for f in line.facts)
        items.append(f"<li>{head}{quotes}</li>")
    return f"<ol class='lines'>{''.join(items)}</ol>"


def _people_html(report: Dossier) -> str:
    if not report.people:
        return "<p>None named.</p>"
    rows = "".join(f"<tr><td>{_e(p.name)}</td><td>{_e(p.country)}</td><td>{_e(p.kind)}</td>"
                   f"<td>{_e(', '.join(p.roles))}</td><td>{' '.join(f'<a href=#src{n}>[{n}]</a>' for n in p.sources)}"
                   "</td></tr>" for p in report.people)
    return f"<table><tr><th>Name</th><th>Country</th><th>Kind</th><th>Role</th><th>Sources</th></tr>{rows}</table>"


def _sources_html(report: Dossier) -> str:
    if not report.sources:
        return "<p>None.</p>"
    items = []
    for s in sorted(report.sources.values(), key=lambda s: s.number):
        title = _e(s.title or s.doc_id)
        link = f"<a href='{_e(s.url)}'>{title}</a>" if s.url and s.url.startswith(("http://", "https://")) else title
        items.append(f"<li id='src{s.number}'>{link} <span class='muted'>{_e(s.outlet or '')} "
                     f"{_e(s.published or '')} · {_e(s.doc_id)}</span></li>")
    return f"<ol>{''.join(items)}</ol>"


# ---------------------------------------------------------------- SVG timeline

def _day(date: str | None) -> dt.date | None:
    """The first day of a dated period; None for no date or a date without a year."""
    if not date or date.startswith("--"):
        return None
    parts = [int(p) for p in date.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def timeline_svg(events: tuple[dict[str, Any], ...], *, width: int = 960) -> str:
    """Events as dots in four lanes (quad classes) along time; undated ones in a column at the right."""
    lane, left, undated_w = 34, 150, 70
    height = 30 + 4 * lane + 24
    days = [d for e in events if (d := _day(e.get("date")))]
    first, last = (min(days), max(days)) if days else (dt.date.today(), dt.date.today())
    first, last = first - dt.timedelta(days=10), last + dt.timedelta(days=10)
    span = (last - first).days
    right = width - undated_w - 10

    def x_of(d: dt.date) -> float:
        return left + (right - left) * (d - first).days / span

    out = [(f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' role='img' "
            "aria-label='timeline of events by quad class'>")]
    for q in range(1, 5):
        y = 20 + (q - 1) * lane
        out.append(f"<rect x='{left}' y='{y}' width='{width - left - 10}' height='{lane - 4}' fill='#f6f6f6'/>"
                   f"<text x='4' y='{y + lane / 2 + 2}' font-size='12' fill='{QUAD_COLOURS[q]}'>{QUAD_NAMES[q]}</text>")
    out += _ticks(first, last, x_of, 20 + 4 * lane + 14)
    out.append(f"<text x='{right + 8}' y='{20 + 4 * lane + 14}' font-size='11' fill='#666'>undated</text>")
    stacked: Counter[tuple[int, int]] = Counter()
    for e in events:
        q = QUAD_CLASS.get(e["type"], 1)
        d = _day(e.get("date"))
        at = round(x_of(d)) if d else right + 30
        k = stacked[(q, at)]  # events of one day and class: three a column, columns side by side
        stacked[(q, at)] += 1
        cx, cy = at + k // 3 * 13, 20 + (q - 1) * lane + (lane - 4) / 2 + (0, -10, 10)[k % 3]
        out.append(f"<circle cx='{cx}' cy='{cy:.0f}' r='5.5' fill='{QUAD_COLOURS[q]}' fill-opacity='.85'>"
                   f"<title>{_e(event_line(e))}</title></circle>")
    out.append("</svg>")
    return "".join(out)


def _ticks(first: dt.date, last: dt.date, x_of: Any, y: int) -> list[str]:
    """Month ticks for spans under two years, else year ticks."""
    monthly = (last - first).days < 730
    d = dt.date(first.year, first.month, 1) if monthly else dt.date(first.year, 1, 1)
    out = []
    while d <= last:
        if d >= first:
            x = x_of(d)
            label = d.strftime("%b %Y") if monthly else str(d.year)
            out.append(f"<line x1='{x:.0f}' x2='{x:.0f}' y1='18' y2='{y - 10}' stroke='#ddd'/>"
                       f"<text x='{x:.0f}' y='{y}' font-size='11' fill='#666' text-anchor='middle'>{label}</text>")
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1) if monthly else dt.date(d.year + 1, 1, 1)
    return out


# ---------------------------------------------------------------- Markdown

def _md(value: Any) -> str:
    """Text safe inside Markdown: HTML and Markdown syntax escaped, line breaks folded."""
    text = html.escape(" ".join(str("" if value is None else value).split()), quote=False)
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", text)


def _cite_md(report: Dossier, rec: dict[str, Any]) -> str:
    src = report.source_of(rec)
    return f" [{src.number}]" if src else ""


def render_markdown(report: Dossier) -> str:
    """The dossier as Markdown (the timeline chart is left to the HTML)."""
    out = [f"# {_md(report.title)}", "", f"_{_md(report.summary())}_", "", "## Summary", ""]
    counts = report.counts_by_type()
    out += [_md(period(report.events)), "", "| Event type | Quad class | Events |", "|---|---|---|"] if counts \
        else ["No events stored for this pair."]
    out += [f"| {t} | {QUAD_NAMES[QUAD_CLASS[t]]} | {n} |" for t, n in counts.items()]
    for heading, events in (("Timeline", report.events), ("Agreements and visits", report.agreements())):
        out += ["", f"## {heading}", ""] + (_md_lines(report, events) or ["None stored."])
    out += ["", "## Key figures", ""] + (_md_figures(report) or ["None stored."])
    out += ["", "## People involved", ""]
    if report.people:
        out += ["| Name | Country | Kind | Role | Sources |", "|---|---|---|---|---|"]
        out += [f"| {_md(p.name)} | {p.country} | {p.kind} | {_md(', '.join(p.roles))} | "
                f"{' '.join(f'[{n}]' for n in p.sources)} |" for p in report.people]
    else:
        out.append("None named.")
    out += ["", "## Sources", ""]
    out += [f"{s.number}. {_md(s.title or s.doc_id)} ({_md(s.outlet or '')} {_md(s.published or '')}; "
            f"{_md(s.doc_id)}){' ' + _md(s.url) if s.url else ''}"
            for s in sorted(report.sources.values(), key=lambda s: s.number)]
    return "\n".join(out) + "\n"


def _md_lines(report: Dossier, events: tuple[dict[str, Any], ...]) -> list[str]:
    out = []
    for i, e in enumerate(events, start=1):
        out += [f"{i}. {_md(event_line(e))}", f"   > {_md(e.get('evidence'))}{_cite_md(report, e)}"]
    return out


def _md_figures(report: Dossier) -> list[str]:
    out = []
    for i, line in enumerate(report.figures, start=1):
        conflict = "; **conflicts with** " + "; ".join(_md(figure_label(f)) for f in line.conflicting) \
            if line.conflicting else ""
        out.append(f"{i}. {_md(figure_label(line.facts[0]))}{conflict}")
        out += [f"   > {_md(f.get('evidence'))}{_cite_md(report, f)}" for f in line.facts]
    return out
