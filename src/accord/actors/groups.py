"""Countries and groups: the remaining place mentions ("Turkish officials", "Russia") and role nouns ("rebels", "the president of Armenia")."""
from __future__ import annotations

from typing import Any

from ..model import Actor
from .article import ArticleActors, find_entity
from .coreference import resolve_nominal
from .tables import Tables
from .titles import phrase_left, role_of


def find_countries(doc: Any, table: ArticleActors, places: dict[int, tuple[int, str, str]]) -> None:
    """Country mentions not inside a person or organisation: the country, with the sectors of its noun."""
    tables = table.tables
    for start, (end, code, kind) in sorted(places.items()):
        if any(i in table.by_token for i in range(start, end)):
            continue
        head_tok = doc[end - 1]
        if end < len(doc) and doc[end].text in tables.media:
            # "the Washington Post said": a newspaper of that country, not the country
            stop = end + 1 if end + 1 < len(doc) and doc[end + 1].text in tables.media else end
            name = doc[start:stop + 1].text
            eid = find_entity(table, kind="organisation", name=name) or table.new_entity(Actor(code, ("MED",), name, None, name, "organisation"))
            table.add_mention(start, stop + 1, stop, eid, "organisation")
            continue
        if start > 0 and doc[start - 1].lower_ in ("ethnic", "pro"):
            # "ethnic Albanians in Serbia" are not Albania: they are people of Serbia, where stated
            where = of_country(head_tok, places, tables)
            if doc[start - 1].lower_ == "ethnic":
                # no place stated: the country the article is about, if any (see infer_countries)
                eid = table.new_entity(Actor(where, ("ETH",), None, "ethnic " + doc[start:end].text, None, "group"))
                table.add_mention(start - 1, end, head_tok.i, eid, "group")
            continue
        if kind == "region" and not (head_tok.dep_ in ("amod", "compound", "poss", "nmod") and head_tok.head.lower_ in tables.sectors):
            continue  # "in Texas", "New Jersey sued": a region qualifies officials ("Texas officials"), it is no state
        if kind in ("capital",) and head_tok.dep_ == "pobj" and head_tok.head.lower_ in ("in", "at", "from", "near", "into", "outside") \
                and head_tok.head.head.lower_ not in tables.aimed_at \
                and not (head_tok.head.lower_ == "from" and head_tok.head.head.lemma_.lower() in tables.given_from):
            continue  # "met in Baku": a place, not an actor (places.py reads it); "aimed at Beijing" is the government
        noun = head_tok.head if head_tok.dep_ in ("amod", "compound", "poss", "nmod") and head_tok.head.pos_ in ("NOUN", "PROPN") else None
        while noun is not None and noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.lower_ not in tables.sectors:
            noun = noun.head  # "Bolivian coca farmers": the farmers are Bolivian
        if head_tok.dep_ == "conj" and head_tok.head.dep_ in ("amod", "compound") and head_tok.head.head.pos_ in ("NOUN", "PROPN"):
            noun = head_tok.head.head
        role, sectors = role_of(sorted([noun] + [c for c in noun.lefts if c.dep_ == "compound"], key=lambda t: t.i), tables) if noun is not None else (None, ())
        if noun is not None and noun.lower_ in tables.visitors:
            table.visitor_country = table.visitor_country or code
        coordinated = [t for t in list(noun.children) + list(head_tok.conjuncts) if t.i in places and t.i != start] \
            if noun is not None else []
        if noun is not None and sectors and (coordinated or head_tok.dep_ == "conj"):
            # "Hungarian and Romanian officials": each country is an actor of its own
            eid = find_entity(table, kind="group", country=code) or table.new_entity(Actor(code, sectors, None, role, None, "group"))
            table.add_mention(start, end, head_tok.i, eid, "group")
            continue
        if noun is not None and (sectors or noun.lower_ in tables.visitors):
            # "the Italian Defense Minister", "the Italian guest": a person already known, or a group
            lo = min([noun.i, start] + [t.i for t in phrase_left(noun)])
            known = resolve_nominal(table, code, role, noun.lower_ in tables.visitors)
            eid = known if known is not None else table.new_entity(Actor(code, sectors, None, role, None, "group"))
            if not any(i in table.by_token for i in range(lo, noun.i + 1)):
                table.add_mention(lo, noun.i + 1, noun.i, eid, "group")
                continue
        eid = find_entity(table, kind="country", country=code) or table.new_entity(Actor(code, (), None, None, None, "country"))
        table.add_mention(start, end, head_tok.i if head_tok.dep_ != "compound" else head_tok.i, eid, "country")



def of_country(tok: Any, places: dict[int, tuple[int, str, str]], tables: Tables) -> str | None:
    """ "the president of Armenia", "rebels in Chad", "a newspaper based in Beirut": the country
    named in the noun's of/in phrase."""
    children = [(c, False) for c in tok.children]
    children += [(c, True) for a in tok.children if a.dep_ == "acl" and a.lemma_.lower() in tables.based
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
                    if hit and hit[2] in ("name", "capital", "demonym", "region") and (
                            based or c.lower_ not in ("to", "in") or hit[2] != "capital"):
                        return hit[1]
    return None


def find_groups(doc: Any, table: ArticleActors, places: dict[int, tuple[int, str, str]]) -> None:
    """Role nouns with no adjective of nationality: "the president of Armenia", "rebels", "the opposition"."""
    tables = table.tables
    for i, pos in enumerate(table.pos):
        if i in table.by_token or pos not in ("NOUN", "PROPN") or table.lowers[i] not in tables.sectors:
            continue
        tok = doc[i]
        if tok.lower_ in tables.not_groups:
            continue
        if tok.dep_ in ("compound", "amod") and not (tok.lower_ in tables.compound_groups and tok.head.lower_ not in tables.sectors):
            continue  # "opposition demands", "rebel positions": the group; "army officers": the officers
        code = of_country(tok, places, tables) or next((of_country(c, places, tables) for c in tok.children if c.dep_ == "amod"), None)
        role, sectors = role_of(sorted([tok] + [c for c in tok.lefts if c.dep_ == "compound"], key=lambda t: t.i), tables)
        if code is None and tok.lower_ not in tables.standalone \
                and not any(c.dep_ == "compound" and c.lower_ in tables.compound_groups for c in tok.lefts):
            continue  # "negotiators" alone is nobody's; "government negotiators" a group
        if code is None and any(c.i in table.by_token for c in tok.lefts if c.dep_ in ("compound", "amod", "poss", "nmod")):
            continue  # "Hezbollah guerrillas": the organisation already names the actor
        lo = min([tok.i] + [c.i for c in tok.lefts if c.dep_ in ("compound", "amod", "det")])
        if any(i in table.by_token for i in range(lo, tok.i + 1)):
            lo = tok.i
        eid = resolve_nominal(table, code, role, False) if code else None
        if eid is None:
            eid = table.new_entity(Actor(code, sectors, None, role, None, "group"))
        table.add_mention(lo, tok.i + 1, tok.i, eid, "group")

