"""SQLAlchemy implementation of the store: SQLite (WAL) by default, any SQLAlchemy URL works.

Only portable SQL is used (Core expressions, no dialect-specific statements), so a
``postgresql://`` URL works without code changes. Raw inputs are kept zlib-compressed so every
article can be reprocessed when the pipeline improves.
"""
from __future__ import annotations

import json
import os
import zlib
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (Boolean, Column, Index, Integer, LargeBinary, MetaData, String, Table, Text,
                        create_engine, delete, func, insert, select, text, update)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from ..doc import Article, Event, Fact, RawDocument, Rejection
from .analysis import AnalysisTables
from .base import Counts, RejectionRecord, StoredRaw, StoreError
from .transactions import configure, ensure_tables, upsert, write_transaction

# 2: events, facts and mentions in their own tables (store/analysis.py), backfilled on open.
# 3: article_entities indexed by entity. 4: one raw input per content hash, as a unique index.
SCHEMA_VERSION = 4
# Zlib level for raw inputs: 6 is the usual speed/size balance; raw is read back rarely.
RAW_COMPRESSION_LEVEL = 6
# Ids per DELETE when clearing linking marks: well under SQLite's bound-parameter limit.
CLEAR_BATCH = 500

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(255), primary_key=True),
    Column("hash", String(64), nullable=False, index=True),
    Column("origin", Text, nullable=False),
    Column("input_format", String(16), nullable=False),
    Column("lang", String(8), index=True),
    Column("published", String(32), index=True),
    Column("month", String(7), index=True),
    Column("title", Text),
    Column("source", String(255), index=True),
    Column("author", String(255)),
    Column("rewrite", Boolean, nullable=False, default=False),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_facts", Integer, nullable=False, default=0),
    Column("data", Text, nullable=False),  # the whole Article as JSON, raw_text excluded
    Column("ingested_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)

raw_inputs = Table(
    "raw_inputs", metadata,
    Column("article_id", String(255), primary_key=True),
    Column("hash", String(64), nullable=False),
    Column("origin", Text, nullable=False),
    Column("input_format", String(16), nullable=False),
    Column("encoding", String(32)),
    Column("data", LargeBinary, nullable=False),
)

rejections = Table(
    "rejections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False, index=True),
    Column("reason", Text, nullable=False),
    Column("input_format", String(16)),
    Column("at", String(32), nullable=False),
)

article_entities = Table(
    "article_entities", metadata,
    Column("article_id", String(255), primary_key=True),
    Column("entity_id", String(255), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("lang", String(8)),
    Column("mentions", Integer, nullable=False),
)
# Each content is stored once: concurrent ingests race on this constraint, not on a prior check.
raw_inputs_by_hash = Index("ux_raw_inputs_hash", raw_inputs.c.hash, unique=True)
# Which articles name an entity: the facts and entity pages of a large store ask this.
article_entities_by_entity = Index("ix_article_entities_entity", article_entities.c.entity_id)

analysis = AnalysisTables(metadata, articles)

# Articles stored (or re-analysed) whose story links are not written yet. A row is added in the
# article's own transaction and removed once the linker has committed, so a crash or Ctrl-C in
# between leaves a durable mark and the next run links the article first. The autoincrement id
# orders marks: clearing "what I linked" never clears a newer mark made meanwhile by another process.
pending_links = Table(
    "pending_links", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(255), nullable=False, index=True),
)

store_meta = Table(
    "store_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


class _AlreadyStored(Exception):
    """Raised inside a write transaction to roll it back: this content is stored already."""


def unique_id(article_id: str, content_hash: str) -> str:
    """The id for an input whose stem is already taken by another origin (same name, other folder)."""
    return f"{article_id}-{content_hash[:8]}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def database_url(path_or_url: str) -> str:
    """A SQLAlchemy URL from ``--db``: a URL is used as is, anything else is a SQLite file."""
    if "://" in path_or_url:
        return path_or_url
    return f"sqlite:///{Path(path_or_url).expanduser().resolve()}"


def _article_json(article: Article) -> str:
    data = article.to_dict()
    data.pop("raw_text", None)  # kept in raw_inputs; storing it twice only costs space
    return json.dumps(data, ensure_ascii=False)


class SqlStore:
    """The default store. Use as a context manager or call :meth:`close`."""

    def __init__(self, path_or_url: str, *, create: bool = True):
        self.url = database_url(path_or_url)
        if self.url.startswith("sqlite:///"):
            db_path = Path(self.url[len("sqlite:///"):])
            if not create and not db_path.exists():
                raise StoreError(f"no store at {db_path}: run `dragoman ingest` first or pass --db")
            if not db_path.parent.exists():
                raise StoreError(f"cannot create store {db_path}: folder {db_path.parent} does not exist")
            if db_path.exists() and not os.access(db_path, os.R_OK):
                raise StoreError(f"cannot read store {db_path}: permission denied")
        try:
            self.engine: Engine = configure(create_engine(self.url, future=True))
            ensure_tables(self.engine, metadata)
            self._check_schema()
        except SQLAlchemyError as error:
            raise StoreError(f"cannot open store {self.url}: {error.__class__.__name__}: {error.orig if hasattr(error, 'orig') else error}") from None

    @property
    def index_dir(self) -> Path:
        """Where file-based indexes (story vectors) live: beside a SQLite file, else
        ``$DRAGOMAN_INDEX_DIR`` or ``./dragoman-index``."""
        if self.url.startswith("sqlite:///"):
            db_path = Path(self.url[len("sqlite:///"):])
            return db_path.with_name(db_path.name + ".index")
        return Path(os.environ.get("DRAGOMAN_INDEX_DIR") or "dragoman-index").resolve()

    def __enter__(self) -> "SqlStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def _check_schema(self) -> None:
        query = select(store_meta.c.value).where(store_meta.c.key == "schema")
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is not None and int(row[0]) > SCHEMA_VERSION:
            raise StoreError(f"store {self.url} was written by a newer dragoman (schema {row[0]}); upgrade dragoman")
        if row is not None and int(row[0]) == SCHEMA_VERSION:
            return
        with write_transaction(self.engine) as conn:
            row = conn.execute(query).first()  # again, under the lock: another process may have migrated
            if row is not None and int(row[0]) >= SCHEMA_VERSION:
                return
            if row is not None and int(row[0]) < 2:
                self._backfill_analysis(conn)
            if row is not None and int(row[0]) < 3:
                article_entities_by_entity.create(bind=conn, checkfirst=True)
            if row is not None and int(row[0]) < 4:
                raw_inputs_by_hash.create(bind=conn, checkfirst=True)
                conn.execute(text("DROP INDEX IF EXISTS ix_raw_inputs_hash"))
            conn.execute(delete(store_meta).where(store_meta.c.key == "schema"))
            conn.execute(insert(store_meta).values(key="schema", value=str(SCHEMA_VERSION)))

    @staticmethod
    def _backfill_analysis(conn) -> None:
        """Schema 1 kept events and facts only inside each article's JSON: copy them out."""
        for _id, data in conn.execute(select(articles.c.id, articles.c.data)).all():
            article = Article.from_dict(json.loads(data) | {"raw_text": ""})
            analysis.write(conn, article)

    # Articles ---------------------------------------------------------------------------------
    def find_hash(self, content_hash: str) -> str | None:
        """The id of the article stored with this content hash, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(select(raw_inputs.c.article_id).where(raw_inputs.c.hash == content_hash)).first()
        return row[0] if row else None

    def origin_of(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(articles.c.origin).where(articles.c.id == article_id)).first()
        return row[0] if row else None

    def put_article(self, raw: RawDocument, article: Article) -> str:
        """Insert or replace one article and its raw input in one write transaction, marked as
        not yet linked; returns ``"added"``, ``"updated"`` (same id, new content) or
        ``"unchanged"`` (another process stored the same content since the caller checked).

        The checks run inside the transaction, under the write lock, so concurrent ingests of
        overlapping folders store each content once and never give two inputs one id."""
        now = _now()
        compressed = zlib.compress(raw.raw, RAW_COMPRESSION_LEVEL)
        try:
            with write_transaction(self.engine) as conn:
                origin = conn.execute(select(articles.c.origin).where(articles.c.id == article.id)).scalar()
                if origin is not None and origin != raw.origin:
                    article.id = raw.id = unique_id(raw.id, raw.hash)
                    origin = conn.execute(select(articles.c.origin).where(articles.c.id == article.id)).scalar()
                exists = origin is not None
                # Same id, new content: the old raw input goes (same content stays and conflicts below).
                conn.execute(delete(raw_inputs).where(raw_inputs.c.article_id == article.id,
                                                      raw_inputs.c.hash != raw.hash))
                # The unique hash decides "already stored", even against a writer without our lock.
                stored = conn.execute(upsert(conn, raw_inputs, ["hash"]).values(
                    article_id=article.id, hash=raw.hash, origin=raw.origin, input_format=raw.input_format,
                    encoding=raw.encoding, data=compressed).returning(raw_inputs.c.article_id))
                # (rowcount is not reliable for ON CONFLICT DO NOTHING under psycopg: ask RETURNING.)
                if stored.first() is None:
                    raise _AlreadyStored  # rolls back the delete above
                values = self._article_values(article)
                conn.execute(upsert(conn, articles, ["id"], update={**values, "updated_at": now}).values(
                    id=article.id, **values, ingested_at=now, updated_at=now))
                self._write_entities(conn, article)
                analysis.write(conn, article)
                conn.execute(delete(rejections).where(rejections.c.origin == raw.origin))
                conn.execute(insert(pending_links).values(article_id=article.id))
        except _AlreadyStored:
            return "unchanged"
        return "updated" if exists else "added"

    def update_article(self, article: Article) -> None:
        """Rewrite an article's analysis (reprocess, corpus passes) without touching its raw
        input; it is marked as not yet linked until the linker has seen the new analysis."""
        with write_transaction(self.engine) as conn:
            conn.execute(update(articles).where(articles.c.id == article.id)
                         .values(**self._article_values(article), updated_at=_now()))
            self._write_entities(conn, article)
            analysis.write(conn, article)
            conn.execute(insert(pending_links).values(article_id=article.id))

    # Events, facts, mentions -------------------------------------------------------------------
    def find_events(self, *, entity_ids: Iterable[str] = (), name_folded: str | None = None,
                    type: str | None = None, since: str | None = None, until: str | None = None,
                    lang: str | None = None, statuses: Iterable[str] | None = None
                    ) -> list[tuple[str, str | None, Event]]:
        """(article id, language, event) by participant ids or folded name, type, years,
        language and status: see :meth:`AnalysisTables.find_events`."""
        with self.engine.connect() as conn:
            return list(analysis.find_events(conn, entity_ids=entity_ids, name_folded=name_folded, type=type,
                                             since=since, until=until, lang=lang, statuses=statuses))

    def find_facts(self, *, article_ids: Iterable[str] | None = None,
                   lang: str | None = None) -> list[tuple[str, str | None, Fact]]:
        with self.engine.connect() as conn:
            return list(analysis.find_facts(conn, article_ids=article_ids, lang=lang))

    def articles_naming(self, entity_ids: Iterable[str], name: str | None = None) -> set[str]:
        """Ids of the articles that name any of these entities (or an entity called ``name``,
        compared case-insensitively in any script)."""
        entity_ids = list(entity_ids)
        found: set[str] = set()
        with self.engine.connect() as conn:
            if entity_ids:
                found.update(conn.execute(select(article_entities.c.article_id)
                                          .where(article_entities.c.entity_id.in_(entity_ids))).scalars())
            if name:
                folded = name.casefold()
                # SQL lower() folds ASCII only: compare the (few) distinct names here instead.
                ids = [eid for eid, entity_name in conn.execute(
                    select(article_entities.c.entity_id, article_entities.c.name).distinct())
                       if entity_name.casefold() == folded]
                if ids:
                    found.update(conn.execute(select(article_entities.c.article_id)
                                              .where(article_entities.c.entity_id.in_(ids))).scalars())
        return found

    def publication_dates_sharing(self, article_id: str, entity_ids: Iterable[str], people: Iterable[str],
                                  min_shared: int) -> list[str]:
        """Publication dates of the other dated articles that name at least ``min_shared`` of
        ``entity_ids``, one of them among ``people``."""
        entity_ids, people = list(entity_ids), list(people)
        shared = func.count(article_entities.c.entity_id)
        with_person = select(article_entities.c.article_id).where(article_entities.c.entity_id.in_(people))
        sharing = (select(article_entities.c.article_id)
                   .where(article_entities.c.entity_id.in_(entity_ids), article_entities.c.article_id != article_id,
                          article_entities.c.article_id.in_(with_person))
                   .group_by(article_entities.c.article_id)
                   .having(shared >= min_shared))
        query = select(articles.c.published).where(articles.c.id.in_(sharing), articles.c.published.is_not(None))
        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(query) if row[0]]

    # Linking marks ----------------------------------------------------------------------------
    def pending_links(self) -> tuple[list[str], int]:
        """Ids of stored articles not linked since they were last written, in ingest order,
        and the mark to pass to :meth:`clear_pending` once they are linked."""
        with self.engine.connect() as conn:
            mark = conn.execute(select(func.max(pending_links.c.id))).scalar() or 0
            ids = conn.execute(select(articles.c.id)
                               .where(articles.c.id.in_(select(pending_links.c.article_id)
                                                        .where(pending_links.c.id <= mark)))
                               .order_by(articles.c.ingested_at, articles.c.id)).scalars().all()
        return list(ids), mark

    def pending_mark(self) -> int:
        """The newest linking mark: what :meth:`clear_pending` may clear after a full relink."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.max(pending_links.c.id))).scalar() or 0

    def clear_pending(self, article_ids: Iterable[str] | None, up_to: int) -> None:
        """Forget the not-linked marks of these articles (all, for ``None``) made up to ``up_to``;
        a mark made later (the article was written again meanwhile) stays."""
        query = delete(pending_links).where(pending_links.c.id <= up_to)
        with write_transaction(self.engine) as conn:
            if article_ids is None:
                conn.execute(query)
                return
            ids = list(dict.fromkeys(article_ids))
            for start in range(0, len(ids), CLEAR_BATCH):
                conn.execute(query.where(pending_links.c.article_id.in_(ids[start:start + CLEAR_BATCH])))

    def count_pending(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count(func.distinct(pending_links.c.article_id)))).scalar_one())

    @staticmethod
    def _article_values(article: Article) -> dict:
        month = article.published[:7] if article.published and len(article.published) >= 7 else None
        return dict(hash=article.hash, origin=article.origin, input_format=article.input_format,
                    lang=article.lang, published=article.published, month=month, title=article.title,
                    source=article.source, author=article.author, rewrite=bool(article.rewrite),
                    n_events=len(article.events), n_facts=len(article.facts), data=_article_json(article))

    @staticmethod
    def _write_entities(conn, article: Article) -> None:
        conn.execute(delete(article_entities).where(article_entities.c.article_id == article.id))
        merged: dict[str, tuple[str, str, int]] = {}
        for ref in article.entities:
            name, type_, count = merged.get(ref.id, (ref.name, ref.type, 0))
            merged[ref.id] = (name, type_, count + ref.mentions)
        if merged:
            conn.execute(insert(article_entities), [
                dict(article_id=article.id, entity_id=eid, name=name, type=type_, lang=article.lang, mentions=count)
                for eid, (name, type_, count) in merged.items()])

    def _row_to_article(self, data: str, raw_text: str = "") -> Article:
        payload = json.loads(data)
        payload["raw_text"] = raw_text
        return Article.from_dict(payload)

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(articles.c.data).where(articles.c.id == article_id)).first()
        return self._row_to_article(row[0]) if row else None

    def iter_articles(self, *, lang: str | None = None, ids: Iterable[str] | None = None,
                      undated: bool = False, batch: int = 500) -> Iterator[Article]:
        """Articles in ingest order (then id), streamed in batches to bound memory;
        ``undated`` keeps those without a publication date."""
        query = select(articles.c.id, articles.c.data).order_by(articles.c.ingested_at, articles.c.id)
        if undated:
            query = query.where(articles.c.published.is_(None))
        if lang:
            query = query.where(articles.c.lang == lang)
        if ids is not None:
            query = query.where(articles.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            for _id, data in conn.execution_options(yield_per=batch).execute(query):
                yield self._row_to_article(data)

    def iter_ids(self) -> Iterator[str]:
        """Every article id, in ingest order."""
        with self.engine.connect() as conn:
            yield from conn.execute(select(articles.c.id).order_by(articles.c.ingested_at, articles.c.id)).scalars()

    def iter_raw(self) -> Iterator[StoredRaw]:
        query = (select(raw_inputs).join(articles, articles.c.id == raw_inputs.c.article_id)
                 .order_by(articles.c.ingested_at, articles.c.id))
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                yield StoredRaw(article_id=row["article_id"], origin=row["origin"], input_format=row["input_format"],
                                hash=row["hash"], raw=zlib.decompress(row["data"]), encoding=row["encoding"])

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())

    # Rejections -------------------------------------------------------------------------------
    def put_rejection(self, rejection: Rejection) -> None:
        """Record why an input was set aside; the same input rejected again keeps one row."""
        with write_transaction(self.engine) as conn:
            conn.execute(delete(rejections).where(rejections.c.origin == rejection.origin))
            conn.execute(insert(rejections).values(origin=rejection.origin, reason=rejection.reason,
                                                   input_format=rejection.input_format, at=_now()))

    def clear_rejection(self, origin: str) -> None:
        with write_transaction(self.engine) as conn:
            conn.execute(delete(rejections).where(rejections.c.origin == origin))

    def iter_rejections(self) -> Iterator[RejectionRecord]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(rejections).order_by(rejections.c.at, rejections.c.origin)).mappings():
                yield RejectionRecord(origin=row["origin"], reason=row["reason"],
                                      input_format=row["input_format"], at=row["at"])

    # Aggregates -------------------------------------------------------------------------------
    def counts(self) -> Counts:
        result = Counts()
        with self.engine.connect() as conn:
            result.articles = int(conn.execute(select(func.count()).select_from(articles)).scalar_one())
            result.rejected = int(conn.execute(select(func.count()).select_from(rejections)).scalar_one())
            result.events = int(conn.execute(select(func.coalesce(func.sum(articles.c.n_events), 0))).scalar_one())
            result.facts = int(conn.execute(select(func.coalesce(func.sum(articles.c.n_facts), 0))).scalar_one())
            result.entities = int(conn.execute(
                select(func.count(func.distinct(article_entities.c.entity_id)))).scalar_one())
            result.rewrites = int(conn.execute(
                select(func.count()).select_from(articles).where(articles.c.rewrite.is_(True))).scalar_one())
            for column, target in ((articles.c.lang, result.by_lang), (articles.c.source, result.by_source),
                                   (articles.c.month, result.by_month), (articles.c.input_format, result.by_format)):
                for key, count in conn.execute(select(column, func.count()).group_by(column)):
                    target[key if key is not None else "unknown"] = int(count)
        return result

    def entity_counts(self, *, lang: str | None = None, type: str | None = None,
                      limit: int = 50) -> list[tuple[str, str, str, int, int]]:
        """(entity_id, name, type, mentions, articles), most mentioned first."""
        mentions = func.sum(article_entities.c.mentions).label("mentions")
        n_articles = func.count(article_entities.c.article_id).label("articles")
        query = (select(article_entities.c.entity_id, func.min(article_entities.c.name),
                        func.min(article_entities.c.type), mentions, n_articles)
                 .group_by(article_entities.c.entity_id)
                 .order_by(mentions.desc(), article_entities.c.entity_id).limit(limit))
        if lang:
            query = query.where(article_entities.c.lang == lang)
        if type:
            query = query.where(article_entities.c.type == type)
        with self.engine.connect() as conn:
            return [(r[0], r[1], r[2], int(r[3]), int(r[4])) for r in conn.execute(query)]

    def articles_mentioning(self, entity_id: str) -> list[tuple[str, str | None, str | None, int]]:
        """(article_id, lang, title, mentions) for one entity, most mentions first."""
        query = (select(article_entities.c.article_id, articles.c.lang, articles.c.title, article_entities.c.mentions)
                 .join(articles, articles.c.id == article_entities.c.article_id)
                 .where(article_entities.c.entity_id == entity_id)
                 .order_by(article_entities.c.mentions.desc(), article_entities.c.article_id))
        with self.engine.connect() as conn:
            return [(r[0], r[1], r[2], int(r[3])) for r in conn.execute(query)]
