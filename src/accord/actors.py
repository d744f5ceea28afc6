"""Actors: country, sectors, person or organisation and role for every mention, with coreference in an article.

Tables (countries, international organisations, role words) are data files under data/;
a user file adds to them. `find_actors(doc, article_id, tables)` builds the article's entity
table: one entity per real actor, each mention with its span.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .model import Actor, Entity, Span

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader reads the people table five times faster

# dependency labels that end a noun phrase: material past them is another phrase
_PHRASE_STOP = {"conj", "cc", "appos", "prep", "relcl", "acl", "advcl", "punct", "agent", "ccomp", "xcomp"}
_PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
_PRONOUNS_GROUP = {"it", "its"}
INTERNATIONAL = frozenset({"IGO", "NGO", "UNO", "EUR", "IMG", "ISM", "MNC"})  # PLOVER's codes that are no country


@dataclass(frozen=True)
class Known:
    """A person of the people table or a user file: country, sectors, and roles with their dates."""

    country: str
    sectors: tuple[str, ...]
    roles: tuple[tuple[str, str | None, str | None], ...] = ()  # (role, from, to), ISO dates or None

    def role_at(self, date: str | None) -> str | None:
        """The role held on a date ("2023-01-12", "2023"), else the latest one."""
        if date and not date.startswith("--"):
            for role, start, end in self.roles:
                if (start is None or str(start)[:len(date)] <= date) and (end is None or date <= str(end)[:len(date)]):
                    return role
        return self.roles[-1][0] if self.roles else None


def _known(row: dict[str, Any]) -> Known:
    roles = []
    for r in row.get("roles") or []:
        if isinstance(r, dict) and r.get("role"):
            roles.append((str(r["role"]), str(r["from"]) if r.get("from") else None, str(r["to"]) if r.get("to") else None))
    if row.get("role"):
        roles.append((str(row["role"]), str(row["from"]) if row.get("from") else None, str(row["to"]) if row.get("to") else None))
    secs = row.get("sectors") or ()
    secs = tuple(secs.split()) if isinstance(secs, str) else tuple(secs)
    return Known(str(row["country"]), secs, tuple(roles))


@dataclass(frozen=True)
class Tables:
    """Lookup tables: surface form -> (code, kind) for countries and organisations; role words."""

    places: dict[str, tuple[str, str]]  # "Italian" -> ("ITA", "demonym"), "Baku" -> ("AZE", "capital")
    orgs: dict[str, tuple[str, str, tuple[str, ...]]]  # "NATO" -> ("IGO", "NATO", ("IGO", "MIL"))
    sectors: dict[str, tuple[str, ...]]
    institutions: frozenset[str]
    business: frozenset[str]
    collectives: frozenset[str]
    visitors: frozenset[str]
    people: dict[str, Known] = field(default_factory=dict)  # name or alias -> the person's entry
    country_names: dict[str, str] = field(default_factory=dict)  # code -> preferred name
    surnames: dict[str, tuple[Known, ...]] = field(default_factory=dict)  # "Bush" -> both known Bushes
    igo_for_all: bool = False  # the UN, the EU and NGOs coded IGO (setting igo_for_all)


def load_tables(user_file: str | None = None, *, igo_for_all: bool = False) -> Tables:
    """The shipped tables, plus a user's YAML or CSV file of actors."""
    return _load_tables(user_file, igo_for_all)


