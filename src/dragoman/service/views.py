"""What a reader opens: one article whole, one story with its evidence, one entity with its
relations, and the timeline of an actor or a pair of actors.

Built from the same queries as the listings (``service/queries.py``, ``service/browse.py``);
nothing here writes or renders.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from ..doc import Article, Conflict, EntityRef, Event, Fact, Mention, Removed
from ..errors import InvalidArgument, NotFound
from ..store import browse as store_pages
from ..stories import browse as story_pages
from ..stories.detail import MergedEvent, StoryArticle, StoryConflict, StorySummary
from .browse import story_page
from .queries import EntityArticle, EventRow, _actor_ids, entity_detail, find_entity, list_events, story_detail
from .session import Session

# How many of an entity's articles, related entities and stories its page lists.
ENTITY_ARTICLES_SHOWN = 100
RELATED_SHOWN = 15
ENTITY_STORIES_SHOWN = 20
# How many actors one timeline follows together.
MAX_TIMELINE_ACTORS = 4


# ---------------------------------------------------------------------------- articles
@dataclass
class ArticleView:
    id: str
    origin: str
    input_format: str
    lang: str | None
    published: str | None
    title: str | None
    source: str | None
    author: str | None
    section: str | None
    rewrite: bool
    rewrite_reasons: list[str]
    text: str
    removed: list[Removed]  # site furniture taken off the text, each with why
    mentions: list[Mention]  # offsets into ``text``
    title_mentions: list[Mention]  # offsets into ``title``
    entities: list[EntityRef]
    events: list[Event]
    facts: list[Fact]
    story: str | None
    duplicate_of: str | None  # the original this article copies or translates
    duplicates: list[str]  # the articles that copy or translate this one
    conflicts: list[Conflict]


def _article(session: Session, article_id: str) -> Article:
    article = session.store.get_article(article_id)
    if article is None:
        raise NotFound(f"no article {article_id!r}; the articles listing gives the ids")
    return article


def article_detail(session: Session, article_id: str) -> ArticleView:
    """One article: its cleaned text, entity mentions with offsets, events, facts, its story,
    its copies and the original it copies, and where other articles of its story disagree."""
    article = _article(session, article_id)
    reader = session.reader()
    duplicates: list[str] = []
    if reader is not None:
        article = reader.annotate(article)
        duplicates = story_pages.copies_of(reader, article.id)
    return ArticleView(
        id=article.id, origin=article.origin, input_format=article.input_format, lang=article.lang,
        published=article.published, title=article.title, source=article.source, author=article.author,
        section=article.section, rewrite=article.rewrite, rewrite_reasons=list(article.rewrite_reasons),
        text=article.text, removed=list(article.removed), mentions=list(article.mentions),
        title_mentions=list(article.title_mentions), entities=list(article.entities), events=list(article.events),
        facts=list(article.facts), story=article.story, duplicate_of=article.duplicate_of, duplicates=duplicates,
        conflicts=list(article.conflicts))


# ---------------------------------------------------------------------------- stories
@dataclass
class EvidenceRef:
    """A sentence of one article that reports a merged event."""

    article_id: str
    lang: str | None
    text: str
    start: int
    end: int


@dataclass
class StoryEvent(MergedEvent):
    evidence: list[EvidenceRef] = field(default_factory=list)


@dataclass
class StoryView:
    id: str
    title: str
    first_date: str | None
    last_date: str | None
    langs: list[str]
    participants: list[str]
    articles_by_lang: dict[str, list[StoryArticle]]
    events: list[StoryEvent]
    conflicts: list[StoryConflict]
    timeline: list[StoryEvent]  # the dated events, earliest first


@dataclass
class StoryReading:
    """A story with the articles themselves, for reading them side by side."""

    story: StoryView
    articles: dict[str, ArticleView]


def _reports(merged: MergedEvent, event: Event) -> bool:
    """Whether an article's own event is one the story merged (the merged record lists every
    type, participant and status its sources gave)."""
    if event.type not in merged.types or event.status != merged.status:
        return False
    if not event.participant_ids or not merged.participant_ids:
        return not event.participant_ids and not merged.participant_ids
    return bool(set(event.participant_ids) & set(merged.participant_ids))


def _story_events(merged_events: list[MergedEvent], articles: dict[str, ArticleView]) -> list[StoryEvent]:
    out = [StoryEvent(**asdict(merged)) for merged in merged_events]
    for record in out:
        record.evidence = []
    for article_id, view in articles.items():
        for event in view.events:
            target = next((r for r in out if article_id in r.articles and _reports(r, event)), None)
            if target is None:
                continue
            target.evidence.extend(EvidenceRef(article_id, view.lang, ev.text, ev.start, ev.end)
                                   for ev in event.evidence)
    return out


def story_reading(session: Session, story_id: str) -> StoryReading:
    detail = story_detail(session, story_id)
    articles = {member.id: article_detail(session, member.id) for member in detail.articles
                if session.store.origin_of(member.id) is not None}
    by_lang: dict[str, list[StoryArticle]] = {}
    for member in detail.articles:
        by_lang.setdefault(member.lang or "", []).append(member)
    events = _story_events(detail.events, articles)
    timeline = sorted((e for e in events if e.date), key=lambda e: (e.date, e.type))
    view = StoryView(id=detail.id, title=detail.title, first_date=detail.first_date, last_date=detail.last_date,
                     langs=detail.langs, participants=detail.participants, articles_by_lang=by_lang,
                     events=events, conflicts=detail.conflicts, timeline=timeline)
    return StoryReading(view, articles)


def story_view(session: Session, story_id: str) -> StoryView:
    """One story: its articles by language, merged events with their evidence sentences, the
    conflicts between its sources, and a timeline."""
    return story_reading(session, story_id).story


# ---------------------------------------------------------------------------- timelines
@dataclass
class ActorRef:
    query: str  # as asked
    id: str | None  # the knowledge base's id, when it knows the actor
    name: str


@dataclass
class MonthCount:
    month: str  # YYYY-MM
    events: int


@dataclass
class Timeline:
    actors: list[ActorRef]
    since: str | None
    until: str | None
    events: list[EventRow]  # involving every actor, in date order
    months: list[MonthCount]  # every month from the first event's to the last one's
    undated: int  # events without a month


def _months(events: list[EventRow]) -> tuple[list[MonthCount], int]:
    counts = Counter(row.event.date[:7] for row in events if row.event.date and len(row.event.date) >= 7)
    undated = len(events) - sum(counts.values())
    if not counts:
        return [], undated
    year, month = map(int, min(counts).split("-"))
    last = max(counts)
    out = []
    while True:
        key = f"{year:04d}-{month:02d}"
        out.append(MonthCount(key, counts.get(key, 0)))
        if key >= last:
            return out, undated
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _involves(row: EventRow, ids: set[str], folded: str | None) -> bool:
    return bool(ids & set(row.event.participant_ids)) or folded in {p.casefold() for p in row.event.participants}


def timeline(session: Session, actors: Sequence[str], *, since: str | None = None, until: str | None = None,
             lang: str | None = None, include_past_and_planned: bool = False) -> Timeline:
    """The events of an actor, or of several together ("Tokayev and Putin, 2024-2025"), with
    counts per month."""
    actors = [a.strip() for a in actors if a and a.strip()]
    if not actors:
        raise InvalidArgument("actor", "needs at least one name or id")
    if len(actors) > MAX_TIMELINE_ACTORS:
        raise InvalidArgument("actor", f"takes at most {MAX_TIMELINE_ACTORS} actors, not {len(actors)}")
    rows = list_events(session, actor=actors[0], since=since, until=until, lang=lang,
                       include_past_and_planned=include_past_and_planned)
    for other in actors[1:]:
        ids, folded = _actor_ids(other)
        rows = [row for row in rows if _involves(row, ids, folded)]
    refs = []
    for actor in actors:
        entity = find_entity(actor)
        refs.append(ActorRef(actor, entity.id if entity else None, entity.name if entity else actor))
    months, undated = _months(rows)
    return Timeline(refs, since, until, rows, months, undated)


# ---------------------------------------------------------------------------- entities
@dataclass
class RelatedEntity:
    id: str
    name: str
    type: str
    articles: int  # articles naming both
    mentions: int  # this entity's mentions in them


@dataclass
class EntityProfile:
    id: str
    name: str
    type: str | None
    role: str | None
    in_knowledge_base: bool
    names: dict[str, list[str]]  # language -> spellings the knowledge base knows
    written: dict[str, list[str]]  # article language -> how the stored articles write it
    mentions_by_lang: dict[str, int]
    n_articles: int
    articles: list[EntityArticle]  # the most mentioning first, at most ENTITY_ARTICLES_SHOWN
    related: list[RelatedEntity]  # named in the most articles beside it
    stories: list[StorySummary]  # latest first
    timeline: Timeline


def entity_profile(session: Session, name_or_id: str) -> EntityProfile:
    """One entity: names in every language and script, mentions, the entities it appears with
    most, its stories and the timeline of its events."""
    detail = entity_detail(session, name_or_id)
    related = [RelatedEntity(r.id, r.name, r.type, r.articles, r.mentions)
               for r in store_pages.co_mentioned(session.store, detail.id, limit=RELATED_SHOWN)]
    written = {lang: sorted(surfaces) for lang, surfaces in sorted(store_pages.surfaces_of(session.store, detail.id).items())}
    has_stories = session.reader() is not None
    stories = story_page(session, actor=detail.id, limit=ENTITY_STORIES_SHOWN).items if has_stories else []
    return EntityProfile(
        id=detail.id, name=detail.name, type=detail.type, role=detail.role, in_knowledge_base=detail.in_knowledge_base,
        names=detail.names, written=written, mentions_by_lang=detail.mentions_by_lang,
        n_articles=len(detail.articles), articles=detail.articles[:ENTITY_ARTICLES_SHOWN], related=related,
        stories=stories, timeline=timeline(session, [detail.id if detail.in_knowledge_base else detail.name]))


__all__ = ["ActorRef", "ArticleView", "EntityProfile", "EvidenceRef", "MonthCount", "RelatedEntity",
           "StoryEvent", "StoryReading", "StoryView", "Timeline", "article_detail", "entity_profile",
           "story_reading", "story_view", "timeline"]
