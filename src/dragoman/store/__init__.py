"""Where articles live. ``open_store`` picks the backend from the ``--db`` value."""
from __future__ import annotations

from .base import Counts, RejectionRecord, Store, StoredRaw, StoreError
from .sql import SqlStore, database_url

__all__ = ["Counts", "RejectionRecord", "Store", "StoredRaw", "StoreError", "SqlStore", "database_url", "open_store"]


def open_store(path_or_url: str, *, create: bool = True) -> SqlStore:
    """The store for a path (SQLite file) or SQLAlchemy URL."""
    return SqlStore(path_or_url, create=create)
