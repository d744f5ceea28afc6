"""Source and target of a trigger, read from the parse.

A verb's source is its subject (or a passive's agent), its target the object or a
prepositional object; an absorbing verb's target is in its complement ("threatened to ban
X"). A noun's source is its possessor, a country adjective or the subject of its clause; its
target a prepositional object. "between A and B", coordinated subjects ("A and B signed")
and "the two countries" give both sides, undirected. Mentions come from the article's
entity table, so pronouns and "the sides" already stand for their actors.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..actors import ArticleActors, Mention
from ..vocabulary import Vocabulary
from .clauses import complements, condition_subjects, content_clauses, passive, subject
from .triggers import Hit


@dataclass
class Roles:
    """Entity ids of the source and target, whether the act is directed, and how they were found."""

    source: list[str]
    target: list[str]
    directed: bool
    how: str


def find_roles(hit: Hit, actors: ArticleActors, words: Vocabulary) -> Roles | None:
    """Source and target of the trigger, or None when the parse names no actor."""
    between = _between(hit.token, actors)
    if hit.kind == "verb":
        src, subj, tgt_tokens, between = _verb_parties(hit, actors, between, words)
        how = "subject"
    else:
        src, subj, tgt_tokens, how = _noun_parties(hit, actors, words)
    return _assign(hit, actors, src, subj, tgt_tokens, between, how, words)


def _verb_parties(hit: Hit, actors: ArticleActors, between: list[Mention],
                  words: Vocabulary) -> tuple[list[Mention], list[Any], list[Any], list[Mention]]:
    tok = hit.token
    subj = subject(tok, words)
    src = actors.mentions_in(subj)
    tgt_tokens = _targets_of_verb(tok, {t.i for t in subj}, words)
    if hit.rule.absorbs:
        # "threatened to ban X", "demanded that X withdraw": the target is in the complement,
        # after the verb's own object ("ordered X to appear for questioning about Y": X)
        direct = [t for c in tok.children if c.dep_ in ("dobj", "dative") for t in c.subtree]
        for c in complements(tok):
            if c.pos_ in ("VERB", "AUX"):
                inner_subj = [t for x in c.children if x.dep_ in ("nsubj", "nsubjpass") for t in x.subtree]
                tgt_tokens = direct + inner_subj + _targets_of_verb(c, {t.i for t in subj}, words) + tgt_tokens
                tgt_tokens += condition_subjects(c, words)
    if hit.rule.type == "MOBILIZE":
        tgt_tokens = _posture_targets(tok, words) + tgt_tokens
    if hit.rule.recipient_first:
        tgt_tokens = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for t in c.subtree] + tgt_tokens
    if not between and hit.rule.absorbs:
        # "offered to mediate between A and B"
        between = next((b for c in tok.children if c.dep_ in ("xcomp", "ccomp") for b in [_between(c, actors)] if b), [])
    return src, subj, tgt_tokens, between


def _noun_parties(hit: Hit, actors: ArticleActors, words: Vocabulary) -> tuple[list[Mention], list[Any], list[Any], str]:
    tok, verb = hit.token, hit.anchor
    poss = [t for c in tok.children if c.dep_ in ("poss",) for t in c.subtree]
    poss += [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for t in c.subtree]
    poss += [c for c in tok.children if c.dep_ in ("amod", "compound") and actors.mention_at(c.i)]
    src = actors.mentions_in(poss)
    how = "possessor"
    subj: list[Any] = []
    if not src and tok.dep_ in ("dobj", "pobj", "conj", "attr") or (not src and hit.rule.light):
        subj = subject(verb, words) if verb is not tok else []
        src = actors.mentions_in(subj)
        how = "clause subject"
    tgt_tokens = _targets_of_noun(tok, words)
    if hit.rule.type == "MOBILIZE":
        tgt_tokens = _posture_targets(verb, words) + tgt_tokens  # "placed its forces on alert along its border with X"
    if verb is not tok and hit.rule.type == "CONSULT" and not hit.rule.light:
        # "sat down with government negotiators for talks": who the clause's subject met
        tgt_tokens += [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree]
    if verb is not tok and hit.rule.light:
        own = {x.i for x in tok.subtree}
        stated = {x.i for x in tgt_tokens}
        tgt_tokens += [t for t in _targets_of_verb(verb, {t.i for t in subject(verb, words)}, words) if t.i not in own or t.i in stated]
    return src, subj, tgt_tokens, how


def _assign(hit: Hit, actors: ArticleActors, src: list[Mention], subj: list[Any], tgt_tokens: list[Any],
            between: list[Mention], how: str, words: Vocabulary) -> Roles | None:
    """The candidates ranked into one source and one target."""
    tok, verb = hit.token, hit.anchor
    src_ids = _expand(src[:1] if src else [], actors)
    if between and not src_ids:
        ids = list(dict.fromkeys(_expand(between, actors)))
        if len(ids) >= 2:
            return Roles([ids[0]], [ids[1]], False, "between")
    tgt = _pick(actors, tgt_tokens, set(src_ids))
    if hit.rule.type in words.cooperative_types and src_ids:
        # "Erdogan promised Ankara will share intelligence with Baghdad": the partner, not his own country
        home = actors.actor(src_ids[0]).country
        others = [m for m in tgt if not (m.kind == "country" and actors.actor(m.entity).country == home)]
        tgt = others + [m for m in tgt if m not in others]
    tgt_ids = [e for e in _expand(tgt, actors) if e not in src_ids][:1]
    if not tgt_ids and between:
        tgt_ids = [e for e in _expand(between, actors) if e not in src_ids][:1]
    # "X and Y signed": a coordinated subject gives both sides, preferably of two countries
    coordinated = [m for m in src[1:] if m.kind != "collective" and m.entity not in src_ids
                   and actors.actor(m.entity).country != (actors.actor(src_ids[0]).country if src_ids else None)]
    bare_target = bool(tgt_ids) and actors.actor(tgt_ids[0]).kind == "country"
    if src and (not tgt_ids or coordinated or bare_target) and any(t.dep_ == "cc" for t in subj):
        # "signed by the government and the guerrillas": both parties, before a country named elsewhere
        first = actors.actor(src_ids[0]).country if src_ids else None
        others = [m for m in src[1:] if m.kind != "collective" and m.entity not in src_ids]
        others.sort(key=lambda m: actors.actor(m.entity).country == first)
        if others:
            return Roles(src_ids[:1], [others[0].entity], False, "coordinated subject")
    if len(src_ids) == 2:
        return Roles([src_ids[0]], [src_ids[1]], False, "both sides")
    if not src_ids and hit.rule.type == "MOBILIZE" and hit.kind in ("verb", "noun") and passive(verb):
        # "the Greek navy was placed on high alert", "troops were deployed": the force mobilised is the actor
        passive_subj = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
        found = [m.entity for m in actors.mentions_in(passive_subj)]
        if found:
            rest = [e for e in tgt_ids if e != found[0]]
            return Roles(found[:1], rest[:1], True, "passive subject mobilised")
    if not src_ids and tgt_ids and hit.kind == "verb" and passive(tok):
        # "X was attacked": X must be the passive subject itself, not a possessor inside it
        heads = {c.i for c in tok.children if c.dep_ == "nsubjpass"}
        heads |= {x.i for h in list(heads) for x in tok.doc[h].conjuncts}
        if not any(m.head in heads for m in tgt[:1]):
            return None
        return Roles([], tgt_ids, True, "passive")
    if not src_ids:
        return Roles([], tgt_ids, True, "no stated source") if tgt_ids else None
    return Roles(src_ids[:1], tgt_ids[:1], True, how)


def _targets_of_verb(verb: Any, skip: set[int], words: Vocabulary) -> list[Any]:
    groups: list[list[Any]] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "attr", "oprd") or (c.dep_ == "nsubjpass"):
            groups.append(list(c.subtree))
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in words.target_prepositions:
            groups.append(list(c.subtree))
        if c.dep_ == "prt":
            for cc in c.children:
                groups.append(list(cc.subtree))
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp"):
            # "allowed inspectors back into the country": the complement's subject, last
            groups.extend(list(x.subtree) for x in c.children if x.dep_ in ("nsubj", "nsubjpass"))
    return [t for g in groups for t in g if t.i not in skip]


def _targets_of_noun(noun: Any, words: Vocabulary) -> list[Any]:
    out: list[Any] = []
    for c in content_clauses(noun):
        # "its demand that Israel ease restrictions": who the demand is put to
        out.extend(t for x in c.children if x.dep_ in ("nsubj", "nsubjpass") for t in x.subtree)
    for c in noun.children:
        if c.dep_ == "prep" and (c.lower_ in words.target_prepositions or c.lower_ in ("between", "in")):
            out.extend(c.subtree)
    return out


def _posture_targets(verb: Any, words: Vocabulary) -> list[Any]:
    """Whom a show of force faces: "along its border with Pakistan", "its coast facing Taiwan",
    "a show of force aimed at Beijing", "as a standoff with Cambodia entered its second week"."""
    out: list[Any] = []
    for t in verb.subtree:
        if t.lemma_.lower() in words.posture_nouns:
            # "its border with Pakistan", "after fighting erupted with Azerbaijan", "in response to South Korean drills"
            out += [x for c in t.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "to") for x in c.subtree]
            if t.dep_ == "nsubj":  # "after fighting erupted with Azerbaijan"
                out += [x for c in t.head.children if c.dep_ == "prep" and c.lower_ in ("with", "between") for x in c.subtree]
        elif t.lemma_.lower() in words.posture_waters:
            # "close to Ukraine's coast", "in the Taiwan Strait"
            out += [x for c in t.children if c.dep_ in ("poss", "compound", "amod") or (c.dep_ == "prep" and c.lower_ == "of")
                    for x in c.subtree]
        elif t.lower_ in ("near", "off") and t.dep_ == "prep":
            out += [x for c in t.children if c.dep_ == "pobj" for x in c.subtree]
        elif t.lower_ in ("facing", "toward", "towards") or (t.lower_ in ("aimed", "directed") and t.pos_ == "VERB"):
            out += [x for c in t.children if c.dep_ in ("dobj", "pobj", "prep") for x in c.subtree]
    return out


def _pick(actors: ArticleActors, tokens: list[Any], exclude: set[str]) -> list[Mention]:
    """Target candidates in the order the token groups were given; actors of known country first."""
    order: dict[int, int] = {}
    for n, t in enumerate(tokens):
        order.setdefault(t.i, n)
    found = [m for m in actors.mentions_in(tokens) if m.entity not in exclude and not _owned_by(m, actors, exclude)]
    found.sort(key=lambda m: (m.kind != "collective" and actors.actor(m.entity).country is None, order.get(m.head, 0)))
    return found


def _owned_by(m: Mention, actors: ArticleActors, owners: set[str]) -> bool:
    """ "Russia withdrew its troops": the source's own troops are not its target; nor is the
    source's country where it only qualifies a thing ("Clinton lifted the U.S. embargo")."""
    head = actors.doc[m.head]
    own = {actors.actor(e).country for e in owners} - {None}
    if m.kind == "country" and actors.actor(m.entity).country in own and head.dep_ in ("amod", "compound", "nmod") \
            and head.head.pos_ == "NOUN" and not actors.mention_at(head.head.i):
        return True
    for c in actors.doc[m.head].children:
        if c.dep_ == "poss":
            owner = actors.mention_at(c.i)
            if owner is not None and owner.entity in owners:
                return True
    return False


def _between(tok: Any, actors: ArticleActors) -> list[Mention]:
    for c in list(tok.children) + [x for cc in tok.children if cc.dep_ in ("dobj", "nsubjpass") for x in cc.children]:
        if c.dep_ == "prep" and c.lower_ == "between":
            return actors.mentions_in(list(c.subtree))
    return []


def _expand(mentions: list[Mention], actors: ArticleActors) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if m.kind == "collective":
            pair = actors.pair(actors.doc[m.head].lower_)
            if pair:
                out.extend(pair)
        else:
            out.append(m.entity)
    return out
