"""Title words: the role and sectors they give ("Defense Minister" -> GOV, MIL), the name without its ranks."""
from __future__ import annotations

from typing import Any

from .tables import Tables

# dependency labels that end a noun phrase: material past them is another phrase
_PHRASE_STOP = {"conj", "cc", "appos", "prep", "relcl", "acl", "advcl", "punct", "agent", "ccomp", "xcomp"}


def role_of(tokens: list[Any], tables: Tables) -> tuple[str | None, tuple[str, ...]]:
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
    role = " ".join(w for w in role_words if w.lower() not in tables.titles_left_out) or None
    return role, tuple(dict.fromkeys(sectors))


def phrase_left(root: Any) -> list[Any]:
    """The modifiers left of a noun that belong to its phrase (title, demonym, possessive)."""
    out = []
    stack = [c for c in root.lefts if c.dep_ not in _PHRASE_STOP]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _PHRASE_STOP)
    return sorted(out, key=lambda t: t.i)



def person_name(tokens: list[Any], tables: Tables) -> str:
    """The name proper: the last run of capitalised words that are neither titles nor ranks."""
    run: list[str] = []
    for t in reversed(tokens):
        low = t.text.lower()
        if t.text in ("'s", "’s") and not run:
            continue
        if t.text == "-" and run:
            run.append(t.text)  # "al-Haddad", "Jean-Marc": the hyphen joins a name
            continue
        if low in tables.ranks or low in tables.sectors or not (t.text[:1].isupper() or t.text[:1] in "'’-" or low in tables.name_particles):
            break
        run.append(t.text)
    return " ".join(reversed(run)).replace(" - ", "-")
