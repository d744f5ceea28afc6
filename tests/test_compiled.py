"""compiled: the loaded dictionaries come back from a cache keyed by their files' content; a changed user
file makes a new entry, a broken entry is loaded anew, and `import accord` loads neither spaCy nor YAML."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from accord import compiled
from accord.errors import InputError
from accord.settings import Settings

RULE = "- id: serenade\n  type: CONSULT\n  verbs: [{verb}]\n"


@pytest.fixture(autouse=True)
def fresh() -> None:
    """Each test reads its own cache folder, not the dictionaries this process already holds."""
    compiled._tables.cache_clear()
    compiled._dictionary.cache_clear()


def test_a_second_load_reads_the_cache(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path))
    first = compiled.dictionary(settings)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len(files) == 1 and files[0].startswith("dictionary-")
    compiled._dictionary.cache_clear()
    second = compiled.dictionary(settings)
    assert second is not first and second.rules == first.rules and second.by_verb.keys() == first.by_verb.keys()
    assert sorted(p.name for p in tmp_path.iterdir()) == files  # nothing new was written
    tables = compiled.tables(settings)
    assert tables.places["Italian"] == ("ITA", "demonym")


def test_a_changed_user_file_makes_a_new_entry(tmp_path: Path) -> None:
    user = tmp_path / "triggers.yaml"
    settings = Settings(cache_dir=str(tmp_path / "cache"), user_triggers=str(user))
    user.write_text(RULE.format(verb="serenade"), encoding="utf-8")
    assert "serenade" in compiled.dictionary(settings).by_verb
    compiled._dictionary.cache_clear()
    from accord.coding.dictionary import _load_dictionary

    _load_dictionary.cache_clear()  # the loader's own memory of the file, as in a new process
    user.write_text(RULE.format(verb="hum"), encoding="utf-8")
    changed = compiled.dictionary(settings)
    assert "hum" in changed.by_verb and "serenade" not in changed.by_verb
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_a_bad_user_file_is_an_error_naming_its_line_and_is_not_cached(tmp_path: Path) -> None:
    user = tmp_path / "triggers.yaml"
    user.write_text("- id: bad\n  type: NOT_A_TYPE\n  verbs: [hum]\n", encoding="utf-8")
    settings = Settings(cache_dir=str(tmp_path / "cache"), user_triggers=str(user))
    with pytest.raises(InputError, match="triggers.yaml"):
        compiled.dictionary(settings)
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").iterdir())


def test_a_broken_entry_is_loaded_anew(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path))
    compiled.tables(settings)
    [entry] = tmp_path.iterdir()
    entry.write_bytes(b"not a pickle")
    compiled._tables.cache_clear()
    assert compiled.tables(settings).places["Baku"] == ("AZE", "capital")
    assert entry.read_bytes() != b"not a pickle"


def test_an_empty_cache_dir_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert Settings(cache_dir="").cache_folder() is None
    assert Settings.load(environ={"ACCORD_CACHE_DIR": ""}).cache_folder() is None
    assert compiled.tables(Settings(cache_dir="")).places["Italian"] == ("ITA", "demonym")
    assert Settings(cache_dir=str(tmp_path / "c")).cache_folder() == tmp_path / "c"


def test_a_folder_that_cannot_be_written_is_passed_over(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert compiled.dictionary(Settings(cache_dir=str(blocker / "cache"))).rules


def test_the_gazetteer_is_read_on_first_use(tmp_path: Path) -> None:
    compiled._gazetteer.cache_clear()
    gazetteer = compiled.gazetteer(Settings(cache_dir=str(tmp_path)))
    assert not list(tmp_path.iterdir())
    assert any(city.country == "GRC" for city in gazetteer.candidates("Athens"))
    assert [p.name.split("-")[0] for p in tmp_path.iterdir()] == ["gazetteer"]


def test_importing_accord_and_its_cli_loads_neither_spacy_nor_yaml() -> None:
    code = ("import sys, accord, accord.cli; accord.cli.build_parser(); "
            "print(sorted(m for m in ('spacy', 'yaml', 'sqlite3', 'accord.store') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert subprocess.run([sys.executable, "-c", "import accord; print(accord.Settings().preselect)"],
                          capture_output=True, text=True, check=True).stdout.strip() == "True"


def test_old_entries_of_a_kind_are_pruned(tmp_path: Path) -> None:
    for n in range(compiled.KEEP + 3):
        (tmp_path / f"dictionary-old{n}.pickle").write_bytes(b"x")
    (tmp_path / "tables-other.pickle").write_bytes(b"x")
    compiled.dictionary(Settings(cache_dir=str(tmp_path)))
    assert len(list(tmp_path.glob("dictionary-*.pickle"))) == compiled.KEEP
    assert (tmp_path / "tables-other.pickle").exists()


def test_the_preselection_words_are_cached_per_dictionary(annotator, tmp_path: Path) -> None:
    from accord.preselect import Selector

    settings = Settings(cache_dir=str(tmp_path))
    compiled._selector.cache_clear()
    first = compiled.selector(settings, annotator)
    compiled._selector.cache_clear()
    second = compiled.selector(settings, annotator)
    assert isinstance(second, Selector) and second is not first and second.keys == first.keys
    assert "sign" in second.keys
    assert len(list(tmp_path.glob("selector-*.pickle"))) == 1
