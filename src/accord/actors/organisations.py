"""Organisations: the table's aliases ("NATO", "UN"), national institutions and companies, worldwide bodies."""
from __future__ import annotations

from typing import Any

from ..model import Actor
from .article import ArticleActors, find_entity
from .lookup import name_index, phrase_at
from .tables import INTERNATIONAL, Tables
from .titles import phrase_left, role_of


def find_organisations(doc: Any, table: ArticleActors, places: dict[int, tuple[int, str, str]]) -> None:
    tables = table.tables
    # international organisations from the table (case-sensitive aliases)
    first = name_index(tables).org_first
    for i in range(len(doc)):
        found = phrase_at(table.words, table.spaces, i, tables.orgs, first, 6)
        if found:
            n, form = found
            code, name, secs = tables.orgs[form]
            before = next(((c, k, st) for st, (end, c, k) in table.place_hits.items() if end == i), None)
            if before is not None and before[1] == "demonym" and code not in INTERNATIONAL and before[0] != code:
                # "Pakistani Taliban", "Syrian Kurds' YPG": a national branch of a movement named for another country
                code, name = before[0], f"{doc[before[2]:i].text} {name}"
            # "OPEC" is shown as "Organization of the Petroleum Exporting Countries (OPEC)": both names stay findable
            shown = f"{name} ({form})" if form != name and form.replace(".", "").isupper() and len(form) <= 8 else name
            eid = next((e.id for e in table.entities.values() if e.actor.kind == "organisation" and e.actor.organisation == name),
                       None) or table.new_entity(Actor(code, secs, shown, None, name, "organisation"))
            table.add_mention(i, i + n, doc[i:i + n].root.i, eid, "organisation")
    # national institutions and companies: a capitalised run holding a demonym and an institution word
    for chunk in _chunks_that_can_name(doc, table, places):
        toks = [t for t in chunk if t.dep_ not in ("det", "case") and t.text not in ("'s", "’s")]
        run = _capital_run(toks)
        if not run:
            continue
        country = next((places[t.i][1] for t in run if t.i in places), None)
        heads = {t.text for t in run}
        is_inst = bool(heads & tables.institutions)
        biz = chunk.root.lower_ in tables.business or any(t.lower_ in tables.business for t in chunk)
        if country is None and _international_body(run, tables) and not any(t.i in table.by_token for t in run):
            # "the Third World Water Forum": a body of no country named as worldwide is international
            code = "IGO" if tables.igo_for_all else "NGO"
            name = " ".join(t.text for t in run)
            eid = find_entity(table, kind="organisation", name=name) or table.new_entity(Actor(code, ("NGO",), name, None, name, "organisation"))
            table.add_mention(run[0].i, run[-1].i + 1, run[-1].i, eid, "organisation")
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
            _, sectors = role_of(run, tables)
        eid = find_entity(table, kind="organisation", name=name) or table.new_entity(Actor(country, sectors, name, None, name, "organisation"))
        table.add_mention(run[0].i, run[-1].i + 1, chunk.root.i if chunk.root in run else run[-1].i, eid, "organisation")
    _named_bodies(doc, table, places)


def _chunks_that_can_name(doc: Any, table: ArticleActors, places: dict[int, tuple[int, str, str]]) -> Any:
    """The noun chunks of the sentences that name a place or hold a worldwide word: only there can a chunk
    be a national institution or a worldwide body (spaCy's chunker builds a Token for every word it reads)."""
    worldwide = table.tables.worldwide
    for sent in doc.sents:
        if any(i in places for i in range(sent.start, sent.end)) or \
                any(w in worldwide for w in table.words[sent.start:sent.end]):
            # the language's chunker on the sentence alone (Span.noun_chunks reads the whole doc's chunks)
            yield from (doc[start:end] for start, end, _ in doc.noun_chunks_iterator(sent))


def _named_bodies(doc: Any, table: ArticleActors, places: dict[int, tuple[int, str, str]]) -> None:
    """Bodies the tagger names that no table lists, of a country the text gives them: "Iranian airline
    Mahan Air", "the Bank of Israel", "Saudi Arabia's state-owned Saudi Aramco", "the Syrian Democratic Forces"."""
    tables = table.tables
    for ent in doc.ents:
        if ent.label_ != "ORG" or any(t.i in table.by_token for t in ent) or ent.text in tables.not_actors:
            continue
        toks = [t for t in ent if t.lower_ != "the" and t.text not in ("'s", "’s")]
        if not toks or any(t.i in places and places[t.i][2] in ("name", "capital") for t in toks[:1]) and len(toks) == 1:
            continue
        inside = next((places[t.i][1] for t in toks if t.i in places), None)
        root = ent.root
        around = [t for t in phrase_left(root.head) + [root.head] if t.i < ent.start] if root.dep_ in ("appos", "compound") else []
        around += [t for t in phrase_left(root) if t.i < ent.start]
        country = inside or next((places[t.i][1] for t in reversed(around) if t.i in places), None)
        if country is None:
            continue
        words = {t.lower_ for t in list(ent) + around}
        sectors = ("BUS",) if words & tables.business else ("MED",) if {t.text for t in ent} & tables.media else \
            role_of(list(ent), tables)[1]
        name = " ".join(t.text for t in toks)
        eid = find_entity(table, kind="organisation", name=name) or table.new_entity(Actor(country, sectors, name, None, name, "organisation"))
        table.add_mention(toks[0].i, toks[-1].i + 1, root.i, eid, "organisation")



def _international_body(run: list[Any], tables: Tables) -> bool:
    """A capitalised name with a worldwide word and ending in a word for a body ("World Water Forum")."""
    words = [t.text for t in run]
    return len(words) >= 2 and words[-1] in tables.bodies and bool(tables.worldwide & set(words[:-1]))


def _capital_run(toks: list[Any]) -> list[Any]:
    run: list[Any] = []
    for t in toks:
        if t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN", "NUM"):
            run.append(t)
        elif run:
            break
    return run
