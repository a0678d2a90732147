"""Corpus-level linking: near copies, translations, stories and conflicts, incrementally.

Articles arrive in ingest order; each is decided once against what is already linked:

1. **Near copy** (same language): MinHash LSH band lookup, confirmed by estimated Jaccard.
2. **Translation / close rewrite**: embedding neighbours among the candidate stories' members
   and the most recent vectors, confirmed by shared entity ids, figures and dates and by the
   layout a translation keeps and an independent report does not (paragraphs, sentences,
   quotes, figures in order; :func:`~dragoman.stories.cluster.confirm_copy`). A copy joins its original's story even if
   the copy disagrees on a detail (that disagreement becomes a conflict).
3. **Story**: candidate stories come from the participant/day index (blocking, so a late article
   finds an old story whatever its ingest position) and from the vector neighbours; the best
   one passing :func:`~dragoman.stories.cluster.story_score` is joined, else a new story starts.
   Stories never merge, so a story id, once given, stays.
4. **Conflicts** with the story's members, recorded on both articles.

The original of a group of copies is re-decided whenever the group grows
(:func:`~dragoman.stories.cluster.original_rank`): the earliest published (an undated version
counts from the earliest day the group's text dates the event), else the version in the most
common source language, else the first ingested.

Cost per article is a handful of indexed queries plus a fixed-size vector window, so linking
time grows linearly with the corpus (see ``bench/stories.py``).
"""
from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from sqlalchemy import Engine, bindparam, delete, func, insert, or_, select, update

from ..doc import Article, Conflict, content_hash
from ..store.transactions import ensure_tables, write_transaction
from . import minhash
from .cluster import STORY_DATE_WINDOW, StoryState, confirm_copy, original_rank, story_score
from .conflicts import compare
from .detail import (StoryArticle, StoryConflict, StoryDetail, StorySummary,
                     merge_events)
from .embed import E5Embedder, Embedder, embedding_text
from .profile import ArticleProfile, build_profile, day_number, norm_name
from .search import SearchHit, Searcher, StoryHit
from .tables import (link_articles, link_conflicts, link_entities, link_lsh_bands, link_meta, link_stories,
                     link_story_keys, metadata)
from .vectors import VectorFile, top_k

# Articles embedded and committed together: amortises model calls and transactions.
LINK_CHUNK = 256
# Most recent vectors every new article is compared with (catches same-day coverage that names
# nobody the entity index knows): about a day of a large multilingual feed. Fixed size, so the
# cost per article does not grow with the corpus and linking stays linear.
RECENT_WINDOW = 4096
# Nearest recent vectors taken as candidates.
VECTOR_NEIGHBOURS = 10
# Stories taken from the participant/day index per article, most recent first.
MAX_KEY_STORIES = 50
# Members of a candidate story compared (similarity, copies, conflicts), most recent first.
MAX_MEMBERS_COMPARED = 60
# Articles forgotten per statement batch.
FORGET_BATCH = 500
# Parsed profiles kept in memory between decisions.
PROFILE_CACHE_MAX = 50000


# Statements built once: constructing SQLAlchemy expressions per article cost more than running them.
_MEMBER_COLUMNS = (link_articles.c.article_id, link_articles.c.story_id, link_articles.c.vec_row,
                   link_articles.c.dup_group, link_articles.c.seq, link_articles.c.profile)
_MEMBERS_OF_STORIES = (select(*_MEMBER_COLUMNS)
                       .where(link_articles.c.story_id.in_(bindparam("ids", expanding=True)))
                       .order_by(link_articles.c.seq.desc()))
_MEMBERS_AT_ROWS = select(*_MEMBER_COLUMNS).where(link_articles.c.vec_row.in_(bindparam("rows", expanding=True)))
_MEMBER_BY_ID = select(*_MEMBER_COLUMNS).where(link_articles.c.article_id == bindparam("aid"))
_STORIES_BY_KEY_AND_DAY = (
    select(link_story_keys.c.story_id)
    .where(link_story_keys.c.key.in_(bindparam("keys", expanding=True)),
           or_(link_story_keys.c.day.between(bindparam("lo"), bindparam("hi")), link_story_keys.c.day.is_(None)))
    .order_by(link_story_keys.c.id.desc()).limit(bindparam("limit")))
