"""The storage interface. :class:`dragoman.store.sql.SqlStore` implements it over SQLAlchemy;
a second backend (a document store, a remote service) implements the same methods.

One writer at a time (datasette's rule): the CLI opens one store per process and writes
from one thread. Every ``put_*`` is its own transaction, so an interrupted batch leaves
only whole articles behind and the next run resumes by skipping what is already stored.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from ..doc import Article, RawDocument, Rejection


class StoreError(RuntimeError):
    """A store that cannot be opened or written; the message is meant for the user."""


@dataclass
class StoredRaw:
    """A stored raw input, enough to rebuild its RawDocument without the original file."""

    article_id: str
    origin: str
    input_format: str
    hash: str
    raw: bytes
    encoding: str | None = None


@dataclass
class RejectionRecord:
    origin: str
    reason: str
    input_format: str | None
    at: str  # ISO time the rejection was recorded


@dataclass
class Counts:
    """What ``dragoman stats`` prints."""

    articles: int = 0
    rejected: int = 0
    by_lang: dict[str, int] = field(default_factory=dict)
    by_source: dict[str, int] = field(default_factory=dict)
    by_month: dict[str, int] = field(default_factory=dict)
    by_format: dict[str, int] = field(default_factory=dict)
    rewrites: int = 0
    events: int = 0
    facts: int = 0
    entities: int = 0  # distinct entities mentioned


class Store(Protocol):
    url: str

    def close(self) -> None: ...

    # Articles
    def find_hash(self, content_hash: str) -> str | None: ...
    def put_article(self, raw: RawDocument, article: Article) -> str: ...
    def update_article(self, article: Article) -> None: ...
    def get_article(self, article_id: str) -> Article | None: ...
    def iter_articles(self, *, lang: str | None = None, ids: Iterable[str] | None = None,
                      undated: bool = False) -> Iterator[Article]: ...
    def iter_raw(self) -> Iterator[StoredRaw]: ...
    def count_articles(self) -> int: ...

    # Rejections
    def put_rejection(self, rejection: Rejection) -> None: ...
    def clear_rejection(self, origin: str) -> None: ...
    def iter_rejections(self) -> Iterator[RejectionRecord]: ...

    # Aggregates
    def counts(self) -> Counts: ...
    def entity_counts(self, *, lang: str | None = None, type: str | None = None,
                      limit: int = 50) -> list[tuple[str, str, str, int, int]]: ...
    def articles_mentioning(self, entity_id: str) -> list[tuple[str, str | None, str | None, int]]: ...
