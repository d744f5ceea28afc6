"""Parties the sentence leaves unstated: the target by default, the host of a visit, the country of a group.

With no stated target, the event faces the other side of the article's main pair, or for an
act done at home the people of the place; a meeting in an article about a visit runs from
the guest to the host; a group of no country takes that of the place the sentence names.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..actors import INTERNATIONAL, ArticleActors
from ..model import Actor, Location
from ..places import Gazetteer
from ..vocabulary import Vocabulary
from .dictionary import Dictionary, Rule
from .roles import Roles
from .triggers import Hit, domestic_complement, hostile_complement


def fill_in(hit: Hit, roles: Roles, actors: ArticleActors, place: Location | None, where_said: Location | None,
            dictionary: Dictionary) -> Roles:
    """The roles completed from the place of the event and the article's main pair.

    A trigger with no stated actor at all stays uncoded: the people of the place are no actor
    ("the attacks occurred at 4 a.m." names no attacker)."""
    rule = hit.rule
    domestic = rule.type in dictionary.words.domestic_types
    if not roles.target and roles.source:
        # "threatened to impose a curfew in Algiers", "vowed to fight on": the act at home faces its people
        at_home = rule.absorbs and hit.kind == "verb" and (
            domestic_complement(hit.token, dictionary) or hostile_complement(hit.token, dictionary))
        roles = default_target(roles, actors, rule.type, place, dictionary.words, visit=rule.mode == "visit", at_home=at_home,
                               on_a_place=_on_a_place(hit, actors))
    if rule.mode == "visit" and roles.source and roles.target and place is not None and place.country \
            and actors.actor(roles.target[0]).country == actors.actor(roles.source[0]).country != place.country:
        # "Kishida arrived in Manila ..., the first by a Japanese premier in years": the host is where he went
        roles = Roles(roles.source, [actors.country_entity(place.country)], True, roles.how + ", host from the place")
    if not roles.source and roles.target and where_said is not None and where_said.country \
            and rule.type in dictionary.words.unnamed_perpetrator_types:
        # "a roadside bombing near Samarra killed ...": unnamed perpetrators of that place (a ban or an
        # arrest in a place is no act of its people)
        roles = Roles([actors.people_of(where_said.country)], roles.target, True, roles.how + ", source from the place")
    if not roles.source and roles.target and where_said is not None and where_said.country and rule.mode == "investigate":
        # "X was put under investigation in Italy": the authorities of the place investigate
        roles = Roles([actors.country_entity(where_said.country)], roles.target, True, roles.how + ", the state of the place")
    return roles


def default_target(roles: Roles, actors: ArticleActors, rtype: str, place: Location | None, words: Vocabulary,
                   visit: bool = False, at_home: bool = False, on_a_place: bool = False) -> Roles:
    """With no stated target: the other side of the article's main pair of actors; for acts done
    at home (protests, arrests, curfews, and with `at_home` threats or vows of them), the people of
    the place, else of the actor's own country."""
    src_country = actors.actor(roles.source[0]).country
    pair = actors.pair("sides") if actors.bilateral() else None
    if not pair or src_country not in [actors.actor(e).country for e in pair]:
        if place is not None and place.country and place.country != src_country and (rtype != "CONSULT" or visit):
            # "arrived in Chad": the host; "sought refuge in Germany": the people of that place
            target = actors.country_entity(place.country) if visit else actors.people_of(place.country)
            return Roles(roles.source, [target], roles.directed, roles.how + ", target by default: " + place.country)
        domestic = at_home or (rtype in words.domestic_types and rtype not in words.no_default_target_types)
        source = actors.actor(roles.source[0])
        insurgent = source.kind == "group" and not set(source.sectors) & actors.tables.state_sectors
        # a curfew faces the actor's own people, so does a massacre by militias; a state's raid
        # with no target and no place faces no one
        home = src_country if at_home or rtype in words.home_types or insurgent or on_a_place else None
        if domestic and (place is not None and place.country or home):
            code = place.country if place is not None and place.country else home
            return Roles(roles.source, [actors.people_of(str(code))], roles.directed,
                         roles.how + ", target by default: the people of " + str(code))
        return roles
    for noun in ("sides", "countries"):
        pair = actors.pair(noun)
        if not pair:
            return roles
        src_country = actors.actor(roles.source[0]).country
        countries = [actors.actor(e).country for e in pair]
        if src_country in countries and countries[0] != countries[1]:
            other = pair[1 - countries.index(src_country)]
            if other != roles.source[0]:
                return Roles(roles.source, [other], roles.directed, roles.how + ", target by default from the article's main pair")
    return roles


