"""Places and dates an event takes from the other reports of its story.

A short report often names the visit and the visitors but not the city ("arrived on a state
visit"), or gives no date because the page carries none. Other articles of the same story,
in any language, state them. Once stories are linked, :func:`fill_from_story` gives such an
event the place and the date that the story's other reports of the same event state: the same
event family, at least one shared participant (two when both sides name two or more).

Only what a member states counts (a place or date it took from its own story mates or from
its publication day does not), and only a clear majority of the members that state one: a
story whose members disagree on the city is a conflict to show, not one to settle here. What is
filled is marked (``place_basis`` / ``date_basis`` = ``"story_event"``), so a reader tells a stated
place from an inferred one and conflicts never compare an inferred value.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..doc import Article, Event
from .lexicon import family
from .status import REPORTED

# Basis of a place or date taken whole from the story (a year-less date placed by the story is
# "story": its day and month are the text's own).
STORY_BASIS = "story_event"
# Event types that take neither place nor date from other reports: what someone said is not
# the meeting it was said at.
NOT_FILLED = frozenset({"statement"})


def _same_event(event: Event, other: Event) -> bool:
    if family(event.type) != family(other.type):
        return False
    shared = set(event.participant_ids) & set(other.participant_ids)
    return bool(shared) and len(shared) >= min(2, len(event.participant_ids), len(other.participant_ids))


def _majority(votes: Counter):
    """The value most members state, when no other is stated as often; else ``None``."""
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def fill_event(event: Event, article_id: str, members: list[Article]) -> bool:
    """Give ``event`` (of article ``article_id``) the place and date its story mates state for
    the same event; returns whether anything changed."""
    if event.status != REPORTED or event.type in NOT_FILLED:
        return False
    places: Counter = Counter()
    dates: Counter = Counter()
    for member in members:
        if member.id == article_id:
            continue
        stated_places, stated_dates = set(), set()
        for other in member.events:
            if other.status != REPORTED or not _same_event(event, other):
                continue
            if other.place and other.place_basis is None:
                stated_places.add((other.place, other.place_id))
            if other.date and other.date_basis is None:
                stated_dates.add((other.date, other.date_precision))
        places.update(stated_places)  # one vote a member, whatever it repeats
        dates.update(stated_dates)
    changed = False
    if event.place is None and (place := _majority(places)) is not None:
        event.place, event.place_id = place
        event.place_basis = STORY_BASIS
        changed = True
    if event.date is None and not event.date_text and (date := _majority(dates)) is not None:
        event.date, event.date_precision = date
        event.date_basis = STORY_BASIS
        changed = True
    return changed


def fill_from_story(articles: Iterable[Article]) -> list[Article]:
    """Fill the events of every article that has a story from its story mates (``articles``
    carry ``story``); returns the articles changed."""
    stories: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.story:
            stories[article.story].append(article)
    changed = []
    for members in stories.values():
        if len(members) < 2:
            continue
        for article in members:
            # One pass over the events as they were: a value filled here never votes below.
            if any([fill_event(e, article.id, members) for e in article.events]):
                changed.append(article)
    return changed
