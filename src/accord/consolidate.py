"""Consolidation: the same event or figure across articles becomes one cluster that keeps every source.

An event is the same as an earlier article's when its type and countries match at a compatible
date; reports that leave the date out must also say the same thing (their evidence shares most
content words or a figure). A figure is the same when type, unit and value match and one party
is shared ("300 mln dlrs in tariffs" held by the levier in one report, "tariffs on 300 mln dlrs
of Japanese exports" by the exporter in the other). Candidates are found by blocking (type and
country pair; type, unit and value), so the work per new record depends on its block, never on
the square of the corpus. A different value for the same quantity is flagged as a conflict on
both sides, never averaged away.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from typing import Any

VALUE_TOLERANCE = 0.015  # relative: "€1.7 billion" and "1.7 billion euros" are the same figure
DAY_TOLERANCE = 5  # reports of one story date the same event a few days apart ("yesterday", "on Monday")
SIMILAR = 0.5  # share of the shorter evidence's content words the other must hold, where dates cannot decide
CANDIDATES = 200  # at most this many earlier records of one block are compared with a new one
_FUNCTION_WORDS = frozenset("""that this these those with from have been were will would could should their there
which when where what while about after before against into over under between also than them they said says
told according other more most some such very just only even""".split())


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Both unknown, or the same at the coarser precision (day dates within DAY_TOLERANCE)."""
    if not a or not b:
        return not a and not b
    if a.startswith("--") or b.startswith("--"):
        return a[-5:] == b[-5:]
    if len(a) == len(b) == 10:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= DAY_TOLERANCE
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def names_compatible(a: str | None, b: str | None) -> bool:
    """Unknown names are compatible; known ones must contain each other ("Crosetto" in "Guido Crosetto")."""
    if not a or not b:
        return True
    a, b = a.lower(), b.lower()
    return a in b or b in a


def content_words(text: str | None) -> set[str]:
    """The words of an evidence that say what happened: lower-case words of four letters or more, less
    function words (names and numbers are compared apart)."""
    return {w for w in re.findall(r"\b[a-z][a-z'-]{3,}\b", text or "") if w not in _FUNCTION_WORDS}


def _numbers(text: str | None) -> set[str]:
    return {n.replace(",", "") for n in re.findall(r"\d[\d,.]*\d|\d", text or "") if not re.fullmatch(r"(?:19|20)\d\d", n)}


def similar_evidence(a: str | None, b: str | None) -> bool:
    """Two reports say the same thing: most content words of the shorter are in the other, or they state the
    same figure."""
    wa, wb = content_words(a), content_words(b)
    if wa and wb and len(wa & wb) >= SIMILAR * min(len(wa), len(wb)):
        return True
    return bool(_numbers(a) & _numbers(b))


def same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same type between the same countries (names compatible, direction kept unless either is undirected),
    at compatible dates; an undated report must also say what the other says."""
    if a["type"] != b["type"]:
        return False
    if a.get("mode") and b.get("mode") and a["mode"] != b["mode"]:
        return False
    ends_a = [a.get("source") or {}, a.get("target") or {}]
    ends_b = [b.get("source") or {}, b.get("target") or {}]
    straight = all(x.get("country") == y.get("country") and names_compatible(x.get("name"), y.get("name"))
                   for x, y in zip(ends_a, ends_b))
    crossed = all(x.get("country") == y.get("country") and names_compatible(x.get("name"), y.get("name"))
                  for x, y in zip(ends_a, reversed(ends_b)))
    undirected = a.get("directed") is False or b.get("directed") is False
    if not (straight or (undirected and crossed)):
        return False
    if a.get("date") and b.get("date"):
        return dates_compatible(a["date"], b["date"])
    return similar_evidence(a.get("evidence"), b.get("evidence"))


def same_fact(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same figure: type, unit and value, at least one party in common, and no two dates that differ.

    Two flows of one kind in opposite directions ("Italy's investment in Azerbaijan", "Azerbaijan's
    investment in Italy") are two figures even at one value."""
    if (a["fact_type"], a["unit"]) != (b["fact_type"], b["unit"]) or not _close(a["value"], b["value"]):
        return False
    if a.get("date") and b.get("date") and not dates_compatible(a["date"], b["date"]):
        return False
    mirrored = a.get("holder") and a.get("holder") == b.get("counterpart") and a.get("counterpart") == b.get("holder") \
        and a.get("metric") and a.get("metric") == b.get("metric")
    return bool(_parties(a) & _parties(b)) and not mirrored


def _parties(rec: dict[str, Any]) -> set[str]:
    return {p for p in (rec.get("holder"), rec.get("counterpart")) if p}


