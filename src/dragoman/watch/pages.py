"""An entry's page as a document: fetched politely, read by the HTML reader, and when the page
cannot be had for good (robots.txt says no, 404, not HTML, no main text), the entry as the feed
gave it stands in, so its summary is still ingested.

A failure that may pass (a timeout, a 503, robots.txt unreadable) gives no document yet: the
entry waits and is tried again, until its last attempt, which falls back like a lasting failure.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace

from ..doc import Hints, RawDocument, Rejection
from ..ingest.html import read_html
from ..ingest.sources import HTML
from .client import Disallowed, PoliteClient
from .fetch import FetchError
from .robots import RobotsUnavailable

# Media types the HTML reader is given; anything else (PDF, images, video) is not read.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass
class PageResult:
    document: RawDocument | Rejection | None  # None: not yet, try again later
    problem: str | None = None  # why the page was not used, or why it waits
    retry_after: float | None = None  # seconds the server asked us to wait

    @property
    def waits(self) -> bool:
        return self.document is None


def _merged(page: Hints, feed: Hints | None) -> Hints:
    """The page's metadata, with gaps filled from the feed entry's."""
    if feed is None:
        return page
    return replace(page, **{f.name: getattr(page, f.name) or getattr(feed, f.name) for f in fields(Hints)})


def _stand_in(url: str, fallback: RawDocument | None, problem: str) -> PageResult:
    if fallback is not None:
        return PageResult(fallback, problem)
    return PageResult(Rejection(url, f"{problem}, and the feed entry has no text of its own", HTML), problem)


def entry_document(client: PoliteClient, url: str, doc_id: str, fallback: RawDocument | None, *,
                   last_attempt: bool = False) -> PageResult:
    """The document to ingest for an entry whose link is ``url``."""
    try:
        response = client.get_page(url)
    except Disallowed as error:
        return _stand_in(url, fallback, str(error))
    except RobotsUnavailable as error:
        if last_attempt:
            return _stand_in(url, fallback, f"page not fetched: {error}")
        return PageResult(None, str(error))
    except FetchError as error:
        if error.transient and not last_attempt:
            return PageResult(None, f"page not fetched: {error.reason}", error.retry_after)
        return _stand_in(url, fallback, f"page not fetched: {error.reason}")
    if response.content_type and response.content_type not in HTML_TYPES:
        return _stand_in(url, fallback, f"page is {response.content_type}, not HTML")
    feed_hints = fallback.hints if fallback is not None else None
    page = read_html(response.body, url, doc_id, url=response.final_url, http_charset=response.charset,
                     fallback_published=feed_hints.published if feed_hints else None)
    if isinstance(page, Rejection):
        return _stand_in(url, fallback, f"page not used: {page.reason}")
    page.hints = _merged(page.hints, feed_hints)
    return PageResult(page)