@lru_cache(maxsize=8)
def _load_tables(user_file: str | None, igo_for_all: bool = False) -> Tables:
    data = resources.files("accord") / "data"
    places: dict[str, tuple[str, str]] = {}
    names: dict[str, str] = {}
    for row in yaml.load((data / "countries.yaml").read_text(encoding="utf-8"), Loader=_LOADER):
        code = row["code"]
        names[code] = row["names"][0]
        for kind in ("capitals", "metonyms", "demonyms", "names"):
            for form in row.get(kind) or []:
                places[form] = (code, kind[:-1])
    orgs: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for row in yaml.load((data / "organisations.yaml").read_text(encoding="utf-8"), Loader=_LOADER):
        code = "IGO" if igo_for_all and row["code"] in ("UNO", "EUR", "NGO") else row["code"]
        for alias in [row["name"], *(row.get("aliases") or [])]:
            orgs[alias] = (code, row["name"], tuple(row.get("sectors") or ["IGO"]))
    roles = yaml.load((data / "roles.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
    sectors = {k: tuple(v) for k, v in roles["sectors"].items()}
    people: dict[str, Known] = {}
    known = data / "people.yaml"
    if known.is_file():
        for row in yaml.load(known.read_text(encoding="utf-8"), Loader=_LOADER) or []:
            entry = _known(row)
            for form in [row["name"], *(row.get("aliases") or [])]:
                people[str(form)] = entry
    if user_file:
        _add_user(Path(user_file), places, orgs, sectors, people)
    return Tables(places, orgs, sectors, frozenset(roles["institutions"]), frozenset(roles["business"]),
                  frozenset(roles["collectives"]), frozenset(roles["visitors"]), people, names, _surnames(people), igo_for_all)


def _surnames(people: dict[str, Known]) -> dict[str, tuple[Known, ...]]:
    """Surname -> the known people who bear it, for surnames that are no alias of one person."""
    bearers: dict[str, dict[int, Known]] = {}
    for form, known in people.items():
        words = form.split()
        if len(words) > 1 and words[-1][:1].isupper():
            bearers.setdefault(words[-1], {})[id(known)] = known
    return {w: tuple(b.values()) for w, b in bearers.items() if w not in people}


def surname_country(tables: "Tables", surname: str, role: str | None) -> str | None:
    """ "President Bush": the country shared by every known Bush who held that title; no title, no guess."""
    if not role:
        return None
    title = role.split()[-1].lower()
    fits = [k for k in tables.surnames.get(surname, ()) if any(title in r.lower().split() for r, _, _ in k.roles)]
    countries = {k.country for k in fits}
    return countries.pop() if len(countries) == 1 else None


def _add_user(path: Path, places: dict[str, tuple[str, str]], orgs: dict[str, tuple[str, str, tuple[str, ...]]],
              sectors: dict[str, tuple[str, ...]], people: dict[str, Known]) -> None:
    """User actors: rows of name, country, sectors (space separated), kind (person/organisation/place),
    role with optional from/to dates (or a list `roles` of {role, from, to}), aliases."""
    if not path.is_file():
        raise InputError(str(path), "user actor file not found")
    if path.suffix.lower() == ".csv":
        rows: list[dict[str, Any]] = list(csv.DictReader(path.open(encoding="utf-8")))
    else:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        rows = loaded.get("actors", []) if isinstance(loaded, dict) else loaded
        if isinstance(loaded, dict):
            sectors.update({k: tuple(v) for k, v in (loaded.get("roles") or {}).items()})
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not row.get("name") or not row.get("country"):
            raise InputError(f"{path}:{n}", "each actor needs at least 'name' and 'country'")
        secs = row.get("sectors") or ()
        secs = tuple(secs.split()) if isinstance(secs, str) else tuple(secs)
        kind = row.get("kind") or "person"
        if kind == "place":
            places[row["name"]] = (row["country"], "name")
        elif kind == "organisation":
            orgs[row["name"]] = (row["country"], row["name"], secs)
        else:
            entry = _known(row)
            aliases = row.get("aliases") or []
            aliases = aliases.split(";") if isinstance(aliases, str) else aliases
            for form in [row["name"], *aliases]:
                people[str(form).strip()] = entry


# ---------------------------------------------------------------- per-article entity table

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
        self.doc = doc
        self.date = date  # the report's date, for roles that change over time
        self.text: str = doc.text  # built once: Doc.text joins every token on each call
        self.words: list[str] = [t.text for t in doc]
        self.spaces: list[str] = [t.whitespace_ for t in doc]
        self.first_token = 0  # header lines before it hold no actors
        self.article_id = article_id
        self.tables = tables
        self.entities: dict[str, _Entity] = {}
        self.mentions: list[Mention] = []
        self._by_token: dict[int, Mention] = {}
        self.visitor_country: str | None = None
        self._pair_cache: tuple[str, str] | None = None
        self.collective_id: str | None = None
        self._country_pair: tuple[str, str] | None = None
        self.place_hits: dict[int, tuple[int, str, str]] = {}

    # -- queries used by events and facts
    def mention_at(self, i: int) -> Mention | None:
        return self._by_token.get(i)

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
        eid = self._new(Actor(code, (), None, None, None, "group"))
        self.entities[eid].actor = Actor(code, (), "population", None, None, "group", eid)
        return eid

    def country_entity(self, code: str) -> str:
        """The entity of a country acting as a whole, created if the article has none."""
        return _find(self, kind="country", country=code) or self._new(Actor(code, (), None, None, None, "country"))

    def mentions_in(self, tokens: Any) -> list[Mention]:
        """Mentions whose head lies among the tokens, highest in the parse first."""
        heads = {t.i for t in tokens}
        # a person's name may hang on its last word where the parse split it ("Daniel arap | Moi received")
        found = {m for m in self.mentions if m.head in heads or (m.kind == "person" and m.end - 1 in heads)}
        # the phrase's head first; among its modifiers, the one naming the actor ("al-Qaeda network")
        # before its possessor ("Osama bin Laden's")
        return sorted(found, key=lambda m: (_depth(self.doc[m.head]), m.kind == "country",
                                            self.doc[m.head].dep_ == "poss", m.start))

    def pair(self, noun: str = "sides") -> tuple[str, str] | None:
        """The article's two main actors (entity ids) that "the sides" or "the ministers" denote.

        "the two countries" names the states themselves; "the ministers" or "the sides" the
        most mentioned person of each, where there is one."""
        if self._pair_cache is None:
            return None
        if noun in ("countries", "nations", "states"):
            return self._country_pair
        role = {"ministers": "minister", "presidents": "president"}.get(noun)
        if role and self._country_pair:
            codes = [self.actor(e).country or "" for e in self._country_pair]
            found = [_principal(self, c, role) for c in codes]
            if all(found):
                return (str(found[0]), str(found[1]))
        return self._pair_cache

    def country_counts(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for m in self.mentions:
            a = self.entities[m.entity].actor
            if a.country and m.kind != "collective" and "MED" not in a.sectors:  # "the Washington Post" names no setting
                counts[a.country] += 1
        return counts

    def to_entities(self) -> tuple[Entity, ...]:  # entities without a mention (header only) are left out
        return tuple(Entity(e.id, e.actor, tuple(e.mentions)) for e in self.entities.values() if e.mentions)

    # -- building
    def _span(self, start: int, end: int) -> Span:
        a, b = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        return Span(self.article_id, a, b, self.text[a:b])

    def _new(self, actor: Actor) -> str:
        eid = f"E{len(self.entities) + 1}"
        self.entities[eid] = _Entity(eid, Actor(actor.country, actor.sectors, actor.name, actor.role,
                                                actor.organisation, actor.kind, eid), [])
        return eid

    def _add(self, start: int, end: int, head: int, eid: str, kind: str) -> None:
        if start < self.first_token or any(i in self._by_token for i in range(start, end)):
            return
        m = Mention(start, end, head, eid, kind)
        self.mentions.append(m)
        for i in range(start, end):
            self._by_token[i] = m
        self.entities[eid].mentions.append(self._span(start, end))
        tok = self.doc[head]
        if tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "nsubjpass")):
            self.entities[eid].subject_sents.add(_sent_index(tok))


def _depth(token: Any) -> int:
    d = 0
    while token.head.i != token.i and d < 50:
        token = token.head
        d += 1
    return d


def _sent_index(token: Any) -> int:
    return token.sent.start


def find_actors(doc: Any, article_id: str, tables: Tables, *, date: str | None = None, body_start: int = 0) -> ArticleActors:
    """Every actor mention in a parsed article, grouped into entities; `date` picks roles held then.
    Nothing before `body_start` (date line, byline) is an actor."""
    table = ArticleActors(doc, article_id, tables, date)
    table.first_token = next((t.i for t in doc if t.idx >= body_start), len(doc)) if body_start else 0
    places = _place_hits(doc, tables, table.words, table.spaces)
    table.place_hits = places
    _people(doc, table, places)
    _known_people(doc, table)
    _organisations(doc, table, places)
    _countries(doc, table, places)
    _groups(doc, table, places)
    _infer_countries(table)
    _choose_pair(table)
    _references(doc, table, places)
    _possessed_groups(table)
    _groups_of_the_sentence(table)
    return table


def _first_words(phrases: Any) -> frozenset[str]:
    """The texts a phrase's first token can have ("al" for "al-Qaeda", "U.S." for "U.S.")."""
    out = set()
    for p in phrases:
        head = p.split()[0] if p.split() else p
        out.update({head, re.split(r"[-'’]", head)[0]})
    return frozenset(out)


def _phrase_at(words: list[str], spaces: list[str], i: int, table: Any, first: frozenset[str],
               longest: int) -> tuple[int, str] | None:
    """The longest phrase of `table` that starts at token i, as (number of tokens, phrase)."""
    if words[i] not in first:
        return None
    for n in range(min(longest, len(words) - i), 0, -1):
        form = "".join(words[j] + spaces[j] for j in range(i, i + n - 1)) + words[i + n - 1]
        if form in table:
            return n, form
    return None


def _place_hits(doc: Any, tables: Tables, words: list[str], spaces: list[str]) -> dict[int, tuple[int, str, str]]:
    """Token start -> (end, code, kind) for every country name, demonym, capital or metonym
    (`words` and `spaces`: the doc's token texts and whitespace, as ArticleActors keeps them)."""
    hits: dict[int, tuple[int, str, str]] = {}
    first = _index(tables).place_first
    i = 0
    while i < len(words):
        found = _phrase_at(words, spaces, i, tables.places, first, 7)
        if found is None and "-" in words[i]:
            # "Azerbaijan-Italy" as one token: the first part acts here
            part = words[i].split("-")[0]
            found = (1, part) if part in tables.places else None
        if found is None:
            typo = _typo_place(doc[i], tables)
            found = (1, typo) if typo else None
        if found:
            n, form = found
            hit = tables.places[form]
            hits[i] = (i + n, hit[0], hit[1])
            i += n
            continue
        i += 1
    return _residents(hits, words)


def _residents(hits: dict[int, tuple[int, str, str]], words: list[str]) -> dict[int, tuple[int, str, str]]:
    """ "Bosnian Serbs", "Kosovo Albanians": a people named by the country they live in is of that
    country; the two hits become one."""
    out = dict(hits)
    for start, (end, code, kind) in sorted(hits.items()):
        if start not in out or end not in out:
            continue
        nxt_end, _, nxt_kind = out[end]
        if kind in ("demonym", "name") and nxt_kind == "demonym" and nxt_end == end + 1 \
                and words[end].endswith("s") and words[end][:1].isupper():
            out[start] = (nxt_end, code, kind)
            del out[end]
    return out


@dataclass(frozen=True)
class _Index:
    place_first: frozenset[str]
    org_first: frozenset[str]
    people_first: frozenset[str]
    place_typos: dict[str, str] = field(default_factory=dict)  # one-letter variant -> form, where unambiguous
    person_words: frozenset[str] = frozenset()  # every word of the people table's names


_INDEXES: dict[int, _Index] = {}


def _index(tables: Tables) -> _Index:
    key = id(tables)
    if key not in _INDEXES:
        _INDEXES[key] = _Index(_first_words(tables.places), _first_words(tables.orgs), _first_words(tables.people),
                               _typo_index(tables.places), frozenset(w for n in tables.people for w in n.split()))
    return _INDEXES[key]


TYPO_MIN_LENGTH = 6  # shorter names are too close to each other and to ordinary words ("Mali", "Bali")


def _deletions(word: str) -> set[str]:
    """Every form of the word with one letter left out."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _typo_index(places: dict[str, tuple[str, str]]) -> dict[str, str]:
    """One-word country names and their forms with a letter left out, for reading "Ethopia" and
    "Quatar" (a letter dropped or added; a changed letter makes real words: "Indiana", "Siberia");
    a form that two countries share is left out."""
    found: dict[str, set[str]] = {}
    for form, (_, kind) in places.items():
        if " " in form or len(form) < TYPO_MIN_LENGTH - 1 or kind != "name":
            continue
        for v in {form.lower()} | _deletions(form.lower()):
            found.setdefault(v, set()).add(form)
    return {v: next(iter(f)) for v, f in found.items() if len({places[x][0] for x in f}) == 1}


def _typo_place(tok: Any, tables: Tables) -> str | None:
    """The country name a misspelt proper noun stands for: one letter dropped ("Ethopia") or added ("Quatar")."""
    word = tok.text
    if len(word) < TYPO_MIN_LENGTH or not word.isalpha() or not word[:1].isupper() or word.isupper() or tok.pos_ != "PROPN" \
            or tok.ent_type_ in ("PERSON", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW") \
            or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN"):
        return None
    typos = _index(tables).place_typos
    low = word.lower()
    forms = set()
    for v in _deletions(low):  # a letter added: the name is the word less one letter
        f = typos.get(v)
        if f is not None and f.lower() == v:
            forms.add(f)
    f = typos.get(low)  # a letter dropped: the word is the name less one letter
    if f is not None and len(f) == len(low) + 1:
        forms.add(f)
    # same first letter ("Inland" is no Finland), no plural ("the Americas"), no known person's name ("Cameron")
    forms = {f for f in forms if f[0].lower() == low[0] and low != f.lower() + "s" and word not in _index(tables).person_words}
    codes = {tables.places[f][0] for f in forms}
    return next(iter(forms)) if len(codes) == 1 else None


def _role_of(tokens: list[Any], tables: Tables) -> tuple[str | None, tuple[str, ...]]:
    """Role text and sectors from title words ("Defense Minister" -> GOV, MIL)."""
    sectors: list[str] = []
    role_words: list[str] = []
    i = 0
    while i < len(tokens):
        two = f"{tokens[i].text} {tokens[i + 1].text}".lower() if i + 1 < len(tokens) else None
        if two and two in tables.sectors:
            sectors += tables.sectors[two]
            role_words += [tokens[i].text, tokens[i + 1].text]
            i += 2
            continue
        key = tokens[i].text.lower()
        if key in tables.sectors:
            sectors += tables.sectors[key]
            role_words.append(tokens[i].text)
        i += 1
    role = " ".join(w for w in role_words if w.lower() not in ("col-gen", "general", "colonel")) or None
    return role, tuple(dict.fromkeys(sectors))


def _phrase_left(root: Any) -> list[Any]:
    """The modifiers left of a noun that belong to its phrase (title, demonym, possessive)."""
    out = []
    stack = [c for c in root.lefts if c.dep_ not in _PHRASE_STOP]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _PHRASE_STOP)
    return sorted(out, key=lambda t: t.i)


RANKS = {"col", "gen", "col-gen", "lt", "maj", "brig", "adm", "capt", "sgt", "dr", "mr", "mrs", "ms", "sir", "gen.",
         "col.", "lt.", "maj.", "dr.", "mr.", "mrs.", "ms.", "prof", "prof.", "-"}


def _person_name(tokens: list[Any], tables: Tables) -> str:
    """The name proper: the last run of capitalised words that are neither titles nor ranks."""
    run: list[str] = []
    for t in reversed(tokens):
        low = t.text.lower()
        if t.text in ("'s", "’s") and not run:
            continue
        if low in RANKS or low in tables.sectors or not (t.text[:1].isupper() or t.text[:1] in "'’-" or low in ("al", "bin", "de", "van", "von", "el")):
            break
        run.append(t.text)
    return " ".join(reversed(run)).replace(" - ", "-")


def _people(doc: Any, table: ArticleActors, places: dict[int, tuple[int, str, str]]) -> None:
    tables = table.tables
    in_place = {i for start, (end, _, _) in places.items() for i in range(start, end)}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if ent.text in tables.orgs or ent.text.rstrip("s") + "s" in tables.orgs:
            continue  # "Boko Haram", "Tamil Tiger" tagged as persons: the organisations take them
        if all(t.i in in_place or t.text in ("'s", "’s") for t in ent):
            continue  # a country that the tagger took for a person ("Sri Lanka")
        # "Italian Leonardo" tagged PERSON before "company": an organisation, not a person
        if ent.end < len(doc) and doc[ent.end].lower_ in tables.business:
            continue
        name = _person_name(list(ent), tables)
        if not name:
            continue
        root = ent.root
        left = [t for t in _phrase_left(root) if t.i < ent.start]
        if root.dep_ == "appos" and (root.head.pos_ == "NOUN" or root.head.lower_ in tables.sectors) and root.head.i < ent.start:
            # "his Italian counterpart Guido Crosetto": the name is in apposition to its title
            left = sorted([root.head] + _phrase_left(root.head) + left, key=lambda t: t.i)
        org_tok = next((t for t in left if t.dep_ == "poss" and t.i not in places and t.pos_ != "PRON"), None)
        organisation, org_country = None, None
        if org_tok is not None:
            inside = {t.i for t in org_tok.subtree}
            conj = [c for c in org_tok.conjuncts if c.i > org_tok.i]
            if conj:
                org_tok = conj[-1]
            left = [t for t in left if t.i not in inside and t.i > org_tok.i]
            if org_tok.ent_type_ != "PERSON" and org_tok.text[:1].isupper() or org_tok.lower_ in tables.business:
                organisation, org_country = _org_name(org_tok, places, tables)
        own = [t for t in ent if t.text.lower() in RANKS or t.text.lower() in tables.sectors]
        extra = [t for c in root.children if c.dep_ == "appos" for t in c.subtree]
        country = next((places[t.i][1] for t in left + extra if t.i in places), None) or org_country
        title_org = _org_in(left, table)
        if title_org is not None and (country is None or title_org[0] in INTERNATIONAL):
            # "U.N. mediator Diego Cordovez", "Arab League Secretary-General Amr Moussa": the organisation's
            # code, whatever else the person has been
            country, organisation = title_org[0], organisation or title_org[1]
        role, sectors = _role_of(left + own + extra, tables)
        if organisation and org_tok is not None and (org_tok.lower_ in tables.business or doc[org_tok.i].lower_ in tables.business):
            sectors = tuple(dict.fromkeys((*sectors, "BUS")))
        if "counterpart" in {t.lower_ for t in left}:
            first = _first_person_before(table, ent.start)
            if first is not None:
                role = role if role and role != "counterpart" else first.role
                sectors = first.sectors or sectors
        user = tables.people.get(name) or tables.people.get(name.split()[-1]) if name else None
        if user is not None and country and user.country != country and title_org is None:
            user = None  # another person of the same name
        if user is not None and title_org is not None:
            user = Known(country or user.country, user.sectors, user.roles)  # the title's organisation, the table's roles
        if user is not None:
            country = country or user.country
            sectors = sectors or user.sectors
            role = role or user.role_at(table.date)
        elif country is None and " " not in name:
            country = surname_country(tables, name, role)
        eid = _same_person(table, name) or table._new(Actor(country, sectors, name, role, organisation, "person"))
        _refine(table, eid, country, sectors, role, organisation)
        start = min([t.i for t in left] + [ent.start])
        while start < ent.start and any(i in table._by_token for i in range(start, ent.start)):
            start += 1
        table._add(start, ent.end, root.i, eid, "person")


def _org_in(tokens: list[Any], table: ArticleActors) -> tuple[str, str, tuple[str, ...]] | None:
    """An organisation of the table named within the tokens ("U.N.", "Arab League")."""
    inside = {t.i for t in tokens}
    first = _index(table.tables).org_first
    for t in tokens:
        found = _phrase_at(table.words, table.spaces, t.i, table.tables.orgs, first, 5)
        if found and all(i in inside for i in range(t.i, t.i + found[0])):
            return table.tables.orgs[found[1]]
    return None


def _known_people(doc: Any, table: ArticleActors) -> None:
    """Names in the people table that the tagger did not mark as persons ("Putin offered ...")."""
    people = table.tables.people
    if not people:
        return
    first = _index(table.tables).people_first
    i = 0
    while i < len(doc):
        found = _phrase_at(table.words, table.spaces, i, people, first, 4)
        if found and table.words[i][:1].isupper():
            n, form = found
            span = doc[i:i + n]
            if not any(t.i in table._by_token for t in span) \
                    and (n > 1 or (span[0].pos_ == "PROPN" and (span[0].ent_type_ == "PERSON" or not span[0].is_sent_start))):
                known = people[form]
                country, sectors, role = known.country, known.sectors, known.role_at(table.date)
                eid = _same_person(table, form) or table._new(Actor(country, sectors, form, role, None, "person"))
                _refine(table, eid, country, sectors, role, None)
                table._add(i, i + n, span.root.i, eid, "person")
                i += n
                continue
        i += 1


def _org_name(tok: Any, places: dict[int, tuple[int, str, str]], tables: Tables) -> tuple[str, str | None]:
    """Name and country of an organisation named by a possessive ("Italian Leonardo company's")."""
    words = [t for t in tok.subtree if t.text not in ("'s", "’s") and t.dep_ not in ("case", "cc", "conj", "det")
             and (t.head.i == tok.i or t.i == tok.i)]
    country = next((places[t.i][1] for t in words if t.i in places), None)
    name = " ".join(t.text for t in words if t.i not in places and t.lower_ not in tables.business)
    return name or tok.text, country


def _first_person_before(table: ArticleActors, start: int) -> Actor | None:
    sent_start = table.doc[start].sent.start
    for m in table.mentions:
        if m.kind == "person" and sent_start <= m.start < start:
            return table.actor(m.entity)
    return None


def _same_person(table: ArticleActors, name: str) -> str | None:
    parts = name.split()
    for e in table.entities.values():
        other = e.actor.name
        if e.actor.kind != "person" or not other:
            continue
        if other == name or (len(parts) == 1 and parts[0] == other.split()[-1]) or \
                (len(other.split()) == 1 and other == parts[-1]):
            return e.id
    return None


def _refine(table: ArticleActors, eid: str, country: str | None, sectors: tuple[str, ...], role: str | None,
            organisation: str | None) -> None:
    e = table.entities[eid]
    a = e.actor
    e.actor = Actor(a.country or country, a.sectors or sectors, a.name if a.name and len(a.name) >= len(str(a.name)) else a.name,
                    a.role or role, a.organisation or organisation, a.kind, eid)


def _organisations(doc: Any, table: ArticleActors, places: dict[int, tuple[int, str, str]]) -> None:
    tables = table.tables
    # international organisations from the table (case-sensitive aliases)
    first = _index(tables).org_first
    for i in range(len(doc)):
        found = _phrase_at(table.words, table.spaces, i, tables.orgs, first, 6)
        if found:
            n, form = found
            code, name, secs = tables.orgs[form]
            before = next(((c, k, st) for st, (end, c, k) in table.place_hits.items() if end == i), None)
            if before is not None and before[1] == "demonym" and code not in INTERNATIONAL and before[0] != code:
                # "Pakistani Taliban", "Syrian Kurds' YPG": a national branch of a movement named for another country
                code, name = before[0], f"{doc[before[2]:i].text} {name}"
            eid = _find(table, kind="organisation", name=name) or table._new(Actor(code, secs, name, None, name, "organisation"))
            table._add(i, i + n, doc[i:i + n].root.i, eid, "organisation")
    # national institutions and companies: a capitalised run holding a demonym and an institution word
    for chunk in doc.noun_chunks:
        toks = [t for t in chunk if t.dep_ not in ("det", "case") and t.text not in ("'s", "’s")]
        run = _capital_run(toks)
        if not run:
            continue
        country = next((places[t.i][1] for t in run if t.i in places), None)
        heads = {t.text for t in run}
        is_inst = bool(heads & tables.institutions)
        biz = chunk.root.lower_ in tables.business or any(t.lower_ in tables.business for t in chunk)
        if country is None and _international_body(run) and not any(t.i in table._by_token for t in run):
            # "the Third World Water Forum": a body of no country named as worldwide is international
            code = "IGO" if tables.igo_for_all else "NGO"
            name = " ".join(t.text for t in run)
            eid = _find(table, kind="organisation", name=name) or table._new(Actor(code, ("NGO",), name, None, name, "organisation"))
            table._add(run[0].i, run[-1].i + 1, run[-1].i, eid, "organisation")
            continue
        if country is None or not (is_inst or biz):
            continue
        if biz and not is_inst:
            name_toks = [t for t in run if t.i not in places and t.lower_ not in tables.business]
            if not name_toks:
                continue
            name = " ".join(t.text for t in name_toks)
            sectors: tuple[str, ...] = ("BUS",)
        else:
            name = " ".join(t.text for t in run)
            _, sectors = _role_of(run, tables)
        eid = _find(table, kind="organisation", name=name) or table._new(Actor(country, sectors, name, None, name, "organisation"))
        table._add(run[0].i, run[-1].i + 1, chunk.root.i if chunk.root in run else run[-1].i, eid, "organisation")


WORLDWIDE = {"World", "International", "Global", "Transnational"}
BODIES = {"Forum", "Federation", "Council", "Association", "Foundation", "Alliance", "Network", "Institute",
          "Committee", "Organization", "Organisation", "Movement", "Watch", "Congress", "Confederation", "Society"}


def _international_body(run: list[Any]) -> bool:
    """A capitalised name with a worldwide word and ending in a word for a body ("World Water Forum")."""
    words = [t.text for t in run]
    return len(words) >= 2 and words[-1] in BODIES and bool(WORLDWIDE & set(words[:-1]))


def _capital_run(toks: list[Any]) -> list[Any]:
    run: list[Any] = []
    for t in toks:
        if t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN", "NUM"):
            run.append(t)
        elif run:
            break
    return run


def _find(table: ArticleActors, *, kind: str, name: str | None = None, country: str | None = None) -> str | None:
    for e in table.entities.values():
        if e.actor.kind == kind and (name is None or e.actor.name == name) and (country is None or e.actor.country == country):
            return e.id
    return None


def _countries(doc: Any, table: ArticleActors, places: dict[int, tuple[int, str, str]]) -> None:
    """Country mentions not inside a person or organisation: the country, with the sectors of its noun."""
    tables = table.tables
    for start, (end, code, kind) in sorted(places.items()):
        if any(i in table._by_token for i in range(start, end)):
            continue
        head_tok = doc[end - 1]
        if end < len(doc) and doc[end].text in MEDIA_WORDS:
            # "the Washington Post said": a newspaper of that country, not the country
            stop = end + 1 if end + 1 < len(doc) and doc[end + 1].text in MEDIA_WORDS else end
            name = doc[start:stop + 1].text
            eid = _find(table, kind="organisation", name=name) or table._new(Actor(code, ("MED",), name, None, name, "organisation"))
            table._add(start, stop + 1, stop, eid, "organisation")
            continue
        if start > 0 and doc[start - 1].lower_ in ("ethnic", "pro"):
            # "ethnic Albanians in Serbia" are not Albania: they are people of Serbia, where stated
            where = _of_country(head_tok, places)
            if doc[start - 1].lower_ == "ethnic":
                # no place stated: the country the article is about, if any (see _infer_countries)
                eid = table._new(Actor(where, ("ETH",), None, "ethnic " + doc[start:end].text, None, "group"))
                table._add(start - 1, end, head_tok.i, eid, "group")
            continue
        if kind in ("capital",) and head_tok.dep_ == "pobj" and head_tok.head.lower_ in ("in", "at", "from", "near", "into", "outside") \
                and head_tok.head.head.lower_ not in ("aimed", "directed", "angry", "furious"):
            continue  # "met in Baku": a place, not an actor (places.py reads it); "aimed at Beijing" is the government
        noun = head_tok.head if head_tok.dep_ in ("amod", "compound", "poss", "nmod") and head_tok.head.pos_ in ("NOUN", "PROPN") else None
        while noun is not None and noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.lower_ not in tables.sectors:
            noun = noun.head  # "Bolivian coca farmers": the farmers are Bolivian
        if head_tok.dep_ == "conj" and head_tok.head.dep_ in ("amod", "compound") and head_tok.head.head.pos_ in ("NOUN", "PROPN"):
            noun = head_tok.head.head
        role, sectors = _role_of(sorted([noun] + [c for c in noun.lefts if c.dep_ == "compound"], key=lambda t: t.i), tables) if noun is not None else (None, ())
        if noun is not None and noun.lower_ in tables.visitors:
            table.visitor_country = table.visitor_country or code
        coordinated = [t for t in list(noun.children) + list(head_tok.conjuncts) if t.i in places and t.i != start] \
            if noun is not None else []
        if noun is not None and sectors and (coordinated or head_tok.dep_ == "conj"):
            # "Hungarian and Romanian officials": each country is an actor of its own
            eid = _find(table, kind="group", country=code) or table._new(Actor(code, sectors, None, role, None, "group"))
            table._add(start, end, head_tok.i, eid, "group")
            continue
        if noun is not None and (sectors or noun.lower_ in tables.visitors):
            # "the Italian Defense Minister", "the Italian guest": a person already known, or a group
            lo = min([noun.i, start] + [t.i for t in _phrase_left(noun)])
            eid = _resolve_nominal(table, code, role, noun.lower_ in tables.visitors)
            if eid is None:
                eid = table._new(Actor(code, sectors, None, role, None, "group"))
            if not any(i in table._by_token for i in range(lo, noun.i + 1)):
                table._add(lo, noun.i + 1, noun.i, eid, "group")
                continue
        eid = _find(table, kind="country", country=code) or table._new(Actor(code, (), None, None, None, "country"))
        table._add(start, end, head_tok.i if head_tok.dep_ != "compound" else head_tok.i, eid, "country")


STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}  # the state's own organs
MEDIA_WORDS = {"Post", "Times", "Journal", "Herald", "Tribune", "Gazette", "Telegraph", "Guardian", "Observer",
               "Daily", "Radio", "Television", "TV", "News", "Chronicle", "Courier", "Express", "Mail", "Star"}


def _infer_countries(table: ArticleActors) -> None:
    """An official whose country the text does not state belongs to the institution of his title
    named in the article ("Defence Minister X" beside "the Azerbaijani Defence Ministry"), else to
    the article's most mentioned country, as an unqualified official does in news copy."""
    all_counts = table.country_counts()
    counts = all_counts.most_common(2)
    # only an article about one country makes that country every unqualified official's
    home = counts[0][0] if counts and counts[0][1] >= 2 and (len(counts) == 1 or counts[0][1] >= 2 * counts[1][1]) else None
    named = {c for c in all_counts if c not in INTERNATIONAL}
    named |= {code for _, code, _ in table.place_hits.values() if code not in INTERNATIONAL}
    single = home is None and len(named) == 1 and _only_setting(table, next(iter(named)))
    if single:
        home = next(iter(named))  # "Vice-President X declined ... the Kenya Anti-Corruption Commission": the one country named
    for e in table.entities.values():
        a = e.actor
        if a.kind == "group" and a.country is None and home and (
                (a.role or "").startswith("ethnic ") or set(a.sectors) & STATE_SECTORS):
            # "ethnic Albanians have sworn to fight", "Authorities lifted the curfew" in an article
            # about one country: that country's
            e.actor = Actor(home, a.sectors, a.name, a.role, a.organisation, a.kind, a.entity)
            continue
        if a.kind != "person" or a.country or not a.role:
            continue
        words = {w.lower().replace("defence", "defense") for w in a.role.split()} - {"minister", "ministry", "president"}
        country = None
        for o in table.entities.values():
            if o.actor.kind == "organisation" and o.actor.country and o.actor.name and \
                    words & {w.lower().replace("defence", "defense") for w in o.actor.name.split()}:
                country = o.actor.country
                break
        country = country or home
        if country:
            e.actor = Actor(country, a.sectors, a.name, a.role, a.organisation, a.kind, a.entity)


def _only_setting(table: ArticleActors, code: str) -> bool:
    """The country is named only as a setting ("Kenya's anti-corruption body", "in Algiers",
    "Pakistani"), never as a party ("action against Russia", "visited Peru"): then it is the
    home of the article's officials of no stated country."""
    heads = [table.doc[end - 1] for start, (end, c, _) in table.place_hits.items() if c == code]
    for tok in heads:
        if tok.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod", "appos"):
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in tok.sent):
            continue  # a dateline or header: "SRINAGAR, India (Reuters) -"
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "of", "within", "throughout", "across", "inside", "around"):
            continue
        return False
    return bool(heads)


