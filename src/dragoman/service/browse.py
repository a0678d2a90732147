"""Listings a front end pages through: articles, entities, events, facts, stories, search hits.

Each function checks its arguments (an :class:`~dragoman.errors.InvalidArgument` names the bad
one), asks the store or the link tables for one page by keyset (``store/browse.py``,
``stories/browse.py``) and returns a page dataclass: its rows and the cursor of the next page, or
None on the last. The filters mean what the unpaged queries of :mod:`dragoman.service.queries`
mean, and the rows are the same dataclasses.
"""
from __future__ import annotations

import bisect
import threading
import time
import weakref
from dataclasses import dataclass, field

from ..errors import InvalidArgument
from ..events.lexicon import EVENT_TYPES
from ..store import browse as store_pages
from ..store.browse import ArticleListRow
from ..stories import browse as story_pages
from ..stories.detail import StorySummary
from ..stories import SearchHit, StoryHit
from .paging import DEFAULT_PAGE, decode_cursor, encode_cursor, lang_code, next_cursor, page_limit
from .queries import (ENTITY_TYPES, EVENT_STATUSES_SHOWN, EntityCount, EventRow, FactRow, _actor_ids,
                      date_filter, find_entity, search)
from .session import Session

# Deepest a search can be paged: ranking re-runs for every page, so it is bounded.
MAX_SEARCH_RESULTS = 1000


@dataclass
class ArticlePage:
    items: list[ArticleListRow]
    next_cursor: str | None = None


@dataclass
class EntityPage:
    items: list[EntityCount]
    next_cursor: str | None = None


@dataclass
class EventPage:
    items: list[EventRow]
    next_cursor: str | None = None


@dataclass
class FactPage:
    items: list[FactRow]
    next_cursor: str | None = None


@dataclass
class StoryPage:
    items: list[StorySummary]
    next_cursor: str | None = None


@dataclass
class SearchPage:
    query: str
    articles: list[SearchHit] = field(default_factory=list)  # best first
    stories: list[StoryHit] = field(default_factory=list)  # best first (on the first page only)
    next_cursor: str | None = None


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _story_actor(actor: str | None) -> str | None:
    """An actor for the story index: the knowledge base's id for any spelling it knows
    (``Путин`` -> ``Q7747``), else the name as given."""
    actor = _text(actor)
    entity = find_entity(actor) if actor else None
    return entity.id if entity is not None else actor


def article_page(session: Session, *, lang: str | None = None, source: str | None = None,
                 since: str | None = None, until: str | None = None, q: str | None = None,
                 cursor: str | None = None, limit: int = DEFAULT_PAGE) -> ArticlePage:
    """Articles, latest published first; ``q`` keeps those whose title has every word of it."""
    limit = page_limit(limit)
    rows = store_pages.article_rows(
        session.store, lang=lang_code(lang), source=_text(source), since=date_filter(since, "since"),
        until=date_filter(until, "until"), q=_text(q), after=decode_cursor(cursor, (str, str)), limit=limit)
    items, after = next_cursor(rows, limit, store_pages.article_key)
    return ArticlePage(items, after)


# Entity totals are one aggregate over every (article, entity) row, too slow to run per page of a
# large store: it is kept per store, and run again when the store holds another number of
# articles, or when it is older than this (an article rewritten in place changes no count).
ENTITY_TOTALS_SECONDS = 60.0
_entity_totals: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_entity_totals_lock = threading.Lock()


def _entity_parts(session: Session) -> list[store_pages.EntityPart]:
    store = session.store
    token = store.count_articles()
    with _entity_totals_lock:
        cached = _entity_totals.get(store)
        if cached is None or cached[0] != token or time.monotonic() - cached[1] > ENTITY_TOTALS_SECONDS:
            cached = _entity_totals[store] = (token, time.monotonic(), store_pages.entity_parts(store))
    return cached[2]


def _entity_counts(parts, *, lang: str | None, type: str | None, q: str | None) -> list[EntityCount]:
    """What ``Store.entity_counts`` gives (most mentioned first; name and type the least of those
    given), summed from the parts; ``q`` keeps the names containing it, in any case."""
    folded = q.casefold() if q else None
    totals: dict[str, list] = {}
    for part in parts:
        if (lang and part.lang != lang) or (type and part.type != type) or (folded and folded not in part.name.casefold()):
            continue
        entry = totals.get(part.id)
        if entry is None:
            totals[part.id] = [part.name, part.type, part.mentions, part.articles]
        else:
            entry[0], entry[1] = min(entry[0], part.name), min(entry[1], part.type)
            entry[2] += part.mentions
            entry[3] += part.articles
    counts = [EntityCount(eid, name, kind, mentions, n) for eid, (name, kind, mentions, n) in totals.items()]
    counts.sort(key=lambda e: (-e.mentions, e.id))
    return counts


