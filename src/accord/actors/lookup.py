"""Finding the tables' names in a text: places (a letter off included), organisations, people."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .tables import Tables


def in_capitals(text: str) -> bool:
    """A headline in capitals: three words or more, nearly all of their letters capitals ("SAYS HE" is no name)."""
    letters = "".join(filter(str.isalpha, text))
    return len(text.split()) >= 3 and len(letters) >= 12 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def first_words(phrases: Any) -> frozenset[str]:
    """The texts a phrase's first token can have ("al" for "al-Qaeda", "U.S." for "U.S.")."""
    out = set()
    for p in phrases:
        head = p.split()[0] if p.split() else p
        out.update({head, re.split(r"[-'’]", head)[0]})
    return frozenset(out)


def phrase_at(words: list[str], spaces: list[str], i: int, table: Any, first: frozenset[str],
               longest: int) -> tuple[int, str] | None:
    """The longest phrase of `table` that starts at token i, as (number of tokens, phrase)."""
    if words[i] not in first:
        return None
    for n in range(min(longest, len(words) - i), 0, -1):
        form = "".join(words[j] + spaces[j] for j in range(i, i + n - 1)) + words[i + n - 1]
        if form in table:
            return n, form
    return None


def find_place_hits(doc: Any, tables: Tables, words: list[str], spaces: list[str],
                    date: str | None = None) -> dict[int, tuple[int, str, str]]:
    """Token start -> (end, code, kind) for every country name, demonym, capital or metonym
    (`words` and `spaces`: the doc's token texts and whitespace, as ArticleActors keeps them),
    coded as of the article's `date` (Moscow in 1987 is the Soviet Union)."""
    hits: dict[int, tuple[int, str, str]] = {}
    first = name_index(tables).place_first
    i = 0
    while i < len(words):
        found = phrase_at(words, spaces, i, tables.places, first, 7)
        if found is None and "-" in words[i]:
            # "Azerbaijan-Italy" as one token: the first part acts here
            part = words[i].split("-")[0]
            found = (1, part) if part in tables.places else None
        if found is None and len(words[i]) >= TYPO_MIN_LENGTH:  # (shorter words are never read as typos: no Token)
            typo = typo_place(doc[i], tables)
            found = (1, typo) if typo else None
        if found and not inside_a_longer_name(doc, i, i + found[0]):
            n, form = found
            hits[i] = (i + n, tables.code_at(form, date), tables.places[form][1])
            i += n
            continue
        i += 1
    return _residents(hits, words)


#: entity labels of names that hold a country's name without naming the country ("the South China Sea")
_PLACE_LABELS = ("LOC", "FAC", "WORK_OF_ART", "PRODUCT")


def inside_a_longer_name(doc: Any, start: int, end: int) -> bool:
    """The words are part of a longer place or title the tagger found: "the South China Sea",
    "New Jersey", a painting called "America"; not "the Iran-Iraq war" or "the Bank of Japan"."""
    ent_type = doc[start].ent_type_
    if ent_type not in _PLACE_LABELS and ent_type != "GPE":
        return False
    if ent_type == "GPE" and doc[start].ent_iob_ == "B":
        return False  # the name begins the place: "Iraq's Kurdistan region" is Iraq
    lo = start
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    hi = end
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    before = [t for t in doc[lo:start] if t.lower_ != "the"]
    after = [t for t in doc[end:hi] if t.lower_ not in ("'s", "’s", "'", "’")]
    if after:
        return not (doc[end].lower_ in ("'s", "’s", "'", "’"))  # "the Solomon Islands' main island": the country
    # "South Lebanon", "northern Syria": a part of the country; "New Jersey", "the Gulf of Mexico": another place
    return bool(before) and not all(t.lower_ in _COMPASS for t in before)


_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
                      "southwest", "north-eastern", "north-western", "south-eastern", "south-western", "upper", "lower"})


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


def name_index(tables: Tables) -> _Index:
    key = id(tables)
    if key not in _INDEXES:
        _INDEXES[key] = _Index(first_words(tables.places), first_words(tables.orgs), first_words(tables.people),
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


def typo_place(tok: Any, tables: Tables) -> str | None:
    """The country name a misspelt proper noun stands for: one letter dropped ("Ethopia") or added ("Quatar")."""
    word = tok.text
    if len(word) < TYPO_MIN_LENGTH or not word.isalpha() or not word[:1].isupper() or word.isupper() or tok.pos_ != "PROPN" \
            or tok.ent_type_ in ("PERSON", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW") \
            or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN"):
        return None
    typos = name_index(tables).place_typos
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
    forms = {f for f in forms if f[0].lower() == low[0] and low != f.lower() + "s" and word not in name_index(tables).person_words}
    codes = {tables.places[f][0] for f in forms}
    return next(iter(forms)) if len(codes) == 1 else None