def conflicting(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same quantity (type, unit, parties, metric, date) stated with a different value."""
    return _same_quantity(a, b) and bool(a.get("metric")) and a.get("metric") == b.get("metric") \
        and not _close(a["value"], b["value"])


def _same_quantity(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (a["fact_type"], a["unit"], a.get("holder"), a.get("counterpart")) == \
        (b["fact_type"], b["unit"], b.get("holder"), b.get("counterpart")) and dates_compatible(a.get("date"), b.get("date"))


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= VALUE_TOLERANCE * max(abs(x), abs(y))


def _date_block(date: str | None) -> tuple[str, tuple[Any, ...]]:
    """SQL narrowing event candidates to dates compatible with `date` (see dates_compatible), and the undated."""
    if not date:
        return "1", ()
    if date.startswith("--"):
        return "(date IS NULL OR date LIKE '%' || ?)", (date[-5:],)
    if len(date) == 10:
        d = dt.date.fromisoformat(date)
        lo, hi = (d - dt.timedelta(days=DAY_TOLERANCE)).isoformat(), (d + dt.timedelta(days=DAY_TOLERANCE)).isoformat()
        return "(date IS NULL OR date BETWEEN ? AND ? OR date IN (?, ?))", (lo, hi, date[:7], date[:4])
    return "(date IS NULL OR substr(date, 1, ?) = ? OR date IN (?, ?))", (len(date), date, date[:7], date[:4])


def assign_event(conn: sqlite3.Connection, rec: dict[str, Any]) -> str:
    """The cluster id of a new event: an earlier article's event it repeats, else its own id.

    Candidates share type and country pair and have a compatible date or none (indexed); only the
    most recent CANDIDATES of them are read, so the cost per event does not grow with the corpus."""
    src, tgt = (rec.get("source") or {}).get("country"), (rec.get("target") or {}).get("country")
    dyad = "-".join(sorted((src or "-", tgt or "-")))
    article = rec["id"].split(":")[0]
    when, args = _date_block(rec.get("date"))
    sql = f"SELECT record, cluster FROM events WHERE dyad=? AND type=? AND {when} AND article_hash<>? " \
          "ORDER BY rowid DESC LIMIT ?"  # noqa: S608 (fixed SQL fragments)
    # of the earlier reports it matches, the one saying most nearly the same (two demands of one day by
    # one side are two events, and each report's own wording tells them apart)
    best, best_overlap = str(rec["id"]), -1.0
    words = content_words(rec.get("evidence"))
    for raw, cluster in conn.execute(sql, (dyad, rec["type"], *args, article, CANDIDATES)):
        other = json.loads(raw)
        if same_event(other, rec):
            theirs = content_words(other.get("evidence"))
            overlap = len(words & theirs) / max(1, min(len(words), len(theirs)))
            if overlap > best_overlap:
                best, best_overlap = str(cluster), overlap
    return best


def assign_fact(conn: sqlite3.Connection, rec: dict[str, Any]) -> tuple[str, list[str]]:
    """The cluster id of a new fact, and the ids of stored facts whose value it contradicts (flagged too).

    Candidates share type and unit and have a value within VALUE_TOLERANCE (indexed) or the same
    parties (for conflicts); a figure nobody holds stays its own."""
    article = rec["id"].split(":")[0]
    cluster = str(rec["id"])
    conflicts: list[str] = []
    if not _parties(rec):
        return cluster, conflicts  # a figure nobody holds cannot be told apart from another one
    value = float(rec["value"])
    lo, hi = sorted((value * (1 - VALUE_TOLERANCE), value * (1 + VALUE_TOLERANCE)))
    same = conn.execute("SELECT id, record, cluster FROM facts WHERE fact_type=? AND unit=? AND value BETWEEN ? AND ? "
                        "AND article_hash<>? ORDER BY rowid DESC LIMIT ?",
                        (rec["fact_type"], rec["unit"], lo, hi, article, CANDIDATES)).fetchall()
    for _, raw, other_cluster in same:
        if same_fact(json.loads(raw), rec):
            cluster = str(other_cluster)
            break
    dyad = "-".join(sorted((rec.get("holder") or "-", rec.get("counterpart") or "-")))
    when, args = _date_block(rec.get("date"))
    rows = conn.execute(f"SELECT id, record FROM facts WHERE fact_type=? AND unit=? AND dyad=? AND {when} "
                        "AND article_hash<>? ORDER BY rowid DESC LIMIT ?",  # noqa: S608 (fixed SQL fragments)
                        (rec["fact_type"], rec["unit"], dyad, *args, article, CANDIDATES)).fetchall()
    for rid, raw in rows:
        other = json.loads(raw)
        if conflicting(other, rec):
            conflicts.append(str(rid))
            other["conflict"] = sorted(set((other.get("conflict") or []) + [rec["id"]]))
            conn.execute("UPDATE facts SET conflict=1, record=? WHERE id=?", (json.dumps(other, ensure_ascii=False), rid))
    return cluster, conflicts


def person_key(name: str | None, country: str | None) -> str | None:
    """The key of a person's full name within a country ("ITA:guido crosetto")."""
    if not name:
        return None
    return f"{country or '-'}:{' '.join(name.lower().split())}"


def group_people(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """People across articles: one group per full name and country; a surname alone ("Crosetto")
    joins the one full name of its country that ends with it, and stays apart when two do
    ("Aliyev" beside "Ilham Aliyev" and "Heydar Aliyev")."""
    groups: dict[str, dict[str, Any]] = {}
    short: list[dict[str, Any]] = []
    for r in rows:
        name = " ".join((r.get("name") or "").split())
        if not name:
            continue
        if len(name.split()) == 1:
            short.append(r)
            continue
        key = person_key(name, r.get("country"))
        g = groups.setdefault(str(key), {"name": name, "country": r.get("country"), "variants": set(), "articles": set()})
        g["variants"].add(name)
        g["articles"].add(r["doc_id"])
    for r in short:
        name = r["name"].strip()
        owners = [k for k, g in groups.items() if g["country"] == r.get("country") and g["name"].split()[-1] == name]
        key = owners[0] if len(owners) == 1 else str(person_key(name, r.get("country")))
        g = groups.setdefault(key, {"name": name, "country": r.get("country"), "variants": set(), "articles": set()})
        g["variants"].add(name)
        g["articles"].add(r["doc_id"])
    return [{"name": g["name"], "country": g["country"], "variants": sorted(g["variants"]),
             "articles": sorted(g["articles"])} for g in groups.values()]
