"""How records read to a person, in the command's tables and the dossier: dates without a year spelled out,
long text cut at a word. Exports and JSON keep the raw values ("--11-17")."""
from __future__ import annotations

import re

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ELLIPSIS = "…"


def readable_date(value: str | None) -> str:
    """ "--11-17" -> "17 Nov (year not stated)"; dates with a year as they are; "" for none."""
    if not value:
        return ""
    m = re.fullmatch(r"--(\d\d)(?:-(\d\d))?", value)
    if m is None or not 1 <= int(m[1]) <= 12:
        return value
    month = MONTHS[int(m[1]) - 1]
    return f"{int(m[2])} {month} (year not stated)" if m[2] else f"{month} (year not stated)"


def cut(text: str, width: int) -> str:
    """`text` on one line, at most `width` characters: cut after a whole word, with "…" where it was cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    head = text[:width - 1]
    if text[width - 1] != " " and " " in head:  # the cut falls inside a word: drop that word's start
        head = head[:head.rindex(" ")]
    return head.rstrip(" ,;:-–") + ELLIPSIS
