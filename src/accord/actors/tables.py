"""The actor tables: countries, organisations, people and role words from data/, plus a user's file."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode

from .. import datafile
from ..errors import InputError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader reads the people table five times faster
INTERNATIONAL = frozenset({"IGO", "NGO", "UNO", "EUR", "IMG", "ISM", "MNC"})  # PLOVER's codes that are no country


@dataclass(frozen=True)
class Known:
    """A person of the people table or a user file: country, sectors, and roles with their dates."""

    country: str
    sectors: tuple[str, ...]
    roles: tuple[tuple[str, str | None, str | None], ...] = ()  # (role, from, to), ISO dates or None

    def active_at(self, date: str | None) -> bool:
        """The person held one of the table's roles on that date (an article's date: "1987-03-11")."""
        if not date or date.startswith("--"):
            return False
        return any((start is None or str(start)[:len(date)] <= date) and (end is None or date <= str(end)[:len(date)])
                   for _, start, end in self.roles)

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


#: the sections of data/roles.yaml and their kinds (see accord.datafile)
ROLE_SECTIONS = {
    "sectors": "lists", "institutions": "cased", "business": "lower", "collectives": "lower", "visitors": "lower",
    "standalone": "lower", "compound_groups": "lower", "not_groups": "lower", "ranks": "lower",
    "titles_left_out": "lower", "name_particles": "lower", "media": "cased", "worldwide": "cased", "bodies": "cased",
    "state_sectors": "cased", "person_pronouns": "lower", "group_pronouns": "lower", "visiting": "lower",
    "speaker_group_pronouns": "lower", "speaker_pronouns": "lower", "speaking_for": "lower",
    "speech_verbs": "lower", "place_words": "lower", "not_actors": "cased",
    "based": "lower", "aimed_at": "lower", "given_from": "lower", "weather_names": "lower", "generic_titles": "lower", "spellings": "map", "collective_roles": "map",
    "collective_states": "lower", "bloc_nouns": "lower",
}


@dataclass(frozen=True)
class Tables:
    """Lookup tables: surface form -> (code, kind) for countries and organisations; people; the role words
    of data/roles.yaml (each section a field of the same name)."""

    places: dict[str, tuple[str, str]]  # "Italian" -> ("ITA", "demonym"), "Baku" -> ("AZE", "capital")
    orgs: dict[str, tuple[str, str, tuple[str, ...]]]  # "NATO" -> ("IGO", "NATO", ("IGO", "MIL"))
    sectors: dict[str, tuple[str, ...]]  # title and role words -> CAMEO sectors
    institutions: frozenset[str]
    business: frozenset[str]
    collectives: frozenset[str]
    visitors: frozenset[str]
    standalone: frozenset[str]
    compound_groups: frozenset[str]
    not_groups: frozenset[str]
    ranks: frozenset[str]
    titles_left_out: frozenset[str]
    name_particles: frozenset[str]
    media: frozenset[str]
    worldwide: frozenset[str]
    bodies: frozenset[str]
    state_sectors: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    speaker_group_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    speaking_for: frozenset[str]
    speech_verbs: frozenset[str]
    place_words: frozenset[str]
    not_actors: frozenset[str]
    visiting: frozenset[str]
    based: frozenset[str]
    aimed_at: frozenset[str]
    given_from: frozenset[str]
    weather_names: frozenset[str]
    generic_titles: frozenset[str]
    spellings: dict[str, str]
    collective_roles: dict[str, str]
    collective_states: frozenset[str]
    bloc_nouns: frozenset[str]
    people: dict[str, Known] = field(default_factory=dict)  # name or alias -> the person's entry
    country_names: dict[str, str] = field(default_factory=dict)  # code -> preferred name
    surnames: dict[str, tuple[Known, ...]] = field(default_factory=dict)  # "Bush" -> both known Bushes
    igo_for_all: bool = False  # the UN, the EU and NGOs coded IGO (setting igo_for_all)
    past: dict[str, tuple[str, str, bool]] = field(default_factory=dict)  # "Moscow" -> ("SUN", "1991-12-25", False)
    given_names: dict[int, frozenset[str]] = field(default_factory=dict)  # id(Known) -> first words of its full names

    def code_at(self, form: str, date: str | None) -> str:
        """The code of a place name in an article of that date: a state of the past where the
        form named it then (data/past_states.yaml), else today's."""
        code = self.places[form][0]
        past = self.past.get(form)
        if past is None or not date or date.startswith("--"):
            return code
        old, until, own = past
        return old if own or date <= until[:len(date)] else code

    def spelled(self, word: str) -> str:
        """A title word lower-cased with one spelling of each variant ("Defence" -> "defense")."""
        word = word.lower()
        for variant, spelling in self.spellings.items():
            word = word.replace(variant, spelling)
        return word


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
    past = _past_states(data, places)
    regions = yaml.load((data / "regions.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
    owners: dict[str, set[str]] = {}
    for code, forms in regions.items():
        for form in forms:
            owners.setdefault(form, set()).add(code)
    for form, codes in owners.items():
        if len(codes) == 1:  # a name of two countries' regions stands for neither
            places.setdefault(form, (codes.pop(), "region"))  # a country's own name wins ("Georgia")
    orgs: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for row in yaml.load((data / "organisations.yaml").read_text(encoding="utf-8"), Loader=_LOADER):
        code = "IGO" if igo_for_all and row["code"] in ("UNO", "EUR", "NGO") else row["code"]
        for alias in [row["name"], *(row.get("aliases") or [])]:
            orgs[alias] = (code, row["name"], tuple(row.get("sectors") or ["IGO"]))
    text, where = datafile.shipped("roles.yaml")
    node = datafile.compose(text, where)
    roles = datafile.read_sections(node, where, ROLE_SECTIONS)
    missing = [name for name in ROLE_SECTIONS if name not in roles]
    if missing:
        raise InputError(where, f"sections missing: {', '.join(missing)}")
    _check_standalone(node, where, roles["sectors"])
    people: dict[str, Known] = {}
    known = data / "people.yaml"
    if known.is_file():
        for row in yaml.load(known.read_text(encoding="utf-8"), Loader=_LOADER) or []:
            entry = _known(row)
            for form in [row["name"], *(row.get("aliases") or [])]:
                people[str(form)] = entry
    if user_file:
        _add_user(Path(user_file), places, orgs, roles, people)
    words: dict[str, Any] = {name: frozenset(v) if isinstance(v, list) else v for name, v in roles.items()}
    return Tables(places, orgs, people=people, country_names=names, surnames=_surnames(people), igo_for_all=igo_for_all,
                  past=past, given_names=_given_names(people), **words)


def _given_names(people: dict[str, Known]) -> dict[int, frozenset[str]]:
    """Each listed person's given names: the first words of the names of more than one word."""
    out: dict[int, set[str]] = {}
    for form, known in people.items():
        if len(form.split()) > 1:
            out.setdefault(id(known), set()).add(form.split()[0].rstrip("."))
    return {k: frozenset(v) for k, v in out.items()}


def _past_states(data: Any, places: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str, bool]]:
    """Form -> (code of the state of the past, its last day, whether the form is its own name);
    its own names join the places under the modern code, for articles of no known date."""
    past: dict[str, tuple[str, str, bool]] = {}
    for row in yaml.load((data / "past_states.yaml").read_text(encoding="utf-8"), Loader=_LOADER):
        until = str(row["until"])
        for kind in ("names", "demonyms"):
            for form in row.get(kind) or []:
                places.setdefault(form, (row["modern"], kind[:-1]))
                past[form] = (row["code"], until, True)
        for form in row.get("successor_forms") or []:
            past[form] = (row["code"], until, False)
    return past


def _check_standalone(node: Any, where: str, sectors: dict[str, tuple[str, ...]]) -> None:
    """Every standalone group noun (listed, added or a replacement) is a role word of sectors, which gives its sectors."""
    for name, _, value in datafile.entries(node, where, "the file"):
        if name != "standalone":
            continue
        lists = [v for op, _, v in datafile.entries(value, where, name) if op != "remove"] \
            if isinstance(value, MappingNode) else [value]
        for item in (i for v in lists for i in datafile.items(v, where, name)):
            if str(item.value) not in sectors:
                datafile.fail(where, item, f"standalone: {item.value!r} is no key of sectors (add it there with its sectors)")


def _surnames(people: dict[str, Known]) -> dict[str, tuple[Known, ...]]:
    """Surname -> the known people who bear it, for surnames that are no alias of one person."""
    bearers: dict[str, dict[int, Known]] = {}
    for form, known in people.items():
        words = form.split()
        if len(words) > 1 and words[-1][:1].isupper():
            bearers.setdefault(words[-1], {})[id(known)] = known
    return {w: tuple(b.values()) for w, b in bearers.items() if w not in people}


def surname_country(tables: "Tables", surname: str, role: str | None, date: str | None = None) -> str | None:
    """ "President Bush": the country shared by every known Bush who held that title (at the article's
    date, where it has one); no title, no guess."""
    if not role:
        return None
    title = role.split()[-1].lower()
    fits = [k for k in tables.surnames.get(surname, ()) if any(title in r.lower().split() for r, _, _ in k.roles)
            and (not date or k.active_at(date))]
    countries = {k.country for k in fits}
    return countries.pop() if len(countries) == 1 else None


def linkable(known: Known, form: str, date: str | None, role: str | None = None) -> bool:
    """A listed person may stand behind a name of the text: a full name always; one word (a surname,
    a given name) only where the person held a role at the article's date, or holds the title the text
    gives ("Chancellor Kohl"); with no date known, as before. Never "Anwar" for someone of another decade."""
    if len(form.split()) > 1 or not date or date.startswith("--"):
        return True
    if known.active_at(date):
        return True
    title = (role or "").split()[-1:] 
    return bool(title) and any(title[0].lower() in r.lower().split() for r, _, _ in known.roles)


def _add_user(path: Path, places: dict[str, tuple[str, str]], orgs: dict[str, tuple[str, str, tuple[str, ...]]],
              roles: dict[str, Any], people: dict[str, Known]) -> None:
    """User actors: rows of name, country, sectors (space separated), kind (person/organisation/place),
    role with optional from/to dates (or a list `roles` of {role, from, to}), aliases; in a YAML mapping,
    `actors:` (the rows), `roles:` (added to sectors) and any other section of data/roles.yaml."""
    text, where = datafile.user(str(path), "actor")
    if path.suffix.lower() == ".csv":
        rows = [(n + 1, row) for n, row in enumerate(csv.DictReader(io.StringIO(text)), 1)]  # line 1 is the header
    else:
        rows = _user_rows(datafile.compose(text, where), where, roles)
    for line, row in rows:
        if not isinstance(row, dict) or not row.get("name") or not row.get("country"):
            raise InputError(f"{path}:{line}", "each actor needs at least 'name' and 'country'")
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


def _user_rows(node: Any, where: str, roles: dict[str, Any]) -> list[tuple[int, Any]]:
    """The actor rows of a user's YAML file, each with its line; its role sections merged into `roles`."""
    if isinstance(node, MappingNode):
        rows, sections = None, []
        for name, key, value in datafile.entries(node, where, "the file"):
            if name == "actors":
                rows = value
                continue
            if name == "roles":  # the documented name of the sectors table in a user file
                key = ScalarNode(key.tag, "sectors", key.start_mark, key.end_mark)
            sections.append((key, value))
        extra = MappingNode(node.tag, sections, node.start_mark, node.end_mark)
        datafile.merge(roles, extra, where, ROLE_SECTIONS)
        _check_standalone(extra, where, roles["sectors"])
        node = rows
    return [(item.start_mark.line + 1, datafile.value(item)) for item in datafile.items(node, where, "the actor list")]
