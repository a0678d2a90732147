"""Bylines: who wrote the article.

Byline forms are data (``lang/<code>/byline.toml``): ``line`` patterns match a line that is only
a byline (``By Aida Haidar``, ``Yazan: …``, ``Автор: …``), ``sentence_end`` patterns a byline
closing a sentence (``…, writes Aida Haidar.``). ``{name}`` in a pattern stands for up to four
words; :func:`person_name` then keeps only person-like names (2–4 capitalised words, name
particles allowed) that are not a news agency.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .. import lang
from ..kb.normalize import fold
from .agencies import agency_names

# Words a person's name may have; fewer is a single word (not enough), more is a phrase.
MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 4
# Up to MAX_NAME_WORDS word-like tokens; the validation below decides what is a name.
NAME_PATTERN = r"(?P<name>[^\W\d_][\w’'.-]*(?:[ \t]+[^\W\d_][\w’'.-]*){0,3})"
# A byline line is short; longer lines are prose.
BYLINE_MAX_CHARS = 120
# Bylines are looked for in this many lines at each end of the text.
BYLINE_SCAN_LINES = 3
# ``writes X.`` bylines are looked for in this many paragraphs at each end of the text.
BYLINE_SCAN_PARAGRAPHS = 2


@dataclass(frozen=True)
class BylinePatterns:
    line: tuple[re.Pattern[str], ...]
    sentence_end: tuple[re.Pattern[str], ...]
    particles: frozenset[str]
    stopwords: frozenset[str]


def _compile(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p.replace("{name}", NAME_PATTERN), re.IGNORECASE) for p in patterns)


@lru_cache(maxsize=1)
def byline_patterns() -> BylinePatterns:
    data = lang.load_all("byline")
    common = data.get(lang.COMMON, {})
    return BylinePatterns(
        line=_compile(p for d in data.values() for p in d.get("line", [])),
        sentence_end=_compile(p for d in data.values() for p in d.get("sentence_end", [])),
        particles=frozenset(w.lower() for w in common.get("particles", [])),
        stopwords=frozenset(w.lower() for w in common.get("stopwords", [])),
    )


def person_name(candidate: str) -> str | None:
    """``candidate`` cut to its leading person-like name, or ``None`` if it is not one."""
    patterns = byline_patterns()
    words: list[str] = []
    for raw in candidate.split():
        word = raw.strip(".,;:’'")
        if not word:
            break
        lower = word.lower()
        if lower in patterns.stopwords:
            break
        if not word[0].isupper():
            if words and lower in patterns.particles:
                words.append(word)
                continue
            break
        if any(ch.isdigit() for ch in word):
            return None
        # Keep an initial's dot ("John F. Kennedy"), not a sentence's.
        words.append(raw.rstrip(",;:") if len(word) == 1 else word)
        if raw.endswith((".", ",", ";", ":")) and len(word) > 1:
            break
    while words and words[-1].lower() in patterns.particles:
        words.pop()
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS:
        return None
    name = " ".join(words)
    if fold(name) in {fold(n) for n in agency_names()}:
        return None
    return name


def byline_in_line(line: str) -> str | None:
    """The author's name when ``line`` is only a byline, else ``None``."""
    if len(line.strip()) > BYLINE_MAX_CHARS:
        return None
    for pattern in byline_patterns().line:
        match = pattern.match(line.strip())
        if match:
            name = person_name(match["name"])
            if name:
                return name
    return None


def byline_at_sentence_end(paragraph: str) -> str | None:
    """The name in a sentence-closing byline (``…, writes Aida Haidar.``)."""
    for pattern in byline_patterns().sentence_end:
        for match in pattern.finditer(paragraph):
            name = person_name(match["name"])
            if name:
                return name
    return None


def find_author(text: str, header_lines: Iterable[str] = ()) -> str | None:
    """The byline's name from header lines the clean step kept, else from either end of the text."""
    for line in header_lines:
        name = byline_in_line(line)
        if name:
            return name
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines[:BYLINE_SCAN_LINES] + lines[-BYLINE_SCAN_LINES:]:
        name = byline_in_line(line)
        if name:
            return name
    for paragraph in lines[:BYLINE_SCAN_PARAGRAPHS] + lines[-BYLINE_SCAN_PARAGRAPHS:]:
        name = byline_at_sentence_end(paragraph)
        if name:
            return name
    return None
