"""When to poll a feed next: the interval it declares, and exponential back-off after failures.

A feed may say how often it changes: RSS ``<ttl>`` (minutes) or the syndication module's
``sy:updatePeriod`` / ``sy:updateFrequency``. That interval is used, within bounds; otherwise the
watcher's default. After a failed poll the wait doubles with every failure in a row, up to a cap,
with jitter so that many feeds failing together (one host down) do not come back in step. A
``Retry-After`` the server sent is honoured, within the same cap.
"""
from __future__ import annotations

import random
from collections.abc import Callable

from .defaults import DEFAULT_INTERVAL_SECONDS

# A feed's own declaration is taken within these bounds.
MIN_DECLARED_SECONDS = 5 * 60
MAX_DECLARED_SECONDS = 24 * 3600
BACKOFF_BASE_SECONDS = 60.0
BACKOFF_CAP_SECONDS = 6 * 3600.0
# Each wait is scaled by a random factor in [1 - JITTER, 1 + JITTER].
BACKOFF_JITTER = 0.2
# Doublings beyond this are past any cap (and would overflow a float).
MAX_DOUBLINGS = 40
_PERIOD_SECONDS = {"hourly": 3600, "daily": 86400, "weekly": 7 * 86400, "monthly": 30 * 86400,
                   "yearly": 365 * 86400}


def declared_interval(feed_bytes: bytes) -> float | None:
    """Seconds between updates a feed declares (``ttl`` first, then ``sy:updatePeriod``), bounded."""
    import feedparser

    channel = feedparser.parse(feed_bytes, resolve_relative_uris=False).get("feed", {})
    seconds = None
    ttl = str(channel.get("ttl") or "").strip()
    if ttl.isdigit() and int(ttl) > 0:
        seconds = int(ttl) * 60
    else:
        period = _PERIOD_SECONDS.get(str(channel.get("sy_updateperiod") or "").strip().lower())
        frequency = str(channel.get("sy_updatefrequency") or "1").strip()
        if period:
            seconds = period / (int(frequency) if frequency.isdigit() and int(frequency) > 0 else 1)
    if seconds is None:
        return None
    return float(min(max(seconds, MIN_DECLARED_SECONDS), MAX_DECLARED_SECONDS))


def backoff_delay(failures: int, *, retry_after: float | None = None, base: float = BACKOFF_BASE_SECONDS,
                  cap: float = BACKOFF_CAP_SECONDS, jitter: float = BACKOFF_JITTER,
                  rand: Callable[[], float] = random.random) -> float:
    """Seconds to wait after ``failures`` failures in a row (1 or more)."""
    delay = min(cap, base * 2.0 ** min(max(failures - 1, 0), MAX_DOUBLINGS))
    delay *= 1 + jitter * (2 * rand() - 1)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return min(delay, cap)
