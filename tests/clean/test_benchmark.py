"""The clean step must not eat real text: hand-checked main texts of the shared
article-extraction benchmark (181 pages, mostly English) go through it almost untouched."""
from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from dragoman.clean.furniture import FurnitureRemover

# Share of the gold text's 4-word shingles that cleaning must keep (measured: 0.999; what goes
# is copyright lines and lone bullets, which are furniture for us).
MIN_KEPT = 0.99


def _shingles(text: str) -> Counter:
    words = re.findall(r"\w+", text)
    return Counter(tuple(words[i:i + 4]) for i in range(max(0, len(words) - 3)))


def test_gold_main_texts_survive_cleaning(seeds_dir):
    truth = seeds_dir.parents[1] / "eval" / "data" / "article-extraction-benchmark" / "ground-truth.json"
    if not truth.exists():
        pytest.skip(f"{truth} is missing")
    remover = FurnitureRemover()
    kept = []
    for page in json.loads(truth.read_text(encoding="utf-8")).values():
        gold = page["articleBody"]
        cleaned = remover.clean(gold)
        before = _shingles(gold)
        after = _shingles("\n".join(part for part in (cleaned.title, cleaned.text) if part))
        if before:
            kept.append(sum((before & after).values()) / sum(before.values()))
    assert sum(kept) / len(kept) >= MIN_KEPT
