"""Machine rewrites of news: assistant openers, appended "Enrichment Data", citation markers.

Signals are data (``lang/*/rewrite.toml``, all languages at once, since rewriters often keep
English labels in other languages); each carries a weight and the weights add up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lang
from ..lang.sentences import at_sentence_start

# Weight of signals needed to call a text a rewrite: one strong signal (an assistant's
# "Here's a fresh take:", an appended "Enrichment Data" section, a run of citation markers)
# or two weak ones ("Picture this:" plus "Let's dive in").
REWRITE_THRESHOLD = 1.0
# Numeric citation markers ("[1]") needed before they count: news quotes a single "[1]" at times.
CITATION_MARKERS_MIN = 3
CITATION_WEIGHT = 1.0


@dataclass(frozen=True)
class Signal:
    kind: str  # opener, appendix
    phrase: str
    weight: float
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def _any_phrase() -> re.Pattern[str] | None:
    """Every signal's phrase anywhere in a text: one search rules out most texts, which hold none,
    before each signal's own (slower, sentence-anchored) pattern is tried."""
    known, _ = signals()
    if not known:
        return None
    return re.compile("|".join(re.escape(s.phrase) for s in known), re.IGNORECASE)


@lru_cache(maxsize=1)
def signals() -> tuple[tuple[Signal, ...], re.Pattern[str] | None]:
    found: list[Signal] = []
    for data in lang.load_all("rewrite").values():
        for kind, key in (("opener", "openers"), ("appendix", "appendix")):
            for item in data.get(key, []):
                phrase = item["phrase"]
                # At the start of a line or of a sentence.
                pattern = re.compile(rf"{at_sentence_start()}\s*{re.escape(phrase)}(?![^\W\d_])",
                                     re.IGNORECASE | re.MULTILINE)
                found.append(Signal(kind, phrase, float(item.get("weight", 1.0)), pattern))
    common = lang.load(lang.COMMON, "rewrite")
    citation = re.compile(common["citation"]) if common.get("citation") else None
    # Longest phrases first, so "Let's dive into" is counted instead of (not besides) "Let's dive in".
    found.sort(key=lambda s: len(s.phrase), reverse=True)
    return tuple(found), citation


def rewrite_reasons(text: str) -> tuple[bool, list[str]]:
    """``(is_rewrite, reasons)`` for a text."""
    known, citation = signals()
    weight = 0.0
    reasons: list[str] = []
    seen: set[str] = set()
    anywhere = _any_phrase()
    if anywhere is None or not anywhere.search(text):
        known = ()  # no phrase anywhere: no signal can match
    for signal in known:
        phrase = signal.phrase.lower()
        if any(phrase in other or other in phrase for other in seen):
            continue
        if signal.pattern.search(text):
            seen.add(phrase)
            weight += signal.weight
            reasons.append(f"{signal.kind}: {signal.phrase}")
    if citation:
        markers = len(citation.findall(text))
        if markers >= CITATION_MARKERS_MIN:
            weight += CITATION_WEIGHT
            reasons.append(f"citation markers: {markers}")
    return weight >= REWRITE_THRESHOLD, reasons
