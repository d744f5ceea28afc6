"""Vocabulary: the word lists the event coder and the figure reader consult, from data/vocabulary.yaml.

A user file (setting `user_vocabulary`) holds any of the same sections. A list adds its words;
`{add: [...], remove: [...]}` or `{replace: [...]}` change a list; a table entry adds or
overrides a key, and `null` removes it. Every section is checked when the file is loaded, and a
bad entry is an error naming the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from . import datafile
from .errors import InputError

QUALIFIER_NAMES = ("more_than", "less_than", "about")
FIGURE_KINDS = ("debt", "balance", "levy", "quota", "buy", "receive", "give")
FIGURE_ROLES = ("recipient", "source", "place", "target", "partner", "whole", "subject", "other")


def _section(kind: str, help: str) -> Any:
    return field(metadata={"kind": kind, "help": help})


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per loaded file set
class Vocabulary:
    """Every section of data/vocabulary.yaml, merged with a user's file."""

    reporting_verbs: frozenset[str] = _section("lower", "reporting verbs whose clause may hold a demand")
    concluding_verbs: frozenset[str] = _section("lower", "concluding verbs whose clause may hold a demand")
    obligation_words: frozenset[str] = _section("lower", "auxiliaries of a demand: 'Y must ...'")
    mandative_verbs: frozenset[str] = _section("lower", "verbs whose bare-form complement is a demand")
    failure_verbs: frozenset[str] = _section("lower", "verbs of a failure a speaker reproaches")
    failure_nouns: frozenset[str] = _section("lower", "nouns of a failure a speaker reproaches")
    hypothetical_marks: frozenset[str] = _section("lower", "adjectives that make a noun trigger no event")
    setting_nouns: frozenset[str] = _section("lower", "nouns of a war named as the time of something else")
    setting_prepositions: frozenset[str] = _section("lower", "prepositions before such a time")
    plural_event_nouns: frozenset[str] = _section("lower", "noun lemmas that name events in the plural")
    people_nouns: frozenset[str] = _section("lower", "nouns of people a to_people rule is done to")
    content_types: frozenset[str] = _section("types", "acts whose object is what they are about")
    force_verbs: frozenset[str] = _section("lower", "verbs of force that make a promise a threat")
    ordinary_crimes: frozenset[str] = _section("lower", "crimes between private persons, no political event")
    intent_words: frozenset[str] = _section("lower", "verbs and adjectives of intent")
    future_auxiliaries: frozenset[str] = _section("lower", "auxiliaries of the future")
    doubt_auxiliaries: frozenset[str] = _section("lower", "auxiliaries of doubt")
    denial_verbs: frozenset[str] = _section("lower", "verbs that negate the act they govern")
    refusal_verbs: frozenset[str] = _section("lower", "verbs that refuse the act they govern")
    verb_negations: frozenset[str] = _section("lower", "words that negate a verb besides its 'not'")
    noun_negations: frozenset[str] = _section("lower", "words that negate a noun trigger")
    condition_marks: frozenset[str] = _section("lower", "words that open a condition")
    noun_future_marks: frozenset[str] = _section("lower", "words that make a noun trigger future")
    reporting_act_verbs: frozenset[str] = _section("lower", "verbs whose subject speaks of an act named by their object")
    verbal_attack_rules: frozenset[str] = _section("lower", "rules whose attack by one named person on another is verbal")
    armed_sectors: frozenset[str] = _section("cased", "sectors of armed actors, whose attacks are no words")
    hearsay_nouns: frozenset[str] = _section("lower", "nouns whose of-object act is not the clause subject's")
    affected_nouns: frozenset[str] = _section("lower", "nouns whose holder is the one an act is done to")
    target_prepositions: frozenset[str] = _section("lower", "prepositions whose object can be the target")
    instrument_with_types: frozenset[str] = _section("types", "event types done 'with' an instrument")
    reciprocal_rules: frozenset[str] = _section("lower", "rule ids of those types done 'with' the other side")
    stative_passives: frozenset[str] = _section("lower", "passives that state the subject's own stance")
    posture_nouns: frozenset[str] = _section("lower", "nouns whose 'with X' a show of force faces")
    posture_waters: frozenset[str] = _section("lower", "coasts and waters whose owner a show of force faces")
    domestic_types: frozenset[str] = _section("types", "event types done at home")
    home_types: frozenset[str] = _section("types", "acts at home that face the actor's own people by default")
    untargeted_types: frozenset[str] = _section("types", "acts coded where no target is stated")
    unnamed_perpetrator_types: frozenset[str] = _section("types", "acts whose unnamed perpetrators are of the place")
    cooperative_types: frozenset[str] = _section("types", "event types done with a partner")
    no_default_target_types: frozenset[str] = _section("types", "event types with no default target")
    joint_types: frozenset[str] = _section("types", "event types parties named together do with each other")
    joint_rules: frozenset[str] = _section("lower", "rule ids of other types parties named together do with each other")
    past_marks: frozenset[str] = _section("lower", "words that mark a noun trigger as past")
    time_nouns: frozenset[str] = _section("lower", "nouns a date phrase may hang from")
    frame_prepositions: frozenset[str] = _section("lower", "prepositions whose noun frames the time of an act")
    background_marks: frozenset[str] = _section("lower", "adverbs that make an act background, undated")
    sequence_marks: frozenset[str] = _section("lower", "words that put a clause at another time than its head")
    scene_relatives: frozenset[str] = _section("lower", "relative words of a clause that is news, not description")
    place_nouns: frozenset[str] = _section("lower", "nouns of an unnamed place")
    generic_place_words: frozenset[str] = _section("lower", "ISO 3166-2 region names that are common words")
    settlement_nouns: frozenset[str] = _section("lower", "nouns of a capital or city named by its country")
    support_verbs: frozenset[str] = _section("lower", "verbs that carry a noun's act: their place is the act's")
    other_act_prepositions: frozenset[str] = _section("lower", "prepositions adding another act, not the event's place")
    region_words: frozenset[str] = _section("lower", "nouns of a part of a country ('in Iraq's north')")
    attack_types: frozenset[str] = _section("types", "event types of force, placed where the target is")
    dateline_seats: dict[str, str] = _section("map", "datelines naming a seat (lower case) -> its country")
    context_words: dict[str, str] = _section("map", "words of the sentence -> PLOVER context")
    currency_signs: dict[str, str] = _section("map", "currency signs -> ISO 4217 code")
    currency_prefixes: dict[str, str] = _section("map", "currency codes written before the number -> ISO 4217 code")
    currency_words: dict[str, str] = _section("map", "currency words (lower case) -> ISO 4217 code")
    currency_names: dict[str, str] = _section("map", "ISO 4217 code -> the word it shares with other currencies")
    country_currencies: dict[str, str] = _section("map", "country (alpha-3) -> its currency in a family of currency_names")
    explicit_currencies: frozenset[str] = _section("cased", "currencies that only the words before them replace")
    magnitudes: dict[str, float] = _section("numbers", "magnitude words -> factor")
    number_words: dict[str, float] = _section("numbers", "numbers written as words -> value")
    qualifiers: dict[str, tuple[str, ...]] = _section("phrases", "words before a figure -> qualifier")
    range_words: frozenset[str] = _section("lower", "words between the two bounds of a range")
    units: dict[str, tuple[str, ...]] = _section("phrases", "measure units -> the forms that write them")
    ellipsis_followers: frozenset[str] = _section("lower", "words after a number that leave its unit to the figure before")
    metric_words: frozenset[str] = _section("lower", "words naming a figure's metric")
    change_words: frozenset[str] = _section("lower", "nouns of a change of a flow")
    flow_nouns: frozenset[str] = _section("lower", "nouns of a flow a change belongs to")
    figure_prepositions: dict[str, str] = _section("map", "prepositions -> the part of the country after them in a figure")
    figure_kinds: dict[str, tuple[str, ...]] = _section("phrases", "kinds of figure -> the lemmas that mark them")
    holder_nouns: frozenset[str] = _section("lower", "nouns whose owner holds the figure ('in Japan's favour')")
    levy_verbs: frozenset[str] = _section("lower", "verbs whose subject levies a tariff")
    state_nouns: frozenset[str] = _section("lower", "common nouns of a state: the article's own country")
    market_nouns: frozenset[str] = _section("lower", "nouns of market statistics, which no country holds")
    measure_nouns: frozenset[str] = _section("lower", "nouns whose of-object is the figure's own noun")
    exchange_nouns: frozenset[str] = _section("lower", "nouns of 'in exchange for': the figure flows back")
    distance_units: frozenset[str] = _section("lower", "units of length ('a town 120 km south of Basra')")
    bearing_words: frozenset[str] = _section("lower", "words after a distance that make it where a place lies")


