"""At most one request per host every so many seconds.

The clock and the sleep are injectable, so tests check the spacing without waiting for it.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from .defaults import DEFAULT_HOST_DELAY_SECONDS


class HostRateLimiter:
    def __init__(self, delay: float = DEFAULT_HOST_DELAY_SECONDS, *,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        if delay < 0:
            raise ValueError(f"a delay between requests cannot be negative ({delay})")
        self.delay = delay
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._extra: dict[str, float] = {}  # hosts that ask for a longer delay (Crawl-delay)

    def set_host_delay(self, host: str, delay: float) -> None:
        """A longer delay for one host (never shorter than the default)."""
        self._extra[host] = max(delay, self.delay)

    def wait(self, host: str) -> float:
        """Sleep until ``host`` may be asked again, and count this request; returns the wait."""
        delay = self._extra.get(host, self.delay)
        last = self._last.get(host)
        waited = 0.0
        if last is not None:
            waited = max(0.0, last + delay - self._clock())
            if waited:
                self._sleep(waited)
        self._last[host] = self._clock()
        return waited
