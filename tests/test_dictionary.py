"""The coder's data: every trigger key can be reached, trigger and recoding files are checked with file and line,
a user's recoding rule replaces a shipped one."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from accord.coding import load_dictionary
from accord.coding.dictionary import Dictionary, Rule, load_recoding
from accord.coding.triggers import find_triggers
from accord.errors import InputError
from accord.ingest import article_from_text
from accord.pipeline import extract
from accord.settings import Settings

VERB_FRAMES = ("They will {} the city.", "They want to {} the city.", "They {} the city every year.")
PAST_FRAME = "They {} the city yesterday."


def _pasts(key: str) -> list[str]:
    forms = [key + "ed", key + key[-1] + "ed"]
    if key.endswith("e"):
        forms.append(key + "d")
    if key.endswith("y"):
        forms.append(key[:-1] + "ied")
    return forms


def _known_verbs(nlp) -> set[str]:
    """Verbs the pipeline's lemmatiser knows (its index and exceptions) and those data/lemmas.yaml maps to."""
    from accord.annotate import _lemma_table

    lookups = nlp.get_pipe("lemmatizer").lookups
    known = set(lookups.get_table("lemma_index").get("verb", []))
    known |= {lemma for lemmas in lookups.get_table("lemma_exc").get("verb", {}).values() for lemma in lemmas}
    return known | set(_lemma_table().values())


def _verb_reachable(nlp, key: str, known: set[str], dictionary: Dictionary) -> bool:
    """The matcher finds the key in a plain sentence with the key written as a verb: its base form, or a past
    form when the lemmatiser knows the verb (an invented form such as "officed" proves nothing)."""
    rule = Rule(id="probe", type="CONSULT", verbs=frozenset([key]))
    probe = Dictionary((rule,), dictionary.words, (), {key: (rule,)}, {})
    texts = [frame.format(key) for frame in VERB_FRAMES]
    if key.split("-")[-1] in known:
        texts += [PAST_FRAME.format(form) for form in _pasts(key)]
    return any(find_triggers(doc[:], probe) for doc in nlp.pipe(texts))


def _light_reachable(nlp, key: str) -> bool:
    """A verb of the frames has the key as its lemma (light verbs are matched on the governing verb's lemma)."""
    return any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() == key
               for doc in nlp.pipe(frame.format(key) for frame in VERB_FRAMES) for t in doc)


def _shape_reachable(nlp, key: str, parts: int) -> bool:
    """A noun key is one token, or two joined by a hyphen ("cease-fire", "air-strike"), as the matcher builds it;
    an object (`with`) is one token. Either may be a proper noun, whose lemma is the word itself ("Talks")."""
    words = [t.text for t in nlp.tokenizer(key)]
    return words == [key] or (parts == 2 and len(words) == 3 and words[1] == "-" and "-".join(words[::2]) == key)


def unreachable_keys(nlp) -> dict[str, list[str]]:
    """Trigger keys of the shipped dictionary that no written form reaches, by field."""
    dictionary = load_dictionary()
    known = _known_verbs(nlp)
    fields = {"verbs": "verbs", "nouns": "nouns", "with": "with_", "light": "light"}
    dead: dict[str, list[str]] = {}
    for name, attr in fields.items():
        for key in sorted({k for r in dictionary.rules for k in getattr(r, attr)}):
            if name == "verbs":
                ok = _verb_reachable(nlp, key, known, dictionary)
            elif name == "light":
                ok = _light_reachable(nlp, key)
            else:
                ok = _shape_reachable(nlp, key, 2 if name == "nouns" else 1)
            if not ok:
                dead.setdefault(name, []).append(key)
    return dead


def test_every_trigger_key_is_reachable(annotator):
    assert unreachable_keys(annotator.nlp) == {}


