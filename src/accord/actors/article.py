"""The entity table of one article: its entities, their mentions, and the article's main pair."""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, Callable

from ..model import Actor, Entity, Span
from .tables import Tables


@dataclass
class _Entity:
    id: str
    actor: Actor
    mentions: list[Span]
    subject_sents: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Mention:
    """An actor mention over doc tokens [start, end); `head` is the token that anchors it in the parse."""

    start: int
    end: int
    head: int
    entity: str
    kind: str  # country, person, organisation, group, collective


class ArticleActors:
    """The entity table of one article and the token -> mention index the event coder reads."""

    def __init__(self, doc: Any, article_id: str, tables: Tables, date: str | None = None) -> None:
        from spacy.attrs import DEP, HEAD, IDX, LIKE_NUM, LOWER, ORTH, POS, SPACY

        self.doc = doc
        self.date = date  # the report's date, for roles that change over time
        # what the stages read of every token, read once: each doc[i] or pass over the doc builds Token objects
        strings = doc.vocab.strings
        values = doc.to_array([ORTH, SPACY, LOWER, POS, DEP, IDX, LIKE_NUM, HEAD])
        rows = values.tolist() if len(doc) else []
        self.words: list[str] = [strings[r[0]] for r in rows]
        self.spaces: list[str] = [" " if r[1] else "" for r in rows]
        self.lowers: list[str] = [strings[r[2]] for r in rows]
        self.pos: list[str] = [strings[r[3]] for r in rows]
        self.deps: list[str] = [strings[r[4]] for r in rows]
        self.starts: list[int] = [r[5] for r in rows]  # character offsets
        self.numbers: list[bool] = [bool(r[6]) for r in rows]  # like a number ("12", "twelve", "1.5")
        self.heads: list[int] = [i + d for i, d in enumerate(values[:, 7].view("int64").tolist())] if len(doc) else []
        self.text: str = "".join(w + s for w, s in zip(self.words, self.spaces))  # equals doc.text
        self.first_token = 0  # header lines before it hold no actors
        self.article_id = article_id
        self.tables = tables
        self.entities: dict[str, _Entity] = {}
        self.mentions: list[Mention] = []
        self.by_token: dict[int, Mention] = {}
        self.visitor_country: str | None = None
        self._pair_cache: tuple[str, str] | None = None
        self.collective_id: str | None = None
        self._country_pair: tuple[str, str] | None = None
        self.place_hits: dict[int, tuple[int, str, str]] = {}

    # -- queries used by events and facts
    def mention_at(self, i: int) -> Mention | None:
        return self.by_token.get(i)

    def actor(self, entity_id: str) -> Actor:
        return self.entities[entity_id].actor

    def bilateral(self) -> bool:
        """An article about two countries: both of its main pair are named at least twice, in several
        sentences, and the second at least a quarter as often as the first (an election report that
        names a far-off war twice is not about that pair)."""
        counts = self.country_counts()
        top = counts.most_common(2)
        return len(top) == 2 and top[1][1] >= 2 and 4 * top[1][1] >= top[0][1] and len(list(self.doc.sents)) >= 3

    def people_of(self, code: str) -> str:
        """The population of a country as one group actor: the target of protests, curfews, arrests."""
        for e in self.entities.values():
            if e.actor.kind == "group" and e.actor.country == code and e.actor.name == "population":
                return e.id
        eid = self.new_entity(Actor(code, (), None, None, None, "group"))
        self.entities[eid].actor = Actor(code, (), "population", None, None, "group", eid)
        return eid

    def country_entity(self, code: str) -> str:
        """The entity of a country acting as a whole, created if the article has none."""
        return find_entity(self, kind="country", country=code) or self.new_entity(Actor(code, (), None, None, None, "country"))

    def mentions_in(self, tokens: Any) -> list[Mention]:
        """Mentions whose head lies among the tokens, highest in the parse first."""
        return self._ranked({t.i for t in tokens})

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """mentions_in(doc[start:end]), without building its tokens: a sentence's mentions."""
        return self._ranked(range(start, end))

    def _ranked(self, heads: Collection[int]) -> list[Mention]:
        # a person's name may hang on its last word where the parse split it ("Daniel arap | Moi received")
        found = {m for m in self.mentions if m.head in heads or (m.kind == "person" and m.end - 1 in heads)}
        # the phrase's head first; among its modifiers, the one naming the actor ("al-Qaeda network")
        # before its possessor ("Osama bin Laden's")
        return sorted(found, key=lambda m: (self.depth(m.head), m.kind == "country", self.deps[m.head] == "poss", m.start))

    def depth(self, i: int) -> int:
        """How many heads lie above token i in its parse tree (at most 50)."""
        d = 0
        while self.heads[i] != i and d < 50:
            i = self.heads[i]
            d += 1
        return d

    def pair(self, noun: str = "sides") -> tuple[str, str] | None:
        """The article's two main actors (entity ids) that "the sides" or "the ministers" denote.

        "the two countries" names the states themselves; "the ministers" or "the sides" the
        most mentioned person of each, where there is one."""
        if self._pair_cache is None:
            return None
        if noun in self.tables.collective_states:
            return self._country_pair
        role = self.tables.collective_roles.get(noun)
        if role and self._country_pair:
            codes = [self.actor(e).country or "" for e in self._country_pair]
            found = [principal(self, c, role) for c in codes]
            if all(found):
                return (str(found[0]), str(found[1]))
        return self._pair_cache

    def country_counts(self, skip: Callable[[Mention], bool] | None = None) -> Counter[str]:
        counts: Counter[str] = Counter()
        for m in self.mentions:
            if skip is not None and skip(m):
                continue
            a = self.entities[m.entity].actor
            if a.country and m.kind != "collective" and "MED" not in a.sectors \
                    and self.lowers[m.head] not in self.tables.speaker_group_pronouns:
                counts[a.country] += 1  # "the Washington Post" names no setting; a quote's "we" is no new name
        return counts

    def to_entities(self) -> tuple[Entity, ...]:  # entities without a mention (header only) are left out
        return tuple(Entity(e.id, e.actor, tuple(e.mentions)) for e in self.entities.values() if e.mentions)

    # -- building
    def _span(self, start: int, end: int) -> Span:
        a, b = self.starts[start], self.starts[end - 1] + len(self.words[end - 1])
        return Span(self.article_id, a, b, self.text[a:b])

    def new_entity(self, actor: Actor) -> str:
        eid = f"E{len(self.entities) + 1}"
        self.entities[eid] = _Entity(eid, Actor(actor.country, actor.sectors, actor.name, actor.role,
                                                actor.organisation, actor.kind, eid), [])
        return eid

    def add_mention(self, start: int, end: int, head: int, eid: str, kind: str) -> None:
        if start < self.first_token or any(i in self.by_token for i in range(start, end)):
            return
        m = Mention(start, end, head, eid, kind)
        self.mentions.append(m)
        for i in range(start, end):
            self.by_token[i] = m
        self.entities[eid].mentions.append(self._span(start, end))
        dep = self.deps[head]
        if dep in ("nsubj", "nsubjpass") or (dep == "conj" and self.deps[self.heads[head]] in ("nsubj", "nsubjpass")):
            self.entities[eid].subject_sents.add(_sent_index(self.doc[head]))


