"""The publication date: from reader hints, header and metadata lines, labels, datelines and
date lines at the top of the text.

Never from the story's narrative ("talks held on 3 April" is not a publication date) and
never the time of ingestion: ``None`` when the article does not say.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..clean.furniture import UPDATED_REASON
from ..clean.patterns import furniture_patterns
from ..doc import Removed
from ..lang.dates import TimeExpression, dateline_shape, grammar

# Labelled dates ("Published: 3 April 2025") are looked for in this many lines at each end.
LABEL_SCAN_LINES = 3
# Datelines ("ASTANA, 3 April 2025 (Kazinform) –") open one of the first paragraphs.
DATELINE_SCAN_PARAGRAPHS = 2
# Labelled-date lines are short; longer lines are prose.
LABEL_LINE_MAX_CHARS = 120
# A page's own date on a line of its own ("Politics 02.11.2023, 21:29") sits among the first
# lines when the clean step did not take it for header furniture; besides the date (and weekday
# names) such a line holds a label or section name of at most this many words.
TOP_DATE_LINES = 6
TOP_DATE_EXTRA_WORDS = 2

_ISO = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?")
# A metadata line may give the month only ("date 2024-09"): the date at the precision written.
_ISO_MONTH = re.compile(r"(?<![\d-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?![\d-])")


def hint_year(hint: str | None) -> int | None:
    match = _ISO.match(hint or "")
    return int(match["y"]) if match else None


def _is_full_date(hint: str | None) -> bool:
    match = _ISO.match(hint or "")
    return bool(match and match["d"])


def find_dateline(paragraph: str, langs: Sequence[str] | None) -> TimeExpression | None:
    """The date of a dateline opening ``paragraph``: place, comma, date, agency tag, dash or period."""
    patterns = dateline_shape()
    place = patterns.place.match(paragraph)
    if not place:
        return None
    found = grammar().match_at(paragraph, place.end(), langs)
    if found and patterns.after.match(paragraph, found.end):
        return found
    return None


def update_date(removed: Sequence[Removed], langs: Sequence[str] | None) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of a dated "Updated: ..." line of the header, which gives the
    year of a yearless dateline."""
    for line in removed:
        if line.reason == UPDATED_REASON:
            for found in grammar().find(line.text, langs):
                if found.year:
                    return found.year, found.month, found.day
    return None


def _year_before(found: TimeExpression, later: tuple[int, int, int]) -> int:
    """The year of a yearless ``found`` written on or before the date ``later`` (a year back
    when its month and day come after ``later``'s: "31 December" updated on 2 January)."""
    year, month, day = later
    return year - 1 if (found.month, found.day) > (month, day) else year


def find_published(hint: str | None, text: str, header_lines: Sequence[str] = (),
                   lang_code: str | None = None, removed: Sequence[Removed] = ()) -> str | None:
    """ISO date or date-time of publication, or ``None`` when the article does not say.

    A date without a year takes it from the hint or from a dated update line in the header,
    never from the calendar.
    """
    if _is_full_date(hint):
        return hint
    langs = [lang_code] if lang_code else None
    if hint and not _ISO.match(hint):
        # A hint the reader did not normalise ("Tue, 12 Nov 2025 10:00:00 GMT").
        written = grammar().find(hint, langs)
        if written and written[0].iso():
            return written[0].iso()
    year = hint_year(hint)
    candidates: list[TimeExpression] = []
    for line in header_lines:
        candidates.extend(grammar().find(line, langs)[:1])
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    label = furniture_patterns().published_label
    for line in lines[:LABEL_SCAN_LINES] + lines[-LABEL_SCAN_LINES:]:
        match = label.match(line)
        if match and len(line) <= LABEL_LINE_MAX_CHARS:
            candidates.extend(grammar().find(match["rest"], langs)[:1])
    for paragraph in lines[:DATELINE_SCAN_PARAGRAPHS]:
        found = find_dateline(paragraph, langs)
        if found:
            candidates.append(found)
    for line in lines[:TOP_DATE_LINES]:
        if len(line) <= LABEL_LINE_MAX_CHARS and (found := grammar().is_date_line(line, TOP_DATE_EXTRA_WORDS)):
            candidates.append(found)
    updated = update_date(removed, langs) if year is None else None
    for found in candidates:
        iso = found.iso(year if updated is None or found.year else _year_before(found, updated))
        if iso:
            return iso
    for line in header_lines:
        month = _ISO_MONTH.search(line)
        if month and month.group().startswith(hint or ""):
            return month.group()
    return hint
