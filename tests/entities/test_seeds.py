"""Acceptance on the shared seed articles: entity F1 and precision against gold.

Runs ``clean`` and ``language`` before ``entities`` when those components are installed; else
the raw text with the gold language.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.doc import Article
from dragoman.pipeline import Pipeline, registered

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"

# Floors for the five seed articles (measured 0.957 F1, 0.978 precision with clean+language).
MIN_ENTITY_F1 = 0.85
MIN_ENTITY_P = 0.8


def _run_seeds() -> tuple[list[dict], list[dict]]:
    gold = [json.loads(line) for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    available = registered()
    with_clean = "clean" in available and "language" in available
    pipe = Pipeline(["clean", "language", "entities"]) if with_clean else None
    entities = available["entities"].factory()
    rows = []
    for g in gold:
        raw = (SEEDS / g["file"]).read_text(encoding="utf-8")
        article = Article(id=g["id"], origin=g["file"], input_format="text", raw_text=raw, hash="")
        if pipe is not None:
            article = pipe(article)
        else:
            article.text, article.lang = raw, g["lang"]
            article = entities(article)
        rows.append({"id": g["id"], "entities": [{"name": e.name, "type": e.type} for e in article.entities]})
    return gold, rows


@pytest.fixture(scope="module")
def seed_scores(scorer):
    if not (SEEDS / "gold.jsonl").exists():
        pytest.skip("shared seeds are missing")
    gold, rows = _run_seeds()
    return scorer.score(gold, rows)


def test_entity_f1_on_seeds(seed_scores):
    assert seed_scores["entity_f1"] >= MIN_ENTITY_F1, seed_scores


def test_entity_precision_on_seeds(seed_scores):
    assert seed_scores["entity_p"] >= MIN_ENTITY_P, seed_scores
