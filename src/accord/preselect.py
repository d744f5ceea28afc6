"""Sentence preselection: which sentences of an article can hold an event or a figure, found before parsing.

A cheap pass (the tokenizer and rule sentence ends) marks a sentence when one of its words can
be the lemma of a trigger of the coder's dictionary (with one of the objects or light verbs
its rule needs, and its phrase's particles, in the same sentence), when it says "X said Y
must", or when it holds a number that may be a figure (a number word, or digits that are no
year, day of a month or time of day unless money or a share sign stands beside them). The first
sentence (dateline and lead) is always kept, and so is a sentence that gives the full name of
someone a kept sentence calls by the last word alone ("Michael Howard" ... "Howard"), and the sentence
before a kept one in its paragraph where the kept one holds a figure, opens with a pronoun or names
no one (its holder or antecedent is read there). Only the kept runs go through the tagger, parser
and NER; the rest are tokens with rule sentence ends.

The pass is conservative: a word's possible lemmas are every form the lemmatiser's rules and
exceptions could give it, whatever its part of speech, and an article where little could be
skipped is parsed whole.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: an article is parsed in pieces only when at least this share of its tokens can be skipped
MIN_SKIPPED = 0.12
_ENDS = frozenset({".", "!", "?", "...", "…"})
_DIGIT = re.compile(r"\d")
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]"})


@dataclass(frozen=True)
class Selector:
    """The words that make a sentence worth parsing, from the coder's dictionary and the lemmatiser's tables."""

    keys: frozenset[str]  # one-word trigger lemmas
    hyphened: dict[str, frozenset[str]]  # "strike" -> {"air"}: the first parts of two-part keys
    needs: dict[str, tuple[tuple[frozenset[str], frozenset[str]], ...]]  # key -> each rule's (one of these words,
    # all of these words) in its sentence: the objects or light verbs, the particles of a phrase
    saying: frozenset[str]  # reporting verbs of "X said Y must"
    obligation: frozenset[str]
    rules: tuple[tuple[str, str], ...]  # the lemmatiser's suffix rules, every part of speech
    exceptions: dict[str, frozenset[str]]  # irregular forms -> lemmas
    fixes: dict[str, str]  # data/lemmas.yaml
    triggers: frozenset[str] = frozenset()  # keys and second parts
    hyphen_only: frozenset[str] = frozenset()  # noun keys that are function words ("in" of "sit-in"): only after a hyphen
    money: frozenset[str] = frozenset()  # words next to which a year-like number is money or a share ("$", "%", "billion")
    stop: frozenset[str] = frozenset()  # the language's stop words: no names
    _memo: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, dictionary: Any, nlp: Any, fixes: dict[str, str] | None = None) -> "Selector":
        """`fixes`: the verb forms whose lemma accord sets itself (data/lemmas.yaml, see annotate.py)."""
        keys: set[str] = set()
        hyphened: dict[str, set[str]] = {}
        needs: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
        for table, need in ((dictionary.by_verb, "with_"), (dictionary.by_noun, "light")):
            for key, rules in table.items():
                last = key.rsplit("-", 1)[-1]
                if "-" in key:
                    hyphened.setdefault(last, set()).add(key.rsplit("-", 1)[0].rsplit("-", 1)[-1])
                else:
                    keys.add(key)
                needs.setdefault(last, []).extend((frozenset(getattr(r, need)), frozenset(r.phrase)) for r in rules)
        words = dictionary.words
        rules_, exceptions = _lemmatiser_tables(nlp)
        stop = frozenset(getattr(nlp.Defaults, "stop_words", ()))
        hyphen_only = {k for k in keys if k in hyphened and k in stop and k not in dictionary.by_verb}
        money = {w.lower() for w in (*words.currency_signs, *words.currency_prefixes, *words.currency_words,
                                     *words.magnitudes)} | {"%", "percent", "per", "pct"}
        return cls(frozenset(keys), {k: frozenset(v) for k, v in hyphened.items()},
                   {k: tuple(set(v)) for k, v in needs.items()},
                   frozenset(words.reporting_verbs | words.concluding_verbs), frozenset(words.obligation_words),
                   rules_, exceptions, dict(fixes or {}), frozenset(keys | hyphened.keys()), frozenset(hyphen_only),
                   frozenset(money), stop)

    def lemmas(self, word: str) -> frozenset[str]:
        """Every lemma the lemmatiser could give a word (lower-cased), whatever its part of speech."""
        found = self._memo.get(word)
        if found is None:
            out = {word, *self.exceptions.get(word, ())}
            out.update(word[:len(word) - len(old)] + new for old, new in self.rules if old and word.endswith(old))
            if word in self.fixes:
                out.add(self.fixes[word])
            found = self._memo[word] = frozenset(out)
        return found

    def marks(self, words: "Words", bounds: list[int]) -> list[bool]:
        """For each sentence (tokens bounds[i] to bounds[i + 1]), whether it may hold an event or a figure."""
        return [self._has_figure(words, a, b) or self._has_trigger(words.lowers, a, b) or self._says_must(words.lowers, a, b)
                for a, b in zip(bounds, bounds[1:])]

    def _has_trigger(self, lowers: list[str], a: int, b: int) -> bool:
        """A word that may be a trigger's lemma (or a two-part key's second part after its first), with one
        of the words its rule needs (object, light verb) and its phrase's particles in the sentence."""
        near: set[str] | None = None
        for i in range(a, b):
            for lemma in self.lemmas(lowers[i]) & self.triggers:
                if (lemma not in self.keys or lemma in self.hyphen_only) and not any(
                        self.hyphened[lemma] & self.lemmas(lowers[j]) for j in (i - 1, i - 2) if j >= a):
                    continue
                needs = self.needs.get(lemma, ())
                if not needs:
                    return True
                if near is None:
                    near = set().union(*(self.lemmas(w) for w in lowers[a:b]))
                if any((not one or one & near) and every <= near for one, every in needs):
                    return True
        return False

    def _has_figure(self, words: "Words", a: int, b: int) -> bool:
        """A number that may be a figure: a number word, or digits that are not a year, a day of a month or a
        time of day ("in 2019", "on May 5", "at 10:30"), unless money or a share sign stands beside them."""
        for i in range(a, b):
            text = words.texts[i]
            if not words.numbers[i] and not _DIGIT.search(text):
                continue
            if not _DIGIT.search(text):
                return True  # "two", "million": the fact finder's expressions may read number words
            before = words.lowers[i - 1] if i > a else ""
            after = words.lowers[i + 1] if i + 1 < b else ""
            if before in self.money or after in self.money or not _date_like(text, before, after):
                return True
        return False

    def _says_must(self, lowers: list[str], a: int, b: int) -> bool:
        """A reporting verb with "must", "should" or "have to" in the sentence: "X said Y must ..."."""
        obliged = any(lowers[i] in self.obligation or (lowers[i] == "to" and i > a and "have" in self.lemmas(lowers[i - 1]))
                      for i in range(a, b))
        return obliged and any(self.lemmas(lowers[i]) & self.saying for i in range(a, b))


