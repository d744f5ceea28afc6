"""Reading a clause of the parse: the verb's subject, its complements, a noun's content clause.

Shared by the trigger finder (what a verb absorbs), the role finder (who acts on whom) and
the recoding rules (what was promised).
"""
from __future__ import annotations

from typing import Any

from ..vocabulary import Vocabulary


def subject(verb: Any, words: Vocabulary) -> list[Any]:
    """Tokens of the verb's subject; for "X was attacked by Y" the agent's; inherited through xcomp/conj."""
    v = verb
    for _ in range(4):
        if v.lemma_.lower() in words.stative_passives and any(c.dep_ == "nsubjpass" for c in v.children):
            # "Vietnam is committed to ...", "Japan was alarmed by the test": the subject holds the stance
            return [t for c in v.children if c.dep_ == "nsubjpass" for t in c.subtree]
        for c in v.children:
            if c.dep_ == "agent":
                return [t for p in c.children for t in p.subtree]
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                    return _noun_owner(v.head)
                # "X, who writes for Agence France-Presse, supported ...": the relative clause names no subject
                aside = {t.i for r in c.children if r.dep_ == "relcl" for t in r.subtree}
                return [t for t in c.subtree if t.i not in aside]
        if any(c.dep_ == "nsubjpass" for c in v.children):
            break  # a passive without "by ...": the actor is not stated
        if v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and v.head.i != v.i:
            v = v.head
            continue
        if v.dep_ in ("acl",) and v.head.pos_ in ("NOUN", "PROPN"):
            if v.tag_ in ("VBN", "VBD") and v.head.dep_ != "ROOT":
                # "West Africans ordered out of Nigeria": the noun is acted on; the actor is not stated (where
                # the noun is the root, the parse has made the whole sentence a noun phrase: "X called on Y")
                return []
            return _noun_owner(v.head)
        if v.dep_ == "ROOT":
            # a parse that hung the subject elsewhere ("With the signing of X, A and B have agreed"):
            # the words between the last comma and the verb
            before = [t for t in v.sent if t.i < v.i]
            comma = max((t.i for t in before if t.text in (",", ";", ":")), default=v.sent.start - 1)
            return [t for t in before if t.i > comma and t.dep_ not in ("aux", "neg", "advmod")]
        break
    return []


def _noun_owner(noun: Any) -> list[Any]:
    """The actor a relative clause's noun stands for: the noun itself, or for "X was one of the
    first countries that ...", the subject of the copula (X)."""
    own = [noun]
    t = noun
    for _ in range(5):
        if t.dep_ == "dobj" and t.head.pos_ == "VERB":
            # "X issued a declaration demanding ...", "X posted a message on a website blaming ...": the
            # declaration (or the participle hung on the noun after it) speaks for X
            subj = [c for c in t.head.children if c.dep_ == "nsubj"]
            if subj:
                return own + list(subj[0].subtree)
            break
        if t.dep_ in ("pobj", "prep", "attr", "appos") and t.head.i != t.i:
            t = t.head
            continue
        break
    if t.pos_ in ("AUX", "VERB") and t.i != noun.i:
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return own + list(subj[0].subtree)
    return own


def passive(verb: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def complements(verb: Any) -> list[Any]:
    """The verb's complement clauses, with an infinitive the parse hung as an adverbial ("threatened | to expel")."""
    return [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
            or (c.dep_ == "advcl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children))]


def condition_subjects(verb: Any, words: Vocabulary) -> list[Any]:
    """ "threatened to stop talks if the United States goes ahead": who the condition is put to."""
    out: list[Any] = []
    for c in list(verb.children) + list(verb.head.children):
        if c.dep_ == "advcl" and any(m.lower_ in words.condition_marks for m in c.children if m.dep_ == "mark"):
            out += [t for x in c.children if x.dep_ in ("nsubj", "nsubjpass") for t in x.subtree]
    return out


def content_clauses(noun: Any) -> list[Any]:
    """ "its call that Serbia withdraw ...": the noun's that-clause, also where the parse hung it on the
    verb whose object the noun is ("repeated its call on Monday that Serbia withdraw ...")."""
    out = [c for c in noun.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")]
    if noun.dep_ == "dobj":
        out += [c for c in noun.head.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and c.i > noun.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return out


def governing_verb(tok: Any) -> Any | None:
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def with_partners(verb: Any) -> list[Any]:
    """The tokens of the verb's with-phrases, where the parse may hang one on the object ("discussed the
    expansion with Ukraine's president")."""
    withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
    withs += [p for c in verb.children if c.dep_ == "dobj" for p in c.subtree if p.dep_ == "prep" and p.lower_ == "with"]
    return [t for c in withs for t in c.subtree]
