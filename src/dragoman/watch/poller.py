"""Polling feeds: each on its own schedule, each new entry claimed once, fetched, handed on.

One pass (:meth:`Watcher.poll_once`) polls every feed that is due (all with ``force``), with
the validators of its last answer (a 304 costs nothing), claims the entries not seen before in
the store's ledger, fetches each one's page and hands the document to the ``sink`` (the service
ingests and links it there and then). Entries that must wait (a page that timed out) are retried
by later passes from what the ledger kept, whether or not the feed still lists them.

Nothing a remote server does ends a pass: a feed that is down, answers garbage or loops is a
:class:`Fault` and is polled again after a back-off. What happens is told as it happens to
``on_event`` (a :class:`Fault`, :class:`Settled` or :class:`Moved`; a front end prints it) and to
the ``dragoman.watch`` logger at INFO. :meth:`Watcher.run` repeats passes, sleeping until the
next feed or entry is due.
"""
from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..doc import RawDocument, Rejection
from ..ingest.feed import iter_feed, read_entry
from ..ingest.ids import entry_id
from ..store.feeds import EntryRecord, FeedLedger, FeedState
from .client import PoliteClient
from .fetch import FetchError, FetchOptions
from .defaults import DEFAULT_HOST_DELAY_SECONDS, DEFAULT_INTERVAL_SECONDS
from .pages import entry_document
from .ratelimit import HostRateLimiter
from .schedule import backoff_delay, declared_interval

log = logging.getLogger("dragoman.watch")

# How long a claim on an entry holds: longer than fetching a page and running the pipeline on
# it, so a live watcher never loses its claim; a dead one's entries are taken over after this.
CLAIM_LEASE_SECONDS = 15 * 60
# Page fetches per entry before the feed's own text stands in for the page.
PAGE_ATTEMPTS = 5
# Longest single sleep between passes: the loop looks at the schedule again at least this often.
MAX_NAP_SECONDS = 60.0
# What ingest/feed.py says of a well-formed feed that lists nothing: not a fault.
EMPTY_FEED_REASON = "feed has no entries"
_WEB_SCHEMES = ("http://", "https://")


@dataclass(frozen=True)
class WatchOptions:
    interval: float = DEFAULT_INTERVAL_SECONDS  # for feeds that do not declare one
    host_delay: float = DEFAULT_HOST_DELAY_SECONDS  # between two requests to one host
    fetch: FetchOptions = FetchOptions()
    force: bool = False  # poll every feed now, whatever its schedule or back-off
    lease: float = CLAIM_LEASE_SECONDS
    page_attempts: int = PAGE_ATTEMPTS


@dataclass
class Fault:
    feed_url: str
    url: str  # what failed: the feed itself or one entry's page
    reason: str
    retry_in: float | None = None  # seconds; None: not retried (the entry is settled)


@dataclass
class Settled:
    """An entry dealt with for good: ingested (added, updated, unchanged) or rejected."""

    feed_url: str
    url: str  # the entry's page, or its key when it has no link
    outcome: str  # added, updated, unchanged, rejected
    article_id: str | None = None
    problem: str | None = None  # why it was rejected, or why the feed's text stood in for the page


@dataclass
class Moved:
    """A feed answered with a permanent redirect: the list should name the new address."""

    feed_url: str
    moved_to: str


WatchEvent = Fault | Settled | Moved


@dataclass
class PassReport:
    feeds: int = 0  # listed
    polled: int = 0  # fetched this pass
    not_modified: int = 0
    not_due: int = 0
    failed: int = 0  # feeds whose poll failed
    new_entries: int = 0  # claimed for the first time
    added: int = 0
    updated: int = 0
    unchanged: int = 0  # content already stored (from another source)
    rejected: int = 0
    waiting: int = 0  # entries whose page will be tried again
    faults: list[Fault] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)  # added or updated this pass

    @property
    def stored(self) -> int:
        return self.added + self.updated


@dataclass
class Ingested:
    outcome: str  # added, updated, unchanged, rejected
    article_id: str | None = None


class Sink(Protocol):
    """Where a document goes: ingested and linked. KeyboardInterrupt passes through."""

    def __call__(self, document: RawDocument | Rejection) -> Ingested: ...


