"""Where the repository, the shared folder beside it, and their corpora are."""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SCORE_PY = SHARED / "eval" / "score.py"
SAMPLES = REPO / "samples"