@dataclass(frozen=True)
class Words:
    """What the cheap pass reads of each token, read once per article."""

    text: str
    texts: list[str]
    lowers: list[str]
    spaces: list[bool]  # the token is white space
    numbers: list[bool]  # like a number ("12", "twelve", "1.5")
    starts: list[int]  # character offsets

    @classmethod
    def of(cls, doc: Any, text: str | None = None) -> "Words":
        """`text`: the doc's text when the caller has it (Doc.text joins every token anew)."""
        from spacy.attrs import IDX, IS_SPACE, LIKE_NUM, LOWER, ORTH

        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, LOWER, IS_SPACE, LIKE_NUM, IDX]).tolist() if len(doc) else []
        return cls(doc.text if text is None else text, [strings[r[0]] for r in rows], [strings[r[1]] for r in rows],
                   [bool(r[2]) for r in rows], [bool(r[3]) for r in rows], [r[4] for r in rows])



_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_DAY = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?")
_TIME = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d")
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec jan. feb. mar. apr. jun. jul. aug. sep. "
                    "sept. oct. nov. dec.".split())


def _date_like(text: str, before: str, after: str) -> bool:
    """Digits that name a year, a day beside its month, or a time of day: no figure of the fact finder."""
    return bool(_YEAR.fullmatch(text) or _TIME.fullmatch(text)
                or (_DAY.fullmatch(text) and (before in _MONTHS or after in _MONTHS)))


