"""A session: the store, and the story index beside it, opened once for a front end's request.

The CLI opens one per command, a web server one per request (or one per worker). Nothing here
knows about a terminal: long work reports through a :class:`Reporter`, which the CLI draws as
a progress bar and a web server ignores or logs.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..config import default_db
from ..errors import UserError
from ..store import Store, open_store

if TYPE_CHECKING:
    from ..stories import LinkIndex, Linker, StoryReader


class Reporter(Protocol):
    """Where long work reports: notices (one line each) and progress of named tasks."""

    def notice(self, message: str) -> None: ...

    def start(self, label: str, total: int | None) -> None: ...

    def advance(self, count: int = 1, **fields: str) -> None: ...

    def finish(self) -> None: ...


class SilentReporter:
    """Reports nothing (tests, web requests)."""

    def notice(self, message: str) -> None:
        pass

    def start(self, label: str, total: int | None) -> None:
        pass

    def advance(self, count: int = 1, **fields: str) -> None:
        pass

    def finish(self) -> None:
        pass


STORIES_MISSING = "this needs the stories stage (dragoman.stories), which is not installed"


@dataclass
class _StoryParts:
    """The story index and its two users, opened together on the session's store."""

    index: "LinkIndex"
    linker: "Linker"
    reader: "StoryReader"


@dataclass
class Session:
    store: Store
    reporter: Reporter = field(default_factory=SilentReporter)
    _stories: _StoryParts | None = None
    _stories_loaded: bool = False

    def link_index(self, *, repair: bool = True) -> "LinkIndex | None":
        """The story index (``dragoman.stories``), or None when that stage is not installed.

        The story index is derived data: when it cannot serve as it is (vector file missing or
        damaged, tables of an older layout) it is rebuilt from the store here, whatever asked for it."""
        if not self._stories_loaded:
            self._stories = _open_stories(self.store)
            self._stories_loaded = True
            problem = self._stories.index.damage() if (self._stories is not None and repair) else None
            if problem:
                total = self.store.count_articles()
                self.reporter.notice(f"{problem}: rebuilding it from the {total} stored articles")
                relink_all(self, label="rebuild index")
        return self._stories.index if self._stories is not None else None

    def linker(self, *, repair: bool = True) -> "Linker | None":
        """What links articles into stories (writes the index), or None without the stories stage."""
        self.link_index(repair=repair)
        return self._stories.linker if self._stories is not None else None

    def reader(self) -> "StoryReader | None":
        """What reads stories and searches (the index, repaired first), or None without the stage."""
        self.link_index()
        return self._stories.reader if self._stories is not None else None

    def require_linker(self) -> "Linker":
        linker = self.linker()
        if linker is None:
            raise UserError(STORIES_MISSING)
        return linker

    def require_reader(self) -> "StoryReader":
        reader = self.reader()
        if reader is None:
            raise UserError(STORIES_MISSING)
        return reader


def _open_stories(store: Store) -> _StoryParts | None:
    try:
        from ..stories import LinkIndex, Linker, StoryReader
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("dragoman.stories"):
            return None
        raise
    index = LinkIndex(store.engine, store.index_dir)
    return _StoryParts(index, Linker(index), StoryReader(index))


def relink_all(session: Session, *, label: str = "relink") -> None:
    """Rebuild every link from the stored articles, in ingest order."""
    store, linker = session.store, session.linker(repair=False)
    mark = store.pending_mark()
    session.reporter.start(label, store.count_articles())
    try:
        linker.relink(store.iter_articles(), progress=session.reporter.advance)
    finally:
        session.reporter.finish()
    store.clear_pending(None, mark)


@contextmanager
def open_session(db: str | None = None, *, create: bool = False,
                 reporter: Reporter | None = None) -> Iterator[Session]:
    """Open the store at ``db`` (a SQLite path or SQLAlchemy URL; default :func:`default_db`)."""
    with open_store(db or default_db(), create=create) as store:
        yield Session(store, reporter or SilentReporter())