def _resolve_nominal(table: ArticleActors, code: str, role: str | None, visitor: bool) -> str | None:
    """A known person of that country whose role fits ("the Italian defense minister" -> Crosetto)."""
    best = None
    for e in table.entities.values():
        a = e.actor
        if a.kind != "person" or a.country != code:
            continue
        if visitor or (role and a.role and _role_key(role) in _role_key(a.role)):
            best = e.id
    return best


def _role_key(role: str) -> str:
    return role.lower().replace("defence", "defense")


def _choose_pair(table: ArticleActors) -> None:
    counts = table.country_counts()
    top = [c for c, _ in counts.most_common(2)]
    if len(top) < 2:
        return
    states = [_find(table, kind="country", country=c) or table._new(Actor(c, (), None, None, None, "country")) for c in top]
    table._country_pair = (states[0], states[1])
    table._pair_cache = (_principal(table, top[0], None) or states[0], _principal(table, top[1], None) or states[1])


def _principal(table: ArticleActors, code: str, role: str | None) -> str | None:
    """The first person or organisation of a country named in the article (with that role, if one is given)."""
    kinds = ("person",) if role else ("person", "organisation")
    for m in sorted(table.mentions, key=lambda m: m.start):
        a = table.actor(m.entity)
        if a.kind in kinds and a.country == code and (role is None or (a.role and role in a.role.lower())):
            return m.entity
    return None


