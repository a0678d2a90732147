"""The link index: the ``link_*`` tables, the vector file beside them and the embedder that fills it.

Everything corpus-level linking knows lives here, and both sides use it: the
:class:`~dragoman.stories.linker.Linker` writes it, the :class:`~dragoman.stories.reader.StoryReader`
reads it. The index is derived data (the store can always rebuild it), so when it cannot serve as
it is (:meth:`LinkIndex.damage`: vectors missing, a table layout of an older version) the session
rebuilds it from the stored articles.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, bindparam, delete, func, insert, inspect, select

from ..store.transactions import ensure_tables, write_transaction
from . import minhash
from .cluster import StoryState
from .embed import E5Embedder, Embedder
from .profile import ArticleProfile
from .tables import (SCHEMA, link_articles, link_lsh_bands, link_meta, link_stories, link_story_participants,
                     metadata)
from .vectors import open_vectors

# Rows written per statement when band keys are rebuilt.
REBUILD_BATCH = 500
# Ids per IN list when reading many stories (databases cap the bound parameters of a statement).
ID_BATCH = 500
# Parsed profiles kept in memory between decisions.
PROFILE_CACHE_MAX = 50000

# Statements built once: constructing SQLAlchemy expressions per article cost more than running them.
LINKED_COLUMNS = (link_articles.c.article_id, link_articles.c.story_id, link_articles.c.vec_row,
                  link_articles.c.dup_group, link_articles.c.seq, link_articles.c.profile)
LINKED_IN_STORIES = (select(*LINKED_COLUMNS)
                     .where(link_articles.c.story_id.in_(bindparam("ids", expanding=True)))
                     .order_by(link_articles.c.seq.desc()))
LINKED_AT_ROWS = select(*LINKED_COLUMNS).where(link_articles.c.vec_row.in_(bindparam("rows", expanding=True)))
LINKED_BY_ID = select(*LINKED_COLUMNS).where(link_articles.c.article_id == bindparam("aid"))
_STORY_ROWS = select(link_stories).where(link_stories.c.story_id.in_(bindparam("ids", expanding=True)))
_ALL_PARTICIPANT_ROWS = select(link_story_participants.c.story_id, link_story_participants.c.participant_id,
                               link_story_participants.c.members,
                               link_story_participants.c.name).order_by(link_story_participants.c.id)
_PARTICIPANT_ROWS = _ALL_PARTICIPANT_ROWS.where(link_story_participants.c.story_id.in_(bindparam("ids", expanding=True)))


class LinkError(RuntimeError):
    """The link index cannot be used as it is (e.g. built with another embedder)."""


@dataclass
class LinkedArticle:
    """A linked article as decisions compare it: its place in the index and its profile."""

    article_id: str
    story_id: str | None
    vec_row: int | None
    dup_group: str | None
    seq: int
    profile: ArticleProfile


@dataclass
class Participants:
    """A story's key participants: members naming each, and canonical names (first-seen order)."""

    counts: Counter
    names: dict[str, str]


def split_list(text: str | None) -> list[str]:
    """A comma-separated column (languages, event families) as a list."""
    return [x for x in (text or "").split(",") if x]


def read_participants(conn, story_ids: Iterable[str] | None) -> dict[str, Participants]:
    """The participants of ``story_ids`` (every story's, for None), each story's in first-seen order."""
    out: dict[str, Participants] = {}
    if story_ids is None:
        batches = [conn.execute(_ALL_PARTICIPANT_ROWS)]
    else:
        ids = list(story_ids)
        out = {sid: Participants(Counter(), {}) for sid in ids}
        batches = (conn.execute(_PARTICIPANT_ROWS, {"ids": ids[start:start + ID_BATCH]})
                   for start in range(0, len(ids), ID_BATCH))
    for rows in batches:
        for sid, pid, members, name in rows:
            participants = out.get(sid) or out.setdefault(sid, Participants(Counter(), {}))
            participants.counts[pid] = members
            participants.names[pid] = name if name is not None else pid
    return out


