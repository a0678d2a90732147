"""The link tables: what corpus-level linking knows, kept beside the store.

The linker owns its own :class:`MetaData` (every table prefixed ``link_``) so it can be created,
dropped and rebuilt (``dragoman reprocess``) without touching the article store. Only portable
Core constructs are used (no upserts, no JSON column types, no dialect SQL): the same code runs on
SQLite and PostgreSQL. Structured per-article data the linker needs later (events, facts, key
participants) is kept as a JSON text "profile" so deciding a new article never re-reads the
article store.

The tables are derived data: when their layout changes, :data:`SCHEMA` changes with it and an
index of an older layout is rebuilt from the store (see :class:`~dragoman.stories.index.LinkIndex`).
"""
from __future__ import annotations

from sqlalchemy import Column, Index, Integer, LargeBinary, MetaData, String, Table, Text

# Layout version, kept in ``link_meta``: 2 moved a story's participants and event families out of
# one JSON column into their own table and column.
SCHEMA = "2"

metadata = MetaData()

# One row per linked article.
link_articles = Table(
    "link_articles", metadata,
    Column("article_id", String(255), primary_key=True),
    Column("seq", Integer, nullable=False, index=True),  # ingest (link) order
    Column("lang", String(8), index=True),
    Column("published", String(32)),
    Column("anchor_day", Integer, index=True),  # ordinal day of the main event (or publication)
    Column("title", Text),
    Column("story_id", String(64), index=True),
    Column("duplicate_of", String(255), index=True),
    Column("dup_group", String(255), index=True),  # all copies/translations of one text share it
    Column("vec_row", Integer, index=True),  # row in the vector file
    Column("signature", LargeBinary),  # MinHash signature (uint32 little-endian), NULL for short texts
    Column("profile", Text, nullable=False),  # ArticleProfile as JSON
)

link_stories = Table(
    "link_stories", metadata,
    Column("story_id", String(64), primary_key=True),
    Column("seq", Integer, nullable=False, index=True),
    Column("mode", String(16), nullable=False),  # reported / planned
    Column("first_day", Integer, index=True),
    Column("last_day", Integer, index=True),
    Column("n_articles", Integer, nullable=False),
    Column("families", Text, nullable=False),  # comma-separated event families of the main events
    Column("places", Text, nullable=False),  # JSON {place id: number of member articles}
    Column("title", Text),  # canonical English title
    Column("title_from", String(255)),  # member article whose title it is, or "built"
    Column("langs", String(255)),  # comma-separated member languages
)

# Who a story is about: its members' key participants, in the order they first appeared.
link_story_participants = Table(
    "link_story_participants", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # first-appearance order
    Column("story_id", String(64), nullable=False, index=True),
    Column("participant_id", String(255), nullable=False, index=True),
    Column("members", Integer, nullable=False),  # member articles with them as a key participant
    Column("name", Text),  # canonical name, from the first member that named them
)

# Blocking index: which stories involve a participant around a day (NULL day: undated).
link_story_keys = Table(
    "link_story_keys", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(255), nullable=False),
    Column("day", Integer),
    Column("story_id", String(64), nullable=False, index=True),
    Column("article_id", String(255), nullable=False, index=True),
    Index("ix_link_story_keys_key_day", "key", "day"),
)

# LSH band keys of the MinHash signatures, for same-language near copies.
link_lsh_bands = Table(
    "link_lsh_bands", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("band_key", String(64), nullable=False, index=True),
    Column("article_id", String(255), nullable=False, index=True),
)

link_conflicts = Table(
    "link_conflicts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(255), nullable=False, index=True),
    Column("other_id", String(255), nullable=False, index=True),
    Column("story_id", String(64), nullable=False, index=True),
    Column("field", String(32), nullable=False),
    Column("value", Text),  # JSON
    Column("other_value", Text),  # JSON
    Column("event_type", String(32)),
)

# Entity index for search filters (actor) and query-entity boosts.
link_entities = Table(
    "link_entities", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(255), nullable=False, index=True),
    Column("entity_id", String(255), nullable=False, index=True),
    Column("name_norm", String(255), nullable=False, index=True),
    Column("last_token", String(64), index=True),  # surname-only queries ("Tokayev")
    Column("type", String(16)),
    Column("mentions", Integer),
)

link_meta = Table(
    "link_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

ALL_TABLES = (link_articles, link_stories, link_story_participants, link_story_keys, link_lsh_bands,
              link_conflicts, link_entities, link_meta)
