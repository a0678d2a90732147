"""Read-only pages of the store for front ends that list (a web API): keyset-paginated, so a page
costs the same at the first article and the hundred-thousandth.

Each function takes the :class:`~dragoman.store.sql.SqlStore`, filters, the sort key of the last
row already shown (``after``, or None for the first page) and a page size, and returns at most
``limit + 1`` rows: the extra row only tells the caller that another page exists. Nothing here
writes. The filters mean what the store's own queries mean (``find_events``, ``find_facts``,
``articles_naming``, ``entity_counts``: :func:`entity_parts` is the aggregate the latter sums);
dates are compared at the precision of the shorter one, as
:func:`dragoman.service.queries.in_date_range` does, but in SQL.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, literal, or_, select, tuple_

from ..doc import Event, Fact, event_from_dict, fact_from_dict
from .sql import SqlStore, analysis, article_entities, articles

# Sort key standing in for "no date": after every real ISO date.
UNDATED = "9999"


def _variants(text: str) -> list[str]:
    """Spellings of ``text`` in the cases titles use: SQLite folds only ASCII case, so Cyrillic
    or Turkish words are matched as written, lower, upper and capitalised."""
    return list(dict.fromkeys([text, text.lower(), text.upper(), text.capitalize(), text.title()]))


def _contains(column, text: str):
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return or_(*[column.ilike(f"%{v}%", escape="\\") for v in _variants(escaped)])


def _date_in_range(column, since: str | None, until: str | None) -> list:
    """Conditions: ``column`` (an ISO date of any precision) within [since, until]."""
    out = []
    if since or until:
        out.append(column.is_not(None))
    if since:
        out.append(func.substr(column, 1, len(since)) >= func.substr(literal(since), 1, func.length(column)))
    if until:
        out.append(func.substr(column, 1, len(until)) <= func.substr(literal(until), 1, func.length(column)))
    return out


def _scanned(column):
    """``column`` as an expression no index serves. Used for filters that keep a large share of
    the rows (a language, an event type or status): walking the index of the sort order and
    testing each row beats looking the share up by its own index and then sorting all of it,
    which is what SQLite's planner would otherwise choose."""
    return func.coalesce(column, "")


def _year_range(column, since: str | None, until: str | None) -> list:
    """The years of [since, until] as a plain range on ``column``, which an index on it can
    serve (the exact comparison at each date's precision is :func:`_date_in_range`)."""
    out = []
    if since:
        out.append(column >= since[:4])
    if until:
        out.append(column < str(int(until[:4]) + 1))
    return out


def _after(key_columns: Sequence, after: Sequence, *, descending: bool = False) -> list:
    """Rows strictly after ``after`` in the order of ``key_columns``; the first column also as a
    plain bound, so an index on it narrows the scan."""
    row, first = tuple_(*key_columns), key_columns[0]
    if descending:
        return [first <= after[0], row < tuple_(*after)]
    return [first >= after[0], row > tuple_(*after)]


def _two_phases(conn, dated, undated, limit: int) -> list:
    """Rows of the dated query, then (when they run out within the page) of the undated one:
    each walks an index in order, where one query sorting NULLs last would sort every row."""
    rows = list(conn.execute(dated.limit(limit + 1))) if dated is not None else []
    if len(rows) <= limit:
        rows += list(conn.execute(undated.limit(limit + 1 - len(rows))))
    return rows


# ---------------------------------------------------------------------------- articles
@dataclass
class ArticleListRow:
    id: str
    lang: str | None
    published: str | None
    title: str | None
    source: str | None
    author: str | None
    input_format: str


def article_rows(store: SqlStore, *, lang: str | None = None, source: str | None = None,
                 since: str | None = None, until: str | None = None, q: str | None = None,
                 after: tuple[str, str] | None = None, limit: int = 50) -> list[ArticleListRow]:
    """Articles, latest published first (undated last), then by id; ``q`` is words of the title.
    The sort key of a row is ``(published or "", id)``."""
    # Only columns stored before ``data`` are read: the article JSON is never touched.
    query = select(articles.c.id, articles.c.lang, articles.c.published, articles.c.title, articles.c.source,
                   articles.c.author, articles.c.input_format)
    conditions = _date_in_range(articles.c.published, since, until) + _year_range(articles.c.published, since, until)
    if lang:
        conditions.append(_scanned(articles.c.lang) == lang)
    if source:
        conditions.append(articles.c.source == source)
    if q:
        conditions.append(and_(*[_contains(articles.c.title, word) for word in q.split()]))
    undated_phase = after is not None and after[0] == ""
    dated = None
    if not undated_phase:
        keyset = _after((articles.c.published, articles.c.id), after, descending=True) if after else []
        dated = (query.where(*conditions, articles.c.published.is_not(None), *keyset)
                 .order_by(articles.c.published.desc(), articles.c.id.desc()))
    undated = (query.where(*conditions, articles.c.published.is_(None),
                           *([articles.c.id < after[1]] if undated_phase else []))
               .order_by(articles.c.id.desc()))
    with store.engine.connect() as conn:
        return [ArticleListRow(*row) for row in _two_phases(conn, dated, undated, limit)]


def article_key(row: ArticleListRow) -> tuple[str, str]:
    return (row.published or "", row.id)


# ---------------------------------------------------------------------------- entities
@dataclass
class EntityListRow:
    id: str
    name: str
    type: str
    mentions: int
    articles: int


