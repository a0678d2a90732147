"""robots.txt, read once per host (``urllib.robotparser``) and kept for a day.

The usual conventions: no robots.txt (404 and other 4xx) allows everything; 401/403 forbid
everything; a server error or a host that does not answer says nothing yet, so pages of that
host wait (:class:`RobotsUnavailable`) rather than being fetched unchecked. That failure is kept
for a few minutes, so one dead host costs one timeout per pass, not one per entry.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .fetch import ROBOTS_AGENT, FetchError, Response

ROBOTS_TTL_SECONDS = 24 * 3600
ROBOTS_RETRY_SECONDS = 300
# A Crawl-delay above this is taken as this (some sites ask for hours).
MAX_CRAWL_DELAY_SECONDS = 60.0
# Robots files forbidding everything when they cannot be read for these statuses.
FORBIDDING_STATUSES = frozenset({401, 403})


class RobotsUnavailable(Exception):
    """The host's robots.txt could not be read for now; its pages wait."""


def host_of(url: str) -> str:
    """``scheme://host:port`` of a URL, lower case: what robots.txt and the rate limit are per."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


@dataclass
class _Entry:
    parser: RobotFileParser | None  # None: unreadable for now
    reason: str
    expires: float


class RobotsCache:
    """``allowed(url)`` per the URL's host robots.txt; ``get`` fetches (``url -> Response``)."""

    def __init__(self, get: Callable[[str], Response], *, agent: str = ROBOTS_AGENT,
                 clock: Callable[[], float] = time.monotonic):
        self._get = get
        self._agent = agent
        self._clock = clock
        self._hosts: dict[str, _Entry] = {}

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url``; raises :class:`RobotsUnavailable`."""
        return self._parser(url).can_fetch(self._agent, url)

    def crawl_delay(self, url: str) -> float | None:
        """The host's Crawl-delay for us, in seconds (bounded), if it sets one."""
        try:
            delay = self._parser(url).crawl_delay(self._agent)
        except RobotsUnavailable:
            return None
        return min(float(delay), MAX_CRAWL_DELAY_SECONDS) if delay is not None else None

    def _parser(self, url: str) -> RobotFileParser:
        host = host_of(url)
        entry = self._hosts.get(host)
        now = self._clock()
        if entry is None or entry.expires <= now:
            entry = self._hosts[host] = self._load(host, now)
        if entry.parser is None:
            raise RobotsUnavailable(entry.reason)
        return entry.parser

    def _load(self, host: str, now: float) -> _Entry:
        parser = RobotFileParser(f"{host}/robots.txt")
        try:
            response = self._get(f"{host}/robots.txt")
        except FetchError as error:
            if error.transient:
                return _Entry(None, f"robots.txt unreadable: {error.reason}", now + ROBOTS_RETRY_SECONDS)
            if error.status in FORBIDDING_STATUSES:
                parser.disallow_all = True
            else:
                parser.allow_all = True  # no robots.txt (404, a redirect loop...): no rules
        else:
            parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        parser.modified()  # can_fetch() answers False for a parser it believes never read
        return _Entry(parser, "", now + ROBOTS_TTL_SECONDS)
