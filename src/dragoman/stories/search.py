"""Search: multilingual embeddings over every linked article, re-ranked with the entity index.

The query is embedded with the same model as the articles (e5 "query:" side), scored against
the vector file by brute force (see :mod:`dragoman.stories.vectors` for why), filtered by
language, date and actor through SQL, and the best candidates get a bonus for every entity the
query names (full canonical name, or a person's surname) that the article involves. Stories are
ranked by their best article. The :class:`~dragoman.stories.reader.StoryReader` calls these with
its cached :class:`RowMap`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import and_, or_, select

from .index import LinkIndex
from .profile import day_number, norm_name
from .tables import link_articles, link_entities, link_stories
from .vectors import top_k

# Vector hits re-ranked with entities, per result wanted (and at least MIN_CANDIDATES).
CANDIDATES_PER_RESULT = 10
MIN_CANDIDATES = 200
# Added to the cosine for each entity named in the query that the article involves: enough to
# lift an article about that person above a merely topical one, not to beat a much closer text.
ENTITY_BOOST = 0.03
# Longest run of query words tried as an entity name.
MAX_NAME_WORDS = 4
# Scan the whole vector file (then pick rows) when the filters keep at least 1/this of it.
FULL_SCAN_SHARE = 4
# Surnames shorter than this are too ambiguous to match alone.
MIN_SURNAME_CHARS = 4
# Entities the query may name, looked up per search.
MAX_QUERY_ENTITIES = 50


@dataclass
class SearchHit:
    article_id: str
    story_id: str | None
    title: str | None
    lang: str | None
    published: str | None
    score: float
    entities: list[str] = field(default_factory=list)  # query entities the article involves


@dataclass
class StoryHit:
    story_id: str
    title: str
    score: float
    articles: list[str]
    langs: list[str]


@dataclass
class RowMap:
    """Every linked article's search columns as arrays (loaded once, kept until the index changes)."""

    generation: int  # the index's generation it was read at
    ids: list[str]
    index: dict[str, int]
    vec_rows: np.ndarray
    days: np.ndarray  # anchor day, -1 when unknown
    langs: np.ndarray
    story_ids: list[str | None]
    titles: list[str | None]
    published: list[str | None]


def load_row_map(index: LinkIndex) -> RowMap:
    generation = index.generation
    query = select(link_articles.c.article_id, link_articles.c.vec_row, link_articles.c.anchor_day,
                   link_articles.c.lang, link_articles.c.story_id, link_articles.c.title,
                   link_articles.c.published).where(link_articles.c.vec_row.is_not(None))
    with index.engine.connect() as conn:
        rows = conn.execute(query).all()
    ids = [r[0] for r in rows]
    return RowMap(
        generation=generation, ids=ids, index={aid: i for i, aid in enumerate(ids)},
        vec_rows=np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows)),
        days=np.fromiter((r[2] if r[2] is not None else -1 for r in rows), dtype=np.int64, count=len(rows)),
        langs=np.array([r[3] or "" for r in rows], dtype=object),
        story_ids=[r[4] for r in rows], titles=[r[5] for r in rows], published=[r[6] for r in rows])


def actor_articles(actor: str):
    """A sub-select of the ids of articles that involve ``actor`` (entity id or name)."""
    name = norm_name(actor)
    conditions = [link_entities.c.entity_id == actor, link_entities.c.name_norm == name]
    if name and " " not in name:
        conditions.append(link_entities.c.last_token == name)
    return select(link_entities.c.article_id).where(or_(*conditions))


