"""Word boundaries for languages written without spaces between words.

Names are matched character by character in Chinese (:data:`normalize.TOKEN`), which finds
中国 in 中国国家主席 but would also find 海地 (Haiti) in 沿海地区 ("coastal area"). A language
whose ``lang/<code>/suffixes.toml`` names a ``segmenter`` gets word boundaries from it, and a
short name must start and end on one. The segmenter is a package that carries its dictionary
(jieba for Chinese); without it, no boundaries are known and every match stands.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Callable

from .. import lang as langdata

Segmenter = Callable[[str], list[str]]


def _jieba() -> Segmenter | None:
    try:
        import jieba
    except ImportError:
        return None
    jieba.setLogLevel(logging.WARNING)
    return jieba.lcut


# Segmenters by the name a language's data gives; a user with a better one adds it here.
SEGMENTERS: dict[str, Callable[[], Segmenter | None]] = {"jieba": _jieba}


@lru_cache(maxsize=None)
def segmenter(code: str | None) -> Segmenter | None:
    name = langdata.load(code, "suffixes").get("segmenter") if code else None
    factory = SEGMENTERS.get(name) if name else None
    return factory() if factory else None


def word_boundaries(text: str, code: str | None) -> frozenset[int] | None:
    """Offsets in ``text`` where a word starts or ends, or ``None`` when the language has no
    segmenter (then every offset may be one)."""
    split = segmenter(code)
    if split is None:
        return None
    bounds, offset = {0}, 0
    for word in split(text):
        offset += len(word)
        bounds.add(offset)
    return frozenset(bounds)
