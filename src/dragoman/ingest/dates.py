"""Publication dates as inputs give them (ISO strings, RFC 822 feed dates, epoch seconds,
time tuples, dates written out in a supported language) turned into ISO 8601, the one form
:class:`~dragoman.doc.Hints` holds. Written-out dates are read with the shared date grammar
(:mod:`dragoman.lang.dates`), so a feed's "12 ноября 2025" means what it means in a text."""
from __future__ import annotations

import time
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

from ..lang.dates import grammar

# Epoch numbers below this are not plausible publication times in seconds (before 2001).
MIN_EPOCH_SECONDS = 1_000_000_000
# Epoch numbers above this are milliseconds (JavaScript timestamps).
MAX_EPOCH_SECONDS = 100_000_000_000


def to_iso(value) -> str | None:
    """``value`` as an ISO 8601 date-time (or date), or None when it is not a recognisable date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "isoformat"):  # date
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return datetime(*value[:6], tzinfo=timezone.utc).isoformat()
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > MAX_EPOCH_SECONDS else value
        if seconds < MIN_EPOCH_SECONDS:
            return None
        return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat()
    text = str(value).strip()
    if not text:
        return None
    if len(text) == 10:
        try:
            return date.fromisoformat(text).isoformat()  # a bare date keeps its precision
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return _parse_free(text)


def _parse_free(text: str) -> str | None:
    """The first dated day written in ``text`` (in any language), with its time if given."""
    for found in grammar().find(text):
        if found.year is not None:
            return found.iso()
    return None