def entity_page(session: Session, *, type: str | None = None, lang: str | None = None, q: str | None = None,
                cursor: str | None = None, limit: int = DEFAULT_PAGE) -> EntityPage:
    """Entities by mention count; ``q`` keeps those whose name contains it."""
    if type is not None and type not in ENTITY_TYPES:
        raise InvalidArgument("type", f"must be one of {', '.join(ENTITY_TYPES)}, not {type!r}")
    limit = page_limit(limit)
    after = decode_cursor(cursor, (int, str))
    counts = _entity_counts(_entity_parts(session), lang=lang_code(lang), type=type, q=_text(q))
    if after is not None:
        start = bisect.bisect_right([(-e.mentions, e.id) for e in counts], (-after[0], after[1]))
        counts = counts[start:]
    items, next_after = next_cursor(counts[:limit + 1], limit, lambda e: (e.mentions, e.id))
    return EntityPage(items, next_after)


def entity_ids_named(session: Session, name: str) -> set[str]:
    """Ids of stored entities named ``name`` in any case and script (as ``articles_naming`` compares)."""
    folded = name.casefold()
    return {part.id for part in _entity_parts(session) if part.name.casefold() == folded}


def event_type(value: str | None) -> str | None:
    if value is not None and value not in EVENT_TYPES:
        raise InvalidArgument("type", f"must be one of {', '.join(EVENT_TYPES)}, not {value!r}")
    return value


def event_page(session: Session, *, actor: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None, lang: str | None = None,
               include_past_and_planned: bool = False, cursor: str | None = None,
               limit: int = DEFAULT_PAGE) -> EventPage:
    """Political events in date order (undated last), as :func:`~dragoman.service.list_events`."""
    limit = page_limit(limit)
    wanted, folded = _actor_ids(_text(actor))
    rows = store_pages.event_rows(
        session.store, entity_ids=wanted, name_folded=folded, type=event_type(type),
        since=date_filter(since, "since"), until=date_filter(until, "until"), lang=lang_code(lang),
        statuses=None if include_past_and_planned else EVENT_STATUSES_SHOWN,
        after=decode_cursor(cursor, (str, str, str, int)), limit=limit)
    items, after = next_cursor(rows, limit, lambda row: row[0])
    return EventPage([EventRow(event, article_id, article_lang) for _, article_id, article_lang, event in items],
                     after)


def fact_page(session: Session, *, actor: str | None = None, lang: str | None = None,
              cursor: str | None = None, limit: int = DEFAULT_PAGE) -> FactPage:
    """Figures with their units, from the articles that name ``actor`` (all, without one)."""
    limit = page_limit(limit)
    actor = _text(actor)
    entity_ids = None
    if actor:
        wanted, _folded = _actor_ids(actor)
        entity_ids = wanted | entity_ids_named(session, actor)
    (after_id,) = decode_cursor(cursor, (int,)) or (None,)
    rows = store_pages.fact_rows(session.store, entity_ids=entity_ids, lang=lang_code(lang), after=after_id,
                                 limit=limit)
    items, after = next_cursor(rows, limit, lambda row: (row[0],))
    return FactPage([FactRow(fact, article_id, article_lang) for _, article_id, article_lang, fact in items], after)


def story_page(session: Session, *, since: str | None = None, until: str | None = None,
               actor: str | None = None, lang: str | None = None, cursor: str | None = None,
               limit: int = DEFAULT_PAGE) -> StoryPage:
    """Stories, latest first, with their languages, dates and participants."""
    limit = page_limit(limit)
    rows = story_pages.story_rows(
        session.require_reader(), since=date_filter(since, "since"), until=date_filter(until, "until"),
        actor=_story_actor(actor), lang=lang_code(lang), after=decode_cursor(cursor, (int, int)), limit=limit)
    items, after = next_cursor(rows, limit, lambda row: row[0])
    return StoryPage([summary for _, summary in items], after)


def search_page(session: Session, query: str, *, lang: str | None = None, since: str | None = None,
                actor: str | None = None, cursor: str | None = None, limit: int = 20) -> SearchPage:
    """Articles and stories in any language ranked by meaning (see :func:`~dragoman.service.search`)."""
    limit = page_limit(limit)
    (offset,) = decode_cursor(cursor, (int,)) or (0,)
    if offset < 0 or offset + limit > MAX_SEARCH_RESULTS:
        raise InvalidArgument("cursor", f"goes past the {MAX_SEARCH_RESULTS} best results a search can page through")
    found = search(session, query, lang=lang_code(lang), since=since, actor=_story_actor(actor), limit=offset + limit)
    articles = found.articles[offset:offset + limit]
    more = len(found.articles) == offset + limit and offset + limit < MAX_SEARCH_RESULTS
    return SearchPage(query=query, articles=articles, stories=found.stories[:limit] if offset == 0 else [],
                      next_cursor=encode_cursor([offset + limit]) if more else None)