@dataclass
class EntityPart:
    """Mentions of one entity under one name, type and article language: summed, these give
    every figure of ``entity_counts`` for any language or type."""

    id: str
    name: str
    type: str
    lang: str | None
    mentions: int
    articles: int


def entity_parts(store: SqlStore) -> list[EntityPart]:
    """One aggregate over every (article, entity) row, by entity, name, type and language."""
    c = article_entities.c
    query = (select(c.entity_id, c.name, c.type, c.lang, func.sum(c.mentions), func.count(c.article_id))
             .group_by(c.entity_id, c.name, c.type, c.lang))
    with store.engine.connect() as conn:
        return [EntityPart(r[0], r[1], r[2], r[3], int(r[4]), int(r[5])) for r in conn.execute(query)]


def co_mentioned(store: SqlStore, entity_id: str, *, limit: int = 20) -> list[EntityListRow]:
    """The entities named in the most articles that also name ``entity_id`` (``articles`` counts
    those shared articles, ``mentions`` the other entity's mentions in them)."""
    shared = select(article_entities.c.article_id).where(article_entities.c.entity_id == entity_id)
    n_articles = func.count(article_entities.c.article_id)
    query = (select(article_entities.c.entity_id, func.min(article_entities.c.name),
                    func.min(article_entities.c.type), func.sum(article_entities.c.mentions), n_articles)
             .where(article_entities.c.article_id.in_(shared), article_entities.c.entity_id != entity_id)
             .group_by(article_entities.c.entity_id)
             .order_by(n_articles.desc(), func.sum(article_entities.c.mentions).desc(), article_entities.c.entity_id)
             .limit(limit))
    with store.engine.connect() as conn:
        return [EntityListRow(r[0], r[1], r[2], int(r[3]), int(r[4])) for r in conn.execute(query)]


# ---------------------------------------------------------------------------- events, facts
def event_rows(store: SqlStore, *, entity_ids: Iterable[str] = (), name_folded: str | None = None,
               type: str | None = None, since: str | None = None, until: str | None = None,
               lang: str | None = None, statuses: Iterable[str] | None = None,
               after: tuple[str, str, str, int] | None = None, limit: int = 50
               ) -> list[tuple[tuple[str, str, str, int], str, str | None, Event]]:
    """(sort key, article id, article language, event) in date order, undated last. The sort
    key is ``(date or "9999", type, article id, position)``."""
    events, participants = analysis.events, analysis.participants
    query = select(events.c.date, events.c.type, events.c.article_id, events.c.position, events.c.lang,
                   events.c.data)
    conditions = _date_in_range(events.c.date, since, until) + _year_range(events.c.date, since, until)
    entity_ids = list(entity_ids)
    if entity_ids or name_folded:
        who = []
        if entity_ids:
            who.append(participants.c.entity_id.in_(entity_ids))
        if name_folded:
            who.append(participants.c.name_folded == name_folded)
        conditions.append(events.c.id.in_(select(participants.c.event_id).where(or_(*who))))
    if type:
        conditions.append(_scanned(events.c.type) == type)
    if lang:
        conditions.append(events.c.lang == lang)
    if statuses is not None:
        conditions.append(_scanned(events.c.status).in_(list(statuses)))
    rest = (events.c.type, events.c.article_id, events.c.position)
    undated_phase = after is not None and after[0] == UNDATED
    dated = None
    if not undated_phase:
        keyset = _after((events.c.date, *rest), after) if after else []
        dated = query.where(*conditions, events.c.date.is_not(None), *keyset).order_by(events.c.date, *rest)
    undated = (query.where(*conditions, events.c.date.is_(None),
                           *([tuple_(*rest) > tuple_(*after[1:])] if undated_phase else []))
               .order_by(*rest))
    with store.engine.connect() as conn:
        rows = _two_phases(conn, dated, undated, limit)
    return [((d or UNDATED, t, a, int(p)), a, lang_, event_from_dict(json.loads(data)))
            for d, t, a, p, lang_, data in rows]


def fact_rows(store: SqlStore, *, entity_ids: Iterable[str] | None = None, lang: str | None = None,
              after: int | None = None, limit: int = 50) -> list[tuple[int, str, str | None, Fact]]:
    """(sort key, article id, article language, fact) in the order they were stored; with
    ``entity_ids``, only from articles naming one of them. The sort key is the fact's row id."""
    facts = analysis.facts
    query = select(facts.c.id, facts.c.article_id, facts.c.lang, facts.c.data)
    conditions = []
    if entity_ids is not None:
        conditions.append(facts.c.article_id.in_(
            select(article_entities.c.article_id).where(article_entities.c.entity_id.in_(list(entity_ids)))))
    if lang:
        conditions.append(facts.c.lang == lang)
    if after is not None:
        conditions.append(facts.c.id > after)
    query = query.where(*conditions).order_by(facts.c.id).limit(limit + 1)
    with store.engine.connect() as conn:
        return [(int(row_id), article_id, lang_, fact_from_dict(json.loads(data)))
                for row_id, article_id, lang_, data in conn.execute(query)]


def surfaces_of(store: SqlStore, entity_id: str) -> dict[str, set[str]]:
    """How the stored articles write ``entity_id``: article language -> surface forms."""
    mentions = analysis.mentions
    query = (select(articles.c.lang, mentions.c.surface).join(articles, articles.c.id == mentions.c.article_id)
             .where(mentions.c.entity_id == entity_id).distinct())
    out: dict[str, set[str]] = {}
    with store.engine.connect() as conn:
        for lang, surface in conn.execute(query):
            out.setdefault(lang or "", set()).add(surface)
    return out
