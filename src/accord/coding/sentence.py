"""Coding one sentence: every event it states, each with the line `accord explain` prints for it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..actors import ArticleActors, in_capitals
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
from .roles import Roles, distribute, find_roles
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
    text = actors.text[sent.start_char:sent.end_char]  # sent.text joins its tokens anew
    if len(text) > max_chars:
        return CodedSentence([], [f"skipped: sentence over {max_chars} characters"])
    if in_capitals(text):
        # "KOREA WARNS CHINA OVER TARIFFS": the tagger reads capitals as names ("SAYS HE"); the
        # headline's event is told again, in sentence case, by the story
        return CodedSentence([], ["skipped: a headline in capitals"])
    for hit in find_triggers(sent, dictionary, pos=actors.pos):
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
        for one in distribute(roles, actors):
            event, line = _code_pair(hit, one, mood, sent, actors, dictionary, reference, gazetteer,
                                     f"{article_id}:e{start_index + len(events) + 1}")
            lines.append(f"{where}: {line}")
            if event is not None:
                events.append(event)
    events = drop_self_comments(events, sent)
    nest_locations(events)
    return CodedSentence(events, lines)


def _code_pair(hit: Hit, roles: Roles, mood: str, sent: Any, actors: ArticleActors, dictionary: Dictionary,
               reference: FuzzyDate | None, gazetteer: Gazetteer | None, event_id: str) -> tuple[Event | None, str]:
    """The event of one source and target of the trigger, or None; and the explain line."""
    rule, words, article_id = hit.rule, dictionary.words, actors.article_id
    tokens = scope(hit, words)
    stated = stated_place(tokens, actors, gazetteer, words)  # looked up once, used for the roles and the event
    place = location(hit, actors, roles, rule.type, rule.mode, tokens, stated, words, gazetteer)
    where_said = place or (stated_location(list(sent), actors, gazetteer) if gazetteer is not None else None)
    roles = fill_in(hit, roles, actors, place, where_said, dictionary)
    if not roles.source:
        return None, "dropped, no source actor"
    if mood == "fact" and _after(event_date(hit, sent, mood, reference, article_id, words), reference):
        mood = "future"  # "when they arrive tomorrow for talks": an act dated after the report is yet to come
    rtype, cameo, mode = recode(hit, roles, mood, dictionary)
    roles, mode = visit(roles, actors, rtype, mode)
    source = actors.actor(roles.source[0])
    target = actors.actor(roles.target[0]) if roles.target else None
    source, target = place_groups(source, target, roles, rule, where_said, place, sent, actors, gazetteer, words)
    if rtype == "ASSAULT" and _in_words(hit, source, target, words):
        rtype, cameo, mode = "ACCUSE", "111", None  # "Biden attacked Trump over his remarks": a verbal attack
    if target is not None and target.country is None:
        target = None  # "will not accept more refugees": whom, of no known country, is no party to code
    if source.kind == "country" and QUAD_CLASS[rtype] in (1, 3):
        source = _speaker_for(hit, source, actors, words) or source
    why = _not_codable(source, target, rtype, words, roles.how) or _ordinary_crime(tokens, target, words)
    if why:
        return None, f"dropped, {why}"
    date = event_date(hit, sent, mood, reference, article_id, words)
    tok = hit.token
    event = Event(
        id=event_id, article_id=article_id, type=rtype, source=source, target=target,
        evidence=Span(article_id, sent.start_char, sent.end_char, sent.text),
        trigger=Span(article_id, tok.idx, tok.idx + len(tok), tok.text),
        rule=rule.id + ("+future" if mood == "future" else ""), cameo=cameo, mode=mode,
        contexts=contexts(rule, sent, source, target, words), date=date,
        location=location(hit, actors, roles, rtype, mode, tokens, stated, words, gazetteer)
        or host_location(actors, rtype, roles),
        directed=roles.directed, confidence=confidence(roles.how))
    return event, (f"{rtype} {source.label} -> {target.label if target else '-'}"
                   f" [{roles.how}; {mood}; date {date.value if date else None}]")


def _in_words(hit: Hit, source: Actor, target: Actor | None, words: Vocabulary) -> bool:
    """One named person attacking another, neither of an armed force: in news, an attack in words."""
    return hit.kind == "verb" and hit.rule.id in words.verbal_attack_rules and target is not None \
        and source.kind == target.kind == "person" and bool(source.name and target.name) \
        and not (set(source.sectors) | set(target.sectors)) & words.armed_sectors


def _after(date: FuzzyDate | None, reference: FuzzyDate | None) -> bool:
    """The date is a day after the report's day."""
    return bool(date and reference and date.precision == "day" and reference.precision == "day"
                and date.value > reference.value)


