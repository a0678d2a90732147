"""The ``facts`` pipeline component: numbers with units and what they quantify.

Each :class:`~dragoman.doc.Fact` carries the value fully expanded (27,8 milliárd dollár ->
27800000000 USD), its unit, the clause it quantifies, the year the clause names, a qualifier
(over, about, almost, record, under) and its evidence sentence. A target horizon becomes a
``year`` fact only when a programme, strategy or plan runs to it ("2030-ig szóló program");
the year a lasting state began ("observer since 2018") is a ``year`` fact too.
The same value and unit stated twice in one article (headline and body) is one fact.
"""
from __future__ import annotations

import re

from ..doc import Article, Evidence, Fact
from ..lang.sentences import Span, clauses, sentences
from ..pipeline import component
from ..events import timex
from .numbers import Horizon, Quantity, horizons, quantities, since_years

_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,]\d)")
# How far (characters) a target horizon may stand from the figure it dates: "2030 yılına kadar
# 3 milyar dolara", "to reach $15 billion by 2030".
HORIZON_GAP_CHARS = 40
# Longest "what" phrase kept, in characters; longer clauses are cut at a word boundary.
WHAT_MAX_CHARS = 160


def _clause_at(sentence: Span, offset: int) -> Span:
    for clause in clauses(sentence):
        if clause.start <= offset < clause.end:
            return clause
    return sentence


def _what(clause: Span) -> str:
    text = " ".join(clause.text.split())
    if len(text) > WHAT_MAX_CHARS:
        text = text[:WHAT_MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return text


def extract_facts(text: str, code: str | None, published: str | None = None) -> list[Fact]:
    """Every numeric fact in ``text`` written in language ``code``; ``published`` places
    "last year" when a figure is dated that way."""
    facts: list[Fact] = []
    seen: set[tuple[float, str]] = set()
    reference = timex.parse_reference(published)
    for sentence in sentences(text):
        found_horizons = horizons(sentence.text, code)
        found = quantities(sentence.text, code)
        for index, quantity in enumerate(found):
            key = (round(quantity.value, 6), quantity.unit)
            if key in seen:
                continue
            seen.add(key)
            clause = _clause_at(sentence, sentence.start + quantity.start)
            year = _year_of(quantity, found, index, sentence, clause, found_horizons, code, reference)
            facts.append(Fact(value=quantity.value, unit=quantity.unit, what=_what(clause), year=year,
                              qualifier=quantity.qualifier, surface=quantity.surface,
                              evidence=Evidence(sentence.text, sentence.start, sentence.end)))
        last_end = -1
        for horizon in sorted(found_horizons + since_years(sentence.text, code), key=lambda h: h.start):
            if not horizon.program or horizon.start < last_end:
                continue
            last_end = horizon.end
            key = (float(horizon.year), "year")
            if key in seen:
                continue
            seen.add(key)
            clause = _clause_at(sentence, sentence.start + horizon.start)
            facts.append(Fact(value=float(horizon.year), unit="year", what=_what(clause), year=horizon.year,
                              surface=horizon.surface,
                              evidence=Evidence(sentence.text, sentence.start, sentence.end)))
    return facts


def _year_of(quantity: Quantity, found: list[Quantity], index: int, sentence: Span, clause: Span,
             found_horizons: list[Horizon], code: str | None, reference) -> int | None:
    """The year a figure refers to: a target horizon right before it or after it (with no other
    figure in between), else a year written in its clause, else "last year" and the like."""
    previous_end = found[index - 1].end if index else -1
    following = found[index + 1].start if index + 1 < len(found) else len(sentence.text)
    for horizon in found_horizons:
        before = previous_end <= horizon.start and horizon.end <= quantity.start \
            and quantity.start - horizon.end <= HORIZON_GAP_CHARS
        after = quantity.end <= horizon.start < following \
            and horizon.start - quantity.end <= HORIZON_GAP_CHARS
        if before or after:
            return horizon.year
    # Otherwise the year nearest the figure in its clause, written ("2024-ben") or relative
    # ("last year"), leaving out the years of targets that belong to other figures.
    offset = clause.start - sentence.start
    taken = [(h.start - offset, h.end - offset) for h in found_horizons]
    center = quantity.start - offset
    years: list[tuple[int, int]] = []
    for match in _YEAR.finditer(clause.text):
        if not any(s <= match.start() < e for s, e in taken):
            years.append((abs(match.start() - center), int(match.group(1))))
    for expression in timex.find(clause.text, code):
        resolved = timex.resolve(expression, reference)
        if resolved and expression.unit == timex.YEAR:
            years.append((abs(expression.start - center), int(resolved.iso[:4])))
    return min(years)[1] if years else None


@component("facts", requires=("text", "lang", "published"), provides=("facts",))
class FactsComponent:
    """Fill ``article.facts`` from the cleaned text in the article's language."""

    def __call__(self, article: Article) -> Article:
        article.facts = extract_facts(article.text or "", article.lang, article.published)
        return article
