"""Read-only pages of the link index for front ends that list (a web API): stories latest first,
keyset-paginated so a page costs the same whatever the corpus size, and the copies of an article.

Filters mean what :meth:`StoryReader.stories` means (``actor`` any entity id or name the entity
index knows), plus ``until`` and the story's languages; ``since`` and ``until`` may be a year or a
month, and keep the stories whose span overlaps theirs. Summaries are built as the reader builds them.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, literal, select, tuple_

from .detail import StorySummary
from .index import read_participants, split_list
from .reader import _iso, _ranked
from .tables import link_articles, link_stories

if TYPE_CHECKING:
    from .reader import StoryReader


def first_day(iso: str) -> int:
    """Ordinal of the first day of an ISO date's period (``2025`` -> 1 January 2025)."""
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2]).toordinal()


def last_day(iso: str) -> int:
    """Ordinal of the last day of an ISO date's period (``2025-02`` -> 28 February 2025)."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) >= 3:
        return date(*parts[:3]).toordinal()
    year, month = parts[0], (parts[1] if len(parts) == 2 else 12)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following.toordinal() - 1


def story_rows(reader: "StoryReader", *, since: str | None = None, until: str | None = None,
               actor: str | None = None, lang: str | None = None, after: tuple[int, int] | None = None,
               limit: int = 50) -> list[tuple[tuple[int, int], StorySummary]]:
    """(sort key, summary) for stories, latest first (undated last), at most ``limit + 1``.
    The sort key is ``(last day or 0, seq)``, both descending."""
    stories = link_stories.c
    conditions = []
    # ``since``/``until`` are checked ISO dates of any precision: a story is kept when its span
    # overlaps theirs.
    if since:
        conditions.append(stories.last_day >= first_day(since))
    if until:
        conditions.append(func.coalesce(stories.first_day, stories.last_day) <= last_day(until))
    if actor:
        conditions.append(stories.story_id.in_(
            select(link_articles.c.story_id).where(link_articles.c.article_id.in_(reader.actor_articles(actor)))))
    if lang:
        conditions.append((literal(",") + stories.langs + literal(",")).like(f"%,{lang},%"))
    # Dated stories by the index on their last day, then the undated ones by the index on seq:
    # one query sorting NULLs last would sort every story for every page.
    undated_phase = after is not None and after[0] == 0
    rows = []
    with reader.index.engine.connect() as conn:
        if not undated_phase:
            keyset = [stories.last_day <= after[0], tuple_(stories.last_day, stories.seq) < tuple_(*after)] if after else []
            rows = conn.execute(select(link_stories).where(*conditions, stories.last_day.is_not(None), *keyset)
                                .order_by(stories.last_day.desc(), stories.seq.desc()).limit(limit + 1)).all()
        if len(rows) <= limit and not since:
            rows += conn.execute(select(link_stories).where(*conditions, stories.last_day.is_(None),
                                                            *([stories.seq < after[1]] if undated_phase else []))
                                 .order_by(stories.seq.desc()).limit(limit + 1 - len(rows))).all()
        participants = read_participants(conn, [row.story_id for row in rows])
    return [((row.last_day or 0, int(row.seq)),
             StorySummary(id=row.story_id, title=row.title or row.story_id, first_date=_iso(row.first_day),
                          last_date=_iso(row.last_day), n_articles=row.n_articles, langs=split_list(row.langs),
                          participants=_ranked(participants.get(row.story_id))))
            for row in rows]


def copies_of(reader: "StoryReader", article_id: str) -> list[str]:
    """Ids of the linked articles recorded as copies (reprints, translations) of ``article_id``."""
    with reader.index.engine.connect() as conn:
        return list(conn.execute(select(link_articles.c.article_id)
                                 .where(link_articles.c.duplicate_of == article_id,
                                        link_articles.c.article_id != article_id)
                                 .order_by(link_articles.c.seq)).scalars())


__all__ = ["copies_of", "first_day", "last_day", "story_rows"]