def _references(doc: Any, table: ArticleActors, places: dict[int, tuple[int, str, str]]) -> None:
    """Pronouns, surnames, "the visiting minister", "the sides": mentions of entities already known."""
    tables = table.tables
    last_person: str | None = None
    for sent in doc.sents:
        sent_people = [m for m in table.mentions if m.kind == "person" and sent.start <= m.start < sent.end]
        for tok in sent:
            if tok.i in table._by_token:
                m = table._by_token[tok.i]
                if m.kind == "person" and tok.dep_ in ("nsubj", "nsubjpass"):
                    last_person = m.entity
                continue
            low = tok.lower_
            if tok.pos_ == "PRON" and low in ("it", "its", "they", "their", "them"):
                eid = _antecedent(table, tok)
                if eid:
                    table._add(tok.i, tok.i + 1, tok.i, eid, "group")
                continue
            if tok.pos_ == "PRON" and low in _PRONOUNS_PERSON:
                before = [m for m in sent_people if m.start < tok.i]
                eid = before[0].entity if before else last_person
                if eid:
                    table._add(tok.i, tok.i + 1, tok.i, eid, "person")
            elif tok.pos_ == "NOUN" and tok.text.islower() and tok.text[:1].isalpha() and \
                    any(c.lower_ == "the" for c in tok.lefts) and _institution_named(table, tok.text):
                # "the ministry reported": the institution named in full earlier in the article
                table._add(tok.i, tok.i + 1, tok.i, str(_institution_named(table, tok.text)), "organisation")
            elif tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "") and tok.text[:1].isupper():
                eid = _same_person(table, tok.text)
                if eid:
                    table._add(tok.i, tok.i + 1, tok.i, eid, "person")
            elif low in tables.collectives and tok.tag_ in ("NNS", "NNPS") and _definite_pair(tok) and table.pair():
                table._add(tok.i, tok.i + 1, tok.i, _collective(table), "collective")
            elif low in ("minister", "delegation", "guest") and any(c.lower_ == "visiting" for c in tok.lefts) \
                    and table.visitor_country:
                eid = _resolve_nominal(table, table.visitor_country, None, True) or \
                    _find(table, kind="country", country=table.visitor_country)
                if eid:
                    table._add(min([tok.i] + [c.i for c in tok.lefts]), tok.i + 1, tok.i, eid, "group")