_STORIES_BY_KEY = (select(link_story_keys.c.story_id)
                   .where(link_story_keys.c.key.in_(bindparam("keys", expanding=True)))
                   .order_by(link_story_keys.c.id.desc()).limit(bindparam("limit")))
_STORY_STATES = select(link_stories).where(link_stories.c.story_id.in_(bindparam("ids", expanding=True)))
_STORY_EXISTS = select(link_stories.c.story_id).where(link_stories.c.story_id == bindparam("sid"))
_BAND_HITS = select(link_lsh_bands.c.article_id).where(link_lsh_bands.c.band_key.in_(bindparam("keys", expanding=True)))
_SIGNATURES = select(link_articles.c.article_id, link_articles.c.signature).where(
    link_articles.c.article_id.in_(bindparam("ids", expanding=True)), link_articles.c.signature.is_not(None))
_STORY_COLUMNS = ("mode", "first_day", "last_day", "n_articles", "keys", "places", "title", "title_from", "langs")
_UPDATE_STORY = update(link_stories).where(link_stories.c.story_id == bindparam("b_story_id")).values(
    {name: bindparam(f"b_{name}") for name in _STORY_COLUMNS})
_SET_DUPLICATE = update(link_articles).where(link_articles.c.article_id == bindparam("b_article_id")).values(
    duplicate_of=bindparam("b_duplicate_of"))
_SET_GROUP = update(link_articles).where(link_articles.c.article_id == bindparam("b_article_id")).values(
    dup_group=bindparam("b_dup_group"))


class LinkError(RuntimeError):
    """The link index cannot be used as it is (e.g. built with another embedder)."""


@dataclass
class LinkReport:
    linked: int = 0
    new_stories: int = 0
    joined_stories: int = 0
    near_copies: int = 0
    translations: int = 0
    conflicts: int = 0
    relinked: int = 0
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.linked / self.seconds if self.seconds else 0.0


@dataclass
class _Member:
    article_id: str
    story_id: str | None
    vec_row: int | None
    dup_group: str | None
    seq: int
    profile: ArticleProfile


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day else None


def _jdump(value) -> str:
    return json.dumps(value, ensure_ascii=False)


