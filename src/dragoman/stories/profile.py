"""What linking needs from one article, in language-independent form.

An :class:`ArticleProfile` is built once from an :class:`~dragoman.doc.Article` (after the
entities, events and facts stages) and stored as JSON in ``link_articles.profile``. Every later
decision (story membership, duplicate confirmation, conflicts, merged events) reads profiles,
never article text, so the signals are ids, dates and numbers that mean the same in every
language.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..doc import Article, Event
from ..events.from_story import STORY_BASIS
from ..events.lexicon import family
from ..kb.normalize import strip_marks
from ..lang.sentences import sentences as split_sentences

# Statuses an article can be "about": a preview is about planned events, a report about
# reported ones. Past events are background and never define what the article is about.
REPORTED, PLANNED = "reported", "planned"

# How many of the most-mentioned persons stand in for participants when no event was found.
FALLBACK_KEY_PERSONS = 3
# Bodies shorter than this many characters have no layout worth comparing (a feed summary, a
# test stub): their structure is left empty and copy decisions do not use it.
MIN_STRUCTURE_CHARS = 200
# Sources of an event date that are not the article's own statement: the extractor fell back to
# the publication date ("published"), or a corpus pass took it from the story's other reports
# of the event ("story_event"). Such a date places the article in time but cannot contradict
# another source.
INFERRED_DATE_BASES = frozenset({"published", "publication", STORY_BASIS})

_NUMBER = re.compile(r"\d+")
# Opening quotation marks of the major typographic conventions (« », „ “, “ ”, " ").
_QUOTE_MARKS = re.compile(r"[«„“”\"]")


def norm_name(name: str | None) -> str:
    """Case-, accent- and punctuation-blind form of a name: the scorer's ``norm``
    (``shared/eval/score.py``), so names compare here as they are scored.

    It is :func:`~dragoman.kb.normalize.strip_marks` plus lower case and punctuation collapsed,
    not :func:`~dragoman.kb.normalize.fold`: the scorer maps no letters (ł, қ stay) and takes
    й apart like any accented letter, which fold does not.
    """
    if not name:
        return ""
    return " ".join(re.sub(r"[\W_]+", " ", strip_marks(str(name)).lower()).split())


def day_number(iso: str | None) -> int | None:
    """Ordinal day of an ISO date with day precision, else ``None``."""
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def day_span(iso: str | None) -> tuple[int, int] | None:
    """First and last ordinal day an ISO date of any precision covers (``2024-09`` is the whole
    of September 2024, ``2024`` the year), else ``None``."""
    if not iso:
        return None
    try:
        if len(iso) >= 10:
            day = date.fromisoformat(iso[:10]).toordinal()
            return day, day
        if len(iso) == 7:
            year, month = int(iso[:4]), int(iso[5:7])
            first = date(year, month, 1)
            following = date(year + month // 12, month % 12 + 1, 1)
            return first.toordinal(), following.toordinal() - 1
        if len(iso) == 4:
            year = int(iso)
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    except ValueError:
        return None
    return None


def dates_agree(a: str | None, b: str | None, tolerance_days: int = 0) -> bool | None:
    """Whether two ISO dates (possibly truncated: ``2025-04``) agree at their common precision.

    ``None`` when either is unknown. A date given only to the month agrees with every day of
    that month: a difference of precision is not a disagreement.
    """
    if not a or not b:
        return None
    a, b = a[:10], b[:10]
    da, db = day_number(a), day_number(b)
    if da is not None and db is not None:
        return abs(da - db) <= tolerance_days
    common = min(len(a), len(b))
    return a[:common] == b[:common]


@dataclass
class EventSketch:
    """An event reduced to what linking compares."""

    type: str
    participant_ids: list[str]
    participants: list[str]
    place_id: str | None = None
    place: str | None = None
    date: str | None = None
    status: str = REPORTED
    visit_kind: str | None = None
    date_stated: bool = True  # False when the date is the publication date, not the text's

    @property
    def family(self) -> str:
        return family(self.type)


@dataclass
class FactSketch:
    value: float
    unit: str
    what: str = ""
    year: int | None = None
    qualifier: str | None = None


@dataclass
class TextStructure:
    """The layout of a body, which a translation keeps and an independent report does not.

    Counts and the order of figures are language-independent: a sentence-for-sentence
    translation has the same paragraphs with the same relative lengths, about as many
    sentences and quotes, and the same digits in the same order.
    """

    chars: int = 0
    paragraphs: list[float] = field(default_factory=list)  # each paragraph's share of the text
    sentences: int = 0
    quotes: int = 0
    numbers: list[str] = field(default_factory=list)  # digit groups in reading order

    @property
    def known(self) -> bool:
        return self.chars >= MIN_STRUCTURE_CHARS


def text_structure(text: str | None) -> TextStructure:
    """Structure of a clean body: paragraphs are non-empty lines (HTML bodies use single breaks)."""
    text = (text or "").strip()
    if len(text) < MIN_STRUCTURE_CHARS:
        return TextStructure(chars=len(text))
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    total = sum(len(p) for p in paragraphs) or 1
    sentences = sum(len(split_sentences(p)) for p in paragraphs)
    return TextStructure(chars=len(text), paragraphs=[round(len(p) / total, 4) for p in paragraphs],
                         sentences=sentences, quotes=len(_QUOTE_MARKS.findall(text)) // 2,
                         numbers=_NUMBER.findall(text))


@dataclass
class ArticleProfile:
    """The language-independent summary of one article used by linking."""

    id: str
    lang: str | None = None
    title: str | None = None
    published: str | None = None
    mode: str = REPORTED  # reported, or planned for a preview
    key_ids: list[str] = field(default_factory=list)  # who the article is about
    anchor: str | None = None  # ISO date of what the article is about (or publication)
    places: list[str] = field(default_factory=list)  # place ids (or normalised names) of main events
    entity_ids: list[str] = field(default_factory=list)
    person_mentions: dict[str, int] = field(default_factory=dict)  # person id -> mentions
    names: dict[str, str] = field(default_factory=dict)  # entity id -> canonical name
    events: list[EventSketch] = field(default_factory=list)
    facts: list[FactSketch] = field(default_factory=list)
    structure: TextStructure = field(default_factory=TextStructure)

    @property
    def anchor_day(self) -> int | None:
        return day_number(self.anchor)

    def salience(self, ids) -> float:
        """Share of this article's person mentions that go to ``ids`` (1.0 when unknown)."""
        total = sum(self.person_mentions.values())
        if not total:
            return 1.0
        return sum(self.person_mentions.get(i, 0) for i in ids) / total

    @property
    def main_events(self) -> list[EventSketch]:
        return [e for e in self.events if e.status == self.mode]

    def to_json(self) -> str:
        # Shallow field copies instead of dataclasses.asdict: this runs once per linked article.
        data = {**self.__dict__, "events": [e.__dict__ for e in self.events],
                "facts": [f.__dict__ for f in self.facts], "structure": self.structure.__dict__}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "ArticleProfile":
        data = json.loads(text)
        data["events"] = [EventSketch(**e) for e in data.get("events") or []]
        data["facts"] = [FactSketch(**f) for f in data.get("facts") or []]
        data["structure"] = TextStructure(**(data.get("structure") or {}))
        return cls(**data)


