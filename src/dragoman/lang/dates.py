"""The date grammar: calendar dates, weekdays and relative time words, in every language.

One data file per language, ``lang/<code>/dates.toml``, feeds both the publication date
(:mod:`dragoman.describe.published`) and the dates of events (:mod:`dragoman.events.timex`):

- ``[grammar]``, written by hand: date ``forms``, ``relative`` words, the case forms of month
  and weekday names that CLDR does not list (``months``, ``weekdays``: regular expressions,
  January and Monday first) and the ``inflection`` a name may carry ("júliusban", "Kasım'da");
- ``[generated]``: the CLDR month and weekday names, written by
  :mod:`dragoman.lang.generate_dates`, never by hand.

``lang/xx/dates.toml`` holds the numeric forms every language shares and the shape of a
dateline. Forms are regular expressions with the named groups ``y`` (year), ``m`` (month
number), ``mon`` (a month name, written ``{month}``), ``d`` (day), ``wd`` (a weekday name,
written ``{weekday}``), ``H`` and ``M`` (time), ``era`` and ``ey`` (a year counted in an era of
the language's ``eras`` table: Japanese 令和6年 is 2024). A form stands between word boundaries
unless its language sets ``word_boundaries = false`` (Chinese, Japanese and Korean attach words).
This module only finds expressions; placing them on the calendar is the caller's job.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from . import COMMON, languages, load

FILE = "dates"
# A time may follow its date after a little glue: ", ", " at ", " um ", a weekday name, or a
# site header's separator (" | ", " · ", " - ").
TIME_GLUE = re.compile(r"[\s,|•·–—-]*(?:[^\W\d_]{1,12}\.?,?\s*)?[\s,|•·–—-]*"
                       r"(?P<H>[01]?\d|2[0-3])[:.h](?P<M>[0-5]\d)(?![\d])")
# Year used to validate day/month pairs whose year is unknown (a leap year, so 29 February passes).
_LEAP_YEAR = 2000
_NEVER = r"(?!x)x"
# Word boundaries around a form. Scraped pages run numbers into letters ("today3 May 2024",
# "February 5, 2026Prime", "2025г"), so a number may touch a letter; a name may not ("Marching").
_START = r"(?:(?<!\w)|(?<=[^\W\d_])(?=\d))"
_END = r"(?:(?<=\d)(?!\d)|(?<!\d)(?!\w))"


@dataclass(frozen=True)
class TimeExpression:
    """A date, weekday or relative time word found in a text, before it is placed on the calendar."""

    start: int
    end: int
    surface: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    unit: str | None = None  # relative words: day, week, month, year, month_name, month_of_year
    shift: int = 0
    hour: int | None = None
    minute: int | None = None

    @property
    def relative(self) -> bool:
        return self.unit is not None or self.weekday is not None

    @property
    def absolute(self) -> bool:
        """Placed without any reference date."""
        return not self.relative and self.year is not None

    @property
    def is_calendar_day(self) -> bool:
        """A real day of a month (29 February only in leap years, when the year is written)."""
        if self.relative or self.month is None or self.day is None:
            return False
        try:
            date(self.year or _LEAP_YEAR, self.month, self.day)
        except ValueError:
            return False
        return True

    def iso(self, default_year: int | None = None) -> str | None:
        """ISO date, or date-time when a time was written; ``None`` when the year is unknown."""
        year = self.year or default_year
        if year is None or not self.is_calendar_day:
            return None
        try:
            date(year, self.month, self.day)
        except ValueError:
            return None
        day = f"{year:04d}-{self.month:02d}-{self.day:02d}"
        if self.hour is not None and self.minute is not None:
            return f"{day}T{self.hour:02d}:{self.minute:02d}"
        return day


@dataclass(frozen=True)
class Names:
    """The month (or weekday) names of one language, as regular expressions per number."""

    full: tuple[tuple[str, ...], ...]
    abbreviated: tuple[tuple[str, ...], ...]
    inflection: str

    def pattern(self, abbreviations: bool = True) -> str:
        """One alternation of every name (longest first), then the inflection."""
        rows = [f + a for f, a in zip(self.full, self.abbreviated)] if abbreviations else self.full
        names = sorted({name for row in rows for name in row}, key=lambda n: (-len(n), n))
        return f"(?:{'|'.join(names)})(?:{self.inflection})" if names else _NEVER

    def number(self, surface: str) -> int | None:
        """1-based number of the name ``surface`` is a spelling of (the longest name wins)."""
        for name, number in _ordered_names(self):
            if name.fullmatch(surface):
                return number
        return None


@lru_cache(maxsize=None)
def _ordered_names(names: Names) -> tuple[tuple[re.Pattern[str], int], ...]:
    """Each name with its inflection, longest first, as the alternation tries them."""
    rows = [(name, number) for number, (f, a) in enumerate(zip(names.full, names.abbreviated), 1)
            for name in f + a]
    rows.sort(key=lambda row: (-len(row[0]), row[0]))
    return tuple((re.compile(f"(?:{name})(?:{names.inflection})", re.IGNORECASE), number) for name, number in rows)


@dataclass(frozen=True)
class Form:
    pattern: re.Pattern[str]
    gives_day: bool  # has a day group: may be a calendar date


@dataclass(frozen=True)
class RelativeWord:
    pattern: re.Pattern[str]
    unit: str
    shift: int


@dataclass(frozen=True)
class LanguageDates:
    """The compiled date knowledge of one language (or of ``xx``)."""

    code: str
    forms: tuple[Form, ...]
    relative: tuple[RelativeWord, ...]
    months: Names
    weekdays: Names
    weekday_words: frozenset[str]  # every weekday spelling, for lines that are only a date
    eras: dict[str, int]  # era name -> the year before its first year (令和: 2018)

    def expression(self, match: re.Match[str], text: str, *, times: bool) -> TimeExpression | None:
        """The expression a form's match spells, or ``None`` when its parts are out of range."""
        groups = match.groupdict()
        month = int(groups["m"]) if groups.get("m") else (
            self.months.number(groups["mon"]) if groups.get("mon") else None)
        day = int(groups["d"]) if groups.get("d") else None
        weekday = self.weekdays.number(groups["wd"]) if groups.get("wd") else None
        if groups.get("mon") and month is None or groups.get("wd") and weekday is None:
            return None
        if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
            return None
        year = int(groups["y"]) if groups.get("y") else None
        if groups.get("era") and groups.get("ey"):
            year = self.eras[groups["era"]] + int(groups["ey"])
        hour = int(groups["H"]) if groups.get("H") else None
        minute = int(groups["M"]) if groups.get("M") else None
        end = match.end()
        if times and hour is None and year is not None and day is not None:
            timed = TIME_GLUE.match(text, end)
            if timed:
                hour, minute, end = int(timed["H"]), int(timed["M"]), timed.end()
        return TimeExpression(match.start(), end, match.group().strip(), year, month, day,
                              weekday - 1 if weekday else None, None, 0, hour, minute)

    def relative_expression(self, word: RelativeWord, match: re.Match[str]) -> TimeExpression:
        month = self.months.number(match["mon"]) if "mon" in word.pattern.groupindex and match["mon"] else None
        return TimeExpression(match.start(), match.end(), match.group().strip(), None, month, None, None,
                              word.unit, word.shift)