def _sent_index(token: Any) -> int:
    return token.sent.start


def find_entity(table: ArticleActors, *, kind: str, name: str | None = None, country: str | None = None) -> str | None:
    """The first entity of that kind (and name, and country, where given)."""
    for e in table.entities.values():
        if e.actor.kind == kind and (name is None or e.actor.name == name) and (country is None or e.actor.country == country):
            return e.id
    return None


def choose_pair(table: ArticleActors) -> None:
    """The article's main pair: its two most mentioned countries, and the first person or body named of each."""
    counts = table.country_counts()
    top = [c for c, _ in counts.most_common(2)]
    if len(top) < 2:
        return
    states = [find_entity(table, kind="country", country=c) or table.new_entity(Actor(c, (), None, None, None, "country")) for c in top]
    table._country_pair = (states[0], states[1])
    table._pair_cache = (principal(table, top[0], None) or states[0], principal(table, top[1], None) or states[1])


def principal(table: ArticleActors, code: str, role: str | None) -> str | None:
    """The first person or organisation of a country named in the article (with that role, if one is given)."""
    kinds = ("person",) if role else ("person", "organisation")
    for m in sorted(table.mentions, key=lambda m: m.start):
        a = table.actor(m.entity)
        if a.kind in kinds and a.country == code and (role is None or (a.role and role in a.role.lower())) \
                and "MED" not in a.sectors and not set((a.name or "").split()) & table.tables.media:
            return m.entity  # a news agency is no party to what it reports
    return None
