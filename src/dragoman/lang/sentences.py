"""Sentences: where they end, and the text split into them with character offsets.

The one sentence splitter of every stage (clean, ingest, entities, events, facts). A news
sentence ends with ``.!?…`` (optionally closed by a quote or bracket) before whitespace and
something that opens a sentence, with a full stop of an unspaced script (``。``), or at a line
break; a period after an abbreviation, an initial or an ordinal ends nothing. The punctuation
is ``lang/xx/sentences.toml``; each language's ``sentences.toml`` adds its abbreviations. They
are applied together, whatever the text's language: the splitter also runs before the language
is known, and an abbreviation of one language rarely ends a sentence of another.
Offsets always point into the original text, so evidence can be shown in place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import COMMON, load_all

FILE = "sentences"
# What may start the next sentence after its opening marks: a letter or digit, or a sign that
# stands before a number ("$28 billion").
_SENTENCE_START = r"[\w%$€£]"
_NEVER = r"(?!x)x"
# Clause boundaries inside a sentence: commas, semicolons and colons (dashes join names:
# "Central Asia – European Union summit").
_CLAUSE = re.compile(r"[,;:]\s+")


@dataclass(frozen=True)
class Span:
    """A stretch of text with its offsets in the article."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SentenceRules:
    """The sentence punctuation of every script and the abbreviations of every language."""

    terminal: str  # ends a sentence before a space
    unspaced_terminal: str  # ends a sentence with nothing after it (。)
    closing: str  # may close a sentence after its punctuation
    opening_quotes: str  # may open a sentence or a quotation before its first letter
    opening_brackets: str  # may open a sentence before its first letter
    end: re.Pattern[str]  # a sentence end inside a line
    not_an_end: re.Pattern[str]  # searched in the text up to a period that ends nothing


def _chars(chars: str) -> str:
    return "".join(re.escape(c) for c in chars)


@lru_cache(maxsize=1)
def rules() -> SentenceRules:
    data = load_all(FILE)
    common = data.get(COMMON, {})
    terminal, unspaced = common.get("terminal", "."), common.get("unspaced_terminal", "")
    closing = common.get("closing", "")
    quotes, brackets = common.get("opening_quotes", ""), common.get("opening_brackets", "")
    opening = quotes + brackets
    close = f"[{_chars(closing)}]*" if closing else ""
    ends = [rf"[{_chars(terminal)}]+{close}(?=\s+[{_chars(opening)}]?{_SENTENCE_START})"]
    if unspaced:
        ends.append(rf"[{_chars(unspaced)}]+{close}\s*(?=\S)")
    abbreviations = sorted({a for d in data.values() for a in d.get("abbreviations", [])}, key=len, reverse=True)
    not_an_end = list(common.get("not_an_end", []))
    if abbreviations:
        not_an_end.append(rf"(?:^|\s)(?:{'|'.join(re.escape(a) for a in abbreviations)})\.$")
    return SentenceRules(
        terminal=terminal, unspaced_terminal=unspaced, closing=closing, opening_quotes=quotes,
        opening_brackets=brackets,
        end=re.compile("|".join(f"(?:{e})" for e in ends)),
        not_an_end=re.compile("|".join(f"(?:{p})" for p in not_an_end) or _NEVER))


def sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences (lines first, then sentence ends inside each line)."""
    r = rules()
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        line_start = line.start()
        piece_start = 0
        body = line.group()
        for end in r.end.finditer(body):
            if r.not_an_end.search(body[:end.start() + 1]):
                continue
            _add(spans, body, piece_start, end.end(), line_start)
            piece_start = end.end()
        _add(spans, body, piece_start, len(body), line_start)
    return spans


def clauses(sentence: Span) -> list[Span]:
    """Split a sentence into clauses, with offsets into the article."""
    spans: list[Span] = []
    position = 0
    for boundary in _CLAUSE.finditer(sentence.text):
        _add(spans, sentence.text, position, boundary.start(), sentence.start)
        position = boundary.end()
    _add(spans, sentence.text, position, len(sentence.text), sentence.start)
    return spans


def _add(spans: list[Span], body: str, start: int, end: int, offset: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(body[start:end], offset + start, offset + end))


def ends_sentence(line: str) -> bool:
    """``line`` ends as a sentence does: with its punctuation, then perhaps closing marks.

    Labels, headlines and links do not ("Most read", "Talks in Baku (video)").
    """
    r = rules()
    last = line.rstrip().rstrip(r.closing)
    return bool(last) and last[-1] in r.terminal + r.unspaced_terminal


def opens_sentence(before: str) -> bool:
    """What follows ``before`` (the text up to a word) opens a sentence, a quotation or what a
    colon announces, so a capital there says nothing about a name."""
    r = rules()
    last = before.rstrip()
    return not last or ends_sentence(last) or last[-1] in ":" + r.opening_quotes


def several_sentences(line: str) -> bool:
    """``line`` holds more than one sentence, the next opening with a capital: a paragraph,
    not a headline."""
    r = rules()
    opening = r.opening_quotes + r.opening_brackets
    return any(span.text.lstrip(opening)[:1].isupper() for span in sentences(line)[1:])


def at_sentence_start() -> str:
    """A regex lookbehind that holds at the start of a line or of a sentence (or after a colon)."""
    return rf"(?:^|(?<=[{_chars(rules().terminal)}:]\s))"
