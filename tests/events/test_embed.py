"""The example bank: cached vectors, pluggable embedders, and typing with the real model."""
from __future__ import annotations

import numpy as np
import pytest

from dragoman.events.embed import ExampleBank, Example, load_examples
from dragoman.events.lexicon import EVENT_TYPES


class CountingEmbedder:
    """A stand-in model: one axis per keyword, so similarity is keyword overlap."""

    name = "counting"
    words = ("met", "signed", "summit", "rain")

    def __init__(self):
        self.calls = 0

    def embed(self, texts):
        self.calls += 1
        rows = np.array([[1.0 if w in t.lower() else 0.0 for w in self.words] + [0.1] for t in texts])
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


EXAMPLES = [Example("They met in Rome.", "meeting", "en"), Example("They signed a deal.", "agreement", "en"),
            Example("A summit opened.", "summit", "en"), Example("Rain fell all day.", "none", "en")]


def test_vectors_are_cached_and_rebuilt_when_examples_change(tmp_path):
    cache = tmp_path / "vectors.npz"
    model = CountingEmbedder()
    ExampleBank(model, EXAMPLES, cache)
    ExampleBank(model, EXAMPLES, cache)
    assert model.calls == 1 and cache.exists()
    ExampleBank(model, EXAMPLES[:3], cache)
    assert model.calls == 2


def test_any_embedder_can_type_sentences(tmp_path):
    bank = ExampleBank(CountingEmbedder(), EXAMPLES, tmp_path / "v.npz")
    guesses = bank.guess(["The ministers signed it.", "More rain tomorrow."])
    assert [g.type for g in guesses] == ["agreement", "none"]


def test_bank_covers_every_type_in_several_languages():
    examples = load_examples()
    for kind in EVENT_TYPES:
        langs = {e.lang for e in examples if e.type == kind}
        assert len(langs) >= 4, (kind, langs)


@pytest.mark.parametrize("text,kind", [
    ("Der Außenminister reiste zu einem offiziellen Besuch nach Tokio.", "visit"),
    ("Стороны подписали меморандум о взаимопонимании.", "agreement"),
    ("Le chômage a légèrement augmenté en mars.", "none"),
])
def test_real_model_types_unseen_sentences(text, kind):
    from dragoman.events.embed import default_bank

    assert default_bank().guess([text])[0].type == kind
