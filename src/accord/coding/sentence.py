"""Coding one sentence: every event it states, each with the line `accord explain` prints for it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..actors import ArticleActors
from ..model import QUAD_CLASS, Actor, Event, FuzzyDate, Span
from ..places import Gazetteer, stated_location
from ..vocabulary import Vocabulary
from .confidence import confidence
from .dating import event_date
from .defaults import fill_in, object_is, place_groups, visit
from .dictionary import Dictionary
from .merge import drop_self_comments
from .modality import modality
from .placing import host_location, location, nest_locations, scope, stated_place
from .recode import contexts, recode
from .roles import Roles, find_roles
from .triggers import Hit, find_triggers


@dataclass
class CodedSentence:
    """Events of one sentence and the lines `accord explain` prints for it."""

    events: list[Event]
    lines: list[str]


def code_sentence(sent: Any, actors: ArticleActors, *, dictionary: Dictionary, reference: FuzzyDate | None,
                  max_chars: int = 3000, start_index: int = 0, gazetteer: Gazetteer | None = None) -> CodedSentence:
    """Every event the sentence states, each with why it fired."""
    article_id = actors.article_id
    words = dictionary.words
    events: list[Event] = []
    lines: list[str] = []
    if len(sent.text) > max_chars:
        return CodedSentence([], [f"skipped: sentence over {max_chars} characters"])
    for hit in find_triggers(sent, dictionary):
        rule = hit.rule
        mood = modality(hit, words)
        where = f"'{hit.token.text}' ({hit.kind}, rule {rule.id} -> {rule.type} {rule.cameo or ''})"
        if mood in ("negated", "doubtful") or (mood == "refused" and QUAD_CLASS[rule.type] > 2):
            lines.append(f"{where}: dropped, {mood}")
            continue
        roles, why = _stated_roles(hit, actors, words)
        if roles is None:
            lines.append(f"{where}: dropped, {why}")
            continue
        tokens = scope(hit, words)
        stated = stated_place(tokens, actors, gazetteer, words)  # looked up once, used for the roles and the event
        place = location(hit, actors, roles, rule.type, rule.mode, tokens, stated, words)
        where_said = place or (stated_location(list(sent), actors, gazetteer) if gazetteer is not None else None)
        roles = fill_in(hit, roles, actors, place, where_said, dictionary)
        if not roles.source:
            lines.append(f"{where}: dropped, no source actor")
            continue
        rtype, cameo, mode = recode(hit, roles, mood, dictionary)
        roles, mode = visit(roles, actors, rtype, mode)
        source = actors.actor(roles.source[0])
        target = actors.actor(roles.target[0]) if roles.target else None
        source, target = place_groups(source, target, roles, rule, where_said, place, sent, actors, gazetteer, words)
        why = _not_codable(source, target)
        if why:
            lines.append(f"{where}: dropped, {why}")
            continue
        date = event_date(hit, sent, mood, reference, article_id, words)
        tok = hit.token
        events.append(Event(
            id=f"{article_id}:e{start_index + len(events) + 1}", article_id=article_id, type=rtype,
            source=source, target=target,
            evidence=Span(article_id, sent.start_char, sent.end_char, sent.text),
            trigger=Span(article_id, tok.idx, tok.idx + len(tok), tok.text),
            rule=rule.id + ("+future" if mood == "future" else ""), cameo=cameo, mode=mode,
            contexts=contexts(rule, sent, source, target, words), date=date,
            location=location(hit, actors, roles, rtype, mode, tokens, stated, words) or host_location(actors, rtype, roles),
            directed=roles.directed, confidence=confidence(roles.how)))
        lines.append(f"{where}: {rtype} {source.label} -> {target.label if target else '-'}"
                     f" [{roles.how}; {mood}; date {date.value if date else None}]")
    events = drop_self_comments(events, sent)
    nest_locations(events)
    return CodedSentence(events, lines)


def _stated_roles(hit: Hit, actors: ArticleActors, words: Vocabulary) -> tuple[Roles | None, str]:
    """The roles the parse states, checked against the rule's conditions; else None and why."""
    rule = hit.rule
    roles = find_roles(hit, actors, words) or (Roles([], [], True, "none") if rule.type in words.domestic_types else None)
    if roles is None:
        return None, "no actor found"
    if rule.needs_target and not (roles.target and roles.source):
        return None, "it needs a stated actor and an actor as its object"
    if rule.object_actor and not (roles.target and object_is(hit.token, roles.target[0], actors)):
        return None, "its object is no actor"
    if rule.swap:
        if roles.target and not object_is(hit.token, roles.target[0], actors):
            # "welcomed the swearing-in of Zimbabwe's government": no visitor is received
            return None, "its object is no actor"
        roles = Roles(roles.target or [], roles.source, roles.directed, roles.how + ", swapped")
    if roles.source and roles.target and rule.type in words.cooperative_types:
        src_a, tgt_a = actors.actor(roles.source[0]), actors.actor(roles.target[0])
        if tgt_a.kind == "country" and tgt_a.country == src_a.country:
            # "Kostunica promised to democratize Serbia": his own country is what he acts on, not a party
            roles = Roles(roles.source, [], roles.directed, roles.how + ", own country is no party")
    return roles, ""


def _not_codable(source: Actor, target: Actor | None) -> str | None:
    """Why an event of these ends is not coded, if it is not."""
    if source.country is None:
        # PLOVER codes no event whose actor has no country (or international code)
        return f"the source '{source.label}' has no known country"
    if target is not None and source.entity == target.entity:
        return "source and target are the same actor"
    return None