def _on_a_place(hit: Hit, actors: ArticleActors) -> bool:
    """The act is done to a place of no stated country ("burned down villages", "an attack on the town")."""
    tok = hit.token
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "into") for p in c.children
                if p.dep_ == "pobj"]
    return any(o.lemma_.lower() in actors.tables.place_words for o in objects)


def visit(roles: Roles, actors: ArticleActors, rtype: str, mode: str | None) -> tuple[Roles, str | None]:
    """A meeting between the sides of an article about a visit is a visit: the guest is the source."""
    visitor = actors.visitor_country
    if rtype != "CONSULT" or not visitor or not roles.target or mode not in (None, "visit") or roles.directed:
        return roles, mode  # "A met with B", "A visited B" stay as stated
    src, tgt = actors.actor(roles.source[0]).country, actors.actor(roles.target[0]).country
    if tgt == visitor and src != visitor:
        return Roles(roles.target, roles.source, True, roles.how + ", guest as source"), "visit"
    if src == visitor and tgt != visitor:
        return Roles(roles.source, roles.target, True, roles.how), "visit"
    return roles, mode


def place_groups(source: Actor, target: Actor | None, roles: Roles, rule: Rule, where_said: Location | None,
                 place: Location | None, sent: Any, actors: ArticleActors,
                 gazetteer: Gazetteer | None, words: Vocabulary) -> tuple[Actor, Actor | None]:
    """Groups of no country take it from where the event happened."""
    said = where_said.country if where_said is not None and where_said.country not in INTERNATIONAL else None
    if source.country is None and source.kind == "group" and gazetteer is not None:
        said = _group_city(roles.source[0], sent, actors, gazetteer) or said  # "An Istanbul court acquitted ..."
    if said and source.country is None and source.kind == "group":
        source = replace(source, country=said)  # "Authorities in Srinagar lifted the curfew": Indian authorities
        if target is None and rule.type in words.domestic_types and rule.type not in words.no_default_target_types:
            target = actors.actor(actors.people_of(said))
    here = place.country if place is not None and place.country not in INTERNATIONAL else None
    if here and target is not None and target.country is None and target.kind == "group":
        target = replace(target, country=here)  # "killed three suspected fighters in Lebanon's border area"
    return source, target


def _group_city(entity: str, sent: Any, actors: ArticleActors, gazetteer: Gazetteer) -> str | None:
    """The country of a city that names a group ("An Istanbul court", "Kabul police")."""
    for m in actors.mentions:
        if m.entity != entity or not sent.start <= m.head < sent.end:
            continue
        for ent in actors.doc.ents:
            if ent.label_ == "GPE" and m.start <= ent.start and ent.end <= m.end:
                city = gazetteer.resolve(ent.text, prefer=set(actors.country_counts()))
                if city is not None:
                    return city.country
    return None


def object_is(verb: Any, entity: str, actors: ArticleActors) -> bool:
    """The entity is the verb's direct object itself ("hosted the Italian minister"), not a
    phrase inside it ("welcomed the swearing-in of the government")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass")]  # "Kohl was received by ..."
    objects += [c for x in verb.children if x.dep_ in ("xcomp", "ccomp") for c in x.children if c.dep_ == "dobj"]
    heads = {t.i for o in objects for t in [o, *o.conjuncts]}
    heads |= {c.i for h in list(heads) for c in actors.doc[h].children if c.dep_ == "appos"}
    doc = actors.doc
    # a modifier of the object names it only where the object is people ("hosted Iranian officials"), not
    # a thing ("received Iranian assistance")
    return any(m.entity == entity and (m.head in heads or m.end - 1 in heads or doc[m.head].head.i in heads
                                       and (doc[m.head].dep_ == "conj" or doc[m.head].dep_ in ("amod", "compound")
                                            and doc[m.head].head.tag_ in ("NNS", "NNPS")))
               for m in actors.mentions)