class StoryLinker:
    """Links articles into stories; owns the ``link_*`` tables and the vector file."""

    def __init__(self, engine: Engine, index_dir: Path, embedder: Embedder | None = None):
        self.engine = engine
        self.index_dir = Path(index_dir)
        self.embedder: Embedder = embedder or E5Embedder()
        ensure_tables(engine, metadata)
        self._check_embedder()
        self.vectors = VectorFile(self.index_dir / f"vectors-{self.embedder.dim}.i8", self.embedder.dim)
        self._profiles: dict[str, ArticleProfile] = {}
        self._pending_entities: list[dict] = []
        self.searcher = Searcher(self)

    def damage(self) -> str | None:
        """Why the index cannot serve as it is (vector file missing or truncated), else None."""
        with self.engine.connect() as conn:
            highest = conn.execute(select(func.max(link_articles.c.vec_row))).scalar()
        if highest is not None and highest >= len(self.vectors):
            return (f"the story index's vector file {self.vectors.path} is missing or damaged "
                    f"({len(self.vectors)} vectors where the links need {highest + 1})")
        return None

    def count_linked(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(link_articles)).scalar_one())

    def unlinked(self, article_ids: Iterable[str]) -> list[str]:
        """The ids among ``article_ids`` that have no link row, in the order given."""
        with self.engine.connect() as conn:
            linked = set(conn.execute(select(link_articles.c.article_id)).scalars())
        return [i for i in article_ids if i not in linked]

    # ------------------------------------------------------------------ setup
    def _check_embedder(self) -> None:
        signature = f"{self.embedder.name}:{self.embedder.dim}"
        with self.engine.connect() as conn:
            stored = conn.execute(select(link_meta.c.value).where(link_meta.c.key == "embedder")).scalar()
            scheme = conn.execute(select(link_meta.c.value).where(link_meta.c.key == "minhash")).scalar()
        if stored == signature and scheme == minhash.SCHEME:
            return  # nothing to write: read-only commands take no write lock
        with write_transaction(self.engine) as conn:
            stored = conn.execute(select(link_meta.c.value).where(link_meta.c.key == "embedder")).scalar()
            linked = conn.execute(select(func.count()).select_from(link_articles)).scalar()
            if stored and stored != signature and linked:
                raise LinkError(f"the link index was built with embedder {stored}, not {signature}; "
                                "relink the corpus (dragoman reprocess) to switch")
            if stored != signature:
                conn.execute(delete(link_meta).where(link_meta.c.key == "embedder"))
                conn.execute(insert(link_meta).values(key="embedder", value=signature))
            self._check_bands(conn, linked)

    def _check_bands(self, conn, linked: int) -> None:
        """Band keys of another MinHash banding never match: rebuild them from the stored
        signatures (no text needed). An index without a recorded scheme used 16 bands of 8 rows."""
        stored = conn.execute(select(link_meta.c.value).where(link_meta.c.key == "minhash")).scalar()
        if stored == minhash.SCHEME:
            return
        if linked:
            conn.execute(delete(link_lsh_bands))
            rows = conn.execute(select(link_articles.c.article_id, link_articles.c.lang, link_articles.c.signature)
                                .where(link_articles.c.signature.is_not(None)))
            for batch in _chunks(rows, FORGET_BATCH):
                conn.execute(insert(link_lsh_bands), [
                    {"band_key": key, "article_id": aid}
                    for aid, lang, data in batch for key in minhash.band_keys(minhash.from_bytes(data), lang)])
        conn.execute(delete(link_meta).where(link_meta.c.key == "minhash"))
        conn.execute(insert(link_meta).values(key="minhash", value=minhash.SCHEME))

    def reset(self) -> None:
        """Forget every link (tables emptied, vector file emptied)."""
        with write_transaction(self.engine) as conn:
            for table in reversed(metadata.sorted_tables):
                if table is not link_meta:
                    conn.execute(delete(table))
            self.vectors.clear()
        self._profiles.clear()
        self.searcher.invalidate()

    def relink(self, articles: Iterable[Article],
               progress: Callable[[int], None] | None = None) -> LinkReport:
        """Rebuild all links from scratch (``dragoman reprocess``), in the order given."""
        self.reset()
        return self.link(articles, progress)

    # ------------------------------------------------------------------ linking
    def link(self, articles: Iterable[Article],
             progress: Callable[[int], None] | None = None) -> LinkReport:
        """Link articles in the order given; an already linked id is re-decided.

        Work is committed every :data:`LINK_CHUNK` articles; ``progress`` (e.g. a progress bar's
        ``advance``) is called with the number of articles each committed chunk held.
        """
        report = LinkReport()
        start = time.perf_counter()
        for chunk in _chunks(articles, LINK_CHUNK):
            self._link_chunk(chunk, report)
            if progress is not None:
                progress(len(chunk))
        report.seconds = time.perf_counter() - start
        self.searcher.invalidate()
        return report

    def _link_chunk(self, chunk: list[Article], report: LinkReport) -> None:
        # The same id twice in one chunk: only the last version counts.
        chunk = list({a.id: a for a in chunk}.values())
        self._pending_entities = []  # nothing left over from a chunk that failed
        profiles = [build_profile(a) for a in chunk]
        vectors = np.asarray(self.embedder.passages([embedding_text(a) for a in chunk]), dtype=np.float32)
        signatures = [minhash.signature(f"{a.title or ''}\n{a.text or a.raw_text}") for a in chunk]
        # The write lock covers the vector append too: two processes never write one row.
        with write_transaction(self.engine) as conn:
            known = set(conn.execute(select(link_articles.c.article_id).where(
                link_articles.c.article_id.in_([a.id for a in chunk]))).scalars())
            if known:
                self._forget(conn, known)
                report.relinked += len(known)
            # Vectors go to disk before the rows that point at them are committed: a crash
            # leaves at worst an unreferenced row, never a reference to a missing vector.
            first_row = self.vectors.append(vectors)
            stop = first_row + len(chunk)
            window = self.vectors.scores(vectors, start=max(0, stop - RECENT_WINDOW), stop=stop)
            offset = max(0, stop - RECENT_WINDOW)
            seq = (conn.execute(select(func.max(link_articles.c.seq))).scalar() or 0) + 1
            try:
                for i, (article, profile) in enumerate(zip(chunk, profiles)):
                    row = first_row + i
                    column = window[:, i].copy()
                    column[row - offset:] = -np.inf  # itself and later ones are not linked yet
                    order = top_k(column, VECTOR_NEIGHBOURS)
                    neighbours = [int(offset + j) for j in order if np.isfinite(column[j])]
                    self._link_one(conn, article, profile, row, vectors[i], signatures[i],
                                   neighbours, seq + i, report)
                if self._pending_entities:
                    conn.execute(insert(link_entities), self._pending_entities)
                    self._pending_entities = []
            except BaseException:
                # The transaction rolls back: cached profiles may describe rows that never were.
                self._profiles.clear()
                raise
        report.linked += len(chunk)
        if len(self._profiles) > PROFILE_CACHE_MAX:
            self._profiles.clear()

    def _members(self, conn, where=None, statement=None, **params) -> list[_Member]:
        """Linked articles: by a where-clause (rare paths) or a prebuilt statement (hot path)."""
        if statement is None:
            statement = select(*_MEMBER_COLUMNS).where(where).order_by(link_articles.c.seq.desc())
        rows = conn.execute(statement, params) if params else conn.execute(statement)
        out = []
        for aid, sid, vrow, group, seq, text in rows:
            profile = self._profiles.get(aid)
            if profile is None:
                profile = self._profiles[aid] = ArticleProfile.from_json(text)
            out.append(_Member(aid, sid, vrow, group, seq, profile))
        return out

    def _candidate_story_ids(self, conn, profile: ArticleProfile) -> list[str]:
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

    def _story_states(self, conn, story_ids) -> dict[str, StoryState]:
        if not story_ids:
            return {}
        states = {}
        for row in conn.execute(_STORY_STATES, {"ids": list(story_ids)}):
            data = json.loads(row.keys)
            states[row.story_id] = StoryState(
                story_id=row.story_id, mode=row.mode, first_day=row.first_day, last_day=row.last_day,
                n_articles=row.n_articles, keys=Counter(data.get("keys", {})),
                places=Counter(json.loads(row.places)), families=set(data.get("families", [])),
                names=dict(data.get("names", {})),
                title=row.title, title_from=row.title_from,
                langs={x for x in (row.langs or "").split(",") if x})
        return states

    def _near_copy(self, conn, profile: ArticleProfile, sig) -> str | None:
        if sig is None:
            return None
        keys = minhash.band_keys(sig, profile.lang)
        ids = set(conn.execute(_BAND_HITS, {"keys": keys}).scalars())
        if not ids:
            return None
        best, best_j = None, minhash.NEAR_COPY_JACCARD
        for aid, data in conn.execute(_SIGNATURES, {"ids": list(ids)}):
            j = minhash.jaccard(sig, minhash.from_bytes(data))
            if j >= best_j:
                best, best_j = aid, j
        return best

    def _link_one(self, conn, article: Article, profile: ArticleProfile, row: int, vector: np.ndarray,
                  sig, neighbour_rows: list[int], seq: int, report: LinkReport) -> None:
        floors = self.embedder.floors
        story_ids = self._candidate_story_ids(conn, profile)
        neighbours = self._members(conn, statement=_MEMBERS_AT_ROWS, rows=neighbour_rows) if neighbour_rows else []
        story_ids = list(dict.fromkeys(story_ids + [m.story_id for m in neighbours if m.story_id]))
        states = self._story_states(conn, story_ids)
        members: dict[str, list[_Member]] = {}
        if story_ids:
            for m in self._members(conn, statement=_MEMBERS_OF_STORIES, ids=story_ids):
                bucket = members.setdefault(m.story_id, [])
                if len(bucket) < MAX_MEMBERS_COMPARED:
                    bucket.append(m)
        pool = {m.article_id: m for ms in members.values() for m in ms}
        pool.update({m.article_id: m for m in neighbours})
        pool_list = [m for m in pool.values() if m.vec_row is not None]
        sims = {}
        if pool_list:
            values = self.vectors.get([m.vec_row for m in pool_list]) @ vector
            sims = {m.article_id: float(s) for m, s in zip(pool_list, values)}

        # 1-2: copies.
        target_id = self._near_copy(conn, profile, sig)
        if target_id is not None:
            report.near_copies += 1
        else:
            best = None
            for m in pool_list:
                s = sims[m.article_id]
                if (best is None or s > best[0]) and confirm_copy(profile, m.profile, s, floors):
                    best = (s, m.article_id)
            if best is not None:
                target_id = best[1]
                report.translations += 1
        target = None
        if target_id is not None:
            target = pool.get(target_id) or next(iter(self._members(conn, statement=_MEMBER_BY_ID, aid=target_id)), None)

        # 3: story.
        story_id = None
        if target is not None and target.story_id:
            story_id = target.story_id
        else:
            best_score = None
            for sid, state in states.items():
                sim = max((sims.get(m.article_id, -1.0) for m in members.get(sid, [])), default=-1.0)
                score = story_score(profile, state, sim, floors)
                if score is not None and (best_score is None or score > best_score):
                    story_id, best_score = sid, score
        if story_id is None:
            story_id = "st-" + content_hash(article.id)[:16]
            # A reused id (the founder was forgotten and re-linked) must not collide.
            if conn.execute(_STORY_EXISTS, {"sid": story_id}).first():
                story_id = "st-" + content_hash(f"{article.id}:{seq}")[:16]
            report.new_stories += 1
            state = StoryState(story_id=story_id, mode=profile.mode, first_day=None, last_day=None, n_articles=0)
            state.add(profile)
            conn.execute(insert(link_stories), {"story_id": story_id, "seq": seq, **self._story_values(state)})
        else:
            report.joined_stories += 1
            if story_id not in members:
                members[story_id] = self._members(conn, statement=_MEMBERS_OF_STORIES, ids=[story_id])[:MAX_MEMBERS_COMPARED]
            state = states.get(story_id) or self._story_states(conn, [story_id])[story_id]
            state.add(profile)
            conn.execute(_UPDATE_STORY, {"b_story_id": story_id,
                                         **{f"b_{k}": v for k, v in self._story_values(state).items()}})

        group = (target.dup_group or target.article_id) if target is not None else article.id
        conn.execute(insert(link_articles), {
            "article_id": article.id, "seq": seq, "lang": profile.lang, "published": profile.published,
            "anchor_day": profile.anchor_day, "title": profile.title, "story_id": story_id, "duplicate_of": None,
            "dup_group": group, "vec_row": row, "profile": profile.to_json(),
            "signature": minhash.to_bytes(sig) if sig is not None else None})
        self._profiles[article.id] = profile
        if target is not None and target.dup_group is None:
            conn.execute(_SET_GROUP, {"b_article_id": target.article_id, "b_dup_group": group})
        self._index_article(conn, article, profile, story_id, sig)
        if target is not None:
            self._settle_originals(conn, group)

        # 4: conflicts with every compared member of the story, recorded on both sides.
        rows = []
        for m in members.get(story_id, []):
            if m.article_id == article.id:
                continue
            copies = target is not None and (m.dup_group or m.article_id) == group
            for found, owner in ((compare(profile, m.profile, copies=copies), article.id),
                                 (compare(m.profile, profile, copies=copies), m.article_id)):
                rows += [{"article_id": owner, "other_id": c.other, "story_id": story_id, "field": c.field,
                          "value": _jdump(c.value), "other_value": _jdump(c.other_value),
                          "event_type": c.event_type} for c in found]
        if rows:
            conn.execute(insert(link_conflicts), rows)
            report.conflicts += len(rows)

    @staticmethod
    def _story_values(state: StoryState) -> dict:
        return {"mode": state.mode, "first_day": state.first_day, "last_day": state.last_day,
                "n_articles": state.n_articles,
                "keys": _jdump({"keys": dict(state.keys), "families": sorted(state.families),
                                "names": state.names}),
                "places": _jdump(dict(state.places)), "title": state.title, "title_from": state.title_from,
                "langs": ",".join(sorted(state.langs))}

    def _index_article(self, conn, article: Article, profile: ArticleProfile, story_id: str, sig) -> None:
        day = profile.anchor_day
        if profile.key_ids:
            conn.execute(insert(link_story_keys), [
                {"key": k, "day": day, "story_id": story_id, "article_id": article.id} for k in profile.key_ids])
        if sig is not None:
            conn.execute(insert(link_lsh_bands), [
                {"band_key": k, "article_id": article.id} for k in minhash.band_keys(sig, profile.lang)])
        # Entity rows only serve search: written once per chunk (see _link_chunk).
        for entity in {e.id: e for e in article.entities}.values():
            name = norm_name(entity.name)[:255]
            self._pending_entities.append({
                "article_id": article.id, "entity_id": entity.id[:255], "name_norm": name,
                "last_token": (name.split() or [""])[-1][:64], "type": entity.type, "mentions": entity.mentions})

    def _recount_story(self, conn, story_id: str) -> None:
        """Rebuild a story's state from its members after some left (or delete it if none)."""
        members = sorted(self._members(conn, statement=_MEMBERS_OF_STORIES, ids=[story_id]), key=lambda m: m.seq)
        if not members:
            conn.execute(delete(link_stories).where(link_stories.c.story_id == story_id))
            return
        state = StoryState(story_id=story_id, mode=members[0].profile.mode, first_day=None, last_day=None,
                           n_articles=0)
        for m in members:
            state.add(m.profile)
        conn.execute(_UPDATE_STORY, {"b_story_id": story_id,
                                     **{f"b_{k}": v for k, v in self._story_values(state).items()}})

    def _settle_originals(self, conn, group: str) -> None:
        members = self._members(conn, link_articles.c.dup_group == group)
        if not members:
            return
        # An undated version is placed on the earliest day the group's text dates the event.
        undated_day = min((m.profile.anchor_day for m in members if m.profile.anchor_day is not None), default=None)
        original = min(members, key=lambda m: original_rank(m.profile, m.seq, undated_day))
        conn.execute(_SET_DUPLICATE, [{"b_article_id": m.article_id,
                                       "b_duplicate_of": None if m is original else original.article_id}
                                      for m in members])

    # ------------------------------------------------------------------ forgetting
    def forget(self, article_ids: Iterable[str]) -> int:
        """Remove articles from every link; returns how many were linked."""
        ids = sorted(set(article_ids))
        count = 0
        with write_transaction(self.engine) as conn:
            # Bounded IN lists: databases cap the number of bound parameters per statement.
            for start in range(0, len(ids), FORGET_BATCH):
                count += self._forget(conn, set(ids[start:start + FORGET_BATCH]))
        self.searcher.invalidate()
        return count

    def _forget(self, conn, ids: set[str]) -> int:
        ids = list(ids)
        rows = conn.execute(select(link_articles.c.article_id, link_articles.c.story_id,
                                   link_articles.c.dup_group).where(link_articles.c.article_id.in_(ids))).all()
        if not rows:
            return 0
        for table, column in ((link_story_keys, link_story_keys.c.article_id),
                              (link_lsh_bands, link_lsh_bands.c.article_id),
                              (link_entities, link_entities.c.article_id),
                              (link_articles, link_articles.c.article_id)):
            conn.execute(delete(table).where(column.in_(ids)))
        conn.execute(delete(link_conflicts).where(or_(link_conflicts.c.article_id.in_(ids),
                                                      link_conflicts.c.other_id.in_(ids))))
        for aid in ids:
            self._profiles.pop(aid, None)
        for story_id in {r.story_id for r in rows if r.story_id}:
            self._recount_story(conn, story_id)
        for group in {r.dup_group for r in rows if r.dup_group}:
            self._settle_originals(conn, group)
        return len(rows)

    # ------------------------------------------------------------------ reading
    def annotate(self, article: Article) -> Article:
        """Fill ``story``, ``duplicate_of`` and ``conflicts`` from the link tables."""
        with self.engine.connect() as conn:
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
        with self.engine.connect() as conn:
            if actor:
                story_ids = select(link_articles.c.story_id).where(
                    link_articles.c.article_id.in_(self.searcher.actor_articles(actor)))
                query = query.where(link_stories.c.story_id.in_(story_ids))
            rows = conn.execute(query).all()
        out = []
        for row in rows:
            data = json.loads(row.keys)
            keys, names = data.get("keys", {}), data.get("names", {})
            ranked = sorted(keys, key=lambda k: -keys[k])
            out.append(StorySummary(
                id=row.story_id, title=row.title or row.story_id, first_date=_iso(row.first_day),
                last_date=_iso(row.last_day), n_articles=row.n_articles,
                langs=[x for x in (row.langs or "").split(",") if x],
                participants=[names.get(k, k) for k in ranked]))
        return out

    def story(self, story_id: str) -> StoryDetail | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(link_stories).where(link_stories.c.story_id == story_id)).first()
            if row is None:
                return None
            members = sorted(self._members(conn, link_articles.c.story_id == story_id), key=lambda m: m.seq)
            dup = dict(conn.execute(select(link_articles.c.article_id, link_articles.c.duplicate_of)
                                    .where(link_articles.c.story_id == story_id)).all())
            conflicts = [StoryConflict(article=c.article_id, other=c.other_id, field=c.field,
                                       value=json.loads(c.value), other_value=json.loads(c.other_value),
                                       event_type=c.event_type)
                         for c in conn.execute(select(link_conflicts).where(link_conflicts.c.story_id == story_id)
                                               .order_by(link_conflicts.c.id))]
        keys = json.loads(row.keys).get("keys", {})
        names: dict[str, str] = {}
        for m in members:
            names.update(m.profile.names)
        return StoryDetail(
            id=story_id, title=row.title or story_id, first_date=_iso(row.first_day), last_date=_iso(row.last_day),
            articles=[StoryArticle(id=m.article_id, lang=m.profile.lang, title=m.profile.title,
                                   published=m.profile.published, duplicate_of=dup.get(m.article_id))
                      for m in members],
            events=merge_events([(m.profile, m.profile.lang) for m in members]),
            conflicts=conflicts,
            participants=[names.get(k, k) for k in sorted(keys, key=lambda k: -keys[k])],
            langs=sorted({m.profile.lang for m in members if m.profile.lang}))

    # ------------------------------------------------------------------ search
    def search(self, query: str, *, lang: str | None = None, since: str | None = None,
               actor: str | None = None, k: int = 20) -> list[SearchHit]:
        """Articles in any language ranked by meaning, boosted when they involve named entities."""
        return self.searcher.search(query, lang=lang, since=since, actor=actor, k=k)

    def search_stories(self, query: str, *, lang: str | None = None, since: str | None = None,
                       actor: str | None = None, k: int = 10) -> list[StoryHit]:
        """Stories ranked by their best matching article."""
        return self.searcher.search_stories(query, lang=lang, since=since, actor=actor, k=k)