def _of_country(tok: Any, places: dict[int, tuple[int, str, str]]) -> str | None:
    """ "the president of Armenia", "rebels in Chad", "a newspaper based in Beirut": the country
    named in the noun's of/in phrase."""
    children = [(c, False) for c in tok.children]
    children += [(c, True) for a in tok.children if a.dep_ == "acl" and a.lemma_.lower() in ("base", "headquarter", "locate")
                 for c in a.children]
    for c, based in children:
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "from", "throughout", "across", "to"):
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                # "rebels in the Ivory Coast", "militants loyal to Iraq's ...": the first country named there;
                # a capital after "in" or "to" is a venue ("negotiators in Nairobi"), unless the body is based there
                for t in sorted(p.subtree, key=lambda t: t.i):
                    hit = places.get(t.i)
                    if hit and hit[2] in ("name", "capital", "demonym") and (
                            based or c.lower_ not in ("to", "in") or hit[2] != "capital"):
                        return hit[1]
    return None


def _groups(doc: Any, table: ArticleActors, places: dict[int, tuple[int, str, str]]) -> None:
    """Role nouns with no adjective of nationality: "the president of Armenia", "rebels", "the opposition"."""
    tables = table.tables
    for tok in doc:
        if tok.i in table._by_token or tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in tables.sectors:
            continue
        if tok.lower_ in ("counterpart", "defense", "defence", "general"):
            continue
        if tok.dep_ in ("compound", "amod") and not (tok.lower_ in COMPOUND_GROUPS and tok.head.lower_ not in tables.sectors):
            continue  # "opposition demands", "rebel positions": the group; "army officers": the officers
        code = _of_country(tok, places) or next((_of_country(c, places) for c in tok.children if c.dep_ == "amod"), None)
        role, sectors = _role_of(sorted([tok] + [c for c in tok.lefts if c.dep_ == "compound"], key=lambda t: t.i), tables)
        if code is None and tok.lower_ not in REBEL_LIKE \
                and not any(c.dep_ == "compound" and c.lower_ in COMPOUND_GROUPS for c in tok.lefts):
            continue  # "negotiators" alone is nobody's; "government negotiators" a group
        if code is None and any(c.i in table._by_token for c in tok.lefts if c.dep_ in ("compound", "amod", "poss", "nmod")):
            continue  # "Hezbollah guerrillas": the organisation already names the actor
        lo = min([tok.i] + [c.i for c in tok.lefts if c.dep_ in ("compound", "amod", "det")])
        if any(i in table._by_token for i in range(lo, tok.i + 1)):
            lo = tok.i
        eid = _resolve_nominal(table, code, role, False) if code else None
        if eid is None:
            eid = table._new(Actor(code, sectors, None, role, None, "group"))
        table._add(lo, tok.i + 1, tok.i, eid, "group")


