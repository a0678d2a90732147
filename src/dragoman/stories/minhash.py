"""Near copies in one language: MinHash over word shingles, banded LSH kept in SQL.

Signatures are computed with ``datasketch.MinHash`` (128 permutations) over 3-word shingles.
Instead of datasketch's in-memory ``MinHashLSH`` (which would have to be pickled whole after every
batch), the LSH buckets live in ``link_lsh_bands`` as ``band_key`` rows with an index: a new
article costs one indexed lookup of its band keys, whatever the corpus size, and nothing is
recomputed when linking resumes. Signatures are stored too (``link_articles.signature``), so a candidate is confirmed with the
estimated Jaccard without re-reading any text.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

from .. import lang as langdata

NUM_PERM = 128
# 32 bands of 4 rows: a pair is a candidate with probability 1-(1-s^4)^32, i.e. ~99 % at the
# confirmation threshold (Jaccard 0.6), 23 % at 0.3, 5 % at 0.2. The banding must find what
# NEAR_COPY_JACCARD accepts: with 16x8 (50 % at 0.71) a short reprint under another outlet's
# header and footer (Jaccard ~0.7) was missed one time in four. Extra candidates cost one
# signature comparison each. Rows*bands must equal NUM_PERM; changing them needs a relink
# (see :data:`SCHEME`).
BANDS, ROWS = 32, 4
# Estimated Jaccard of 3-word shingles above which two same-language texts are one release
# (agency reprint, same text under another URL, a lightly edited copy).
NEAR_COPY_JACCARD = 0.6
SHINGLE_WORDS = 3
# Texts shorter than this many words give unstable signatures; they are not near-copy checked.
MIN_WORDS = 20

# Stored with the link index: band keys of another scheme never match, so a change needs a relink.
SCHEME = f"minhash-{NUM_PERM}-{SHINGLE_WORDS}w-{BANDS}x{ROWS}"

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray | None:
    """MinHash signature (uint32, NUM_PERM values), or ``None`` for a text too short to compare."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    from datasketch import MinHash  # here, not at the top: it imports scipy (40 MB), which only this needs

    permutations, scheme = _permutations()
    sketch = MinHash(num_perm=NUM_PERM, permutations=permutations, scheme=scheme)
    sketch.update_batch(list(shingles(text)))
    return np.asarray(sketch.hashvalues, dtype=np.uint32)


_PERMUTATIONS = None


def _permutations():
    """The seeded permutations, drawn once (datasketch redraws them for every MinHash)."""
    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        from datasketch import MinHash

        template = MinHash(num_perm=NUM_PERM)
        _PERMUTATIONS = (template.permutations, template.scheme)
    return _PERMUTATIONS


def band_keys(sig: np.ndarray, lang: str | None) -> list[str]:
    """One key per band; prefixed by language because near copies share a language."""
    prefix = lang or langdata.COMMON
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS:(band + 1) * ROWS].tobytes()
        keys.append(f"{prefix}:{band}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


def to_bytes(sig: np.ndarray) -> bytes:
    return np.asarray(sig, dtype="<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: share of equal MinHash values."""
    return float(np.count_nonzero(a == b)) / len(a)
