"""Fixtures for the reader tests: the sample folder and its builder module."""
from __future__ import annotations

from pathlib import Path

import pytest
from script_modules import load_module

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def _load_builder():
    return load_module(DATA / "make_samples.py", "dragoman_ingest_samples")


@pytest.fixture(scope="session")
def builder():
    """``tests/data/ingest/make_samples.py``: sample texts and the functions that build files."""
    return _load_builder()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture
def run():
    """Read paths with :func:`iter_inputs`; return (documents, rejections, stats)."""
    from dragoman.doc import Rejection
    from dragoman.ingest import IngestOptions, IngestStats, iter_inputs

    def read(*paths, max_bytes: int | None = None):
        stats = IngestStats()
        options = IngestOptions(max_bytes=max_bytes) if max_bytes else IngestOptions()
        items = list(iter_inputs([str(p) for p in paths], options, stats))
        docs = [i for i in items if not isinstance(i, Rejection)]
        rejections = [i for i in items if isinstance(i, Rejection)]
        return docs, rejections, stats

    return read