COMPOUND_GROUPS = {"opposition", "rebel", "government", "army", "police", "military", "student", "union", "militia",
                   "guerrilla", "insurgent", "separatist"}
REBEL_LIKE = {"paramilitaries", "gunmen", "fighters", "attackers", "assailants", "youths", "rebels", "rebel", "guerrillas", "guerillas", "insurgents", "militants", "separatists", "opposition",
              "protesters", "demonstrators", "students", "workers", "refugees", "militiamen", "dissidents", "police",
              "soldiers", "troops", "army", "authorities", "government", "parliament", "court", "lawmakers",
              "fundamentalists", "islamists", "activists", "farmers", "landowners", "prisoners", "teachers",
              "villagers", "residents", "tribesmen", "miners", "strikers", "monks", "party", "leaders"}


def _antecedent(table: ArticleActors, tok: Any) -> str | None:
    """ "Hungary said it will ...": the nearest earlier subject that is a country, organisation or group."""
    best = None
    for m in table.mentions:
        if m.start >= tok.i or m.kind in ("person", "collective") or tok.i - m.start > 60:
            continue
        head = table.doc[m.head]
        if head.dep_ in ("amod", "compound", "poss") and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head  # "French farmers said they ..."
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head  # "a group of Yoruba leaders announced that they ..."
        if head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "conj" and head.head.dep_ in ("nsubj", "nsubjpass")):
            best = m.entity
    return best


