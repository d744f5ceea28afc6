"""A dossier on two countries: what the store knows of their relations, every line with its evidence and source.

`build()` gathers the records, `render_html()` and `render_markdown()` write them out; the HTML is one file with
inline CSS and inline SVG charts (charts.py), and every piece of article text in it is escaped. Events are grouped
by what an analyst asks (agreements, visits, disputes, other cooperation), each real event once, in one section.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .charts import QUAD_COLOURS, QUAD_NAMES, month_label, timeline_svg, trend_svg
from .display import readable_date
from .errors import QueryError
from .exports import Filters, stored_events, stored_facts
from .model import EVENT_TYPES, QUAD_CLASS
from .store import Store, dyad_key

#: The dossier's sections of events, in order: (key, heading). Every event falls in exactly one (section_of).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("agreements", "Agreements signed or promised"),
    ("visits", "Visits and meetings"),
    ("disputes", "Disputes and pressure"),
    ("cooperation", "Support, aid and other cooperation"),
)


def section_of(e: dict[str, Any]) -> str:
    """The section of an event: conflict of any kind, meetings (and intents to meet), agreements, the rest."""
    kind, cameo = e["type"], str(e.get("cameo") or "")
    if QUAD_CLASS.get(kind) in (3, 4):
        return "disputes"
    if kind == "CONSULT" or cameo.startswith("036"):  # CAMEO 036: express intent to meet or negotiate
        return "visits"
    if kind == "AGREE" or cameo.startswith("057"):  # PLOVER AGREE: promised; CAMEO 057: signed
        return "agreements"
    return "cooperation"


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
    events: tuple[dict[str, Any], ...]  # one per real event (cluster), each naming all its reports in `sources`
    figures: tuple[FigureLine, ...]
    people: tuple[Person, ...]
    sources: dict[str, Source]  # by article hash
    trend: dict[str, Any]  # events per month by quad class (Store.quad_months)

    @property
    def title(self) -> str:
        return f"{country_name(self.countries[0])} and {country_name(self.countries[1])}"

    def counts_by_type(self) -> dict[str, int]:
        counts = Counter(e["type"] for e in self.events)
        return {t: counts[t] for t in EVENT_TYPES if counts[t]}

    def sections(self) -> list[tuple[str, tuple[dict[str, Any], ...]]]:
        """(heading, events) for each of SECTIONS, events in date order, undated last."""
        return [(heading, tuple(e for e in self.events if section_of(e) == key)) for key, heading in SECTIONS]

    def agreements(self) -> tuple[dict[str, Any], ...]:
        return tuple(e for e in self.events if section_of(e) == "agreements")

    def sources_of(self, rec: dict[str, Any]) -> list[Source]:
        """The cited articles of a record: every report of a real event, in the order of the list of sources."""
        found = {self.sources[h] for h in report_hashes(rec) if h in self.sources}
        return sorted(found, key=lambda s: s.number)

    def summary(self) -> str:
        return (f"dossier {'-'.join(self.countries)}: {len(self.events)} events, {len(self.figures)} figures, "
                f"{len(self.people)} people, {len(self.sources)} sources")


def article_hash(rec: dict[str, Any]) -> str:
    """The stored article of a record: the prefix of its id."""
    return str(rec["id"]).split(":", 1)[0]


def report_hashes(rec: dict[str, Any]) -> list[str]:
    """The articles of every report of a record (a cluster record lists them in `sources`)."""
    return list(dict.fromkeys(article_hash(r) for r in rec.get("sources") or [rec]))


def country_name(code: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return str(found.name) if found is not None else code


def build(store: Store, a: str, b: str) -> Dossier:
    """Gather the events, figures, people and sources of the pair a-b."""
    codes = tuple(c.upper() for c in (a, b))
    if not all(re.fullmatch(r"[A-Z]{3}", c) for c in codes) or codes[0] == codes[1]:
        raise QueryError(f"a dossier needs two different three-letter country codes, not {a!r} and {b!r}")
    dyad = dyad_key(*codes)
    events = tuple(stored_events(store, Filters(dyad=dyad, clustered=True)))
    facts = list(stored_facts(store, Filters(dyad=dyad)))
    sources = _sources(store, [*events, *facts])
    return Dossier(countries=(codes[0], codes[1]), events=events, figures=_figures(facts),
                   people=_people(store, codes, sources), sources=sources, trend=store.quad_months(dyad=dyad))


def _sources(store: Store, records: list[dict[str, Any]]) -> dict[str, Source]:
    hashes = list(dict.fromkeys(h for r in records for h in report_hashes(r)))
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
    return f"{readable_date(e.get('date')) or 'undated'} {e['type']}{mode}: {actor_label(e.get('source'))}{target}"


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
    return " ".join(f'<a href="#src{src.number}">[{src.number}]</a>' for src in report.sources_of(rec))


def _evidence_html(report: Dossier, rec: dict[str, Any]) -> str:
    return f"<blockquote>{_e(rec.get('evidence'))} {_cite_html(report, rec)}</blockquote>"


def render_html(report: Dossier) -> str:
    """The dossier as one self-contained HTML page."""
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{_e(report.title)}: dossier</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(report.title)}</h1>",
        f"<p class='muted'>{_e(report.summary())}; generated {_e(dt.date.today().isoformat())} by accord.</p>",
        _summary_html(report),
        "<h2>Warming or cooling</h2>", _trend_caption(report), trend_svg(report.trend),
        "<h2>Timeline</h2><p class='muted'>Each real event once; hover a dot for its date and type.</p>",
        timeline_svg(report.events),
        *(f"<h2>{_e(heading)}</h2>{_lines_html(report, events)}" for heading, events in report.sections()),
        "<h2>Key figures</h2>", _figures_html(report), "<h2>People involved</h2>", _people_html(report),
        "<h2>Sources</h2>", _sources_html(report), "</body></html>",
    ]
    return "\n".join(parts)


def _trend_caption(report: Dossier) -> str:
    without = report.trend["without_month"]
    note = f" {without} event{'s' * (without != 1)} without a month {'are' if without != 1 else 'is'} not shown." \
        if without else ""
    return (f"<p class='muted'>Real events per month, cooperation above the line and conflict below, by quad class; "
            f"hover a month for its counts.{note}</p>")


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
                     f"{_e(readable_date(s.published))} · {_e(s.doc_id)}</span></li>")
    return f"<ol>{''.join(items)}</ol>"


# ---------------------------------------------------------------- Markdown

def _md(value: Any) -> str:
    """Text safe inside Markdown: HTML and Markdown syntax escaped, line breaks folded."""
    text = html.escape(" ".join(str("" if value is None else value).split()), quote=False)
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", text)


def _cite_md(report: Dossier, rec: dict[str, Any]) -> str:
    return "".join(f" [{src.number}]" for src in report.sources_of(rec))


def render_markdown(report: Dossier) -> str:
    """The dossier as Markdown (the timeline chart is left to the HTML)."""
    out = [f"# {_md(report.title)}", "", f"_{_md(report.summary())}_", "", "## Summary", ""]
    counts = report.counts_by_type()
    out += [_md(period(report.events)), "", "| Event type | Quad class | Events |", "|---|---|---|"] if counts \
        else ["No events stored for this pair."]
    out += [f"| {t} | {QUAD_NAMES[QUAD_CLASS[t]]} | {n} |" for t, n in counts.items()]
    out += ["", "## Warming or cooling", ""] + _md_trend(report)
    for heading, events in report.sections():
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
    out += [f"{s.number}. {_md(s.title or s.doc_id)} ({_md(s.outlet or '')} {_md(readable_date(s.published))}; "
            f"{_md(s.doc_id)}){' ' + _md(s.url) if s.url else ''}"
            for s in sorted(report.sources.values(), key=lambda s: s.number)]
    return "\n".join(out) + "\n"


def _md_trend(report: Dossier) -> list[str]:
    months = report.trend["months"]
    if not months:
        return ["No event of this pair is dated to a month."]
    head = "| Month | " + " | ".join(QUAD_NAMES[q] for q in range(1, 5)) + " |"
    rows = [f"| {month_label(m['month'])} | " + " | ".join(str(n) for n in m["quads"]) + " |" for m in months]
    without = report.trend["without_month"]
    return [head, "|---|---|---|---|---|", *rows] + (["", f"{without} more without a month."] if without else [])


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
