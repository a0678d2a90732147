"""What ``dragoman watch`` remembers between polls, kept in the store beside the articles.

Two tables, with their own :class:`MetaData` (created on first use, like the link tables), so a
store that never watched a feed carries none of them:

- ``feed_state``: one row per feed URL: its validators (ETag, Last-Modified), when to poll it
  next, how many polls in a row failed and why.
- ``feed_entries``: one row per entry ever listed, keyed by the entry's id. Inserting that row
  *is* the claim to ingest the entry: the primary key refuses a second claim, so two watchers on
  one store never ingest an entry twice. A claim is a lease (``not_before``): a watcher killed
  mid-entry leaves a claim that another run takes over once the lease has run out.

Times are seconds since the epoch (floats), from the caller's clock, so tests can inject one.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Column, Float, Integer, LargeBinary, MetaData, String, Table, Text, func, select, update
from sqlalchemy.engine import Engine

from .transactions import ensure_tables, upsert, write_transaction

# Entry states: still to ingest (claimed, or waiting to retry), or finished for good.
PENDING = "pending"
DONE = "done"

metadata = MetaData()

feed_state = Table(
    "feed_state", metadata,
    Column("url", String(2048), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("next_poll", Float, nullable=False, default=0.0),
    Column("interval", Float),  # seconds between polls the feed asked for (ttl, sy:updatePeriod)
    Column("failures", Integer, nullable=False, default=0),  # failed polls in a row
    Column("last_error", Text),
    Column("last_polled", Float),
    Column("moved_to", Text),  # where a permanent redirect pointed
)

feed_entries = Table(
    "feed_entries", metadata,
    Column("key", String(255), primary_key=True),
    Column("feed_url", String(2048), nullable=False, index=True),
    Column("url", Text),  # the entry's link (its page), if it has one
    Column("status", String(16), nullable=False, index=True),
    Column("attempts", Integer, nullable=False, default=0),  # page fetches that failed for now
    Column("not_before", Float, nullable=False),  # claim lease, or when to retry
    Column("entry_origin", Text),
    Column("entry_raw", LargeBinary),  # the entry as the feed gave it (a one-entry feed)
    Column("article_id", String(255)),
    Column("outcome", String(16)),  # added, updated, unchanged, rejected
    Column("last_error", Text),
    Column("first_seen", Float, nullable=False),
)


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    next_poll: float = 0.0
    interval: float | None = None
    failures: int = 0
    last_error: str | None = None
    last_polled: float | None = None
    moved_to: str | None = None


@dataclass
class EntryRecord:
    """A claimed entry: what is needed to fetch its page, or to fall back on the feed's text."""

    key: str
    feed_url: str
    url: str | None
    attempts: int
    entry_origin: str | None
    entry_raw: bytes | None


_STATE_FIELDS = ("etag", "last_modified", "next_poll", "interval", "failures", "last_error", "last_polled",
                 "moved_to")


class FeedLedger:
    """The watcher's state in one store (``store.engine``)."""

    def __init__(self, engine: Engine):
        self.engine = engine
        ensure_tables(engine, metadata)

    # Feeds ------------------------------------------------------------------------------------
    def feed(self, url: str) -> FeedState:
        """The saved state of a feed, or a fresh one (due now) for a feed never polled."""
        with self.engine.connect() as conn:
            row = conn.execute(select(feed_state).where(feed_state.c.url == url)).mappings().first()
        if row is None:
            return FeedState(url)
        return FeedState(url, **{name: row[name] for name in _STATE_FIELDS})

    def save_feed(self, state: FeedState) -> None:
        values = {name: getattr(state, name) for name in _STATE_FIELDS}
        with write_transaction(self.engine) as conn:
            conn.execute(upsert(conn, feed_state, ["url"], update=values).values(url=state.url, **values))

    # Entries ----------------------------------------------------------------------------------
    def claim(self, key: str, feed_url: str, url: str | None, *, entry_origin: str | None,
              entry_raw: bytes | None, now: float, lease: float) -> bool:
        """Claim a newly listed entry; False when it is known already (ingested, or claimed by
        another watcher whose lease still runs)."""
        with write_transaction(self.engine) as conn:
            # The primary key settles it, even against a watcher that does not take our lock.
            claimed = conn.execute(upsert(conn, feed_entries, ["key"]).values(
                key=key, feed_url=feed_url, url=url, status=PENDING, attempts=0, not_before=now + lease,
                entry_origin=entry_origin, entry_raw=entry_raw, first_seen=now).returning(feed_entries.c.key))
            # (RETURNING, not rowcount: psycopg's rowcount is unreliable for ON CONFLICT DO NOTHING.)
            return claimed.first() is not None

    def claim_due(self, feed_url: str, *, now: float, lease: float) -> list[EntryRecord]:
        """Claim this feed's pending entries whose retry time (or a dead watcher's lease) has come."""
        due = (select(feed_entries).where(feed_entries.c.feed_url == feed_url, feed_entries.c.status == PENDING,
                                          feed_entries.c.not_before <= now)
               .order_by(feed_entries.c.first_seen, feed_entries.c.key))
        claimed = []
        with write_transaction(self.engine) as conn:
            for row in conn.execute(due).mappings().all():
                conn.execute(update(feed_entries).where(feed_entries.c.key == row["key"])
                             .values(not_before=now + lease))
                claimed.append(EntryRecord(row["key"], row["feed_url"], row["url"], row["attempts"],
                                           row["entry_origin"], row["entry_raw"]))
        return claimed

    def finish(self, key: str, *, outcome: str, article_id: str | None = None, error: str | None = None) -> None:
        """The entry is ingested (or set aside for good): never again."""
        with write_transaction(self.engine) as conn:
            conn.execute(update(feed_entries).where(feed_entries.c.key == key).values(
                status=DONE, outcome=outcome, article_id=article_id, last_error=error, entry_raw=None))

    def retry_later(self, key: str, *, at: float, error: str | None, count_attempt: bool = True) -> None:
        """Give the claim back, to be taken again at ``at`` (a failed fetch, or an interruption)."""
        values = dict(not_before=at, last_error=error)
        if count_attempt:
            values["attempts"] = feed_entries.c.attempts + 1
        with write_transaction(self.engine) as conn:
            conn.execute(update(feed_entries).where(feed_entries.c.key == key,
                                                    feed_entries.c.status == PENDING).values(**values))

    def next_retry(self, feed_url: str) -> float | None:
        """When this feed's earliest pending entry may be tried again, if it has any."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.min(feed_entries.c.not_before))
                                .where(feed_entries.c.feed_url == feed_url, feed_entries.c.status == PENDING)).scalar()

    def entry_status(self, key: str) -> tuple[str, str | None] | None:
        """(status, outcome) of an entry, or None when it was never listed."""
        with self.engine.connect() as conn:
            row = conn.execute(select(feed_entries.c.status, feed_entries.c.outcome)
                               .where(feed_entries.c.key == key)).first()
        return (row[0], row[1]) if row else None

    def count_entries(self, *, status: str | None = None) -> int:
        query = select(func.count()).select_from(feed_entries)
        if status:
            query = query.where(feed_entries.c.status == status)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())
