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
from .clauses import complements, condition_subjects, content_clauses, passive, subject, with_partners
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
        if not between and hit.anchor is not hit.token:
            between = _between(hit.anchor, actors)  # "fighting broke out between A and B"
    if hit.rule.type in words.instrument_with_types and hit.rule.id not in words.reciprocal_rules:
        # "airstrikes with the Royal Air Force", "attacked the town with drones": the means, not the target
        means = {t.i for head in (hit.token, hit.anchor) for c in head.children if c.dep_ == "prep" and c.lower_ == "with"
                 for t in c.subtree}
        tgt_tokens = [t for t in tgt_tokens if t.i not in means]
    return _assign(hit, actors, src, subj, tgt_tokens, between, how, words)


def _verb_parties(hit: Hit, actors: ArticleActors, between: list[Mention],
                  words: Vocabulary) -> tuple[list[Mention], list[Any], list[Any], list[Mention]]:
    tok = hit.token
    subj = subject(tok, words)
    src = actors.mentions_in(subj)
    tgt_tokens = _targets_of_verb(tok, {t.i for t in subj}, words)
    if hit.rule.holds_clause:
        # "threatened to ban X", "demanded that X withdraw": the target is in the complement,
        # after the verb's own object ("ordered X to appear for questioning about Y": X)
        direct = [t for c in tok.children if c.dep_ in ("dobj", "dative", "oprd") for t in c.subtree]
        if hit.rule.type == "REQUEST":
            # "demanded from Interpol that it publish ...": whom the demand is put to, before what is demanded
            direct = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for t in c.subtree] + direct
        for c in complements(tok):
            if c.pos_ in ("VERB", "AUX"):
                inner_subj = [t for x in c.children if x.dep_ in ("nsubj", "nsubjpass") for t in x.subtree]
                tgt_tokens = direct + inner_subj + _targets_of_verb(c, {t.i for t in subj}, words) + tgt_tokens
                tgt_tokens += condition_subjects(c, words)
    if hit.rule.type == "MOBILIZE":
        tgt_tokens = _posture_targets(tok, words) + tgt_tokens
    if hit.rule.topic_object:
        tgt_tokens = with_partners(tok)  # "discussed Libya with Erdogan": what is discussed is no party
    if hit.rule.recipient_first:
        tgt_tokens = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for t in c.subtree] + tgt_tokens
    if not between and hit.rule.holds_clause:
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
    # "Sweden condemned the attack": who speaks of an act is not its agent
    told = verb is not tok and verb.lemma_.lower() in words.reporting_act_verbs and not hit.rule.light
    # "police responded to reports of a shooting", "investigators reached the scene of the attack": not theirs
    told = told or (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in words.hearsay_nouns)
    if not src and not told and (tok.dep_ in ("dobj", "pobj", "conj", "attr") or hit.rule.light):
        subj = subject(verb, words) if verb is not tok else []
        if any(t.i == tok.i for t in subj):
            subj = []  # "protests and riots over the death of X continued": the act is the subject, X no actor of it
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
    """The candidates ranked into the sources and targets: the first of each with its conjuncts."""
    tok, verb = hit.token, hit.anchor
    src_ids = _unique(_expand(_with_conjuncts(src, actors, subj), actors))
    if between and src_ids and (hit.rule.id in words.joint_rules or hit.kind == "noun"):
        # "arranged a meeting between Zelensky and Trump": the two named, not who arranged it
        src_ids = []  # "a deal it brokered to normalize relations between A and B": A and B, not the broker
    if between and not src_ids:
        ids = _unique(_expand(between, actors))
        if len(ids) >= 2:
            return Roles(ids, [], False, "between")  # "fighting between A and B": every party with every other
    tgt = _pick(actors, tgt_tokens, set(src_ids))
    homes = {actors.actor(e).country for e in src_ids}
    # '"We must stand by our allies," the minister wrote': the speaker's own side is no party to his words
    tgt = [m for m in tgt if not (actors.doc[m.head].lower_ in actors.tables.speaker_group_pronouns
                                  and actors.actor(m.entity).country in homes)]
    if len(homes) == 1 and None not in homes:
        # "Erdogan promised Ankara will share intelligence with Baghdad", "the United States announced its
        # withdrawal from the region": the source's own country, named as a whole, is no party to what it does
        # (a place of it still is: "stormed the Chechen capital")
        own = [m for m in tgt if m.kind == "country" and actors.actor(m.entity).country in homes
               and (hit.rule.type in words.cooperative_types or _named_as_a_whole(m, actors))]
        tgt = [m for m in tgt if m not in own]
        if own and not tgt:
            how += ", own country is no party"
    tgt_ids = [e for e in _unique(_expand(_with_conjuncts(tgt, actors), actors)) if e not in src_ids]
    if not tgt_ids and between:
        tgt_ids = [e for e in _unique(_expand(between, actors)) if e not in src_ids]
    if src and src[0].kind == "collective" and len(src_ids) == 2:
        return Roles(src_ids, [], False, "both sides")  # "the two sides signed": the article's pair
    countries = {actors.actor(e).country for e in src_ids}
    stated_target = bool(tgt) and (close_to(tok, actors.doc[tgt[0].head]) or close_to(verb, actors.doc[tgt[0].head]))
    joint = hit.rule.type in words.joint_types or hit.rule.id in words.joint_rules
    if joint and len(src_ids) >= 2 and (not tgt_ids or not stated_target) \
            and (len(countries) >= 2 or any(t.dep_ == "cc" for t in subj)):
        # "A and B signed", "A and B met on the margins of the G20 meeting": both sides, undirected;
        # "A, B and C cut ties with D" has a target of its own and gives A-D, B-D, C-D
        return Roles(src_ids, [], False, "coordinated subject")
    if joint and len(src_ids) == 1 and (not tgt_ids or not stated_target) and any(t.dep_ == "cc" for t in subj):
        # a coordination the parse hung elsewhere ("A and B's general C signed"): the subject's
        # other party, preferably of another country
        others = [m for m in src[1:] if m.kind != "collective" and m.entity not in src_ids]
        others.sort(key=lambda m: actors.actor(m.entity).country == actors.actor(src_ids[0]).country)
        if others:
            return Roles(src_ids + [others[0].entity], [], False, "coordinated subject")
    if not src_ids and hit.rule.type == "MOBILIZE" and hit.kind in ("verb", "noun") and passive(verb):
        # "the Egyptian air force was put on alert", "troops were deployed": the force mobilised is the actor
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
    return Roles(src_ids, tgt_ids, True, how)