def _lemmatiser_tables(nlp: Any) -> tuple[tuple[tuple[str, str], ...], dict[str, frozenset[str]]]:
    """The rule lemmatiser's suffix rules and exceptions, merged over parts of speech (none if it has none)."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        rule_table, exc_table = lookups.get_table("lemma_rules"), lookups.get_table("lemma_exc")
    except (KeyError, AttributeError, ValueError):
        return (), {}
    rules = tuple(dict.fromkeys((str(old), str(new)) for rs in rule_table.values() for old, new in rs))
    exceptions: dict[str, set[str]] = {}
    for table in exc_table.values():
        for form, lemmas in table.items():
            exceptions.setdefault(str(form), set()).update(str(x) for x in lemmas)
    return rules, {k: frozenset(v) for k, v in exceptions.items()}


def sentence_starts(words: Words) -> list[int]:
    """Token indexes where a sentence starts by rule: after a blank line, or after . ! ? (and a closing
    quote) followed by a space and a capital or an opening quote ("No. 14" goes on). Each start is a non-space token preceded by
    white space, so the text cut there tokenizes as it does whole."""
    texts, spaces = words.texts, words.spaces
    starts = [0]
    for i in range(1, len(texts)):
        if spaces[i] or not words.text[words.starts[i] - 1].isspace():
            continue
        if _blank_line(words, i):
            starts.append(i)
            continue
        j = i - 1
        while j > 0 and spaces[j]:
            j -= 1
        end = texts[j - 1] if texts[j] in _CLOSERS and j > 0 else texts[j]
        if end in _ENDS and (texts[i][:1].isupper() or texts[i][:1] in "\"'“‘("):
            starts.append(i)
    return starts


_PRONOUNS = frozenset("it its they their them he his she her this these".split())


def _needs_context(words: Words, selector: Selector, start: int, end: int) -> bool:
    """The sentence holds a figure (whose holder may be named before), opens with a pronoun, or has no
    capitalised word after its first (no name of its own)."""
    texts = words.texts
    return selector._has_figure(words, start, end) or any(t.lower() in _PRONOUNS for t in texts[start:min(end, start + 4)]) \
        or not any(t[:1].isupper() for t in texts[start + 1:end])


def _blank_line(words: Words, i: int) -> bool:
    """A blank line ends the token before i, as annotate._paragraphs reads it."""
    prev = words.texts[i - 1]
    whole = words.text[words.starts[i - 1]:words.starts[i]]  # the token with its trailing white space
    return "\n\n" in whole or (words.spaces[i - 1] and "\n" in prev)


def segments(doc: Any, selector: Selector, text: str | None = None) -> list[tuple[int, int, bool, bool]]:
    """The article's runs of sentences as (first token, end token, parse?, starts inside a paragraph?);
    one run when little could be skipped. The first sentence (dateline, lead) is always parsed."""
    return split(doc, selector, text)[0]


def split(doc: Any, selector: Selector, text: str | None = None) -> tuple[list[tuple[int, int, bool, bool]], list[int]]:
    """segments(), and the rule sentence starts they were cut at."""
    if len(doc) == 0:
        return [(0, 0, True, False)], [0]
    words = Words.of(doc, text)
    bounds = [*sentence_starts(words), len(doc)]
    kept = named_again(words, bounds, [m or n == 0 for n, m in enumerate(selector.marks(words, bounds))],
                       selector.stop)
    # the sentence before a kept one in its paragraph is its context where the kept one names no one or opens
    # with a pronoun: whose figure ("... it said. Exports rose 5 pct") and whom "it" names are read there
    kept = [k or (n + 1 < len(kept) and kept[n + 1] and not _blank_line(words, bounds[n + 1])
                  and _needs_context(words, selector, bounds[n + 1], bounds[n + 2])) for n, k in enumerate(kept)]
    skipped = sum(b - a for a, b, k in zip(bounds, bounds[1:], kept) if not k)
    if skipped < MIN_SKIPPED * len(doc):
        return [(0, len(doc), True, False)], bounds[:-1]
    runs: list[tuple[int, int, bool, bool]] = []
    for a, b, k in zip(bounds, bounds[1:], kept):
        if runs and runs[-1][2] == k:
            runs[-1] = (runs[-1][0], b, k, runs[-1][3])
        else:
            runs.append((a, b, k, a != 0 and not _blank_line(words, a)))
    return runs, bounds[:-1]


def named_again(words: Words, bounds: list[int], kept: list[bool], stop: frozenset[str]) -> list[bool]:
    """The kept sentences, and those that give the full name ("Michael Howard") of someone a kept sentence
    names by the last word alone ("Howard"): without that sentence's parse, "Howard" would be a namesake."""
    texts = words.texts

    def name(i: int) -> bool:
        t = texts[i]
        return t[:1].isupper() and t.isalpha() and len(t) > 1 and t.lower() not in stop and t.lower() not in _MONTHS

    def full(a: int, b: int) -> set[str]:  # last words of two capitalised words in a row
        return {texts[i] for i in range(a + 1, b) if name(i) and name(i - 1)}

    def alone(a: int, b: int) -> set[str]:  # capitalised words after no other
        return {texts[i] for i in range(a, b) if name(i) and not (i > a and name(i - 1))}

    called = set().union(*(alone(a, b) for a, b, k in zip(bounds, bounds[1:], kept) if k))
    return [k or bool(full(a, b) & called) for a, b, k in zip(bounds, bounds[1:], kept)]


