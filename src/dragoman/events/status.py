"""When an event stands to the article's news: reported (what the article reports), past (an
earlier event it recalls) or planned, from the cues in its words and from its date."""
from __future__ import annotations

from . import timex
from .lexicon import Lexicon

REPORTED, PAST, PLANNED = "reported", "past", "planned"
# Events dated this many days or more before publication are earlier events, not the news.
PAST_AFTER_DAYS = 14


def status_from_cues(text: str, lex: Lexicon) -> str:
    """Planned for a future form or invitation, past for "last year", else reported."""
    if lex.planned and lex.planned.search(text):
        return PLANNED
    if lex.past and lex.past.search(text):
        return PAST
    return REPORTED


def status_from_date(status: str, date: timex.ResolvedDate | None, reference) -> str:
    """A reported event's status corrected by its date against the publication day
    (``reference``): earlier months, years and weeks are past, later ones planned."""
    if status != REPORTED or date is None or reference is None:
        return status
    start = date.iso
    if date.precision == timex.YEAR:
        return PAST if int(start) < reference.year else (PLANNED if int(start) > reference.year else status)
    if date.precision == timex.MONTH:
        month, here = start[:7], reference.isoformat()[:7]
        return PAST if month < here else (PLANNED if month > here else status)
    day = timex.parse_reference(start)
    if day is None:
        return status
    if date.precision == timex.WEEK:
        return PAST if (reference - day).days >= 7 else (PLANNED if day > reference else status)
    if day > reference:
        return PLANNED
    if (reference - day).days >= PAST_AFTER_DAYS:
        return PAST
    return status