def _institution_named(table: ArticleActors, word: str) -> str | None:
    """The one organisation of the article whose name ends with this word ("Defence Ministry" for "ministry")."""
    found = [e.id for e in table.entities.values() if e.actor.kind == "organisation" and e.actor.country
             and (e.actor.name or "").lower().split()[-1:] == [word.lower()]]
    return found[0] if len(found) == 1 else None


def _groups_of_the_sentence(table: ArticleActors) -> None:
    """ "The Umma party said it will boycott Algeria's elections": a group of no stated country
    belongs to the one country its sentence names (never applied to persons)."""
    for sent in table.doc.sents:
        inside = [m for m in table.mentions if sent.start <= m.head < sent.end and m.kind != "collective"]
        countries = {table.actor(m.entity).country for m in inside} - {None}
        countries = {c for c in countries if len(c) == 3 and c not in INTERNATIONAL}
        if not countries:
            # "Insurgents detonated a car bomb ... in Baghdad": the one place the sentence names
            countries = {code for start, (_, code, kind) in table.place_hits.items()
                         if sent.start <= start < sent.end and kind in ("name", "capital") and code not in INTERNATIONAL}
        if len(countries) != 1:
            continue
        code = countries.pop()
        for m in inside:
            e = table.entities[m.entity]
            if e.actor.kind == "group" and e.actor.country is None and e.actor.name != "both sides":
                a = e.actor
                e.actor = Actor(code, a.sectors, a.name, a.role, a.organisation, a.kind, a.entity)


def _possessed_groups(table: ArticleActors) -> None:
    """ "Russia withdrew its troops": a group of no stated country belongs to its possessor."""
    for m in table.mentions:
        e = table.entities[m.entity]
        if e.actor.kind != "group" or e.actor.country:
            continue
        owner = next((table._by_token.get(c.i) for c in table.doc[m.head].children if c.dep_ == "poss"), None)
        country = table.actor(owner.entity).country if owner is not None and owner.entity != m.entity else None
        if country:
            a = e.actor
            e.actor = Actor(country, a.sectors, a.name, a.role, a.organisation, a.kind, a.entity)


def _definite_pair(tok: Any) -> bool:
    """ "the sides", "both countries", "the two ministers"; not "the first countries" or "the Italian delegations"."""
    words = {c.lower_ for c in tok.lefts}
    return bool(words & {"the", "both", "two"}) and words <= {"the", "both", "two", "these", "respective"}


def _collective(table: ArticleActors) -> str:
    """The one entity for "the sides"; the event coder expands it to table.pair()."""
    if table.collective_id is None:
        table.collective_id = table._new(Actor(None, (), "both sides", None, None, "group"))
    return table.collective_id
