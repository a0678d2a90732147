"""Reading the link index: an article's story, the story list, one story, and search.

A :class:`StoryReader` takes the :class:`~dragoman.stories.index.LinkIndex` and only reads it;
search ranking lives in :mod:`dragoman.stories.search`, whose row map the reader keeps until the
index changes.
"""
from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from ..doc import Article, Conflict
from . import search as ranking
from .detail import StoryArticle, StoryConflict, StoryDetail, StorySummary, merge_events
from .index import LinkIndex, Participants, read_participants, split_list
from .profile import day_number
from .search import RowMap, SearchHit, StoryHit
from .tables import link_articles, link_conflicts, link_stories


def _iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day else None


def _ranked(participants: Participants | None) -> list[str]:
    """Names of the participants, the most frequent first (ties: first seen first)."""
    if participants is None:
        return []
    counts, names = participants.counts, participants.names
    return [names.get(k, k) for k in sorted(counts, key=lambda k: -counts[k])]


class StoryReader:
    """Answers questions about stories from a :class:`~dragoman.stories.index.LinkIndex`."""

    def __init__(self, index: LinkIndex):
        self.index = index
        self._map: RowMap | None = None

    # ------------------------------------------------------------------ articles and stories
    def annotate(self, article: Article) -> Article:
        """Fill ``story``, ``duplicate_of`` and ``conflicts`` from the link tables."""
        with self.index.engine.connect() as conn:
            row = conn.execute(select(link_articles.c.story_id, link_articles.c.duplicate_of)
                               .where(link_articles.c.article_id == article.id)).first()
            if row is None:
                return article
            article.story, article.duplicate_of = row.story_id, row.duplicate_of
            article.conflicts = [
                Conflict(field=c.field, value=json.loads(c.value), other=c.other_id,
                         other_value=json.loads(c.other_value), event_type=c.event_type)
                for c in conn.execute(select(link_conflicts).where(link_conflicts.c.article_id == article.id)
                                      .order_by(link_conflicts.c.id))]
        return article

    def stories(self, since: str | None = None, actor: str | None = None) -> list[StorySummary]:
        """Stories, newest first; ``since`` an ISO date, ``actor`` an entity id or name."""
        query = select(link_stories).order_by(link_stories.c.last_day.desc().nulls_last(), link_stories.c.seq.desc())
        if since and day_number(since) is not None:
            query = query.where(link_stories.c.last_day >= day_number(since))
        with self.index.engine.connect() as conn:
            if actor:
                story_ids = select(link_articles.c.story_id).where(
                    link_articles.c.article_id.in_(self.actor_articles(actor)))
                query = query.where(link_stories.c.story_id.in_(story_ids))
            rows = conn.execute(query).all()
            # Unfiltered, every story is listed: one scan of the participants beats id lists.
            participants = read_participants(conn, [row.story_id for row in rows] if actor or since else None)
        return [StorySummary(id=row.story_id, title=row.title or row.story_id, first_date=_iso(row.first_day),
                             last_date=_iso(row.last_day), n_articles=row.n_articles, langs=split_list(row.langs),
                             participants=_ranked(participants.get(row.story_id)))
                for row in rows]

    def story(self, story_id: str) -> StoryDetail | None:
        with self.index.engine.connect() as conn:
            row = conn.execute(select(link_stories).where(link_stories.c.story_id == story_id)).first()
            if row is None:
                return None
            members = sorted(self.index.linked(conn, link_articles.c.story_id == story_id), key=lambda m: m.seq)
            dup = dict(conn.execute(select(link_articles.c.article_id, link_articles.c.duplicate_of)
                                    .where(link_articles.c.story_id == story_id)).all())
            conflicts = [StoryConflict(article=c.article_id, other=c.other_id, field=c.field,
                                       value=json.loads(c.value), other_value=json.loads(c.other_value),
                                       event_type=c.event_type)
                         for c in conn.execute(select(link_conflicts).where(link_conflicts.c.story_id == story_id)
                                               .order_by(link_conflicts.c.id))]
            participants = read_participants(conn, [story_id])[story_id]
        # Names as the latest member gives them (the story row keeps the first one's).
        for m in members:
            participants.names.update({k: v for k, v in m.profile.names.items() if k in participants.counts})
        return StoryDetail(
            id=story_id, title=row.title or story_id, first_date=_iso(row.first_day), last_date=_iso(row.last_day),
            articles=[StoryArticle(id=m.article_id, lang=m.profile.lang, title=m.profile.title,
                                   published=m.profile.published, duplicate_of=dup.get(m.article_id))
                      for m in members],
            events=merge_events([(m.profile, m.profile.lang) for m in members]),
            conflicts=conflicts, participants=_ranked(participants),
            langs=sorted({m.profile.lang for m in members if m.profile.lang}))

    # ------------------------------------------------------------------ search
    def actor_articles(self, actor: str):
        """A sub-select of the ids of articles that involve ``actor`` (entity id or name)."""
        return ranking.actor_articles(actor)

    def search(self, query: str, *, lang: str | None = None, since: str | None = None,
               actor: str | None = None, k: int = 20) -> list[SearchHit]:
        """Articles in any language ranked by meaning, boosted when they involve named entities."""
        return ranking.search_articles(self.index, self._row_map(), query, lang=lang, since=since, actor=actor, k=k)

    def search_stories(self, query: str, *, lang: str | None = None, since: str | None = None,
                       actor: str | None = None, k: int = 10) -> list[StoryHit]:
        """Stories ranked by their best matching article."""
        return ranking.search_stories(self.index, self._row_map(), query, lang=lang, since=since, actor=actor, k=k)

    def _row_map(self) -> RowMap:
        if self._map is None or self._map.generation != self.index.generation:
            self._map = ranking.load_row_map(self.index)
        return self._map
