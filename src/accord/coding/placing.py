"""The place of an event: one its clause states, the host of a visit, or the place last named
for "the town", "the region"; an act during a visit took place where the visit did."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..actors import ArticleActors
from ..model import Event, Location
from ..places import Gazetteer, stated_location
from ..vocabulary import Vocabulary
from .roles import Roles
from .triggers import Hit


def scope(hit: Hit) -> list[Any]:
    """The tokens that can name an event's place: the noun's phrase, or the verb's clause less its subject
    ("held talks on the plan at the ministry's directorate")."""
    if hit.kind == "noun":
        return list(hit.token.subtree)
    subject = {t.i for c in hit.anchor.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return [t for c in hit.anchor.children if c.dep_ in ("prep", "dobj", "advmod", "npadvmod")
            for t in c.subtree if t.i not in subject]


def stated_place(tokens: list[Any], actors: ArticleActors, gazetteer: Gazetteer | None, words: Vocabulary) -> Location | None:
    """A place the clause names: a country or city after "in"/"at", or "at" an institution of a country."""
    if gazetteer is not None:
        loc = stated_location(tokens, actors, gazetteer)
        if loc is not None:
            return loc
    for t in tokens:
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "into", "to") and t.lemma_.lower() in words.settlement_nouns:
            # "arrived in the Liberian capital", "in the Guinean capital"
            for c in t.children:
                hit = actors.place_hits.get(c.i)
                if c.dep_ in ("amod", "compound", "poss") and hit and hit[2] in ("demonym", "name"):
                    return Location(hit[1], None, how="stated")
    for t in tokens:
        if t.dep_ == "pobj" and t.head.lower_ == "at":
            # "at the ministry's directorate": the place of an institution is its country
            for m in actors.mentions_in(list(t.subtree)):
                if actors.actor(m.entity).kind in ("organisation", "group") and actors.actor(m.entity).country:
                    return Location(actors.actor(m.entity).country, None, how="stated")
    return None


def location(hit: Hit, actors: ArticleActors, roles: Roles, rtype: str, mode: str | None,
             tokens: list[Any], stated: Location | None, words: Vocabulary) -> Location | None:
    """The place stated, else the host of a visit, else for "the town" the place last named."""
    if stated is not None:
        return stated
    if rtype == "CONSULT" and mode == "visit" and roles.target:
        return Location(actors.actor(roles.target[0]).country, None, how="host")
    if any(t.lemma_.lower() in words.place_nouns for t in tokens):
        return _place_before(hit.token.sent.start, actors)
    return None


def _place_before(start: int, actors: ArticleActors) -> Location | None:
    """ "the liberated region", "the town" with no name the gazetteer knows: the country of the
    place last stated ("in X", "in X's territories") before this sentence."""
    doc = actors.doc
    for i in range(start - 1, max(start - 400, -1), -1):
        hit = actors.place_hits.get(i)
        if hit and hit[2] in ("name", "capital"):
            t = doc[hit[0] - 1]
            noun = t.head if t.dep_ == "poss" else t  # "in Peru's flooded provinces"
            if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "at"):
                return Location(hit[1], None, how="stated")
    return None


def host_location(actors: ArticleActors, rtype: str, roles: Roles) -> Location | None:
    """An act between a visitor and the host's side took place in the host's country."""
    visitor = actors.visitor_country
    if not visitor or not roles.target or rtype not in ("CONSULT", "SUPPORT", "AGREE", "COOPERATE"):
        return None
    countries = {actors.actor(roles.source[0]).country, actors.actor(roles.target[0]).country}
    if visitor in countries and len(countries) == 2:
        host = (countries - {visitor}).pop()
        return Location(host, None, how="host")
    return None


def nest_locations(events: list[Event]) -> None:
    """An act done "during X's visit to Italy" took place in Italy."""
    visits = [e for e in events if e.type == "CONSULT" and e.mode == "visit" and e.location and e.location.how in ("host", "stated")]
    for i, e in enumerate(events):
        if e.location is None and visits and visits[0] is not e:
            events[i] = replace(e, location=visits[0].location)
