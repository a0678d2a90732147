"""Publication dates as inputs give them (ISO strings, RFC 822 feed dates, epoch seconds,
time tuples) turned into ISO 8601, the one form :class:`~dragoman.doc.Hints` holds."""
from __future__ import annotations

import time
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

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
    import dateparser  # slow to import; only needed for unusual date strings

    parsed = dateparser.parse(text, settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past"})
    return parsed.isoformat() if parsed else None
