"""Shared fixtures: the real spaCy pipeline (loaded once), paths to ../shared, tiny articles built by hand."""
from __future__ import annotations

from pathlib import Path

import pytest

from accord.actors import ArticleActors, find_actors, load_tables
from accord.annotate import Annotator

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def annotator() -> Annotator:
    return Annotator.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing: expected {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def actors_of(annotator: Annotator):
    tables = load_tables()

    def run(text: str) -> ArticleActors:
        return find_actors(annotator.annotate(text), "t", tables)

    return run