def test_the_reachability_check_tells_a_written_form_from_a_tag(annotator):
    nlp = annotator.nlp
    dictionary = load_dictionary()
    known = _known_verbs(nlp)
    assert _verb_reachable(nlp, "test-fire", known, dictionary)  # "test-fired"
    assert not _verb_reachable(nlp, "shoot-dead", known, dictionary)  # "dead" is no verb
    assert _shape_reachable(nlp, "cease-fire", 2) and not _shape_reachable(nlp, "cease-fire", 1)
    assert not _shape_reachable(nlp, "crime-against-humanity", 2)


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_trigger_rule_with_an_unknown_field_is_an_error_naming_file_and_line(tmp_path):
    path = _write(tmp_path, "t.yaml", "- id: vouch\n  type: SUPPORT\n  verb: [vouch]\n")
    with pytest.raises(InputError) as err:
        load_dictionary(path)
    assert err.value.where == f"{path}:3" and "verb" in err.value.reason


def test_a_trigger_rule_of_no_plover_type_is_an_error_naming_its_line(tmp_path):
    path = _write(tmp_path, "t.yaml", "- id: vouch\n  verbs: [vouch]\n  type: PRAISE\n")
    with pytest.raises(InputError) as err:
        load_dictionary(path)
    assert err.value.where == f"{path}:3" and "PRAISE" in err.value.reason


def test_the_shipped_recoding_rules_load_in_order():
    rules = load_recoding()
    ids = [r.id for r in rules]
    assert ids[0] == "relief-cargo" and ids.index("refused") < ids.index("vow-of-force") < ids.index("future-force")
    vow = rules[ids.index("vow-of-force")]
    assert (vow.types, vow.absorbs, vow.hostile_complement, vow.type) == (frozenset({"AGREE"}), True, True, "THREATEN")


def test_a_user_recoding_rule_replaces_the_shipped_rule_of_its_id(tmp_path, annotator):
    text = "Germany will meet France in Berlin next week."
    settings = Settings()
    [before] = [e for e in extract(article_from_text("t", text), published="2024-03-14", settings=settings,
                                   annotator=annotator).events]
    path = _write(tmp_path, "r.yaml", "- id: future-consult\n  when: {modality: future, type: [CONSULT]}\n"
                                      "  then: {type: AGREE, cameo: '037'}\n")
    rules = load_recoding(path)
    assert [r.id for r in rules] == [r.id for r in load_recoding()]  # replaced in place, nothing added
    [after] = extract(article_from_text("t", text), published="2024-03-14", settings=Settings(user_recoding=path),
                      annotator=annotator).events
    assert (before.type, before.cameo) == ("AGREE", "036") and (after.type, after.cameo) == ("AGREE", "037")


@pytest.mark.parametrize("body,line,word", [
    ("- id: x\n  when: {modality: someday}\n  then: {type: AGREE}\n", 2, "someday"),
    ("- id: x\n  when:\n    type: [AGREE]\n    quad: [5]\n  then: {type: AGREE}\n", 4, "5"),
    ("- id: x\n  when: {kind: verb}\n  then: {type: AGREED}\n", 3, "AGREED"),
    ("- id: x\n  when: {colour: red}\n  then: {type: AGREE}\n", 2, "colour"),
])
def test_a_bad_recoding_rule_is_an_error_naming_file_and_line(tmp_path, body, line, word):
    path = _write(tmp_path, "r.yaml", body)
    with pytest.raises(InputError) as err:
        load_recoding(path)
    assert err.value.where == f"{path}:{line}" and word in err.value.reason


def test_the_trace_in_how_coding_works_holds(tmp_path, annotator):
    """docs/how-coding-works.md follows "vowed to retaliate" to THREATEN and says how a user file undoes it."""
    doc = (Path(__file__).resolve().parents[1] / "docs" / "how-coding-works.md").read_text(encoding="utf-8")
    documented = re.search(r"\n  - ('vowed' .*)\n", doc)
    assert documented is not None

    def run(settings):
        return extract(article_from_text("t", "North Korea vowed to retaliate against South Korea."),
                       published="2024-03-05", settings=settings, annotator=annotator)

    x = run(Settings())
    assert [line for ex in x.explanations for line in ex.lines] == [documented.group(1)]
    assert "force_verbs: {remove: [retaliate]}" in doc
    path = _write(tmp_path, "v.yaml", "force_verbs: {remove: [retaliate]}\n")
    assert [(e.type, e.cameo) for e in run(Settings(user_vocabulary=path)).events] == [("AGREE", "030")]
