"""Read-only questions to the knowledge base, as functions of typed arguments returning
dataclasses: what the CLI prints and a web API serialises. Nothing here writes or renders."""
from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from ..doc import Event, Fact
from ..entities.query import entity_named
from ..errors import InvalidArgument, NotFound, UserError
from .session import Session

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ENTITY_TYPES = ("person", "org", "country", "place", "other")
# What an events listing shows unless asked for everything: planned events are previews.
EVENT_STATUSES_SHOWN = ("reported", "past")


# ---------------------------------------------------------------------------- arguments
def date_filter(value: str | None, field_name: str) -> str | None:
    """A ``since``/``until`` value checked: a real ISO date of year, month or day precision."""
    if value is None:
        return None
    if not ISO_DATE.match(value) or not _real_date(value):
        raise InvalidArgument(field_name, f"takes a real ISO date such as 2025, 2025-04 or 2025-04-03, "
                                          f"not {value!r}")
    return value


def _real_date(value: str) -> bool:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def positive_limit(value: int, field_name: str = "limit") -> int:
    if value <= 0:
        raise InvalidArgument(field_name, f"must be a positive whole number, not {value}")
    return value


def in_date_range(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether ``date`` falls in [since, until], compared at the shorter precision (so 2025-04
    is within ``since=2025-04-03``'s month)."""
    if not since and not until:
        return True
    if not date:
        return False
    if since and date[:len(since)] < since[:len(date)]:
        return False
    if until and date[:len(until)] > until[:len(date)]:
        return False
    return True


# ---------------------------------------------------------------------------- entities
def _kb():
    try:
        from ..kb import load_kb
    except ImportError:
        return None
    return load_kb()


def find_entity(name_or_id: str):
    """The knowledge-base entity for any spelling or id, or None (or no KB installed). A name
    with a title or an apostrophe suffix on it (習近平国家主席, Erdoğan'ın) is reduced as
    recognition reduces it (:mod:`dragoman.entities.query`)."""
    kb = _kb()
    if kb is None:
        return None
    return kb.get(name_or_id) or next(iter(kb.lookup(name_or_id)), None) or entity_named(kb, name_or_id)


@dataclass
class EntityCount:
    id: str
    name: str
    type: str
    mentions: int
    articles: int


@dataclass
class EntityArticle:
    article_id: str
    lang: str | None
    title: str | None
    mentions: int


@dataclass
class EntityDetail:
    id: str
    name: str
    type: str | None
    role: str | None
    names: dict[str, list[str]]  # language -> spellings the knowledge base knows
    mentions_by_lang: dict[str, int]
    articles: list[EntityArticle]
    in_knowledge_base: bool


def list_entities(session: Session, *, lang: str | None = None, type: str | None = None,
                  limit: int = 50) -> list[EntityCount]:
    """Entities by mention count, most mentioned first."""
    if type is not None and type not in ENTITY_TYPES:
        raise InvalidArgument("type", f"must be one of {', '.join(ENTITY_TYPES)}, not {type!r}")
    rows = session.store.entity_counts(lang=lang, type=type, limit=positive_limit(limit))
    return [EntityCount(*row) for row in rows]


def entity_detail(session: Session, name_or_id: str) -> EntityDetail:
    """One entity: its names per language, mentions per language, the articles naming it."""
    entity = find_entity(name_or_id)
    entity_id = entity.id if entity else name_or_id
    rows = session.store.articles_mentioning(entity_id)
    if entity is None and not rows:
        raise NotFound(f"no entity called {name_or_id!r} in the knowledge base or the store")
    per_lang: Counter[str] = Counter()
    for _id, lang, _title, mentions in rows:
        per_lang[lang or "unknown"] += mentions
    names = getattr(entity, "names", None) or {}
    return EntityDetail(
        id=entity_id, name=entity.name if entity else name_or_id, type=entity.type if entity else None,
        role=getattr(entity, "role", None) if entity else None,
        names={lang: sorted(set(spellings)) for lang, spellings in sorted(names.items())},
        mentions_by_lang=dict(per_lang.most_common()), articles=[EntityArticle(*row) for row in rows],
        in_knowledge_base=entity is not None)


# ---------------------------------------------------------------------------- events, facts
@dataclass
class EventRow:
    event: Event
    article_id: str
    lang: str | None


@dataclass
class FactRow:
    fact: Fact
    article_id: str
    lang: str | None


def _actor_ids(actor: str | None) -> tuple[set[str], str | None]:
    if not actor:
        return set(), None
    entity = find_entity(actor)
    return ({entity.id} if entity else set()), actor.casefold()


def list_events(session: Session, *, actor: str | None = None, type: str | None = None,
                since: str | None = None, until: str | None = None, lang: str | None = None,
                include_past_and_planned: bool = False) -> list[EventRow]:
    """Political events in date order (undated last); by default only what articles report.
    An indexed query: participants, type, years, language and status are filtered in SQL."""
    since, until = date_filter(since, "since"), date_filter(until, "until")
    wanted, folded = _actor_ids(actor)
    statuses = None if include_past_and_planned else EVENT_STATUSES_SHOWN
    found = [EventRow(event, article_id, article_lang)
             for article_id, article_lang, event in session.store.find_events(
                 entity_ids=wanted, name_folded=folded, type=type, since=since, until=until, lang=lang,
                 statuses=statuses)
             if in_date_range(event.date, since, until)]
    found.sort(key=lambda row: (row.event.date or "9999", row.event.type, row.article_id))
    return found


def list_facts(session: Session, *, actor: str | None = None, lang: str | None = None) -> list[FactRow]:
    """Figures with their units, from the articles that mention ``actor`` (all, without one)."""
    wanted, _folded = _actor_ids(actor)
    article_ids = session.store.articles_naming(wanted, actor) if actor else None
    return [FactRow(fact, article_id, article_lang)
            for article_id, article_lang, fact in session.store.find_facts(article_ids=article_ids, lang=lang)]


# ---------------------------------------------------------------------------- stories, search
def list_stories(session: Session, *, since: str | None = None, actor: str | None = None):
    """Story summaries (``dragoman.stories.detail.StorySummary``), latest first."""
    return session.require_reader().stories(since=date_filter(since, "since"), actor=actor)


def story_detail(session: Session, story_id: str):
    """One story (``StoryDetail``): its articles, merged events, conflicts."""
    detail = session.require_reader().story(story_id)
    if detail is None:
        raise NotFound(f"no story {story_id!r}; `dragoman stories` lists them")
    return detail


@dataclass
class SearchResult:
    stories: list = field(default_factory=list)  # StoryHit, best first
    articles: list = field(default_factory=list)  # SearchHit, best first


def search(session: Session, query: str, *, lang: str | None = None, since: str | None = None,
           actor: str | None = None, limit: int = 20) -> SearchResult:
    """Stories and articles in any language ranked by meaning, boosted by named entities."""
    if not query.strip():
        raise InvalidArgument("query", "must not be empty: search needs a query")
    since, limit = date_filter(since, "since"), positive_limit(limit)
    reader = session.require_reader()
    return SearchResult(
        stories=reader.search_stories(query, lang=lang, since=since, actor=actor, k=limit),
        articles=reader.search(query, lang=lang, since=since, actor=actor, k=limit))


__all__ = ["EntityArticle", "EntityCount", "EntityDetail", "EventRow", "FactRow", "SearchResult",
           "UserError", "date_filter", "entity_detail", "find_entity", "in_date_range", "list_entities",
           "list_events", "list_facts", "list_stories", "positive_limit", "search", "story_detail"]