def distribute(roles: Roles, actors: ArticleActors, limit: int = 8) -> list[Roles]:
    """One Roles per pair of actors: every source with every target, or, for parties acting
    together ("A, B and C met"), every party with every other; one per pair of countries."""
    if not roles.directed and not roles.target and len(roles.source) >= 2:
        parties = roles.source[:limit]
        pairs = [([a], [b]) for i, a in enumerate(parties) for b in parties[i + 1:]]
    else:
        sources = roles.source[:limit] or [None]
        targets = roles.target[:limit] or [None]
        pairs = [([s] if s else [], [t] if t else []) for s in sources for t in targets]
    def key(src: list[str], tgt: list[str]) -> tuple[str | None, str | None]:
        return (actors.actor(src[0]).country if src else None, actors.actor(tgt[0]).country if tgt else None)

    # "Kenya and its army chief thanked Uganda": one event; a country meets itself only where
    # no other pair is stated ("the rebels urged Kagame and his party")
    mixed = any(k[0] != k[1] for k in (key(*p) for p in pairs))
    out: list[Roles] = []
    seen: set[tuple[str | None, str | None]] = set()
    for src, tgt in pairs:
        k = key(src, tgt)
        if k in seen or (mixed and k[0] is not None and k[0] == k[1]):
            continue
        seen.add(k)
        out.append(Roles(src, tgt, roles.directed, roles.how))
    return out


