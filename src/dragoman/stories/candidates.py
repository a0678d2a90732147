"""What could an article be linked to: the index lookups behind one decision (reads only).

Three sources, each bounded so the cost per article does not grow with the corpus:

- the **participant/day index** (blocking): stories that involve the article's key participants
  within the story date window, so a late article finds an old story whatever its ingest position;
- the **most recent vectors** (:data:`RECENT_WINDOW`): catches same-day coverage that names
  nobody the entity index knows;
- the **MinHash bands**: same-language near copies.
"""
from __future__ import annotations

import numpy as np
from sqlalchemy import bindparam, or_, select

from . import minhash
from .cluster import STORY_DATE_WINDOW
from .decide import Candidates
from .index import LINKED_AT_ROWS, LINKED_BY_ID, LINKED_IN_STORIES, LinkIndex, LinkedArticle
from .profile import ArticleProfile
from .tables import link_articles, link_lsh_bands, link_story_keys
from .vectors import VectorFile, top_k

# Most recent vectors every new article is compared with: about a day of a large multilingual
# feed. Fixed size, so the cost per article does not grow with the corpus and linking stays linear.
RECENT_WINDOW = 4096
# Nearest recent vectors taken as candidates.
VECTOR_NEIGHBOURS = 10
# Stories taken from the participant/day index per article, most recent first.
MAX_KEY_STORIES = 50
# Members of a candidate story compared (similarity, copies, conflicts), most recent first.
MAX_MEMBERS_COMPARED = 60

_STORIES_BY_KEY_AND_DAY = (
    select(link_story_keys.c.story_id)
    .where(link_story_keys.c.key.in_(bindparam("keys", expanding=True)),
           or_(link_story_keys.c.day.between(bindparam("lo"), bindparam("hi")), link_story_keys.c.day.is_(None)))
    .order_by(link_story_keys.c.id.desc()).limit(bindparam("limit")))
_STORIES_BY_KEY = (select(link_story_keys.c.story_id)
                   .where(link_story_keys.c.key.in_(bindparam("keys", expanding=True)))
                   .order_by(link_story_keys.c.id.desc()).limit(bindparam("limit")))
_BAND_HITS = select(link_lsh_bands.c.article_id).where(link_lsh_bands.c.band_key.in_(bindparam("keys", expanding=True)))
_SIGNATURES = select(link_articles.c.article_id, link_articles.c.signature).where(
    link_articles.c.article_id.in_(bindparam("ids", expanding=True)), link_articles.c.signature.is_not(None))


def recent_neighbours(vectors: VectorFile, chunk: np.ndarray, first_row: int) -> list[list[int]]:
    """For each vector of a chunk just appended at ``first_row``: the rows of its nearest
    recent vectors, excluding itself and the chunk's later ones (not linked yet)."""
    stop = first_row + len(chunk)
    offset = max(0, stop - RECENT_WINDOW)
    window = vectors.scores(chunk, start=offset, stop=stop)
    out = []
    for i in range(len(chunk)):
        column = window[:, i].copy()
        column[first_row + i - offset:] = -np.inf
        order = top_k(column, VECTOR_NEIGHBOURS)
        out.append([int(offset + j) for j in order if np.isfinite(column[j])])
    return out


def gather(index: LinkIndex, conn, profile: ArticleProfile, vector: np.ndarray, signature,
           neighbour_rows: list[int]) -> Candidates:
    """Everything :func:`~dragoman.stories.decide.decide` compares the article with."""
    story_ids = _stories_by_participants(conn, profile)
    neighbours = index.linked(conn, statement=LINKED_AT_ROWS, rows=neighbour_rows) if neighbour_rows else []
    story_ids = list(dict.fromkeys(story_ids + [m.story_id for m in neighbours if m.story_id]))
    found = Candidates(stories=index.story_states(conn, story_ids))
    if story_ids:
        for member in index.linked(conn, statement=LINKED_IN_STORIES, ids=story_ids):
            bucket = found.members.setdefault(member.story_id, [])
            if len(bucket) < MAX_MEMBERS_COMPARED:
                bucket.append(member)
    pool = {m.article_id: m for ms in found.members.values() for m in ms}
    pool.update({m.article_id: m for m in neighbours})
    found.compared = [m for m in pool.values() if m.vec_row is not None]
    if found.compared:
        values = index.vectors.get([m.vec_row for m in found.compared]) @ vector
        found.similarity = {m.article_id: float(s) for m, s in zip(found.compared, values)}
    copy_id = _near_copy(conn, profile, signature)
    if copy_id is not None:
        found.near_copy = pool.get(copy_id) or next(iter(index.linked(conn, statement=LINKED_BY_ID, aid=copy_id)),
                                                    None)
    return found


def story_members(index: LinkIndex, conn, story_id: str) -> list[LinkedArticle]:
    """The members of one story a new member is compared with, most recent first."""
    return index.linked(conn, statement=LINKED_IN_STORIES, ids=[story_id])[:MAX_MEMBERS_COMPARED]


def _stories_by_participants(conn, profile: ArticleProfile) -> list[str]:
    if not profile.key_ids:
        return []
    day = profile.anchor_day
    params = {"keys": profile.key_ids, "limit": MAX_KEY_STORIES * 4}
    if day is not None:
        rows = conn.execute(_STORIES_BY_KEY_AND_DAY, {**params, "lo": day - STORY_DATE_WINDOW,
                                                      "hi": day + STORY_DATE_WINDOW}).scalars()
    else:
        rows = conn.execute(_STORIES_BY_KEY, params).scalars()
    return list(dict.fromkeys(rows))[:MAX_KEY_STORIES]


def _near_copy(conn, profile: ArticleProfile, signature) -> str | None:
    if signature is None:
        return None
    ids = set(conn.execute(_BAND_HITS, {"keys": minhash.band_keys(signature, profile.lang)}).scalars())
    if not ids:
        return None
    best, best_j = None, minhash.NEAR_COPY_JACCARD
    for aid, data in conn.execute(_SIGNATURES, {"ids": list(ids)}):
        j = minhash.jaccard(signature, minhash.from_bytes(data))
        if j >= best_j:
            best, best_j = aid, j
    return best