def _ordinary_crime(tokens: list[Any], target: Actor | None, words: Vocabulary) -> str | None:
    """ "Police arrested two men for burglary": an act against an ordinary crime, done to no one named,
    is no political event."""
    if target is not None and (target.kind != "group" or target.name and target.name != "population" or target.sectors):
        return None
    crime = next((t.text for t in tokens if t.lemma_.lower() in words.ordinary_crimes), None)
    return f"an ordinary crime ('{crime}') is no political event" if crime else None


def _speaker_for(hit: Hit, source: Actor, actors: ArticleActors, words: Vocabulary) -> Actor | None:
    """ "Valtonen said Finland was willing to reopen talks": a country's word is its named speaker's,
    where the speaker is of that country."""
    verb = hit.anchor
    for _ in range(4):
        if verb.dep_ not in ("ccomp", "xcomp", "conj", "acomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
        if verb.lemma_.lower() in words.reporting_verbs:
            break
    else:
        return None
    if verb.lemma_.lower() not in words.reporting_verbs:
        return None
    subj = [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
    for m in actors.mentions_in(subj):
        speaker = actors.actor(m.entity)
        if speaker.kind in ("person", "organisation") and speaker.country == source.country:
            return speaker
    return None


def _stated_roles(hit: Hit, actors: ArticleActors, words: Vocabulary) -> tuple[Roles | None, str]:
    """The roles the parse states, checked against the rule's conditions; else None and why."""
    rule = hit.rule
    roles = find_roles(hit, actors, words) or (Roles([], [], True, "none") if rule.type in words.domestic_types else None)
    if roles is None:
        return None, "no actor found"
    if not roles.target and roles.directed and roles.source and QUAD_CLASS[rule.type] in (1, 3) and _own_deed(hit, roles, actors):
        # "Spain acknowledged its mistakes": words on one's own deed address no one
        return None, "it speaks of the actor's own deed"
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


def _own_deed(hit: Hit, roles: Roles, actors: ArticleActors) -> bool:
    """The verb's object is the source's own ("its mistakes", "their role")."""
    if hit.kind != "verb":
        return False
    owners = [actors.mention_at(p.i) for c in hit.token.children if c.dep_ == "dobj" for p in c.children
              if p.dep_ == "poss"]
    return any(m is not None and m.entity in roles.source for m in owners)


def _not_codable(source: Actor, target: Actor | None, rtype: str, words: Vocabulary, how: str) -> str | None:
    """Why an event of these ends is not coded, if it is not."""
    if source.country is None:
        # PLOVER codes no event whose actor has no country (or international code)
        return f"the source '{source.label}' has no known country"
    if target is None and rtype not in words.untargeted_types and "own country is no party" not in how:
        # "the government launched an offensive": who acts on whom is what an analyst reads; an
        # act on no one stated is coded only where acts of its kind have none (a surrender, a
        # deployment) or where it is done to the actor's own country ("promised to democratize Serbia")
        return "no target"
    if target is not None and source.entity == target.entity:
        return "source and target are the same actor"
    return None
