"""The place of an event: one its clause states, the host of a visit, or the place last named
for "the town", "the region"; an act during a visit took place where the visit did."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..actors import ArticleActors
from ..model import Event, Location
from ..places import Gazetteer, place_at, stated_location
from ..vocabulary import Vocabulary, load_vocabulary
from .roles import Roles
from .triggers import Hit


def scope(hit: Hit, words: Vocabulary | None = None) -> list[Any]:
    """The tokens that can name an event's place: the noun's phrase, or the verb's clause less its subject
    ("held talks on the plan at the ministry's directorate"), less what a relative or adverbial clause or a
    preposition of another act adds ("ready to continue talks despite its failure to conclude them in
    Washington": vocabulary other_act_prepositions)."""
    if hit.kind == "noun":
        tokens = _unnested(hit.token, words, hit.token.lemma_)
        verb = hit.token.head
        if hit.token.dep_ == "dobj" and verb.lemma_.lower() in (words or load_vocabulary()).support_verbs:
            # "launched an offensive into northern Syria": the support verb's place is the act's
            tokens += [t for c in verb.children if c.dep_ == "prep" for t in _unnested(c, words, hit.token.lemma_)]
        return tokens
    subject = {t.i for c in hit.anchor.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return [t for c in hit.anchor.children if c.dep_ in ("prep", "dobj", "advmod", "npadvmod")
            for t in _unnested(c, words, hit.token.lemma_) if t.i not in subject]


def _unnested(head: Any, words: Vocabulary | None, act: str) -> list[Any]:
    """A phrase's tokens less the other acts it holds; `act`: the trigger's lemma, whose coordinated repeat
    is another event ("a visit here ... and a visit to Tokyo")."""
    other_acts = (words or load_vocabulary()).other_act_prepositions
    out = [head]
    for c in head.children:
        if c.dep_ == "conj" and c.lemma_ == act:
            continue
        finite = not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)  # "a project to turn X" is no other act
        if (c.dep_ in ("relcl", "advcl", "ccomp", "csubj") and c.pos_ in ("VERB", "AUX") and finite) \
                or (c.dep_ == "prep" and c.lower_ in other_acts):
            continue
        out += _unnested(c, words, act)
    return sorted(out, key=lambda t: t.i)


def stated_place(tokens: list[Any], actors: ArticleActors, gazetteer: Gazetteer | None, words: Vocabulary) -> Location | None:
    """A place the clause names: a country or city after "in"/"at", or "at" an institution of a country."""
    if gazetteer is not None:
        loc = stated_location(tokens, actors, gazetteer, words)
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
             tokens: list[Any], stated: Location | None, words: Vocabulary,
             gazetteer: Gazetteer | None = None) -> Location | None:
    """The place stated, else the host of a visit, else for "the town" the place last named."""
    if stated is not None:
        return stated
    if "visit" in (mode, hit.rule.mode):
        # "a visit to Tokyo": where the visit goes
        to = [t for t in tokens if t.dep_ == "pobj" and t.head.lower_ == "to"]
        where = gazetteer if gazetteer is not None else Gazetteer.load()
        found = next((loc for t in to for loc in [place_at(t, actors, where)] if loc is not None), None)
        if found is not None:
            return found
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
    """An act between a visitor and the host's side took place in the host's country (a promise, AGREE, is
    placed where it is said, not by the visit)."""
    visitor = actors.visitor_country
    if not visitor or not roles.target or rtype not in ("CONSULT", "SUPPORT", "COOPERATE"):
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
