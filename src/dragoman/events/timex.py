"""Time expressions: find them in text and resolve them to ISO dates.

Finding is the shared date grammar's job (:mod:`dragoman.lang.dates`, fed by
``lang/<code>/dates.toml``: the same forms and names as publication dates, plus relative
words). Resolution needs a reference date (the publication date): a date without a year, a
weekday or "yesterday" cannot be placed without one, and then stays unresolved with its text
kept, so a later corpus-level stage can place it with :func:`resolve_text`.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ..lang import dates
from ..lang.dates import TimeExpression

__all__ = ["DAY", "WEEK", "MONTH", "YEAR", "TimeExpression", "ResolvedDate", "find", "parse_reference", "partial_reference",
           "resolve", "resolve_text"]

# Precision names, finest first.
DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"


@dataclass(frozen=True)
class ResolvedDate:
    """An ISO date truncated to its precision (``2025-04-03``, ``2025-04``, ``2025``)."""

    iso: str
    precision: str


def find(text: str, code: str | None) -> list[TimeExpression]:
    """Every time expression of language ``code`` in ``text``, longest first where they overlap,
    in text order (the numeric forms every language shares are always looked for)."""
    return dates.find(text, [code] if code else [])


def parse_reference(value: str | None) -> dt.date | None:
    """The date part of an ISO date or date-time, or ``None``."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def partial_reference(value: str | None) -> ResolvedDate | None:
    """A publication date known only to the month or year (``2024-09``, ``2024``), else ``None``."""
    text = str(value or "")
    if len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit():
        return ResolvedDate(text, MONTH)
    if len(text) == 4 and text.isdigit():
        return ResolvedDate(text, YEAR)
    return None


def resolve(expression: TimeExpression, reference: dt.date | None, *, future: bool = False
            ) -> ResolvedDate | None:
    """Place an expression on the calendar; ``future`` turns weekdays forward (planned events)."""
    if expression.weekday is not None:
        if reference is None:
            return None
        delta = (expression.weekday - reference.weekday()) % 7
        day = reference + dt.timedelta(days=delta) if future else reference - dt.timedelta(days=(7 - delta) % 7)
        return ResolvedDate(day.isoformat(), DAY)
    if expression.unit is not None:
        return _relative(expression, reference)
    if expression.month is None:
        return ResolvedDate(f"{expression.year:04d}", YEAR) if expression.year else None
    year = expression.year
    if year is None:
        if reference is None:
            return None
        year = _nearest_year(expression.month, expression.day or 1, reference, future)
    if expression.day is None:
        return ResolvedDate(f"{year:04d}-{expression.month:02d}", MONTH)
    day = min(expression.day, calendar.monthrange(year, expression.month)[1])
    return ResolvedDate(f"{year:04d}-{expression.month:02d}-{day:02d}", DAY)


# A day-month without a year more than this many days after publication is read as last year's
# ("on 28 December", published 3 January); news rarely pre-announces beyond that.
FUTURE_HORIZON_DAYS = 60


def _nearest_year(month: int, day: int, reference: dt.date, future: bool) -> int:
    day = min(day, calendar.monthrange(reference.year, month)[1])
    candidate = dt.date(reference.year, month, day)
    if not future and (candidate - reference).days > FUTURE_HORIZON_DAYS:
        return reference.year - 1
    if future and (reference - candidate).days > FUTURE_HORIZON_DAYS:
        return reference.year + 1
    return reference.year


def _relative(expression: TimeExpression, reference: dt.date | None) -> ResolvedDate | None:
    if reference is None:
        return None
    unit, shift = expression.unit, expression.shift
    if unit == DAY:
        return ResolvedDate((reference + dt.timedelta(days=shift)).isoformat(), DAY)
    if unit == WEEK:
        monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=shift)
        return ResolvedDate(monday.isoformat(), WEEK)
    if unit == MONTH:
        index = reference.year * 12 + reference.month - 1 + shift
        return ResolvedDate(f"{index // 12:04d}-{index % 12 + 1:02d}", MONTH)
    if unit == YEAR:
        return ResolvedDate(f"{reference.year + shift:04d}", YEAR)
    if unit == "month_of_year" and expression.month:
        # A named month of a year counted from the reference ("tavaly júliusban": July last year).
        return ResolvedDate(f"{reference.year + shift:04d}-{expression.month:02d}", MONTH)
    if unit == "month_name" and expression.month:
        year = reference.year
        if shift < 0 and expression.month >= reference.month:
            year -= 1
        elif shift > 0 and expression.month <= reference.month:
            year += 1
        return ResolvedDate(f"{year:04d}-{expression.month:02d}", MONTH)
    return None


def resolve_text(text: str, code: str | None, reference: str | dt.date | None, *, future: bool = False
                 ) -> ResolvedDate | None:
    """Resolve the first time expression in ``text`` (e.g. a kept ``date_text``) against ``reference``."""
    if isinstance(reference, str):
        reference = parse_reference(reference)
    for expression in find(text, code):
        resolved = resolve(expression, reference, future=future)
        if resolved:
            return resolved
    return None
