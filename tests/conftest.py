"""Shared fixtures: paths to the shared material and small helpers."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SCORE_PY = SHARED / "eval" / "score.py"
SAMPLES = REPO / "samples"


def load_scorer():
    """``shared/eval/score.py`` as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("dragoman_shared_score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