SECTIONS: dict[str, str] = {f.name: f.metadata["kind"] for f in fields(Vocabulary)}
KEYS: dict[str, tuple[str, ...]] = {"qualifiers": QUALIFIER_NAMES, "figure_kinds": FIGURE_KINDS}  # the keys a table may have, where they are fixed


def load_vocabulary(user_file: str | None = None) -> Vocabulary:
    """The shipped vocabulary, merged with a user's file; loaded once per file."""
    return _load_vocabulary(user_file)


@lru_cache(maxsize=8)
def _load_vocabulary(user_file: str | None) -> Vocabulary:
    text, where = datafile.shipped("vocabulary.yaml")
    sections = datafile.read_sections(datafile.compose(text, where), where, SECTIONS, keys=KEYS)
    missing = [name for name in SECTIONS if name not in sections]
    if missing:
        raise InputError(where, f"sections missing: {', '.join(missing)}")
    _check_figure_tables(sections, where)
    if user_file:
        text, where = datafile.user(user_file, "vocabulary")
        datafile.merge(sections, datafile.compose(text, where), where, SECTIONS, keys=KEYS)
        _check_figure_tables(sections, where)
    values: dict[str, Any] = {name: frozenset(v) if isinstance(v, list) else v for name, v in sections.items()}
    return Vocabulary(**values)


def _check_figure_tables(sections: dict[str, Any], where: str) -> None:
    """The figure tables' values: a part a preposition gives (FIGURE_ROLES), ISO 4217 codes for currencies."""
    for prep, role in sections.get("figure_prepositions", {}).items():
        if role not in FIGURE_ROLES:
            raise InputError(where, f"figure_prepositions: {prep!r} -> {role!r} should be one of {', '.join(FIGURE_ROLES)}")
    for section in ("currency_signs", "currency_prefixes", "currency_words", "country_currencies"):
        for word, code in sections.get(section, {}).items():
            if not (len(code) == 3 and code.isalpha() and code.isupper()):
                raise InputError(where, f"{section}: {word!r} -> {code!r} should be an ISO 4217 code (three capitals)")