def _web_url(url: str | None) -> str | None:
    url = (url or "").strip()
    return url if url.lower().startswith(_WEB_SCHEMES) else None


def entry_key(item: RawDocument) -> str:
    """The ledger key of a feed entry: its link's, or (no link) its text's, never the feed's
    bytes, which change with every build of the feed."""
    url = _web_url(item.hints.url)
    return entry_id(url, b"") if url else entry_id(None, f"{item.hints.title or ''}\n{item.text}")


class Watcher:
    def __init__(self, ledger: FeedLedger, sink: Sink, options: WatchOptions = WatchOptions(), *,
                 client: PoliteClient | None = None, clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], None] = time.sleep, rand: Callable[[], float] = random.random,
                 on_event: Callable[[WatchEvent], None] | None = None):
        self.ledger = ledger
        self.sink = sink
        self.options = options
        self.client = client or PoliteClient(options.fetch, HostRateLimiter(options.host_delay))
        self._clock = clock
        self._sleep = sleep
        self._rand = rand
        self._on_event = on_event or (lambda event: None)

    def _tell(self, event: WatchEvent) -> None:
        log.info("%s", event)
        self._on_event(event)

    # One pass -----------------------------------------------------------------------------------
    def poll_once(self, feeds: Sequence[str], *, should_stop: Callable[[], bool] = lambda: False) -> PassReport:
        """Poll the feeds that are due and retry their waiting entries; ``should_stop`` is asked
        between feeds, so a stop request does not wait for the whole pass."""
        report = PassReport(feeds=len(feeds))
        for url in feeds:
            if should_stop():
                break
            state = self.ledger.feed(url)
            if self.options.force or state.next_poll <= self._clock():
                self._poll(state, report)
            else:
                report.not_due += 1
            for record in self.ledger.claim_due(url, now=self._clock(), lease=self.options.lease):
                self._settle(record, None, report)
        return report

    def _poll(self, state: FeedState, report: PassReport) -> None:
        report.polled += 1
        state.last_polled = self._clock()
        try:
            response = self.client.get(state.url, etag=state.etag, last_modified=state.last_modified)
        except FetchError as error:
            self._feed_failed(state, error.reason, report, retry_after=error.retry_after)
            return
        moved = response.moved_permanently_to
        if moved and moved != state.moved_to:
            self._tell(Moved(state.url, moved))
        state.moved_to = moved
        if response.not_modified:
            report.not_modified += 1
            self._feed_ok(state)
            return
        items = list(iter_feed(response.body, state.url))
        if len(items) == 1 and isinstance(items[0], Rejection) and items[0].origin == state.url:
            if items[0].reason != EMPTY_FEED_REASON:
                self._feed_failed(state, items[0].reason, report)
                return
            items = []
        state.interval = declared_interval(response.body)
        for item in items:
            self._consider(item, state.url, report)
        # Validators only once every entry is claimed: a crash before this refetches the whole
        # feed next time, and the ledger skips what was claimed already.
        state.etag, state.last_modified = response.etag, response.last_modified
        self._feed_ok(state)

    def _feed_ok(self, state: FeedState) -> None:
        state.failures, state.last_error = 0, None
        state.next_poll = self._clock() + (state.interval or self.options.interval)
        self.ledger.save_feed(state)

    def _feed_failed(self, state: FeedState, reason: str, report: PassReport, *,
                     retry_after: float | None = None) -> None:
        state.failures += 1
        state.last_error = reason
        wait = backoff_delay(state.failures, retry_after=retry_after, rand=self._rand)
        state.next_poll = self._clock() + wait
        self.ledger.save_feed(state)
        report.failed += 1
        fault = Fault(state.url, state.url, reason, wait)
        report.faults.append(fault)
        self._tell(fault)

    # Entries ------------------------------------------------------------------------------------
    def _consider(self, item: RawDocument | Rejection, feed_url: str, report: PassReport) -> None:
        """Claim a listed entry if no one has; then settle it."""
        if isinstance(item, Rejection):
            url = _web_url(item.origin)  # an entry without text: its page may have some
            if url is None:  # nothing to fetch and nothing to read: not worth a ledger row
                log.info("%s: %s: %s (skipped)", feed_url, item.origin, item.reason)
                return
            key, raw, fallback = entry_id(url, b""), None, None
        else:
            url, key, raw, fallback = _web_url(item.hints.url), entry_key(item), item.raw, item
        origin = item.origin
        if not self.ledger.claim(key, feed_url, url, entry_origin=origin, entry_raw=raw, now=self._clock(),
                                 lease=self.options.lease):
            return
        report.new_entries += 1
        self._settle(EntryRecord(key, feed_url, url, 0, origin, raw), fallback, report)

    def _settle(self, record: EntryRecord, fallback: RawDocument | None, report: PassReport) -> None:
        """Fetch a claimed entry's page and ingest it; or give the claim back to retry later."""
        if fallback is None and record.entry_raw:
            rebuilt = read_entry(record.entry_raw, record.entry_origin or record.feed_url)
            fallback = rebuilt if isinstance(rebuilt, RawDocument) else None
        try:
            document, problem = self._document(record, fallback, report)
            if document is None:
                return
            result = self.sink(document)
        except BaseException:
            # Ctrl-C or a store failure mid-entry: the next run takes the entry up again.
            self.ledger.retry_later(record.key, at=0.0, error="interrupted", count_attempt=False)
            raise
        reason = document.reason if isinstance(document, Rejection) else None
        self.ledger.finish(record.key, outcome=result.outcome, article_id=result.article_id, error=reason)
        setattr(report, result.outcome, getattr(report, result.outcome) + 1)
        if result.outcome in ("added", "updated") and result.article_id:
            report.article_ids.append(result.article_id)
        if reason:
            report.faults.append(Fault(record.feed_url, record.url or record.key, reason))
        self._tell(Settled(record.feed_url, record.url or record.key, result.outcome, result.article_id,
                           reason or problem))

    def _document(self, record: EntryRecord, fallback: RawDocument | None,
                  report: PassReport) -> tuple[RawDocument | Rejection | None, str | None]:
        """The document to ingest (None: not yet) and why it is not the page, if it is not."""
        if record.url is None:
            if fallback is not None:
                return fallback, None
            return Rejection(record.entry_origin or record.key, "feed entry has neither text nor link"), None
        attempt = record.attempts + 1
        page = entry_document(self.client, record.url, record.key, fallback,
                              last_attempt=attempt >= self.options.page_attempts)
        if page.waits:
            wait = backoff_delay(attempt, retry_after=page.retry_after, rand=self._rand)
            self.ledger.retry_later(record.key, at=self._clock() + wait, error=page.problem)
            report.waiting += 1
            fault = Fault(record.feed_url, record.url, f"{page.problem} (attempt {attempt} of "
                                                       f"{self.options.page_attempts})", wait)
            report.faults.append(fault)
            self._tell(fault)
            return None, page.problem
        return page.document, page.problem

    # Continuous ---------------------------------------------------------------------------------
    def next_due(self, feeds: Iterable[str]) -> float:
        """The earliest time a feed or a waiting entry is due."""
        times = []
        for url in feeds:
            times.append(self.ledger.feed(url).next_poll)
            retry = self.ledger.next_retry(url)
            if retry is not None:
                times.append(retry)
        return min(times, default=self._clock() + self.options.interval)

    def run(self, feeds: Sequence[str], *, on_pass: Callable[[PassReport], None] | None = None,
            should_stop: Callable[[], bool] = lambda: False) -> int:
        """Pass after pass until ``should_stop()`` (or Ctrl-C, which propagates); returns the
        number of passes that did something."""
        passes = 0
        while not should_stop():
            report = self.poll_once(feeds, should_stop=should_stop)
            if report.polled or report.new_entries or report.waiting or report.stored or report.rejected:
                passes += 1
                if on_pass is not None:
                    on_pass(report)
            if should_stop():
                break
            wait = self.next_due(feeds) - self._clock()
            if wait > 0:
                self._sleep(min(wait, MAX_NAP_SECONDS))
        return passes


def duration(seconds: float) -> str:
    """A wait as people say it: 45 s, 12 min, 3.5 h."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
