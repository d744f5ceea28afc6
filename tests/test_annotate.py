"""annotate: a text longer than a piece is parsed in pieces cut at paragraph and sentence ends, joined into
one Doc whose offsets are the text's own; the piece size never passes the pipeline's limit."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.annotate import Annotator, split_text
from accord.settings import Settings

PARAGRAPHS = [
    "Italy and France signed a defence agreement in Rome on Monday.",
    "Greek and Turkish diplomats met in Athens on Tuesday. They discussed the maritime border.",
    "Japan and India held talks in Tokyo on Friday on trade, the ministry said.",
    "Kenya and Uganda agreed in Nairobi to build a railway. The work starts next year, officials said.",
]


@given(text=st.text(alphabet=st.sampled_from(list("ab. \n!?\"')")), max_size=400), limit=st.integers(1, 60))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_pieces_join_back_into_the_text_and_respect_the_limit(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces) or text == ""


def test_cuts_fall_at_paragraph_ends_then_sentence_ends() -> None:
    text = "\n\n".join(PARAGRAPHS)
    assert split_text(text, 200) == [PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1] + "\n\n", PARAGRAPHS[2] + "\n\n" + PARAGRAPHS[3]]
    assert split_text(text, 120) == [p + "\n\n" for p in PARAGRAPHS[:3]] + [PARAGRAPHS[3]]
    # no paragraph end in the second half of the window: the last sentence end is taken
    assert split_text(PARAGRAPHS[1], 70)[0] == "Greek and Turkish diplomats met in Athens on Tuesday. "


def test_a_text_parsed_in_pieces_keeps_its_offsets(annotator: Annotator) -> None:
    text = "\n\n".join(PARAGRAPHS * 3)
    small = Annotator(annotator.nlp, annotator.name, piece_chars=200, batch_chars=500)
    [whole, pieces] = [next(a.pipe([text])) for a in (annotator, small)]
    assert pieces.text == text
    assert [(t.text, t.idx) for t in pieces] == [(t.text, t.idx) for t in whole]
    for ent in pieces.ents:
        assert text[ent.start_char:ent.end_char] == ent.text
    assert [(e.text, e.start_char, e.label_) for e in pieces.ents] == [(e.text, e.start_char, e.label_) for e in whole.ents]
    assert [s.start_char for s in pieces.sents] == [s.start_char for s in whole.sents]


def test_a_batch_of_short_and_long_texts_comes_back_in_order(annotator: Annotator) -> None:
    texts = [PARAGRAPHS[0], "\n\n".join(PARAGRAPHS * 4), PARAGRAPHS[2], "", PARAGRAPHS[3]]
    small = Annotator(annotator.nlp, annotator.name, piece_chars=150, batch_chars=300)
    assert [d.text for d in small.pipe(texts, batch_size=2)] == texts


def test_the_pipelines_limit_bounds_the_pieces(annotator: Annotator, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever max_article_chars allows, no piece reaches spaCy over its max_length (error E088)."""
    assert Settings().max_article_chars > annotator.nlp.max_length  # a guard far above the parser's limit
    monkeypatch.setattr(annotator.nlp, "max_length", 300)
    text = "\n\n".join(PARAGRAPHS * 5)
    with pytest.raises(ValueError, match="E088"):
        annotator.nlp(text)  # what the pipeline does with a text over its limit
    doc = annotator.annotate(text)
    assert doc.text == text and len(list(doc.sents)) >= len(PARAGRAPHS) * 5
