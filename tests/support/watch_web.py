"""A small web on 127.0.0.1 for the watch tests (``tests/watch``): feeds and pages with every fault a real server has.

:class:`FakeWeb` serves, per path, a list of :class:`Reply` (each request takes the next; the
last one repeats), honours ``If-None-Match`` / ``If-Modified-Since`` for replies that carry an
ETag or a Last-Modified, and records every request. A reply may wait before answering (a page
that never answers, against a short client timeout). ``/robots.txt`` is a 404 (no rules) unless
a test serves one.

The pipeline here is one cheap component and the story index uses the hashing embedder: the
tests are about watching, not about extraction quality.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from dragoman.doc import Article
from dragoman.pipeline import Pipeline, component
from dragoman.service import open_session
from dragoman.service.watch import Clocks
from dragoman.watch.fetch import FetchOptions
from dragoman.watch.poller import WatchOptions


@component("test_watch_text", requires=("raw_text",), provides=("text", "title"))
class CopyText:
    def __call__(self, article: Article) -> Article:
        article.text = article.raw_text
        article.title = article.hints.title or article.raw_text.split(".")[0]
        return article


PIPELINE = Pipeline(["test_watch_text"])
# Short enough to keep the suite fast, long enough for a loaded machine to answer in time.
TIMEOUT_SECONDS = 0.5
FAST = WatchOptions(interval=600.0, host_delay=0.0,
                    fetch=FetchOptions(connect_timeout=TIMEOUT_SECONDS, read_timeout=TIMEOUT_SECONDS))


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before the status line


@dataclass
class Request:
    path: str
    headers: dict[str, str]


class FakeWeb:
    def __init__(self):
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        web = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server name
                web._answer(self)

            def log_message(self, *args):  # no request log on the test output
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                        daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, path: str, *replies: Reply) -> str:
        """Serve ``replies`` at ``path`` in turn (the last one repeats); returns the URL."""
        with self._lock:
            self.routes[path] = list(replies)
        return self.url(path)

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.requests.append(Request(handler.path, dict(handler.headers)))
            replies = self.routes.get(handler.path)
            if replies is None:
                reply = Reply(404, b"not here", "text/plain")
            else:
                reply = replies.pop(0) if len(replies) > 1 else replies[0]
        if reply.delay:
            time.sleep(reply.delay)
        status, body = reply.status, reply.body
        if status == 200 and ((reply.etag and handler.headers.get("If-None-Match") == reply.etag) or
                              (reply.last_modified and handler.headers.get("If-Modified-Since") == reply.last_modified)):
            status, body = 304, b""
        try:
            handler.send_response(status)
            if status != 304:
                handler.send_header("Content-Type", reply.content_type)
            handler.send_header("Content-Length", str(len(body)))
            for name, value in ((("ETag", reply.etag), ("Last-Modified", reply.last_modified))):
                if value:
                    handler.send_header(name, value)
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            pass

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class FakeClock:
    """Time that passes only when the watcher sleeps (or a test says so)."""

    def __init__(self, start: float = 1_800_000_000.0):
        self.now = start
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def clocks(self) -> Clocks:
        return Clocks(clock=self, sleep=self.sleep, rand=lambda: 0.5)  # jitter 0: waits are exact


# Content -------------------------------------------------------------------------------------

def rss(*items: tuple[str, str, str], ttl: int | None = None) -> bytes:
    """An RSS 2.0 feed of (title, link, description) items."""
    entries = "".join(f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
                      f"<description>{escape(d)}</description>"
                      f"<pubDate>Tue, 01 Apr 2025 09:00:00 GMT</pubDate></item>" for t, link, d in items)
    ttl_tag = f"<ttl>{ttl}</ttl>" if ttl else ""
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test wire</title>'
            f"<link>http://example.org/</link><description>test</description><language>en</language>"
            f"{ttl_tag}{entries}</channel></rss>").encode("utf-8")


def page(title: str, *paragraphs: str) -> bytes:
    """An article page with a headline and body paragraphs."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>{body}</article>"
            f"<footer>Test wire</footer></body></html>").encode("utf-8")


def story(n: int) -> tuple[str, tuple[str, ...]]:
    """The n-th test story: a title and two paragraphs, each story its own words."""
    places = ["Astana", "Ankara", "Berlin", "Cairo", "Hanoi", "Lima", "Oslo", "Quito", "Rabat", "Seoul"]
    place = places[n % len(places)]
    title = f"Foreign ministers meet in {place} on trade, round {n}"
    return title, (f"{place.upper()}, 1 April 2025. The foreign ministers of two neighbouring countries met in "
                   f"{place} on Tuesday for round {n} of their talks on trade, transit and energy.",
                   f"Officials said the round {n} meeting in {place} ended with a joint statement on customs "
                   "cooperation and a plan for a further meeting in the autumn.")


def http_date(seconds: float) -> str:
    return formatdate(seconds, usegmt=True)


