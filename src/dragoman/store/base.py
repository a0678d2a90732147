"""The storage interface. :class:`dragoman.store.sql.SqlStore` implements it over SQLAlchemy;
a second backend (a document store, a remote service) implements the same methods.

One writer at a time (datasette's rule): every write takes the store's single write lock
(see ``store/transactions.py``), so several processes may share a store. Every ``put_*`` is its
own transaction, so an interrupted batch leaves only whole articles behind and the next run
resumes by skipping what is already stored; an article written but not yet linked into a story
keeps a mark until the linker has seen it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from ..doc import Article, Event, Fact, RawDocument, Rejection


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
    """What every layer above the store uses; :class:`~dragoman.store.sql.SqlStore` is one
    implementation, a second backend implements these methods and nothing else."""

    url: str

    def close(self) -> None: ...

    # Articles
    def find_hash(self, content_hash: str) -> str | None: ...
    def origin_of(self, article_id: str) -> str | None: ...
    def put_article(self, raw: RawDocument, article: Article) -> str: ...
    def update_article(self, article: Article) -> None: ...
    def get_article(self, article_id: str) -> Article | None: ...
    def iter_articles(self, *, lang: str | None = None, ids: Iterable[str] | None = None,
                      undated: bool = False) -> Iterator[Article]: ...
    def iter_ids(self) -> Iterator[str]: ...
    def iter_raw(self) -> Iterator[StoredRaw]: ...
    def count_articles(self) -> int: ...

    # Events, facts and the entities articles name (indexed, no article is deserialised)
    def find_events(self, *, entity_ids: Iterable[str] = (), name_folded: str | None = None,
                    type: str | None = None, since: str | None = None, until: str | None = None,
                    lang: str | None = None, statuses: Iterable[str] | None = None
                    ) -> list[tuple[str, str | None, Event]]: ...
    def find_facts(self, *, article_ids: Iterable[str] | None = None,
                   lang: str | None = None) -> list[tuple[str, str | None, Fact]]: ...
    def articles_naming(self, entity_ids: Iterable[str], name: str | None = None) -> set[str]: ...
    def publication_dates_sharing(self, article_id: str, entity_ids: Iterable[str], people: Iterable[str],
                                  min_shared: int) -> list[str]: ...

    # "Not yet linked" marks
    def pending_links(self) -> tuple[list[str], int]: ...
    def pending_mark(self) -> int: ...
    def clear_pending(self, article_ids: Iterable[str] | None, up_to: int) -> None: ...
    def count_pending(self) -> int: ...

    # Rejections
    def put_rejection(self, rejection: Rejection) -> None: ...
    def clear_rejection(self, origin: str) -> None: ...
    def iter_rejections(self) -> Iterator[RejectionRecord]: ...

    # Aggregates
    def counts(self) -> Counts: ...
    def entity_counts(self, *, lang: str | None = None, type: str | None = None,
                      limit: int = 50) -> list[tuple[str, str, str, int, int]]: ...
    def articles_mentioning(self, entity_id: str) -> list[tuple[str, str | None, str | None, int]]: ...
