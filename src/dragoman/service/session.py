"""A session: the store, and the story index beside it, opened once for a front end's request.

The CLI opens one per command, a web server one per request (or one per worker). Nothing here
knows about a terminal: long work reports through a :class:`Reporter`, which the CLI draws as
a progress bar and a web server ignores or logs.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol

from ..config import default_db
from ..errors import UserError
from ..store import Store, open_store


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


@dataclass
class Session:
    store: Store
    reporter: Reporter = field(default_factory=SilentReporter)
    _linker: object | None = None
    _linker_loaded: bool = False

    def linker(self, *, repair: bool = True):
        """The story linker (``dragoman.stories``), or None when that stage is not installed.

        The story index is derived data: when its vector file is missing or damaged it is
        rebuilt from the store here, whatever asked for it."""
        if not self._linker_loaded:
            self._linker = _open_linker(self.store)
            self._linker_loaded = True
            problem = self._linker.damage() if (self._linker is not None and repair) else None
            if problem:
                total = self.store.count_articles()
                self.reporter.notice(f"{problem}: rebuilding it from the {total} stored articles")
                relink_all(self, label="rebuild index")
        return self._linker

    def require_linker(self):
        linker = self.linker()
        if linker is None:
            raise UserError("this needs the stories stage (dragoman.stories), which is not installed")
        return linker


def _open_linker(store: Store):
    try:
        from ..stories.linker import StoryLinker
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("dragoman.stories"):
            return None
        raise
    return StoryLinker(store.engine, store.index_dir)


def relink_all(session: Session, *, label: str = "relink") -> None:
    """Rebuild every link from the stored articles, in ingest order."""
    store, linker = session.store, session._linker
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
