"""Sentences and clauses with character offsets, shared by the event and fact extractors.

A deliberately simple splitter: news sentences end with ``.!?…`` (optionally closed by a quote
or bracket) before whitespace and an upper-case letter, digit or opening quote, or at a line
break. Offsets always point into the original text, so evidence can be shown in place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at terminal punctuation followed by space and something that opens a sentence.
_END = re.compile(r"""[.!?…]+["'”»’)\]]*(?=\s+["'“„«(\[]?[\w\d%$€£])""")
# Abbreviations and initials before a period that do not end a sentence ("Dr.", "J. Smith").
_ABBREV = re.compile(r"(?:^|\s)(?:[A-ZА-ЯЁ]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Col|Lt|No|vs|etc|Inc|Ltd|Co|Corp|г|гг|им|ул|т\.е|stb|ill|pl|dr|Nr|Hr|Fr|bzw|ca|vgl|M|Mme|cf)\.$")
# Ordinals and day numbers end with a period mid-sentence ("a 7. ülés", "12. November"); a
# four-digit year before a period may end a sentence, so only 1-3 digit numbers are exempt.
_NUMBER_DOT = re.compile(r"(?<!\d)\d{1,3}\.$")


@dataclass(frozen=True)
class Span:
    """A stretch of text with its offsets in the article."""

    text: str
    start: int
    end: int


def sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences (lines first, then terminal punctuation)."""
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        line_start = line.start()
        piece_start = 0
        body = line.group()
        for end in _END.finditer(body):
            before = body[:end.start() + 1]
            if _ABBREV.search(before) or _NUMBER_DOT.search(before):
                continue
            _add(spans, body, piece_start, end.end(), line_start)
            piece_start = end.end()
        _add(spans, body, piece_start, len(body), line_start)
    return spans


def _add(spans: list[Span], body: str, start: int, end: int, offset: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(body[start:end], offset + start, offset + end))


# Clause boundaries inside a sentence: commas, semicolons and colons (dashes join names:
# "Central Asia – European Union summit").
_CLAUSE = re.compile(r"[,;:]\s+")


def clauses(sentence: Span) -> list[Span]:
    """Split a sentence into clauses, with offsets into the article."""
    spans: list[Span] = []
    position = 0
    for boundary in _CLAUSE.finditer(sentence.text):
        _add(spans, sentence.text, position, boundary.start(), sentence.start)
        position = boundary.end()
    _add(spans, sentence.text, position, len(sentence.text), sentence.start)
    return spans
