"""Time expressions: find them in text and resolve them to ISO dates.

Language knowledge (month and weekday names, date forms, relative words) lives in
``lang/<code>/timewords.toml``; ``lang/xx/timewords.toml`` holds numeric forms every language
uses. Resolution needs a reference date (the publication date): a date without a year, a
weekday or "yesterday" cannot be placed without one, and then stays unresolved with its text
kept, so a later corpus-level stage can place it with :func:`resolve_text`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lang as langdata

# Precision names, finest first.
DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in text, before resolution."""

    start: int
    end: int
    surface: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    unit: str | None = None  # relative expressions: day, week, month, year, month_name
    shift: int = 0

    @property
    def relative(self) -> bool:
        return self.unit is not None or self.weekday is not None

    @property
    def absolute(self) -> bool:
        """Placed without any reference date."""
        return not self.relative and self.year is not None


@dataclass(frozen=True)
class ResolvedDate:
    """An ISO date truncated to its precision (``2025-04-03``, ``2025-04``, ``2025``)."""

    iso: str
    precision: str


@dataclass(frozen=True)
class _Grammar:
    dates: tuple[re.Pattern, ...]
    relative: tuple[tuple[re.Pattern, str, int], ...]
    months: dict[str, int]
    weekdays: dict[str, int]


def _alternation(groups: list[list[str]]) -> str:
    forms = sorted({form for group in groups for form in group}, key=len, reverse=True)
    return "|".join(forms)


def _lookup(groups: list[list[str]]) -> dict[str, int]:
    return {form: index + 1 for index, group in enumerate(groups) for form in group}


@lru_cache(maxsize=None)
def grammar(code: str | None) -> _Grammar:
    """Compiled patterns for a language (plus the shared numeric forms)."""
    data = langdata.load(code, "timewords") if code else {}
    common = langdata.load(langdata.COMMON, "timewords")
    inflection = data.get("inflection", "")
    month = f"(?:{_alternation(data['months'])}){inflection}" if data.get("months") else r"(?!x)x"
    weekday = f"(?:{_alternation(data['weekdays'])}){inflection}" if data.get("weekdays") else r"(?!x)x"

    def compile_(pattern: str) -> re.Pattern:
        body = pattern.replace("{month}", month).replace("{weekday}", weekday)
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)

    dates = tuple(compile_(p) for p in list(data.get("dates", [])) + list(common.get("dates", [])))
    relative = tuple((compile_(r["pattern"]), r["unit"], int(r.get("shift", 0)))
                     for r in data.get("relative", []))
    return _Grammar(dates, relative, _lookup(data.get("months", [])), _lookup(data.get("weekdays", [])))


def _name_index(table: dict[str, int], surface: str) -> int | None:
    """Number of a month or weekday from its written (possibly inflected) form."""
    word = surface.lower()
    best, best_len = None, 0
    for form, number in table.items():
        if re.match(form, word) and len(form) > best_len:
            best, best_len = number, len(form)
    return best


def find(text: str, code: str | None) -> list[TimeExpression]:
    """Every time expression in ``text``, longest first where they overlap, in text order."""
    rules = grammar(code)
    found: list[TimeExpression] = []
    for pattern in rules.dates:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            year = int(groups["y"]) if groups.get("y") else None
            month = int(groups["m"]) if groups.get("m") else (
                _name_index(rules.months, groups["mon"]) if groups.get("mon") else None)
            day = int(groups["d"]) if groups.get("d") else None
            weekday = _name_index(rules.weekdays, groups["wd"]) if groups.get("wd") else None
            if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
                continue
            found.append(TimeExpression(match.start(), match.end(), match.group().strip(), year, month, day,
                                        weekday - 1 if weekday else None))
    for pattern, unit, shift in rules.relative:
        for match in pattern.finditer(text):
            month = _name_index(rules.months, match.group("mon")) if "mon" in pattern.groupindex else None
            found.append(TimeExpression(match.start(), match.end(), match.group().strip(), None, month,
                                        None, None, unit, shift))
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[TimeExpression] = []
    for expression in found:
        if kept and expression.start < kept[-1].end:
            continue
        kept.append(expression)
    return kept


def parse_reference(value: str | None) -> dt.date | None:
    """The date part of an ISO date or date-time, or ``None``."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
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
