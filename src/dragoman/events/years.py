"""Years for year-less event dates, from the other articles of a story.

An undated article that says "3 April" keeps the day and month as written
(``Event.date_text``) and a null date. Once stories link articles across outlets and languages,
a dated article of the same story supplies the year: call :func:`place_year_less_dates` after
story linking. Weekdays and relative words ("on Tuesday", "tomorrow") are left alone: they
count from the undated article's own publication day, which nothing tells us.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..doc import Article
from . import timex


def story_reference(articles: list[Article]) -> str | None:
    """The earliest publication date (else reported event date) among a story's articles."""
    dates = sorted(a.published[:10] for a in articles if a.published)
    if not dates:
        dates = sorted(e.date for a in articles for e in a.events
                       if e.status == "reported" and e.date and e.date_precision == timex.DAY)
    return dates[0] if dates else None


def place_against(article: Article, reference: str, basis: str) -> int:
    """Give ``article``'s year-less event dates the year ``reference`` (an ISO date) implies;
    ``basis`` records where that reference came from. Returns how many were placed."""
    placed = 0
    for event in article.events:
        if event.date or not event.date_text:
            continue
        expressions = timex.find(event.date_text, article.lang)
        if not expressions or expressions[0].relative or expressions[0].month is None:
            continue
        resolved = timex.resolve(expressions[0], timex.parse_reference(reference), future=event.status == "planned")
        if resolved:
            event.date, event.date_precision, event.date_basis = resolved.iso, resolved.precision, basis
            placed += 1
    return placed


def place_year_less_dates(articles: Iterable[Article]) -> int:
    """Fill the dates of events whose text gives day and month only; returns how many were placed."""
    stories: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.story:
            stories[article.story].append(article)
    placed = 0
    for members in stories.values():
        reference = story_reference(members)
        if reference is None:
            continue
        for article in members:
            if article.published:
                continue  # its own dates were resolved against its own publication date
            placed += place_against(article, reference, "story")
    return placed