def _names(generated: list[list[str]], written: list[list[str]], count: int) -> tuple[tuple[str, ...], ...]:
    rows = []
    for index in range(count):
        cldr = generated[index] if index < len(generated) else []
        hand = written[index] if index < len(written) else []
        rows.append(tuple(dict.fromkeys([re.escape(name) for name in cldr] + list(hand))))
    return tuple(rows)


@lru_cache(maxsize=None)
def language(code: str) -> LanguageDates:
    """The compiled ``lang/<code>/dates.toml`` (empty for a language without one)."""
    data = load(code, FILE)
    rules, cldr = data.get("grammar", {}), data.get("generated", {})
    inflection = rules.get("inflection", "")
    months = Names(_names(cldr.get("months", []), rules.get("months", []), 12),
                   _names(cldr.get("month_abbreviations", []), [], 12), inflection)
    weekdays = Names(_names(cldr.get("weekdays", []), rules.get("weekdays", []), 7),
                     _names(cldr.get("weekday_abbreviations", []), [], 7), inflection)
    bounded = rules.get("word_boundaries", True)

    def compile_(source: str, month: str) -> re.Pattern[str]:
        body = source.replace("{month}", month).replace("{weekday}", weekdays.pattern(abbreviations=False))
        return re.compile(f"{_START}(?:{body}){_END}" if bounded else body, re.IGNORECASE)

    # Next to a number a month abbreviation is safe ("3 Kas 2025"); alone it is a word (Turkish
    # "ara", Spanish "mar"), so relative words name months in full.
    forms = tuple(Form(compiled, "d" in compiled.groupindex)
                  for compiled in (compile_(source, months.pattern()) for source in rules.get("forms", [])))
    relative = tuple(RelativeWord(compile_(r["pattern"], months.pattern(abbreviations=False)), r["unit"],
                                  int(r.get("shift", 0))) for r in rules.get("relative", []))
    words = frozenset(name for key in ("weekdays", "weekday_abbreviations") for row in cldr.get(key, [])
                      for name in row)
    return LanguageDates(code, forms, relative, months, weekdays, words, dict(rules.get("eras", {})))


