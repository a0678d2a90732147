"""The web application: ``create_app(db)`` gives a FastAPI app serving the HTML pages at ``/``
and the JSON API at ``/api/v1`` over one store.

The app opens one service session for its lifetime (on the first request, or the one it is
given) and only reads through it; ``POST /api/v1/ingest``, when the app is made with
``allow_ingest``, writes through the service's ingest, one upload at a time. Every answer carries
a strict Content-Security-Policy: no script runs on these pages, inline or not, and nothing is
loaded from anywhere but this server.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..service.session import Session, open_session

STATIC = Path(__file__).with_name("static")
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                                "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class Sessions:
    """The app's one service session: opened on first use (or given), closed at shutdown.
    Writes (ingest) take turns; reads never wait for them."""

    def __init__(self, db: str | None = None, session: Session | None = None, *, create: bool = False):
        self.db = db
        self.create = create
        self._session = session
        self._owned = None  # the context manager of a session opened here
        self._open_lock = threading.Lock()
        self._write_lock = threading.Lock()

    def get(self) -> Session:
        if self._session is None:
            with self._open_lock:
                if self._session is None:
                    manager = open_session(self.db, create=self.create)
                    self._session = manager.__enter__()
                    self._owned = manager
        return self._session

    async def write(self, work: Callable[[Session], Any]) -> Any:
        def locked():
            with self._write_lock:
                return work(self.get())
        return await run_in_threadpool(locked)

    def close(self) -> None:
        if self._owned is not None:
            self._owned.__exit__(None, None, None)
            self._owned = self._session = None


def create_app(db: str | None = None, *, session: Session | None = None, allow_ingest: bool = False,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The app over the store ``db`` (a SQLite path or SQLAlchemy URL; default as the CLI's),
    or over an open ``session``. With ``allow_ingest`` a missing store is created and
    ``POST /api/v1/ingest`` stores articles. ``allowed_hosts`` limits the Host header (DNS rebinding)."""
    from . import api, errors, pages

    sessions = Sessions(db, session, create=allow_ingest)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        try:
            yield
        finally:
            sessions.close()

    app = FastAPI(title="dragoman", version=__version__, lifespan=lifespan,
                  description="Multilingual news on international relations: articles, stories across "
                              "languages, entities, events, facts and search. Listings page with `cursor`, "
                              "and give CSV with `format=csv`.",
                  openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None)
    app.state.sessions = sessions
    app.state.allow_ingest = allow_ingest

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    errors.install(app, pages.error_page, SECURITY_HEADERS)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
