"""preselect: the cheap pass marks the sentences that may hold an event or a figure, and the article parsed
in runs (the marked ones through the whole pipeline, the rest as tokens) codes what the whole parse codes."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.annotate import Annotator
from accord.coding import load_dictionary
from accord.ingest import article_from_text
from accord.pipeline import run
from accord.preselect import Selector, Words, segments, sentence_starts
from accord.records import extraction_records
from accord.settings import Settings

FILLER = ("The weather in the capital was mild and dry. Crowds walked along the river on a quiet afternoon. "
          "Street musicians played old songs near the bridge. Cafes along the square stayed busy until late.")

#: invented articles: events and figures between sentences that hold neither
ARTICLES = [
    "ATHENS, May 2 - Greece and Egypt signed an agreement on their maritime border on Thursday.\n\n"
    f"{FILLER}\n\nThe Greek foreign minister will visit Cairo next week, the ministry said.\n\n{FILLER}\n\n"
    "Egypt exported goods worth $1.2 billion to Greece last year.",
    f"Japan and the Philippines held talks in Manila on Monday on the South China Sea.\n\n{FILLER}\n\n"
    "Japanese officials said China must stop its patrols near the islands. "
    f"{FILLER}\n\nTokyo pledged 40 patrol boats to the Philippine coast guard.",
    f"Kenya accused Uganda of closing the border crossing at Busia on Saturday.\n\n{FILLER} {FILLER}\n\n"
    "Ugandan police arrested 12 Kenyan traders near the crossing. Nairobi condemned the arrests.",
]


@pytest.fixture(scope="module")
def selecting(annotator: Annotator) -> Annotator:
    return annotator.selecting(load_dictionary())


def _records(texts: list[str], *, preselect: bool) -> list[dict]:
    settings = Settings(preselect=preselect)
    articles = [article_from_text(f"a{n}", text) for n, text in enumerate(texts)]
    return [r for x in run(articles, settings=settings) for r in extraction_records(x)]


def test_preselection_codes_what_the_whole_parse_codes(selecting: Annotator) -> None:
    for text in ARTICLES:  # each article is really parsed in runs: the filler is skipped
        runs = segments(selecting.nlp.make_doc(text), selecting.selector, text)
        assert any(not parse for _, _, parse, _ in runs), text[:40]
    whole, selected = _records(ARTICLES, preselect=False), _records(ARTICLES, preselect=True)
    assert [r for r in whole if r["kind"] == "event"], "the articles hold events"
    assert [r for r in whole if r["kind"] == "fact"], "the articles hold figures"
    assert selected == whole


def test_the_joined_doc_keeps_the_texts_tokens_and_offsets(selecting: Annotator, annotator: Annotator) -> None:
    for text in ARTICLES:
        whole, joined = annotator.annotate(text), selecting.annotate(text)
        assert joined.text == text
        assert [(t.text, t.idx) for t in joined] == [(t.text, t.idx) for t in whole]
        skipped = [s for s in joined.sents if s.text.startswith("Street musicians")]
        assert skipped and all(t.pos_ == "" for t in skipped[0]), "the filler is tokens only"
        signed = [s for s in joined.sents if "signed" in s.text or "talks" in s.text or "accused" in s.text]
        assert signed and signed[0].root.pos_ == "VERB", "a sentence with a trigger is parsed"


def test_a_sentence_is_marked_by_an_inflected_trigger_a_number_or_a_demand(selecting: Annotator) -> None:
    selector = selecting.selector

    def marked(sentence: str) -> bool:
        words = Words.of(selecting.nlp.make_doc(sentence))
        return selector.marks(words, [0, len(words.texts)])[0]

    assert marked("The two leaders signed it.")  # sign, past tense
    assert marked("Protesters threw stones at the embassy.")  # throw, irregular past
    assert marked("Their talks ended early.")  # a noun trigger in the plural
    assert marked("About 300 people were there.")  # a figure
    assert marked("He said they must leave.")  # "X said Y must"
    assert not marked("The weather was mild and dry.")
    assert not marked("Street musicians played old songs near the bridge.")


def test_years_days_and_times_are_no_figures_but_money_and_counts_are(selecting: Annotator) -> None:
    selector = selecting.selector

    def marked(sentence: str) -> bool:
        words = Words.of(selecting.nlp.make_doc(sentence))
        return selector.marks(words, [0, len(words.texts)])[0]

    assert not marked("The bridge was finished in 2019.")
    assert not marked("Crowds walked along the river on May 5 at 10:30.")
    assert marked("The bridge cost $2019 to paint.")  # money beside a year-like number
    assert marked("The city has 12 bridges.")
    assert marked("Two of the bridges are old.")  # a number word
    assert marked("Students staged a sit-in at the university.")
    assert not marked("Students walked in the park.")  # "in" is a trigger only in "sit-in"


def test_the_selection_reads_the_users_trigger_file(annotator: Annotator, tmp_path: Path) -> None:
    rules = tmp_path / "triggers.yaml"
    rules.write_text("- id: serenade\n  type: CONSULT\n  verbs: [serenade]\n", encoding="utf-8")
    sentence = "Street musicians serenaded the old bridge."
    words = Words.of(annotator.nlp.make_doc(sentence))
    shipped = Selector.build(load_dictionary(), annotator.nlp)
    extended = Selector.build(load_dictionary(str(rules)), annotator.nlp)
    assert not shipped.marks(words, [0, len(words.texts)])[0]
    assert extended.marks(words, [0, len(words.texts)])[0]


def test_rule_sentences_end_at_blank_lines_and_full_stops_but_not_abbreviations(annotator: Annotator) -> None:
    text = "Mr. Smith met U.S. officials on Monday. They talked.\n\nA new day began! \"We agree,\" he said."
    words = Words.of(annotator.nlp.make_doc(text))
    starts = [words.texts[i] for i in sentence_starts(words)]
    assert starts == ["Mr.", "They", "A", '"']


def test_a_short_article_is_parsed_whole(selecting: Annotator) -> None:
    text = "Greece and Egypt signed an agreement. The weather was fine."
    assert segments(selecting.nlp.make_doc(text), selecting.selector, text) == [(0, 12, True, False)]


def test_preselect_off_parses_every_sentence(annotator: Annotator, monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings.load(environ={"ACCORD_PRESELECT": "false"}).preselect is False
    monkeypatch.setattr(Annotator, "selecting", lambda self, dictionary: pytest.fail("a selector was made"))
    [x] = run([article_from_text("a", ARTICLES[0])], settings=Settings(preselect=False), annotator=annotator)
    assert x.events


PIECES = ["Greece signed a deal.", "The sky was grey.", "Birds sang.", "He said they must go.", "Costs rose 5%.",
          "\n\n", " ", "Mr. Smith waited.", "\"Quiet,\" she said.", "U.S. ships sailed.", "No. 4 stood.", "…"]


@given(parts=st.lists(st.sampled_from(PIECES), max_size=14))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_any_text_comes_back_whole_with_the_tokens_of_the_whole_text(selecting: Annotator, parts: list[str]) -> None:
    text = " ".join(parts)
    doc = selecting.annotate(text)
    assert doc.text == text
    assert [(t.text, t.idx) for t in doc] == [(t.text, t.idx) for t in selecting.nlp.make_doc(text)]
    assert "".join(s.text_with_ws for s in doc.sents) == text  # every token is in one sentence


def test_a_sentence_giving_the_full_name_of_someone_named_later_is_parsed(selecting: Annotator) -> None:
    text = (f"Britain and Japan held talks in Tokyo on Monday.\n\nMichael Howard is a keen gardener from Kent. {FILLER}\n\n"
            "Howard accused Japan of shutting out British firms.")
    doc = selecting.nlp.make_doc(text)
    parsed = [doc[a:b].text for a, b, parse, _ in segments(doc, selecting.selector, text) if parse]
    assert any("Michael Howard is a keen gardener" in p for p in parsed)
    assert not any("Street musicians" in p for p in parsed)