def _non_overlapping(found: list[TimeExpression]) -> list[TimeExpression]:
    """At each position the expression with a year, else the longest; then in text order."""
    found.sort(key=lambda e: (e.start, e.year is None, -(e.end - e.start)))
    kept: list[TimeExpression] = []
    for expression in found:
        if kept and expression.start < kept[-1].end:
            continue
        kept.append(expression)
    return kept


def find(text: str, codes: Sequence[str], *, relative: bool = True, times: bool = False,
         calendar_days: bool = False) -> list[TimeExpression]:
    """Time expressions of the languages ``codes`` (and the shared numeric forms) in ``text``.

    Longest first where they overlap, in text order; earlier languages win ties (12/11/2025).
    ``times`` takes a time written right after a dated day into the expression;
    ``calendar_days`` keeps real days of a month only (no weekdays, months or relative words).
    """
    found: list[TimeExpression] = []
    for code in list(dict.fromkeys(list(codes) + [COMMON])):
        rules = language(code)
        for form in rules.forms:
            if calendar_days and not form.gives_day:
                continue
            for match in form.pattern.finditer(text):
                expression = rules.expression(match, text, times=times)
                if expression and (not calendar_days or expression.is_calendar_day):
                    found.append(expression)
        if relative and not calendar_days:
            for word in rules.relative:
                found.extend(rules.relative_expression(word, match) for match in word.pattern.finditer(text))
    return _non_overlapping(found)


class DateGrammar:
    """Calendar days in any language, for publication dates and page furniture.

    Pages mix languages (a Hungarian site header above an English story), so every language's
    forms are tried; the page's own languages come first and settle ambiguous spellings.
    """

    def __init__(self) -> None:
        self.codes = tuple(c for c in languages() if c != COMMON)
        self.weekdays = frozenset(word for code in self.codes for word in language(code).weekday_words)

    def _codes(self, langs: Sequence[str] | None) -> list[str]:
        wanted = [c for c in (langs or []) if c in self.codes]
        return wanted + [c for c in self.codes if c not in wanted]

    def find(self, text: str, langs: Sequence[str] | None = None) -> list[TimeExpression]:
        """Non-overlapping calendar days in ``text`` (with a following time), in text order."""
        return find(text, self._codes(langs), relative=False, times=True, calendar_days=True)

    def match_at(self, text: str, pos: int, langs: Sequence[str] | None = None) -> TimeExpression | None:
        """The longest calendar day that starts exactly at ``pos`` (after spaces), if any."""
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        best: TimeExpression | None = None
        for code in self._codes(langs) + [COMMON]:
            rules = language(code)
            for form in rules.forms:
                match = form.pattern.match(text, pos) if form.gives_day else None
                built = rules.expression(match, text, times=True) if match else None
                if built and built.is_calendar_day and (
                        best is None or (built.year is not None, built.end) > (best.year is not None, best.end)):
                    best = built
        return best

    def is_date_line(self, line: str, max_extra_words: int) -> TimeExpression | None:
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
    """The shared, lazily built grammar of calendar days."""
    return DateGrammar()


@dataclass(frozen=True)
class DatelineShape:
    """A dateline opens a story: "PLACE, <date> (Agency) –"."""

    place: re.Pattern[str]
    after: re.Pattern[str]


@lru_cache(maxsize=1)
def dateline_shape() -> DatelineShape:
    data = load(COMMON, FILE).get("dateline", {})
    return DatelineShape(re.compile(data["place"]), re.compile(data["after"]))
