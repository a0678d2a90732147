"""Link index fixtures for the stories tests; article builders live in ``story_builders``."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The helper modules beside this file are imported by name from the tests.
sys.path.insert(0, str(Path(__file__).parent))

from link_parts import Stories, open_stories  # noqa: E402

from dragoman.stories import E5Embedder, HashingEmbedder  # noqa: E402


@pytest.fixture
def hashing_stories(tmp_path: Path) -> Stories:
    return open_stories(tmp_path, HashingEmbedder())


@pytest.fixture(scope="session")
def e5() -> E5Embedder:
    return E5Embedder()


@pytest.fixture
def e5_stories(tmp_path: Path, e5: E5Embedder) -> Stories:
    return open_stories(tmp_path, e5)
