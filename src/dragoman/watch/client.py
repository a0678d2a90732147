"""The watcher's HTTP manners: every request waits its turn for the host, and pages are fetched
only where robots.txt allows (feeds are fetched because the user listed them)."""
from __future__ import annotations

import time
from collections.abc import Callable

from .fetch import FetchOptions, Response, fetch
from .ratelimit import HostRateLimiter
from .robots import RobotsCache, host_of


class Disallowed(Exception):
    """robots.txt forbids fetching this page."""


class PoliteClient:
    def __init__(self, options: FetchOptions = FetchOptions(), limiter: HostRateLimiter | None = None, *,
                 clock: Callable[[], float] = time.monotonic):
        self.options = options
        self.limiter = limiter if limiter is not None else HostRateLimiter(clock=clock)
        self.robots = RobotsCache(self.get, clock=clock)

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET after the host's turn has come (raises :class:`~.fetch.FetchError`)."""
        self.limiter.wait(host_of(url))
        return fetch(url, self.options, etag=etag, last_modified=last_modified)

    def get_page(self, url: str) -> Response:
        """GET an article page: raises :class:`Disallowed`, :class:`~.robots.RobotsUnavailable`
        or :class:`~.fetch.FetchError`."""
        if not self.robots.allowed(url):
            raise Disallowed(f"robots.txt of {host_of(url)} disallows fetching it")
        delay = self.robots.crawl_delay(url)
        if delay is not None:
            self.limiter.set_host_delay(host_of(url), delay)
        return self.get(url)