def _status(event: Event) -> str:
    status = (event.status or REPORTED).lower()
    return status if status in (REPORTED, PLANNED, "past") else REPORTED


def _sketch(event: Event) -> EventSketch:
    ids = list(event.participant_ids or [])
    names = list(event.participants or [])
    if not ids:  # upstream gave names only: their normalised form is the best identity we have
        ids = [norm_name(n) for n in names if n]
    # A place or date taken from story mates is theirs, not this article's: linking and conflicts
    # compare what each article says, and relinking never sees the story's own values come back.
    place = event.place if not event.place_basis else None
    stated_date = event.date if event.date_basis != STORY_BASIS else None
    place_id = (event.place_id or (norm_name(place) if place else None)) if place else None
    return EventSketch(type=event.type, participant_ids=ids, participants=names, place_id=place_id,
                       place=place, date=stated_date, status=_status(event),
                       visit_kind=event.visit_kind,
                       date_stated=(event.date_basis or "") not in INFERRED_DATE_BASES)


def build_profile(article: Article) -> ArticleProfile:
    """Reduce an article to its linking profile."""
    types = {e.id: e.type for e in article.entities}
    names = {e.id: e.name for e in article.entities}
    events = [_sketch(e) for e in article.events]
    reported = [e for e in events if e.status == REPORTED]
    planned = [e for e in events if e.status == PLANNED]
    # A preview is an article whose only current events are still to come.
    mode = REPORTED if reported or not planned else PLANNED
    main = reported if mode == REPORTED else planned
    for event in main:
        for pid, pname in zip(event.participant_ids, event.participants):
            names.setdefault(pid, pname)

    # Persons define who a story is about; countries and organisations only when an event
    # names no person (a summit of states), because "Kazakhstan" and "EU" recur across
    # unrelated meetings.
    persons = [pid for e in main for pid in e.participant_ids if types.get(pid, "person") == "person"]
    key_ids = list(dict.fromkeys(persons or [pid for e in main for pid in e.participant_ids]))
    if not key_ids:
        ranked = sorted((e for e in article.entities if e.type == "person"), key=lambda e: -e.mentions)
        key_ids = [e.id for e in ranked[:FALLBACK_KEY_PERSONS]]

    anchor = _main_day(main, article.published) or (article.published[:10] if article.published else None)
    if anchor is None:  # a month-precision event date still places the article in time
        anchor = next((e.date for e in main if e.date), None)
    places = list(dict.fromkeys(e.place_id for e in main if e.place_id))
    facts = [FactSketch(value=float(f.value), unit=f.unit, what=f.what or "", year=f.year,
                        qualifier=f.qualifier) for f in article.facts if f.value is not None]
    return ArticleProfile(
        id=article.id, lang=article.lang, title=article.title, published=article.published,
        mode=mode, key_ids=key_ids, anchor=anchor, places=places,
        entity_ids=list(dict.fromkeys(e.id for e in article.entities)), names=names,
        person_mentions={e.id: max(e.mentions, 1) for e in article.entities if e.type == "person"},
        events=events, facts=facts, structure=text_structure(article.text or article.raw_text))


def _main_day(main: list[EventSketch], published: str | None) -> str | None:
    """The day the article is mostly about: the day most of its main events fall on.

    Not the earliest: a report of a state visit also mentions a meeting days before, and that
    side event must not move the article out of the visit's story. Ties go to the latest day not
    after publication (news reports what just happened).
    """
    days = Counter(e.date[:10] for e in main if e.date and day_number(e.date) is not None)
    if not days:
        return None
    published_day = day_number(published)

    def rank(day: str) -> tuple:
        number = day_number(day)
        after = published_day is not None and number > published_day
        return (days[day], not after, number)

    return max(days, key=rank)
