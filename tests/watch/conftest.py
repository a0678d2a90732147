"""Fixtures of the watch tests: the local web (``tests/support/watch_web.py``), a store, a
session whose story index links with the hashing embedder."""
from __future__ import annotations

import pytest
from watch_web import FakeWeb

from dragoman.service import open_session


@pytest.fixture
def web():
    server = FakeWeb()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def fast_models(monkeypatch):
    """Sessions opened from here on link with the hashing embedder (no model download)."""
    from dragoman.stories import HashingEmbedder

    monkeypatch.setattr("dragoman.stories.index.E5Embedder", HashingEmbedder)


@pytest.fixture
def db(tmp_path, fast_models) -> str:
    return str(tmp_path / "watch.db")


@pytest.fixture
def session(db):
    with open_session(db, create=True) as opened:
        yield opened
