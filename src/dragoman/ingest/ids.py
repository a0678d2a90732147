"""Stable article ids for entries inside containers (feeds, JSON Lines, WARC).

A file's article takes the file's stem; an entry takes a short hash of its URL, so the same
article read from a feed today and a crawl tomorrow gets the same id, or of its content when
it has no URL. The prefix says which (``url-3f2a9c1b0d4e5f61``, ``content-...``).
"""
from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

# 16 hex digits = 64 bits: collisions are negligible for any realistic archive.
ID_HEX_DIGITS = 16


def normalise_url(url: str) -> str:
    """The URL with what never changes the page removed: surrounding space, the fragment,
    case in scheme and host."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


def entry_id(url: str | None, content: bytes | str) -> str:
    """``url-<hash>`` of the normalised URL, or ``content-<hash>`` of the content."""
    if url and url.strip():
        return "url-" + _short_hash(normalise_url(url))
    return "content-" + _short_hash(content)


def _short_hash(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:ID_HEX_DIGITS]
