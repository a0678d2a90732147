"""Linker fixtures for the stories tests; article builders live in ``story_builders``."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine

# The helper modules beside this file are imported by name from the tests.
sys.path.insert(0, str(Path(__file__).parent))

from dragoman.stories import E5Embedder, HashingEmbedder, StoryLinker  # noqa: E402


@pytest.fixture
def hashing_linker(tmp_path: Path) -> StoryLinker:
    engine = create_engine(f"sqlite:///{tmp_path / 'link.db'}")
    return StoryLinker(engine, tmp_path / "index", embedder=HashingEmbedder())


@pytest.fixture(scope="session")
def e5() -> E5Embedder:
    return E5Embedder()


@pytest.fixture
def e5_linker(tmp_path: Path, e5: E5Embedder) -> StoryLinker:
    engine = create_engine(f"sqlite:///{tmp_path / 'link.db'}")
    return StoryLinker(engine, tmp_path / "index", embedder=e5)
