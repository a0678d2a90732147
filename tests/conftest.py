"""Shared fixtures: paths to the shared material and small helpers."""
from __future__ import annotations

from pathlib import Path

import pytest
from repo_paths import SCORE_PY, SEEDS
from script_modules import load_module


def load_scorer():
    """``shared/eval/score.py`` as a module (it is a script, not a package)."""
    return load_module(SCORE_PY, "dragoman_shared_score")


@pytest.fixture(scope="session")
def scorer():
    if not SCORE_PY.exists():
        pytest.skip(f"{SCORE_PY} is missing: the shared folder must sit beside the repository")
    return load_scorer()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.exists():
        pytest.skip(f"{SEEDS} is missing: the shared folder must sit beside the repository")
    return SEEDS