def flat_trees(heads: Any, deps: Any, starts: list[int], a: int, b: int, root: int, dep: int) -> None:
    """Tokens a to b are not parsed: each rule sentence becomes a flat tree under its first token (heads as
    offsets, as Doc.to_array gives them), so the article keeps these sentence ends; no tags or entities."""
    bounds = [s for s in starts if a <= s < b] + [b]
    for start, end in zip(bounds, bounds[1:]):
        deps[start] = root
        heads[start] = 0
        for i in range(start + 1, end):
            heads[i] = start - i
            deps[i] = dep


_SELECTORS: dict[tuple[int, int], tuple[Any, Any, Selector]] = {}


def selector_for(dictionary: Any, nlp: Any, fixes: dict[str, str] | None = None) -> Selector:
    """One Selector per dictionary and pipeline (the objects are kept, so their ids stay theirs)."""
    key = (id(dictionary), id(nlp))
    if key not in _SELECTORS:
        _SELECTORS[key] = (dictionary, nlp, Selector.build(dictionary, nlp, fixes))
    return _SELECTORS[key][2]


def count(docs: Iterable[Any], selector: Selector) -> tuple[int, int]:
    """(rule sentences, sentences skipped) over tokenized docs: what preselection saves, for the benchmarks."""
    total = skipped = 0
    for doc in docs:
        starts = sentence_starts(Words.of(doc))
        for a, b, k, _ in segments(doc, selector):
            n = sum(1 for s in starts if a <= s < b)
            total += n
            skipped += 0 if k else n
    return total, skipped
