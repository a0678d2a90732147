"""Find calendar dates written in any supported language.

Date *forms* are data (``lang/<code>/datelines.toml`` and ``lang/xx/datelines.toml``): regexes
with the named groups ``y`` (year), ``m`` (month number), ``mon`` (month name, written
``{month}`` in the data), ``d`` (day). Month names come from babel for every language that has
a data folder, so they are not typed by hand. A time right after a date (``22:19``) is picked up
by the code. This module only finds dates; deciding which date is the publication date is
:mod:`dragoman.describe.published`'s job.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from babel.core import UnknownLocaleError
from babel.dates import get_day_names, get_month_names

from .. import lang

# Month abbreviations shorter than this are too ambiguous to use ("ma", "ko").
MIN_MONTH_NAME_CHARS = 3
# A time may follow its date after a little glue: ", ", " at ", " um ", a weekday name, or a
# site header's separator (" | ", " · ").
TIME_GLUE = r"[\s,|•·]*(?:[^\W\d_]{1,12}\.?,?\s*)?[\s,|•·]*(?P<H>[01]?\d|2[0-3])[:.h](?P<M>[0-5]\d)(?![\d])"
# Year used to validate day/month pairs whose year is unknown (a leap year, so 29 February passes).
_LEAP_YEAR = 2000


@dataclass(frozen=True)
class FoundDate:
    """A date found in a text: its span and its parts (``year`` is ``None`` when not written)."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None

    def iso(self, default_year: int | None = None) -> str | None:
        """ISO date, or date-time when a time was written; ``None`` when the year is unknown."""
        year = self.year or default_year
        if year is None:
            return None
        try:
            date(year, self.month, self.day)
        except ValueError:
            return None
        day = f"{year:04d}-{self.month:02d}-{self.day:02d}"
        if self.hour is not None and self.minute is not None:
            return f"{day}T{self.hour:02d}:{self.minute:02d}"
        return day


def _month_names(code: str) -> dict[str, int]:
    """Every babel spelling of the month names of one language, lower-cased, without dots."""
    names: dict[str, int] = {}
    try:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context=context, locale=code).items():
                    key = name.lower().rstrip(".")
                    if len(key) >= MIN_MONTH_NAME_CHARS:
                        names.setdefault(key, number)
    except (UnknownLocaleError, ValueError):
        return {}
    return names


def _day_names(code: str) -> set[str]:
    try:
        return {name.lower().rstrip(".")
                for width in ("wide", "abbreviated")
                for context in ("format", "stand-alone")
                for name in get_day_names(width, context=context, locale=code).values()}
    except (UnknownLocaleError, ValueError):
        return set()


class DateGrammar:
    """Compiled date forms and month names for every language with a data folder."""

    def __init__(self) -> None:
        self.codes = lang.languages()
        datelines = lang.load_all("datelines")
        # Babel's names for the language, plus other locales its data names (scripts: sr_Latn).
        self.months = {code: _month_names(code) for code in self.codes}
        for code in self.codes:
            for extra in datelines.get(code, {}).get("month_locales", []):
                for name, number in _month_names(extra).items():
                    self.months[code].setdefault(name, number)
        all_names = sorted({n for names in self.months.values() for n in names}, key=len, reverse=True)
        month_alt = "(?:" + "|".join(re.escape(n) for n in all_names) + ")"
        self.weekdays = {n for code in self.codes for n in _day_names(code)}
        self.forms: dict[str, list[re.Pattern[str]]] = {}
        for code, data in datelines.items():
            self.forms[code] = [re.compile(form.replace("{month}", month_alt), re.IGNORECASE)
                                for form in data.get("dates", [])]
        self.time = re.compile(TIME_GLUE)

    def _codes(self, langs: Sequence[str] | None) -> list[str]:
        """Every language's forms, the given languages' first (they win ties such as 12/11/2025).

        Pages mix languages (a Hungarian site header above an English story), so no form is
        left out; the order only settles ambiguous spellings.
        """
        wanted = [c for c in (langs or []) if c in self.forms]
        rest = [c for c in self.forms if c not in wanted and c != lang.COMMON]
        return wanted + rest + ([lang.COMMON] if lang.COMMON in self.forms else [])

    def month_number(self, name: str, langs: Sequence[str] | None) -> int | None:
        key = name.lower().rstrip(".")
        order = list(langs or []) + [c for c in self.codes if c not in (langs or [])]
        for code in order:
            number = self.months.get(code, {}).get(key)
            if number:
                return number
        return None

    def _build(self, match: re.Match[str], text: str, langs: Sequence[str] | None) -> FoundDate | None:
        groups = match.groupdict()
        if groups.get("mon"):
            month = self.month_number(groups["mon"], langs)
        elif groups.get("m"):
            month = int(groups["m"])
        else:
            return None
        if not month or not groups.get("d"):
            return None
        day = int(groups["d"])
        year = int(groups["y"]) if groups.get("y") else None
        try:
            date(year or _LEAP_YEAR, month, day)
        except ValueError:
            return None
        hour = int(groups["H"]) if groups.get("H") else None
        minute = int(groups["M"]) if groups.get("M") else None
        end = match.end()
        if hour is None and year is not None:
            timed = self.time.match(text, end)
            if timed:
                hour, minute, end = int(timed["H"]), int(timed["M"]), timed.end()
        return FoundDate(match.start(), end, year, month, day, hour, minute)

    def find(self, text: str, langs: Sequence[str] | None = None) -> list[FoundDate]:
        """Non-overlapping dates in ``text``, longest first where forms overlap, in text order."""
        found: list[FoundDate] = []
        for code in self._codes(langs):
            for form in self.forms[code]:
                for match in form.finditer(text):
                    built = self._build(match, text, langs)
                    if built:
                        found.append(built)
        # Prefer dates with a year, then longer spans, at each position.
        found.sort(key=lambda f: (f.start, f.year is None, -(f.end - f.start)))
        chosen: list[FoundDate] = []
        for item in found:
            if chosen and item.start < chosen[-1].end:
                continue
            chosen.append(item)
        return chosen

    def match_at(self, text: str, pos: int, langs: Sequence[str] | None = None) -> FoundDate | None:
        """The longest date that starts exactly at ``pos`` (after spaces), if any."""
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        best: FoundDate | None = None
        for code in self._codes(langs):
            for form in self.forms[code]:
                match = form.match(text, pos)
                if match:
                    built = self._build(match, text, langs)
                    if built and (best is None or (built.year is not None, built.end) > (best.year is not None, best.end)):
                        best = built
        return best

    def is_date_line(self, line: str, max_extra_words: int) -> FoundDate | None:
        """The date when ``line`` is essentially a date (plus weekday names and a few words)."""
        dates = self.find(line)
        if not dates:
            return None
        rest = line
        for found in reversed(dates):
            rest = rest[:found.start] + " " + rest[found.end:]
        words = [w for w in re.findall(r"[^\W\d_]+", rest.lower()) if w not in self.weekdays]
        return dates[0] if len(words) <= max_extra_words else None


@lru_cache(maxsize=1)
def grammar() -> DateGrammar:
    """The shared, lazily built date grammar."""
    return DateGrammar()


def first_date(texts: Iterable[str], langs: Sequence[str] | None = None) -> FoundDate | None:
    """The first date found in any of ``texts``, in order."""
    for text in texts:
        dates = grammar().find(text, langs)
        if dates:
            return dates[0]
    return None
