"""Quality gate: run corpora with gold through the whole CLI (ingest, export) and fail if any
score drops below the floor pinned in ``eval_floors.toml``."""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from repo_paths import SAMPLES, SEEDS

from dragoman.cli import main as dragoman
from dragoman.store import open_store

FLOORS = tomllib.loads((Path(__file__).parent / "eval_floors.toml").read_text(encoding="utf-8"))
CORPORA = {"seeds": (SEEDS, SEEDS / "gold.jsonl"), "samples": (SAMPLES / "corpus", SAMPLES / "gold.jsonl")}


@pytest.fixture(scope="module")
def scores(tmp_path_factory, scorer):
    """Scores per corpus, computed once for every floor."""
    results = {}
    for name in FLOORS:
        folder, gold = CORPORA[name]
        if not gold.exists():
            continue
        work = tmp_path_factory.mktemp(f"gate-{name}")
        db, out = str(work / "gate.db"), work / "export.jsonl"
        dragoman(["--db", db, "--quiet", "ingest", str(folder)])
        with open_store(db, create=False) as store:
            # A corpus folder may hold its gold file: its lines carry no article text.
            unexpected = [r for r in store.iter_rejections() if Path(r.origin.split(":")[0]).name != "gold.jsonl"]
        assert not unexpected, f"ingesting {folder} set inputs aside: {unexpected}"
        assert dragoman(["--db", db, "--quiet", "export", "-o", str(out)]) == 0
        results[name] = scorer.score(scorer.load(str(gold)), scorer.load(str(out)))
        results[name]["_export"] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return results


@pytest.mark.parametrize("corpus,metric", [(c, m) for c, floors in FLOORS.items() for m in floors])
def test_score_at_or_above_floor(scores, corpus, metric):
    if corpus not in scores:
        pytest.skip(f"no gold for {corpus}")
    value = scores[corpus].get(metric)
    assert value is not None, f"{corpus}: score.py reported no {metric}"
    assert value >= FLOORS[corpus][metric], f"{corpus}: {metric} = {value:.3f} < floor {FLOORS[corpus][metric]}"


def test_seed_text_ends_with_last_real_paragraph(scores):
    rows = {row["id"]: row for row in scores["seeds"]["_export"]}
    text = rows["001_c31b014b0eb8a9de"]["text"].rstrip()
    assert text.endswith("discussed pressing regional and international issues.")
    assert "Share this article" not in text
