"""Actors: country, sectors, person or organisation and role for every mention, with coreference in an article.

Tables (countries, international organisations, role words) are data files under data/;
a user file adds to them. `find_actors(doc, article_id, tables)` builds the article's entity
table, one entity per real actor, each mention with its span, in this order:

    tables.py         the tables, loaded once (load_tables)
    lookup.py         place names, demonyms, capitals in the text ("Italian", "Baku")
    people.py         persons with their titles             titles.py  role words, ranks
    organisations.py  "NATO", "the Azerbaijani Defence Ministry"
    groups.py         remaining countries, "Turkish officials", "rebels"
    inference.py      countries the text leaves unstated
    article.py        the entity table and the article's main pair
    coreference.py    "he", "it", "the sides", "the ministry", surnames
"""
from __future__ import annotations

from typing import Any

from .article import ArticleActors, Mention, choose_pair
from .coreference import resolve_references
from .groups import find_countries, find_groups
from .inference import groups_of_the_sentence, infer_countries, possessed_groups
from .lookup import find_place_hits, in_capitals
from .organisations import find_organisations
from .people import find_known_people, find_people
from .tables import INTERNATIONAL, Known, Tables, load_tables, surname_country

__all__ = ["INTERNATIONAL", "ArticleActors", "Known", "Mention", "Tables", "find_actors", "in_capitals", "load_tables",
           "surname_country"]


def find_actors(doc: Any, article_id: str, tables: Tables, *, date: str | None = None, body_start: int = 0) -> ArticleActors:
    """Every actor mention in a parsed article, grouped into entities; `date` picks roles held then.
    Nothing before `body_start` (date line, byline) is an actor."""
    table = ArticleActors(doc, article_id, tables, date)
    table.first_token = next((t.i for t in doc if t.idx >= body_start), len(doc)) if body_start else 0
    places = find_place_hits(doc, tables, table.words, table.spaces, date)
    table.place_hits = places
    find_people(doc, table, places)
    find_known_people(doc, table)
    find_organisations(doc, table, places)
    find_countries(doc, table, places)
    find_groups(doc, table, places)
    infer_countries(table)
    choose_pair(table)
    resolve_references(doc, table, places)
    possessed_groups(table)
    groups_of_the_sentence(table)
    return table
