"""Watching feeds (``dragoman watch``): every new entry's page goes through the same pipeline as
``dragoman ingest`` (:func:`dragoman.jobs.ingest`, the store's idempotent put) and is linked
into stories as it arrives.

The polling itself is :mod:`dragoman.watch`; this module gives it a sink that ingests into the
session's store, runs the corpus passes after each pass that stored something, and keeps the
watcher's ledger in the same store, so a restarted watch (another process, another machine on
the same PostgreSQL store) carries on where the last one stopped and ingests nothing twice.
"""
from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

from .. import jobs
from ..doc import RawDocument, Rejection
from ..errors import InvalidArgument
from ..pipeline import Pipeline, default_pipeline
from ..store.feeds import FeedLedger
from ..watch.poller import Ingested, PassReport, Watcher, WatchEvent, WatchOptions
from ..watch.client import PoliteClient
from .batch import corpus_passes
from .session import Session


@dataclass
class WatchTotals:
    """What every pass of a watch did, added up."""

    passes: int = 0
    feeds: int = 0
    polled: int = 0
    not_modified: int = 0
    not_due: int = 0
    failed: int = 0
    new_entries: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    waiting: int = 0

    def add(self, report: PassReport) -> None:
        self.passes += 1
        self.feeds = report.feeds
        for name in (f.name for f in fields(self)):
            if name not in ("passes", "feeds"):
                setattr(self, name, getattr(self, name) + getattr(report, name))

    @property
    def stored(self) -> int:
        return self.added + self.updated


@dataclass
class Clocks:
    """Time as the watcher sees it; tests pass a fake one so that back-off costs no waiting."""

    clock: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep
    rand: Callable[[], float] = random.random


def check_options(options: WatchOptions) -> None:
    """Refuse settings no watch can run with, naming the parameter."""
    fetch = options.fetch
    for name, value in (("interval", options.interval), ("timeout", fetch.read_timeout),
                        ("timeout", fetch.connect_timeout)):
        if not value > 0:
            raise InvalidArgument(name, f"must be a positive number of seconds, not {value:g}")
    if not options.host_delay >= 0:
        raise InvalidArgument("host_delay", f"cannot be negative ({options.host_delay:g})")
    if fetch.max_bytes <= 0:
        raise InvalidArgument("max_size", f"must be positive, not {fetch.max_bytes}")
    if options.page_attempts < 1:
        raise InvalidArgument("page_attempts", f"must be at least 1, not {options.page_attempts}")


def ingest_sink(session: Session, pipeline: Pipeline | None = None) -> Callable[[RawDocument | Rejection], Ingested]:
    """A sink storing each document and linking it at once (one article per transaction)."""
    store, linker = session.store, session.linker()
    pipeline = pipeline or default_pipeline()

    def sink(document: RawDocument | Rejection) -> Ingested:
        report = jobs.ingest(store, [document], pipeline=pipeline, linker=linker)
        if report.interrupted:
            raise KeyboardInterrupt
        if report.rejected:
            return Ingested("rejected")
        if report.added or report.updated:
            return Ingested("added" if report.added else "updated", document.id)
        return Ingested("unchanged", store.find_hash(document.hash))

    return sink


def _watcher(session: Session, options: WatchOptions, *, pipeline: Pipeline | None, client: PoliteClient | None,
             clocks: Clocks | None, on_event: Callable[[WatchEvent], None] | None) -> Watcher:
    check_options(options)
    clocks = clocks or Clocks()
    return Watcher(FeedLedger(session.store.engine), ingest_sink(session, pipeline), options, client=client,
                   clock=clocks.clock, sleep=clocks.sleep, rand=clocks.rand, on_event=on_event)


def watch_once(session: Session, feeds: Sequence[str], options: WatchOptions = WatchOptions(), *,
               pipeline: Pipeline | None = None, client: PoliteClient | None = None, clocks: Clocks | None = None,
               on_event: Callable[[WatchEvent], None] | None = None) -> PassReport:
    """One pass over ``feeds`` (for cron): poll what is due (everything with ``options.force``),
    ingest and link what is new, retry the pages that had to wait."""
    report = _watcher(session, options, pipeline=pipeline, client=client, clocks=clocks,
                      on_event=on_event).poll_once(feeds)
    if report.stored:
        corpus_passes(session)
    return report


def watch(session: Session, feeds: Sequence[str], options: WatchOptions = WatchOptions(), *,
          pipeline: Pipeline | None = None, client: PoliteClient | None = None, clocks: Clocks | None = None,
          on_event: Callable[[WatchEvent], None] | None = None,
          on_pass: Callable[[PassReport], None] | None = None, should_stop: Callable[[], bool] = lambda: False,
          totals: WatchTotals | None = None) -> WatchTotals:
    """Watch ``feeds`` until ``should_stop()`` or Ctrl-C (which propagates; ``totals``, when
    given, holds what was done until then)."""
    totals = totals if totals is not None else WatchTotals()

    def after_pass(report: PassReport) -> None:
        if report.stored:
            corpus_passes(session)
        totals.add(report)
        if on_pass is not None:
            on_pass(report)

    watcher = _watcher(session, options, pipeline=pipeline, client=client, clocks=clocks, on_event=on_event)
    watcher.run(feeds, on_pass=after_pass, should_stop=should_stop)
    return totals