class LinkIndex:
    """Opens (creating, checking or migrating) the link tables and the vector file."""

    def __init__(self, engine: Engine, index_dir: Path, embedder: Embedder | None = None):
        self.engine = engine
        self.index_dir = Path(index_dir)
        self.embedder: Embedder = embedder or E5Embedder()
        # Bumped by every write through this object, so readers know to drop their caches.
        self.generation = 0
        self._profiles: dict[str, ArticleProfile] = {}
        # Why the index was emptied on opening (tables of an older layout), if it held links.
        self._outdated: str | None = None
        ensure_tables(engine, metadata)
        dropped = self._check_meta()
        # Opened after the checks: an index refused for its embedder leaves no file of another size.
        # A file in index_dir beside SQLite; a table of the database itself on PostgreSQL.
        self.vectors = open_vectors(engine, self.index_dir, self.embedder.dim)
        if dropped:
            self.vectors.clear()

    # ------------------------------------------------------------------ state
    def damage(self) -> str | None:
        """Why the index cannot serve as it is (an older layout, vectors missing), else None."""
        if self._outdated:
            return self._outdated
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

    def reset(self) -> None:
        """Forget every link (tables emptied, vector file emptied)."""
        with write_transaction(self.engine) as conn:
            for table in reversed(metadata.sorted_tables):
                if table is not link_meta:
                    conn.execute(delete(table))
            self.vectors.clear()
        self._outdated = None
        self.forget_profiles()
        self.changed()

    def changed(self) -> None:
        """Note a write: cached reads (the search row map) are stale."""
        self.generation += 1

    # ------------------------------------------------------------------ reading
    def linked(self, conn, where=None, statement=None, **params) -> list[LinkedArticle]:
        """Linked articles: by a where-clause (rare paths) or a prebuilt statement (hot path)."""
        if statement is None:
            statement = select(*LINKED_COLUMNS).where(where).order_by(link_articles.c.seq.desc())
        rows = conn.execute(statement, params) if params else conn.execute(statement)
        out = []
        for aid, sid, vrow, group, seq, text in rows:
            profile = self._profiles.get(aid)
            if profile is None:
                profile = self._profiles[aid] = ArticleProfile.from_json(text)
            out.append(LinkedArticle(aid, sid, vrow, group, seq, profile))
        return out

    def story_states(self, conn, story_ids: Iterable[str]) -> dict[str, StoryState]:
        ids = list(story_ids)
        if not ids:
            return {}
        rows = conn.execute(_STORY_ROWS, {"ids": ids}).all()
        participants = read_participants(conn, [row.story_id for row in rows])
        return {row.story_id: StoryState(
            story_id=row.story_id, mode=row.mode, first_day=row.first_day, last_day=row.last_day,
            n_articles=row.n_articles, keys=participants[row.story_id].counts,
            places=Counter(json.loads(row.places)), families=set(split_list(row.families)),
            names=participants[row.story_id].names, title=row.title, title_from=row.title_from,
            langs=set(split_list(row.langs))) for row in rows}

    # ------------------------------------------------------------------ profile cache
    def remember_profile(self, profile: ArticleProfile) -> None:
        self._profiles[profile.id] = profile

    def forget_profiles(self, article_ids: Iterable[str] | None = None) -> None:
        """Drop cached profiles: of ``article_ids``, or all of them."""
        if article_ids is None:
            self._profiles.clear()
            return
        for aid in article_ids:
            self._profiles.pop(aid, None)

    def trim_profiles(self) -> None:
        """Keep memory bounded: start the cache afresh once it holds too many profiles."""
        if len(self._profiles) > PROFILE_CACHE_MAX:
            self._profiles.clear()

    # ------------------------------------------------------------------ setup
    def _check_meta(self) -> bool:
        """Record the layout, embedder and MinHash banding the index is built with; rebuild what
        an older layout or banding left. True when the tables of an older layout were recreated
        empty (their vectors must go too; the links are to be rebuilt)."""
        signature = f"{self.embedder.name}:{self.embedder.dim}"
        wanted = {"schema": SCHEMA, "embedder": signature, "minhash": minhash.SCHEME}
        with self.engine.connect() as conn:
            stored = self._meta(conn)
        if all(stored.get(key) == value for key, value in wanted.items()):
            return False  # nothing to write: read-only commands take no write lock
        dropped = False
        with write_transaction(self.engine) as conn:
            stored = self._meta(conn)
            if stored.get("schema") != SCHEMA and (stored.get("schema") or stored.get("embedder")):
                self._outdated = self._drop_outdated(conn, stored.get("schema"))
                stored, dropped = {}, True
            linked = conn.execute(select(func.count()).select_from(link_articles)).scalar()
            if stored.get("embedder") and stored["embedder"] != signature and linked:
                raise LinkError(f"the link index was built with embedder {stored['embedder']}, not {signature}; "
                                "relink the corpus (dragoman reprocess) to switch")
            if stored.get("minhash") != minhash.SCHEME and linked:
                self._rebuild_bands(conn)
            for key, value in wanted.items():
                if stored.get(key) != value:
                    conn.execute(delete(link_meta).where(link_meta.c.key == key))
                    conn.execute(insert(link_meta).values(key=key, value=value))
        return dropped

    @staticmethod
    def _meta(conn) -> dict[str, str]:
        return dict(conn.execute(select(link_meta.c.key, link_meta.c.value)).all())

    @staticmethod
    def _drop_outdated(conn, schema: str | None) -> str | None:
        """Recreate the tables of an older layout empty; the reason to relink, if anything was linked."""
        linked = conn.execute(select(func.count()).select_from(link_articles)).scalar()
        present = set(inspect(conn).get_table_names())
        for table in reversed(metadata.sorted_tables):
            if table.name in present:
                table.drop(conn)
        metadata.create_all(conn)
        if not linked:
            return None
        return (f"the story index has the table layout of an older version (schema {schema or 1}, "
                f"now {SCHEMA})")

    @staticmethod
    def _rebuild_bands(conn) -> None:
        """Band keys of another MinHash banding never match: rebuild them from the stored
        signatures (no text needed). An index without a recorded scheme used 16 bands of 8 rows."""
        conn.execute(delete(link_lsh_bands))
        rows = conn.execute(select(link_articles.c.article_id, link_articles.c.lang, link_articles.c.signature)
                            .where(link_articles.c.signature.is_not(None))).all()
        for start in range(0, len(rows), REBUILD_BATCH):
            conn.execute(insert(link_lsh_bands), [
                {"band_key": key, "article_id": aid}
                for aid, lang, data in rows[start:start + REBUILD_BATCH]
                for key in minhash.band_keys(minhash.from_bytes(data), lang)])
