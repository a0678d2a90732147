"""Writing to the knowledge base and reading it whole: ingest, reprocess, export, stats.

Each function takes a :class:`~dragoman.service.session.Session` and typed arguments and
returns a dataclass; progress goes to the session's reporter. The batch loops themselves live
in :mod:`dragoman.jobs`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .. import jobs
from ..doc import RawDocument, Rejection
from ..errors import InvalidArgument, NotFound
from ..store import Counts, RejectionRecord
from .session import Session, relink_all

# How many entities the statistics list.
STATS_TOP_ENTITIES = 10


@dataclass
class IngestResult:
    report: jobs.IngestReport
    skipped_files: int  # files of unsupported types met in folders
    skipped_examples: list[str]
    total_articles: int  # in the store afterwards


def ingest(session: Session, paths: Sequence[str], *, max_bytes: int,
           on_item: Callable[[str, RawDocument | Rejection], None] | None = None,
           workers: int | None = None, engine: str = "local", address: str | None = None) -> IngestResult:
    """Read every input under ``paths`` into the store and link it into stories.

    ``on_item(outcome, item)`` hears each outcome (added, updated, unchanged, rejected);
    ``workers``: processes running the pipeline (default :func:`dragoman.jobs.default_workers`,
    one per core); the store comes out the same whatever the number. ``engine``: where that work
    runs, ``local`` or ``ray`` (``address``: the Ray cluster; see :mod:`dragoman.engines`)."""
    from .. import engines
    from ..ingest import IngestOptions, IngestStats

    if max_bytes <= 0:
        raise InvalidArgument("max_size", f"must be positive, not {max_bytes}")
    if workers is not None and workers < 1:
        raise InvalidArgument("workers", f"must be at least 1, not {workers}")
    reading = IngestStats()
    linker = session.linker()
    report = engines.ingest(session.store, paths, IngestOptions(max_bytes=max_bytes), reading, linker=linker,
                            on_item=on_item, engine=engines.EngineOptions(engine, address, workers))
    if report.stored and not report.interrupted:
        corpus_passes(session)
    return IngestResult(report, reading.skipped, list(reading.skipped_examples), session.store.count_articles())


def corpus_passes(session: Session) -> None:
    """What needs the whole corpus (see :mod:`dragoman.corpus`): years for year-less dates, then
    places and dates from story mates."""
    from ..corpus import settle_from_stories, settle_year_less_dates

    changed = settle_year_less_dates(session.store, session.reader())
    if changed and (linker := session.linker()) is not None:
        jobs.link_batch(session.store, linker, [(article, None) for article in changed])  # dates changed: relink
    if (reader := session.reader()) is not None:
        # No relink: linking profiles leave out what an article took from its story mates.
        settle_from_stories(session.store, reader)


def reprocess(session: Session, ids: Sequence[str] = ()) -> jobs.ReprocessReport:
    """Re-run the pipeline on stored raw inputs (all, or ``ids``), then relink the corpus."""
    from ..ingest import reread

    store = session.store
    if ids:
        unknown = [i for i in dict.fromkeys(ids) if store.origin_of(i) is None]
        if unknown:
            raise NotFound("no stored article with id " + ", ".join(map(repr, unknown))
                           + "; `dragoman export` lists the ids")
    session.reporter.start("reprocess", len(set(ids)) if ids else store.count_articles())
    try:
        report = jobs.reprocess(store, reread, ids=list(ids) or None,
                                on_item=lambda _id: session.reporter.advance(1))
    finally:
        session.reporter.finish()
    if not report.interrupted:
        # Everything is relinked below, so a damaged index needs no separate repair first.
        if session.linker(repair=False) is not None:
            relink_all(session, label="relink")
        corpus_passes(session)
    return report


@dataclass
class StoreStats:
    counts: Counts
    rejections: list[RejectionRecord]
    top_entities: list[Any]  # service.queries.EntityCount
    stories: int = 0
    multilingual_stories: int = 0
    unlinked: int = 0  # stored articles waiting to be linked (an interrupted run)
    rejection_reasons: dict[str, int] = field(default_factory=dict)


def stats(session: Session) -> StoreStats:
    """Counts per language, source, month and format; rejected inputs with their reasons."""
    from .queries import EntityCount

    store = session.store
    counts = store.counts()
    result = StoreStats(counts=counts, rejections=list(store.iter_rejections()),
                        top_entities=[EntityCount(*row) for row in store.entity_counts(limit=STATS_TOP_ENTITIES)],
                        unlinked=store.count_pending())
    reader = session.reader() if counts.articles else None
    if reader is not None:
        summaries = reader.stories()
        result.stories = len(summaries)
        result.multilingual_stories = sum(1 for s in summaries if len(s.langs) > 1)
    return result


def article_rows(session: Session) -> Iterator[dict[str, Any]]:
    """Export rows (``shared/eval/FORMAT.md``), one per article, with story links."""
    from ..export import iter_rows

    reader = session.reader()
    yield from iter_rows(session.store.iter_articles(), reader.annotate if reader is not None else None)


def story_rows(session: Session) -> Iterator[dict[str, Any]]:
    """One export row per story: title, span, languages, articles, merged events, conflicts."""
    reader = session.require_reader()
    for summary in reader.stories():
        detail = reader.story(summary.id)
        if detail is None:
            continue
        yield {"id": detail.id, "title": detail.title, "first_date": detail.first_date,
               "last_date": detail.last_date, "langs": detail.langs, "participants": detail.participants,
               "articles": [asdict(a) for a in detail.articles], "events": [asdict(e) for e in detail.events],
               "conflicts": [asdict(c) for c in detail.conflicts]}
