"""Word lists as data: data/vocabulary.yaml loads whole, a user's file adds, removes and overrides, a bad entry
is an error naming file and line, and the coder and the figure reader follow the file."""
from __future__ import annotations

from dataclasses import fields

import pytest
import yaml

from accord.datafile import shipped
from accord.errors import InputError
from accord.facts import find_figures
from accord.ingest import article_from_text
from accord.pipeline import extract
from accord.settings import Settings
from accord.vocabulary import Vocabulary, load_vocabulary


def _write(tmp_path, text, name="words.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_every_section_of_the_file_is_a_field_and_none_is_empty():
    text, _ = shipped("vocabulary.yaml")
    assert list(yaml.safe_load(text)) == [f.name for f in fields(Vocabulary)]
    words = load_vocabulary()
    assert all(getattr(words, f.name) for f in fields(Vocabulary))
    assert "vow" in words.intent_words and words.magnitudes["bn"] == 1e9
    assert words.qualifiers["about"][-1] == "~" and list(words.qualifiers) == ["more_than", "less_than", "about"]


def test_a_user_file_adds_removes_replaces_and_overrides(tmp_path):
    path = _write(tmp_path, "intent_words: [keen]\n"
                            "denial_verbs: {remove: [stop]}\n"
                            "refusal_verbs: {replace: [spurn]}\n"
                            "currency_words: {kwacha: ZMW, won: null}\n"
                            "qualifiers: {about: [give or take]}\n")
    words, shipped_words = load_vocabulary(path), load_vocabulary()
    assert words.intent_words == shipped_words.intent_words | {"keen"}
    assert words.denial_verbs == shipped_words.denial_verbs - {"stop"}
    assert words.refusal_verbs == {"spurn"}
    assert words.currency_words["kwacha"] == "ZMW" and "won" not in words.currency_words
    assert words.qualifiers["about"][-1] == "give or take" and "~" in words.qualifiers["about"]
    assert shipped_words.currency_words["won"] == "KRW"  # the shipped vocabulary is untouched


def test_figures_follow_the_currency_words(tmp_path):
    text = "Zambia received 500 million kwacha from China."
    assert find_figures(text) == []
    [figure] = find_figures(text, words=load_vocabulary(_write(tmp_path, "currency_words: {kwacha: ZMW}\n")))
    assert (figure.value, figure.unit) == (500_000_000, "ZMW")


def test_the_setting_reaches_the_coder_and_the_figures(tmp_path, annotator):
    text = "Peru said Chile must withdraw its ambassador. Zambia received 500 million kwacha from China."
    path = _write(tmp_path, "reporting_verbs: {remove: [say]}\ncurrency_words: {kwacha: ZMW}\n")

    def run(settings):
        return extract(article_from_text("t", text), published="2024-03-14", settings=settings, annotator=annotator)

    before, after = run(Settings()), run(Settings(user_vocabulary=path))
    assert [e.rule for e in before.events] == ["said-must"] and after.events == ()
    assert before.facts == () and [(f.value, f.unit) for f in after.facts] == [(500_000_000, "ZMW")]


@pytest.mark.parametrize("body,line,word", [
    ("intent_words: [keen, Eager]\n", 1, "Eager"),
    ("intent_words:\n  - keen\n  - [eager]\n", 3, "single word"),
    ("intnet_words: [keen]\n", 1, "intnet_words"),
    ("domestic_types: [PROTEST, RIOT]\n", 1, "RIOT"),
    ("magnitudes:\n  lakh: 1e5\n  gazillion: lots\n", 3, "lots"),
    ("qualifiers: {roughly: [give or take]}\n", 1, "roughly"),
    ("denial_verbs: {drop: [stop]}\n", 1, "drop"),
    ("intent_words: [keen\n", 2, "YAML"),
])
def test_a_bad_entry_is_an_error_naming_file_and_line(tmp_path, body, line, word):
    path = _write(tmp_path, body)
    with pytest.raises(InputError) as err:
        load_vocabulary(path)
    assert err.value.where == f"{path}:{line}" and word in err.value.reason


def test_a_missing_user_file_is_an_error(tmp_path):
    with pytest.raises(InputError, match="user vocabulary file not found"):
        load_vocabulary(str(tmp_path / "nowhere.yaml"))


def test_figure_tables_are_checked(tmp_path):
    with pytest.raises(InputError, match="figure_prepositions: 'beside' -> 'nearby'"):
        load_vocabulary(_write(tmp_path, "figure_prepositions: {beside: nearby}\n", "bad_role.yaml"))
    with pytest.raises(InputError, match="ISO 4217"):
        load_vocabulary(_write(tmp_path, "currency_words: {kwacha: zambian}\n", "bad_code.yaml"))


def test_a_user_unit_and_currency_reach_the_figures(tmp_path):
    words = load_vocabulary(_write(tmp_path, "units:\n  leagues: [league, leagues]\n"
                                             "currency_words: {kwacha: ZMW}\n", "units.yaml"))
    figs = find_figures("a voyage of 20,000 leagues for 5 mln kwacha", words=words)
    assert [(f.fact_type, f.value, f.unit) for f in figs] == [("quantity", 20000, "leagues"), ("money", 5e6, "ZMW")]
