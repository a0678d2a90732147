"""What a reader sees of a story: summaries, articles side by side, merged events, a title.

Merged events: every article's event is matched to the events already merged from earlier
articles with the same rule conflicts use (:func:`~dragoman.stories.conflicts.same_event`: same
family and status, shared participants), so one real event is one record listing every article
and language that reports it. Places or dates that disagree do not split an event: that
disagreement is a conflict, reported beside it; the record keeps what most sources say.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .conflicts import same_event
from .profile import ArticleProfile, EventSketch


@dataclass
class StorySummary:
    id: str
    title: str
    first_date: str | None
    last_date: str | None
    n_articles: int
    langs: list[str]
    participants: list[str]  # canonical names of the key participants


@dataclass
class StoryArticle:
    id: str
    lang: str | None
    title: str | None
    published: str | None
    duplicate_of: str | None


@dataclass
class MergedEvent:
    """One real-world event as reported by one or more articles of a story."""

    type: str
    participants: list[str]
    participant_ids: list[str]
    place: str | None
    date: str | None
    status: str
    articles: list[str] = field(default_factory=list)
    langs: list[str] = field(default_factory=list)
    types: dict[str, int] = field(default_factory=dict)  # how the sources typed it
    places: dict[str, int] = field(default_factory=dict)  # what places the sources gave
    dates: dict[str, int] = field(default_factory=dict)  # what dates the sources gave


@dataclass
class StoryConflict:
    article: str
    other: str
    field: str
    value: Any
    other_value: Any
    event_type: str | None = None


@dataclass
class StoryDetail:
    id: str
    title: str
    first_date: str | None
    last_date: str | None
    articles: list[StoryArticle]
    events: list[MergedEvent]
    conflicts: list[StoryConflict]
    participants: list[str]
    langs: list[str]


_VERBS = {
    "meeting": "{a} meets {b}", "visit": "{a} visits {place_or_b}", "phone_call": "{a} and {b} speak by phone",
    "summit": "Summit of {all}", "agreement": "{a} and {b} sign agreements",
    "negotiation": "{a} and {b} hold negotiations", "award": "{a} awards {b}",
    "statement": "Statement by {a}",
}


# Which of an article's main events names a story best: the visit or meeting over the signing
# that followed it.
TITLE_FAMILY_ORDER = ("consult", "summit", "phone", "agree", "negotiate", "award", "statement")


def built_title(profile: ArticleProfile) -> str:
    """A plain English title from an article's main event: "Tokayev meets Putin in Moscow"."""
    events = profile.main_events or profile.events
    if not events:
        names = [profile.names.get(k, k) for k in profile.key_ids]
        return " and ".join(names[:2]) if names else (profile.title or profile.id)
    rank = {name: i for i, name in enumerate(TITLE_FAMILY_ORDER)}
    event = min(events, key=lambda e: rank.get(e.family, len(rank)))
    pairs = list(zip(event.participant_ids, event.participants))
    # People first: "Tokayev meets Putin", not "Tokayev, Putin and the Kremlin".
    people = [name for pid, name in pairs if pid in profile.key_ids and name] or [name for _, name in pairs if name]
    a = people[0] if people else "Leaders"
    b = " and ".join(people[1:3]) if len(people) > 1 else "counterparts"
    template = _VERBS.get(event.type, "{a} and {b}: " + event.type.replace("_", " "))
    title = template.format(a=a, b=b, all=", ".join(people[:4]) or "leaders",
                            place_or_b=event.place or b)
    if event.place and event.type != "visit":
        title += f" in {event.place}"
    if profile.mode == "planned":
        title = f"Planned: {title}"
    return title


def merge_events(profiles: list[tuple[ArticleProfile, str | None]]) -> list[MergedEvent]:
    """Merge the events of a story's articles (``(profile, lang)`` in link order)."""
    merged: list[tuple[EventSketch, MergedEvent]] = []
    for profile, lang in profiles:
        for event in profile.events:
            target = None
            for sketch, record in merged:
                if same_event(event, sketch):
                    target = record
                    break
            if target is None:
                target = MergedEvent(type=event.type, participants=list(event.participants),
                                     participant_ids=list(event.participant_ids), place=event.place,
                                     date=event.date, status=event.status)
                merged.append((event, target))
            if profile.id not in target.articles:
                target.articles.append(profile.id)
            if lang and lang not in target.langs:
                target.langs.append(lang)
            target.types[event.type] = target.types.get(event.type, 0) + 1
            if event.place:
                target.places[event.place] = target.places.get(event.place, 0) + 1
            for pid, name in zip(event.participant_ids, event.participants):
                if pid not in target.participant_ids:
                    target.participant_ids.append(pid)
                    target.participants.append(name)
            if event.date:
                target.dates[event.date] = target.dates.get(event.date, 0) + 1
    for _, record in merged:
        record.type = Counter(record.types).most_common(1)[0][0]
        if record.places:
            record.place = Counter(record.places).most_common(1)[0][0]
        if record.dates:
            # What most sources say; among equals the most precise (2025-04-03 over 2025-04).
            record.date = max(record.dates, key=lambda d: (record.dates[d], len(d)))
    return [record for _, record in merged]
