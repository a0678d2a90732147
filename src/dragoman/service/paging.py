"""Pages of a listing: a page size checked, and cursors that say where the next page starts.

A cursor is the sort key of the last row shown, as URL-safe base64 of JSON: opaque to a caller,
cheap to resume from (a keyset, not an offset), and checked when it comes back, since a caller
may send anything. A listing that changes between two requests neither repeats nor skips a row
that was already in it.
"""
from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Sequence
from typing import Any

from ..errors import InvalidArgument

DEFAULT_PAGE = 50
MAX_PAGE = 500
# Longest cursor accepted: keys are a few short strings and numbers.
MAX_CURSOR_CHARS = 2048
LANG_CODE = re.compile(r"^[a-z]{2,3}$")


def page_limit(limit: int, field_name: str = "limit") -> int:
    if limit <= 0 or limit > MAX_PAGE:
        raise InvalidArgument(field_name, f"must be a whole number from 1 to {MAX_PAGE}, not {limit}")
    return limit


def lang_code(value: str | None, field_name: str = "lang") -> str | None:
    """A language filter: an ISO 639 code such as ``ru`` (None or empty: any language)."""
    if not value:
        return None
    if not LANG_CODE.match(value):
        raise InvalidArgument(field_name, f"takes an ISO 639 language code such as en, ru or tr, not {value!r}")
    return value


def encode_cursor(key: Sequence[Any]) -> str:
    data = json.dumps(list(key), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None, kinds: Sequence[type]) -> tuple | None:
    """The sort key in ``cursor`` (None for the first page), each part of the type in ``kinds``."""
    if not cursor:
        return None
    problem = InvalidArgument("cursor", "is not one this listing gave: pass the next_cursor of the page "
                                        "before, unchanged, or leave it out for the first page")
    if len(cursor) > MAX_CURSOR_CHARS:
        raise problem
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise problem from None
    if not isinstance(key, list) or len(key) != len(kinds):
        raise problem
    for part, kind in zip(key, kinds):
        # JSON has one number type and bool is an int to Python: both checked by hand.
        if isinstance(part, bool) or not isinstance(part, kind):
            raise problem
    return tuple(key)


def next_cursor(rows: list, limit: int, key_of) -> tuple[list, str | None]:
    """The rows of this page (a query fetched ``limit + 1``) and the cursor after them."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode_cursor(key_of(rows[-1]))
