"""Corpus-level linking: near copies, translations, stories and conflicts, incrementally.

Articles arrive in ingest order; each is decided once against what is already linked:

1. **Candidates** (:mod:`~dragoman.stories.candidates`): the stories of its key participants
   around its day, its nearest recent vectors, its same-language MinHash near copies.
2. **Decision** (:func:`~dragoman.stories.decide.decide`, pure): a near copy, else a translation
   or close rewrite confirmed by shared entity ids, figures, dates and layout
   (:func:`~dragoman.stories.cluster.confirm_copy`); a copy joins its original's story, anything
   else the best story passing :func:`~dragoman.stories.cluster.story_score`, else it starts a
   new one. Stories never merge, so a story id, once given, stays.
3. **Writes** (here, all in one write transaction per chunk): the article's row, its story's
   state, the blocking and band keys, the entity rows search uses, and the conflicts with the
   story's members, recorded on both articles.

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

import numpy as np
from sqlalchemy import bindparam, delete, func, insert, or_, select, update

from ..doc import Article, content_hash
from ..store.transactions import write_transaction
from . import minhash
from .candidates import gather, recent_neighbours, story_members
from .cluster import StoryState, original_rank
from .decide import NEAR_COPY, TRANSLATION, Candidates, LinkDecision, decide, story_conflicts
from .index import LINKED_IN_STORIES, LinkIndex
from .prepare import LinkInput, prepare_links
from .profile import ArticleProfile, norm_name
from .tables import (link_articles, link_conflicts, link_entities, link_lsh_bands, link_stories,
                     link_story_keys, link_story_participants)

# Articles embedded and committed together: amortises model calls and transactions.
LINK_CHUNK = 256
# Articles forgotten per statement batch (databases cap the bound parameters of a statement).
FORGET_BATCH = 500

_STORY_EXISTS = select(link_stories.c.story_id).where(link_stories.c.story_id == bindparam("sid"))
_STORY_COLUMNS = ("mode", "first_day", "last_day", "n_articles", "families", "places", "title", "title_from",
                  "langs")
_UPDATE_STORY = update(link_stories).where(link_stories.c.story_id == bindparam("b_story_id")).values(
    {name: bindparam(f"b_{name}") for name in _STORY_COLUMNS})
_UPDATE_PARTICIPANT = update(link_story_participants).where(
    link_story_participants.c.story_id == bindparam("b_story_id"),
    link_story_participants.c.participant_id == bindparam("b_participant_id")).values(members=bindparam("b_members"))
_SET_DUPLICATE = update(link_articles).where(link_articles.c.article_id == bindparam("b_article_id")).values(
    duplicate_of=bindparam("b_duplicate_of"))
_SET_GROUP = update(link_articles).where(link_articles.c.article_id == bindparam("b_article_id")).values(
    dup_group=bindparam("b_dup_group"))


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


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _jdump(value) -> str:
    return json.dumps(value, ensure_ascii=False)


class Linker:
    """Links articles into stories: decides each one and writes the decision into the index."""

    def __init__(self, index: LinkIndex):
        self.index = index
        self._pending_entities: list[dict] = []

    def relink(self, articles: Iterable[Article],
               progress: Callable[[int], None] | None = None) -> LinkReport:
        """Rebuild all links from scratch (``dragoman reprocess``), in the order given."""
        self.index.reset()
        return self.link(articles, progress)

    def link(self, articles: Iterable[Article],
             progress: Callable[[int], None] | None = None) -> LinkReport:
        """Link articles in the order given; an already linked id is re-decided.

        Work is committed every :data:`LINK_CHUNK` articles; ``progress`` (e.g. a progress bar's
        ``advance``) is called with the number of articles each committed chunk held.
        """
        return self.link_prepared(((article, None) for article in articles), progress)

    def link_prepared(self, pairs: Iterable[tuple[Article, LinkInput | None]],
                      progress: Callable[[int], None] | None = None) -> LinkReport:
        """:meth:`link` for articles whose linking inputs were made ahead (:mod:`.prepare`, in an
        ingest worker): only the decisions and the writes are left. A missing input (None), or
        one made by another embedder than the index's, is made here, one batch for the chunk."""
        return self._link_chunks(_chunks(pairs, LINK_CHUNK), progress)

    def _link_chunks(self, chunks: Iterable[list[tuple[Article, LinkInput | None]]],
                     progress: Callable[[int], None] | None) -> LinkReport:
        report = LinkReport()
        start = time.perf_counter()
        try:
            for chunk in chunks:
                self._link_chunk(chunk, report)
                if progress is not None:
                    progress(len(chunk))
        finally:
            self.index.changed()
        report.seconds = time.perf_counter() - start
        return report

    def forget(self, article_ids: Iterable[str]) -> int:
        """Remove articles from every link; returns how many were linked."""
        ids = sorted(set(article_ids))
        count = 0
        try:
            with write_transaction(self.index.engine) as conn:
                for start in range(0, len(ids), FORGET_BATCH):
                    count += self._forget(conn, set(ids[start:start + FORGET_BATCH]))
        finally:
            self.index.changed()
        return count

    # ------------------------------------------------------------------ one chunk
    def _link_chunk(self, pairs: list[tuple[Article, LinkInput | None]], report: LinkReport) -> None:
        # The same id twice in one chunk: only the last version counts.
        pairs = list({a.id: (a, link and link.with_id(a.id)) for a, link in pairs}.values())
        index = self.index
        stale = [i for i, (_, link) in enumerate(pairs) if link is None or link.embedder != index.embedder.name]
        if stale:
            remade = prepare_links([pairs[i][0] for i in stale], index.embedder)
            for i, link in zip(stale, remade):
                pairs[i] = (pairs[i][0], link)
        chunk = [a for a, _ in pairs]
        self._pending_entities = []  # nothing left over from a chunk that failed
        profiles = [link.profile for _, link in pairs]
        vectors = np.ascontiguousarray(np.stack([link.vector for _, link in pairs]), dtype=np.float32)
        signatures = [link.signature for _, link in pairs]
        # The write lock covers the vector append too: two processes never write one row.
        with write_transaction(index.engine) as conn:
            known = set(conn.execute(select(link_articles.c.article_id).where(
                link_articles.c.article_id.in_([a.id for a in chunk]))).scalars())
            if known:
                self._forget(conn, known)
                report.relinked += len(known)
            # Vectors go to disk before the rows that point at them are committed: a crash
            # leaves at worst an unreferenced row, never a reference to a missing vector.
            first_row = index.vectors.append(vectors)
            neighbours = recent_neighbours(index.vectors, vectors, first_row)
            seq = (conn.execute(select(func.max(link_articles.c.seq))).scalar() or 0) + 1
            try:
                for i, (article, profile) in enumerate(zip(chunk, profiles)):
                    candidates = gather(index, conn, profile, vectors[i], signatures[i], neighbours[i])
                    decision = decide(article.id, profile, candidates, index.embedder.floors)
                    self._write(conn, article, profile, decision, candidates, first_row + i, signatures[i],
                                seq + i, report)
                if self._pending_entities:
                    conn.execute(insert(link_entities), self._pending_entities)
                    self._pending_entities = []
            except BaseException:
                # The transaction rolls back: cached profiles may describe rows that never were.
                index.forget_profiles()
                raise
        report.linked += len(chunk)
        index.trim_profiles()

    def _write(self, conn, article: Article, profile: ArticleProfile, decision: LinkDecision,
               candidates: Candidates, row: int, sig, seq: int, report: LinkReport) -> None:
        """Write one decided article: its story's state, its row, its keys, its conflicts."""
        if decision.copy_kind == NEAR_COPY:
            report.near_copies += 1
        elif decision.copy_kind == TRANSLATION:
            report.translations += 1
        story_id = decision.story_id
        if story_id is None:
            story_id = "st-" + content_hash(article.id)[:16]
            # A reused id (the founder was forgotten and re-linked) must not collide.
            if conn.execute(_STORY_EXISTS, {"sid": story_id}).first():
                story_id = "st-" + content_hash(f"{article.id}:{seq}")[:16]
            report.new_stories += 1
            state = StoryState(story_id=story_id, mode=profile.mode, first_day=None, last_day=None, n_articles=0)
            state.add(profile)
            conn.execute(insert(link_stories), {"story_id": story_id, "seq": seq, **self._story_values(state)})
            self._write_participants(conn, state, Counter())
            compared = []
        else:
            report.joined_stories += 1
            compared = candidates.members.get(story_id) or story_members(self.index, conn, story_id)
            state = candidates.stories.get(story_id) or self.index.story_states(conn, [story_id])[story_id]
            before = Counter(state.keys)
            state.add(profile)
            conn.execute(_UPDATE_STORY, {"b_story_id": story_id,
                                         **{f"b_{k}": v for k, v in self._story_values(state).items()}})
            self._write_participants(conn, state, before)

        target, group = decision.copy_of, decision.group
        conn.execute(insert(link_articles), {
            "article_id": article.id, "seq": seq, "lang": profile.lang, "published": profile.published,
            "anchor_day": profile.anchor_day, "title": profile.title, "story_id": story_id, "duplicate_of": None,
            "dup_group": group, "vec_row": row, "profile": profile.to_json(),
            "signature": minhash.to_bytes(sig) if sig is not None else None})
        self.index.remember_profile(profile)
        if target is not None and target.dup_group is None:
            conn.execute(_SET_GROUP, {"b_article_id": target.article_id, "b_dup_group": group})
        self._index_article(conn, article, profile, story_id, sig)
        if target is not None:
            self._settle_originals(conn, group)

        rows = [{"article_id": owner, "other_id": c.other, "story_id": story_id, "field": c.field,
                 "value": _jdump(c.value), "other_value": _jdump(c.other_value), "event_type": c.event_type}
                for owner, c in story_conflicts(article.id, profile, compared, decision)]
        if rows:
            conn.execute(insert(link_conflicts), rows)
            report.conflicts += len(rows)

    @staticmethod
    def _story_values(state: StoryState) -> dict:
        return {"mode": state.mode, "first_day": state.first_day, "last_day": state.last_day,
                "n_articles": state.n_articles, "families": ",".join(sorted(state.families)),
                "places": _jdump(dict(state.places)), "title": state.title, "title_from": state.title_from,
                "langs": ",".join(sorted(state.langs))}

    @staticmethod
    def _write_participants(conn, state: StoryState, before: Counter) -> None:
        """Bring a story's participant rows from ``before`` to ``state.keys`` (new ones appended)."""
        new = [{"story_id": state.story_id, "participant_id": key, "members": count,
                "name": state.names.get(key, key)} for key, count in state.keys.items() if key not in before]
        changed = [{"b_story_id": state.story_id, "b_participant_id": key, "b_members": count}
                   for key, count in state.keys.items() if key in before and before[key] != count]
        if new:
            conn.execute(insert(link_story_participants), new)
        if changed:
            conn.execute(_UPDATE_PARTICIPANT, changed)

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

    def _settle_originals(self, conn, group: str) -> None:
        members = self.index.linked(conn, link_articles.c.dup_group == group)
        if not members:
            return
        # An undated version is placed on the earliest day the group's text dates the event.
        undated_day = min((m.profile.anchor_day for m in members if m.profile.anchor_day is not None), default=None)
        original = min(members, key=lambda m: original_rank(m.profile, m.seq, undated_day))
        conn.execute(_SET_DUPLICATE, [{"b_article_id": m.article_id,
                                       "b_duplicate_of": None if m is original else original.article_id}
                                      for m in members])

    # ------------------------------------------------------------------ forgetting
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
        self.index.forget_profiles(ids)
        for story_id in {r.story_id for r in rows if r.story_id}:
            self._recount_story(conn, story_id)
        for group in {r.dup_group for r in rows if r.dup_group}:
            self._settle_originals(conn, group)
        return len(rows)

    def _recount_story(self, conn, story_id: str) -> None:
        """Rebuild a story's state from its members after some left (or delete it if none)."""
        members = sorted(self.index.linked(conn, statement=LINKED_IN_STORIES, ids=[story_id]), key=lambda m: m.seq)
        conn.execute(delete(link_story_participants).where(link_story_participants.c.story_id == story_id))
        if not members:
            conn.execute(delete(link_stories).where(link_stories.c.story_id == story_id))
            return
        state = StoryState(story_id=story_id, mode=members[0].profile.mode, first_day=None, last_day=None,
                           n_articles=0)
        for m in members:
            state.add(m.profile)
        conn.execute(_UPDATE_STORY, {"b_story_id": story_id,
                                     **{f"b_{k}": v for k, v in self._story_values(state).items()}})
        self._write_participants(conn, state, Counter())
