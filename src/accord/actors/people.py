"""People: the tagger's PERSON entities with their titles, countries and organisations, and listed names it missed."""
from __future__ import annotations

from typing import Any

from ..model import Actor
from .article import ArticleActors
from .coreference import same_person
from .lookup import in_capitals, name_index, phrase_at
from .tables import INTERNATIONAL, Known, Tables, linkable, surname_country
from .titles import person_name, phrase_left, role_of


def find_people(doc: Any, table: ArticleActors, places: dict[int, tuple[int, str, str]]) -> None:
    """The tagger's PERSON entities, with the title, country and organisation around each name."""
    tables = table.tables
    in_place = {i for start, (end, _, _) in places.items() for i in range(start, end)}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if ent.text in tables.not_actors or in_capitals(table.text[ent.sent.start_char:ent.sent.end_char]):
            # "a message on Twitter" says where, not who; a headline in capitals has no names the tagger can read
            continue
        if ent.text in tables.orgs or ent.text.rstrip("s") + "s" in tables.orgs:
            continue  # "Boko Haram", "Tamil Tiger" tagged as persons: the organisations take them
        if all(t.i in in_place or t.text in ("'s", "’s") for t in ent):
            continue  # a country that the tagger took for a person ("Sri Lanka")
        # "Italian Leonardo" tagged PERSON before "company": an organisation, not a person
        if ent.end < len(doc) and doc[ent.end].lower_ in tables.business:
            continue
        if any(t.lower_ in tables.weather_names for t in doc[max(0, ent.start - 2):ent.start + 1]):
            continue  # "Tropical Storm Barry", "Hurricane Maria": a storm is named like a person
        name = person_name(list(ent), tables)
        if not name:
            continue
        root = ent.root
        left = [t for t in phrase_left(root) if t.i < ent.start]
        if root.dep_ == "appos" and (root.head.pos_ == "NOUN" or root.head.lower_ in tables.sectors) and root.head.i < ent.start:
            # "his Italian counterpart Guido Crosetto": the name is in apposition to its title
            left = sorted([root.head] + phrase_left(root.head) + left, key=lambda t: t.i)
            # "the director-general of the Chilean Foreign Ministry, Ana Rojas": the title's own "of" phrase
            titled_by = [t for c in root.head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
        else:
            titled_by = []
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
        own = [t for t in ent if t.text.lower() in tables.ranks or t.text.lower() in tables.sectors]
        # the title in apposition after the name, on whichever of its words the parse hung it
        extra = [t for w in ent for c in w.children if c.dep_ == "appos" and (w.i == root.i or c.i >= ent.end)
                 for t in c.subtree] + titled_by
        # the country named nearest the name: "US President Trump and Turkish President Erdogan" makes
        # Erdogan Turkish, whatever the parse hung on his phrase
        country = _title_run_country(doc, ent.start, places, tables) or \
            next((places[t.i][1] for t in list(reversed(left)) + extra if t.i in places), None) or org_country
        country = country or _country_before_comma(doc, min([t.i for t in left] + [ent.start]), places, tables)
        title_org = _org_in(left, table)
        if title_org is None and extra and role_of(extra, tables)[0]:
            # "Omar Haddad, a spokesman for Hezbollah": the organisation of the title set after the name
            title_org = _org_in(extra, table)
        if title_org is not None and country is None:
            # "U.N. mediator Diego Cordovez", "Arab League Secretary-General Amr Moussa": the organisation's
            # code, whatever else the person has been; "Israel's U.N. spokesman" speaks for Israel
            country, organisation = title_org[0], organisation or title_org[1]
        role, sectors = role_of(left + own + extra, tables)
        if organisation and org_tok is not None and (org_tok.lower_ in tables.business or doc[org_tok.i].lower_ in tables.business):
            sectors = tuple(dict.fromkeys((*sectors, "BUS")))
        if "counterpart" in {t.lower_ for t in left}:
            first = _first_person_before(table, ent.start)
            if first is not None:
                role = role if role and role != "counterpart" else first.role
                sectors = first.sectors or sectors
        user = _listed(tables, name, table.date, role)
        if user is not None and country and user.country != country and title_org is None:
            user = None  # another person of the same name
        if user is not None and title_org is not None:
            user = Known(country or user.country, user.sectors, user.roles)  # the title's organisation, the table's roles
        if user is not None:
            country = country or user.country
            sectors = sectors or user.sectors
            role = role or user.role_at(table.date)
        elif country is None and " " not in name:
            country = surname_country(tables, name, role, table.date)
        eid = same_person(table, name) or table.new_entity(Actor(country, sectors, name, role, organisation, "person"))
        refine(table, eid, country, sectors, role, organisation)
        start = min([t.i for t in left] + [ent.start])
        while start < ent.start and (any(i in table.by_token for i in range(start, ent.start))
                                     or doc[start].dep_ in ("cc", "punct")):
            start += 1  # "... and Turkish President Erdogan": the mention starts after the "and"
        table.add_mention(start, ent.end, root.i, eid, "person")


def _title_run_country(doc: Any, start: int, places: dict[int, tuple[int, str, str]], tables: Tables) -> str | None:
    """The country of the title words just before a name ("... and Turkish President Erdogan"), read back
    to the first word that is no title, rank or place."""
    i = start - 1
    while i >= 0 and (doc[i].lower_ in tables.sectors or doc[i].lower_ in tables.ranks or i in places
                      or any(s <= i < e for s, (e, _, _) in places.items())):
        if i in places and places[i][2] in ("demonym", "name", "region"):
            return places[i][1]
        i -= 1
    return None


def _country_before_comma(doc: Any, start: int, places: dict[int, tuple[int, str, str]], tables: Tables) -> str | None:
    """ "the deputy head of the Egyptian Interior Ministry, Karim Saleh": the country of a title
    set before the name with a comma, read back to the start of that phrase."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    i = start - 2
    found, titled = None, False
    while i >= doc[start].sent.start and doc[i].text not in (",", ";", "(", ":") and doc[i].lower_ != "and" \
            and doc[i].pos_ not in ("VERB", "AUX") and start - i < 12:
        if i in places and places[i][2] in ("name", "demonym", "capital"):
            found = places[i][1]  # the first country of the phrase ("China's U.N. representative" is China's)
        titled = titled or doc[i].lower_ in tables.sectors or doc[i].lower_.split("-")[0] in tables.sectors
        if doc[i].dep_ == "prep" and doc[i].lower_ != "of" or doc[i].ent_type_ in ("DATE", "TIME"):
            return None  # "during the visit to Italy in February," is no title
        i -= 1
    return found if titled else None  # "During the visit to Italy, Minister X": no title, no country


def _listed(tables: Tables, name: str, date: str | None, role: str | None) -> Known | None:
    """The people table's entry for a name of the text: the name itself, or its surname where the
    listed bearer's given name is not another one ("Michael Howard" is not John Howard)."""
    if not name:
        return None
    known = tables.people.get(name)
    if known is not None:
        return known if linkable(known, name, date, role) else None
    words = name.split()
    known = tables.people.get(words[-1])
    if known is None or not linkable(known, words[-1], date, role):
        return None
    given = tables.given_names.get(id(known))
    if len(words) > 1 and given and words[0].rstrip(".") not in given:
        return None
    return known


def _org_in(tokens: list[Any], table: ArticleActors) -> tuple[str, str, tuple[str, ...]] | None:
    """An organisation of the table named within the tokens ("U.N.", "Arab League")."""
    inside = {t.i for t in tokens}
    first = name_index(table.tables).org_first
    for t in tokens:
        found = phrase_at(table.words, table.spaces, t.i, table.tables.orgs, first, 5)
        if found and all(i in inside for i in range(t.i, t.i + found[0])):
            return table.tables.orgs[found[1]]
    return None


def find_known_people(doc: Any, table: ArticleActors) -> None:
    """Names in the people table that the tagger did not mark as persons ("Putin offered ...")."""
    people = table.tables.people
    if not people:
        return
    first = name_index(table.tables).people_first
    i = 0
    while i < len(doc):
        found = phrase_at(table.words, table.spaces, i, people, first, 4)
        if found and table.words[i][:1].isupper():
            n, form = found
            span = doc[i:i + n]
            if not any(t.i in table.by_token for t in span) and linkable(people[form], form, table.date) \
                    and (n > 1 or (span[0].pos_ == "PROPN" and (span[0].ent_type_ == "PERSON" or not span[0].is_sent_start))):
                known = people[form]
                country, sectors, role = known.country, known.sectors, known.role_at(table.date)
                eid = same_person(table, form) or table.new_entity(Actor(country, sectors, form, role, None, "person"))
                refine(table, eid, country, sectors, role, None)
                table.add_mention(i, i + n, span.root.i, eid, "person")
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


def refine(table: ArticleActors, eid: str, country: str | None, sectors: tuple[str, ...], role: str | None,
            organisation: str | None) -> None:
    e = table.entities[eid]
    a = e.actor
    e.actor = Actor(a.country or country, a.sectors or sectors, a.name if a.name and len(a.name) >= len(str(a.name)) else a.name,
                    a.role or role, a.organisation or organisation, a.kind, eid)