def _with_conjuncts(mentions: list[Mention], actors: ArticleActors, phrase: list[Any] | None = None) -> list[Mention]:
    """The first mention and one for each phrase coordinated with its phrase ("Chile, Peru and
    Bolivia", "Senegalese coastguards and the EU's border agency"); `phrase`, where given, is the
    subject's tokens, whose own conjuncts decide."""
    if not mentions:
        return []
    lead = mentions[0]
    head = _phrase_head(actors.doc[lead.head])
    inside = {t.i for t in phrase or []}
    root = next((t for t in phrase or [] if t.head.i not in inside or t.head.i == t.i), None)
    if root is not None and root.conjuncts and _best(actors, _own_tokens(root, list(root.conjuncts))):
        head = root
        lead = _best(actors, _own_tokens(root, list(root.conjuncts)))[0]
    if lead.kind == "group":
        # "the foreign ministers of Brazil, Argentina and Uruguay": the countries they stand for
        owners = [m for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj" for m in [actors.mention_at(p.i)] if m is not None]
        if owners and any(t.dep_ == "conj" for t in actors.doc[owners[0].head].children):
            head = actors.doc[owners[0].head]
            lead = owners[0]
    out = [lead]
    # "Colombian and Ecuadorean police": coordinated modifiers; "A's envoy and B's minister": phrases
    found_at = {c.i: c for c in actors.doc[lead.head].conjuncts}
    found_at.update({c.i: c for c in head.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON")})
    conjuncts = [found_at[i] for i in sorted(found_at)]
    for c in conjuncts:
        found = [m for m in _best(actors, _own_tokens(c, conjuncts)) if m.entity != lead.entity]
        if found:
            out.append(found[0])
    # "met U.N. diplomats, including the Soviet envoy": the members named are parties too
    # (or hung on the quantity before it: "a number of U.N. diplomats, including ...")
    holders = [head] + ([head.head.head] if head.dep_ == "pobj" and head.head.lower_ == "of" else [])
    members = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "including"
               for p in c.children if p.dep_ == "pobj"]
    members += [x for p in members for x in p.conjuncts]
    for p in members:
        found = [m for m in _best(actors, list(p.subtree)) if m.entity not in {o.entity for o in out}]
        if found:
            out.append(found[0])
    return out


def _own_tokens(tok: Any, conjuncts: list[Any]) -> list[Any]:
    """The tokens of one conjunct's phrase, without the phrases of the conjuncts hung on it."""
    inner = {t.i for d in conjuncts if d.i != tok.i and d.i in {x.i for x in tok.subtree} for t in d.subtree}
    return [t for t in tok.subtree if t.i not in inner and t.dep_ not in ("cc", "punct")]


def _best(actors: ArticleActors, tokens: list[Any]) -> list[Mention]:
    """Mentions of a phrase, the one naming its head first, then its modifiers, then the rest."""
    if not tokens:
        return []
    inside = {t.i for t in tokens}
    root = next(t for t in tokens if t.head.i not in inside or t.head.i == t.i)

    def rank(m: Mention) -> int:
        head = actors.doc[m.head]
        if m.head == root.i or m.start <= root.i < m.end:
            return 0
        return 1 if head.head.i == root.i and head.dep_ in ("amod", "compound", "poss", "nmod") else 2
    return sorted(actors.mentions_in(tokens), key=rank)


def _phrase_head(tok: Any) -> Any:
    """The head of the noun phrase a mention sits in ("Turkish" -> "counterpart", "Russia's" -> "Putin")."""
    for _ in range(4):
        if tok.dep_ in ("amod", "compound", "poss", "nmod", "det") and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head
        else:
            break
    return tok


def close_to(verb: Any, tok: Any) -> bool:
    """The token heads the verb's (or noun's) object or a prepositional object hung on it directly."""
    tok = _phrase_head(tok)
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.head.i == verb.i:
        return tok.dep_ in ("dobj", "dative", "nsubjpass", "attr", "oprd")
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    holder = tok.head.head  # "talks with X", "cut ties with X": on the verb or on its object
    return holder.i == verb.i or (holder.head.i == verb.i and holder.dep_ in ("dobj", "nsubjpass"))


def _named_as_a_whole(m: Mention, actors: ArticleActors) -> bool:
    """The mention is the country's own name or a metonym of its state ("the United States", "the Kremlin")."""
    hit = actors.place_hits.get(m.start)
    return hit is not None and hit[2] in ("name", "metonym")


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _targets_of_verb(verb: Any, skip: set[int], words: Vocabulary) -> list[Any]:
    groups: list[list[Any]] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "attr", "oprd") or (c.dep_ == "nsubjpass"):
            groups.append(list(c.subtree))
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in words.target_prepositions:
            groups.append(list(c.subtree))
        if c.dep_ == "agent" and verb.lemma_.lower() in words.stative_passives:
            groups.append(list(c.subtree))  # "Brussels was disturbed by the American bill": what disturbed it
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
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if holder is not None and holder.lemma_.lower() in words.affected_nouns and holder.dep_ == "attr":
        # "Mahan Air has been the subject of US sanctions", "the town was the target of an attack": whom
        out.extend(t for c in holder.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
    for c in content_clauses(noun):
        # "its demand that Israel ease restrictions": who the demand is put to
        out.extend(t for x in c.children if x.dep_ in ("nsubj", "nsubjpass") for t in x.subtree)
    for c in noun.children:
        if c.dep_ == "prep" and (c.lower_ in words.target_prepositions or c.lower_ in ("between", "in")):
            out.extend(c.subtree)
    return out


def _posture_targets(verb: Any, words: Vocabulary) -> list[Any]:
    """Whom a show of force faces: "along its border with Pakistan", "its coast facing Taiwan",
    "a display of strength aimed at Warsaw", "as the standoff with Laos went into a third day"."""
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
            and head.head.pos_ == "NOUN" and not actors.mention_at(head.head.i) \
            and head.head.lemma_.lower() not in actors.tables.place_words:
        return True  # but "stormed the Chechen capital", "shelled Syrian villages": the place is the target
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
