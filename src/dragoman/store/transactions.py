"""One writer at a time, across processes: the write transaction every store and index write uses.

Two ``dragoman ingest`` processes on one store must not interleave a check ("is this hash
stored?", "which story row is the latest?") with another's insert. SQLite's default deferred
transaction takes its write lock only at the first write, after the checks, and then fails at
once with "database is locked" if another writer got there first. So a write transaction here
takes the lock at its start: ``BEGIN IMMEDIATE`` on SQLite, a transaction-scoped advisory lock on
PostgreSQL. Readers (export, search) never take it: WAL lets them read while a writer writes.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import MetaData, Table, event, insert, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

# Seconds a writer waits for another process's write transaction before giving up. Ingest
# transactions are short (one article, one link chunk), so a long wait means a stuck process.
BUSY_TIMEOUT_SECONDS = 120
# Any fixed 64-bit number works: it names dragoman's write lock among PostgreSQL advisory locks.
POSTGRES_WRITE_LOCK = 0x647261676F6D616E  # "dragoman"
# Attempts at creating missing tables when another process creates them at the same moment.
CREATE_ATTEMPTS = 5
CREATE_RETRY_SECONDS = 0.2
# SQLite page cache per connection (default 2 MiB). Linking looks up and inserts into a dozen
# indexes keyed by ids and hashes, all over their B-trees: with 100 000 articles stored those
# pages no longer fit the default cache, and the cost per article grew with the store.
SQLITE_CACHE_MIB = 64

_WRITE_OPTION = "dragoman_write"


def _sqlite_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy's "begin" event, not the driver, decide how a transaction starts.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
    # WAL lets readers (export, stats) run while an ingest writes; NORMAL sync is safe with WAL.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_MIB * 1024}")  # negative: KiB, not pages
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE_OPTION) else "BEGIN")


def configure(engine: Engine) -> Engine:
    """Install the connection settings the write transaction relies on (SQLite only)."""
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction holding the store's single write lock from its first statement."""
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE_OPTION: True})
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": POSTGRES_WRITE_LOCK})
            yield conn


def ensure_tables(engine: Engine, metadata: MetaData) -> None:
    """Create the tables of ``metadata`` that are missing, tolerating a concurrent creator.

    Readers find every table present and take no lock; a creator holds the write lock, so two
    processes opening a new store one instant apart create each table once.
    """
    wanted = set(metadata.tables)
    for attempt in range(CREATE_ATTEMPTS):
        if wanted <= set(inspect(engine).get_table_names()):
            return
        try:
            with write_transaction(engine) as conn:
                metadata.create_all(conn)
            return
        except DBAPIError as error:
            # "already exists" from a creator that does not take our lock (an older dragoman).
            if attempt == CREATE_ATTEMPTS - 1 or "exist" not in str(error.orig).lower():
                raise
            time.sleep(CREATE_RETRY_SECONDS)


def upsert(conn: Connection, table: Table, keys: list[str], update: dict | None = None):
    """``INSERT … ON CONFLICT (keys) DO NOTHING`` (or ``DO UPDATE SET update``) on SQLite and
    PostgreSQL: the database's unique constraint settles a race between two writers."""
    name = conn.dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:  # another backend: a plain insert, its unique constraints still refuse a duplicate
        return insert(table)
    statement = dialect_insert(table)
    if update:
        return statement.on_conflict_do_update(index_elements=keys, set_=update)
    return statement.on_conflict_do_nothing(index_elements=keys)