def search_articles(index: LinkIndex, rows: RowMap, query: str, *, lang: str | None = None,
                    since: str | None = None, actor: str | None = None, k: int = 20) -> list[SearchHit]:
    """Articles in any language ranked by meaning, boosted when they involve named entities."""
    if not rows.ids or not query.strip():
        return []
    positions = _selected(index, rows, lang, since, actor)
    if positions.size == 0:
        return []
    vector = index.embedder.query(query)
    if positions.size * FULL_SCAN_SHARE >= len(rows.ids):
        # A contiguous scan of the whole file beats gathering most of its rows.
        scores = index.vectors.scores(vector)[rows.vec_rows[positions]]
    else:
        scores = index.vectors.scores(vector, rows=rows.vec_rows[positions])
    floor = index.embedder.floors.search
    order = [i for i in top_k(scores, max(k * CANDIDATES_PER_RESULT, MIN_CANDIDATES)) if scores[i] >= floor]
    candidates = {rows.ids[positions[i]]: (int(positions[i]), float(scores[i])) for i in order}
    involved: dict[str, list[str]] = {}
    with index.engine.connect() as conn:
        wanted = _query_entities(conn, query)
        if wanted and candidates:
            for aid, eid in conn.execute(select(link_entities.c.article_id, link_entities.c.entity_id).where(
                    link_entities.c.article_id.in_(list(candidates)),
                    link_entities.c.entity_id.in_(list(wanted)))):
                involved.setdefault(aid, []).append(eid)
    hits = []
    for aid, (pos, score) in candidates.items():
        found = sorted(set(involved.get(aid, [])))
        hits.append(SearchHit(article_id=aid, story_id=rows.story_ids[pos], title=rows.titles[pos],
                              lang=rows.langs[pos] or None, published=rows.published[pos],
                              score=score + ENTITY_BOOST * len(found), entities=found))
    hits.sort(key=lambda h: -h.score)
    return hits[:k]


def search_stories(index: LinkIndex, rows: RowMap, query: str, *, lang: str | None = None,
                   since: str | None = None, actor: str | None = None, k: int = 10) -> list[StoryHit]:
    """Stories ranked by their best matching article."""
    hits = search_articles(index, rows, query, lang=lang, since=since, actor=actor,
                           k=max(k * CANDIDATES_PER_RESULT, 50))
    grouped: dict[str, list[SearchHit]] = {}
    for hit in hits:
        if hit.story_id:
            grouped.setdefault(hit.story_id, []).append(hit)
    if not grouped:
        return []
    with index.engine.connect() as conn:
        titles = dict(conn.execute(select(link_stories.c.story_id, link_stories.c.title)
                                   .where(link_stories.c.story_id.in_(list(grouped)))).all())
    out = [StoryHit(story_id=sid, title=titles.get(sid) or sid, score=max(h.score for h in group),
                    articles=[h.article_id for h in group], langs=sorted({h.lang for h in group if h.lang}))
           for sid, group in grouped.items()]
    out.sort(key=lambda s: -s.score)
    return out[:k]


def _selected(index: LinkIndex, rows: RowMap, lang, since, actor) -> np.ndarray:
    """Positions in the row map that pass the filters."""
    mask = np.ones(len(rows.ids), dtype=bool)
    if lang:
        mask &= rows.langs == lang
    if since and day_number(since) is not None:
        mask &= rows.days >= day_number(since)
    if actor:
        with index.engine.connect() as conn:
            ids = conn.execute(actor_articles(actor)).scalars().all()
        chosen = np.zeros(len(rows.ids), dtype=bool)
        chosen[[rows.index[a] for a in set(ids) if a in rows.index]] = True
        mask &= chosen
    return np.flatnonzero(mask)


def _query_entities(conn, query: str) -> dict[str, str]:
    words = norm_name(query).split()
    grams = {" ".join(words[i:i + n]) for n in range(1, MAX_NAME_WORDS + 1)
             for i in range(len(words) - n + 1)}
    surnames = [w for w in words if len(w) >= MIN_SURNAME_CHARS]
    if not grams:
        return {}
    condition = link_entities.c.name_norm.in_(grams)
    if surnames:
        condition = or_(condition, and_(link_entities.c.last_token.in_(surnames),
                                        link_entities.c.type == "person"))
    rows = conn.execute(select(link_entities.c.entity_id, link_entities.c.name_norm)
                        .where(condition).distinct().limit(MAX_QUERY_ENTITIES))
    return {eid: name for eid, name in rows}
