"""Batch jobs over the store: ingest, reprocess. Generators in, one writer out.

Each article is analysed and stored in its own transaction, so Ctrl-C or a crash leaves the
store consistent (whole articles only) and running the same command again resumes: inputs
whose content hash is already stored are skipped. Stored articles are linked in batches of
:data:`LINK_BATCH` (the embedder is much faster on a batch); until its batch is linked an article
carries a durable "not yet linked" mark, and every run links the marked articles first.
"""
from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from .doc import Article, RawDocument, Rejection
from .pipeline import Pipeline, default_pipeline
from .store import Store
from .store.sql import unique_id

# Stored articles linked together: large enough for batched embedding, small enough that the
# progress bar does not stall for long.
LINK_BATCH = 32


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    interrupted: bool = False
    resumed: int = 0  # articles a previous run stored but did not link, linked first by this one
    unlinked: int = 0  # articles stored but left unlinked by an interruption (linked next run)

    @property
    def stored(self) -> int:
        return self.added + self.updated


class LinkIndex(Protocol):
    """What the jobs ask the story index (``dragoman.stories.LinkIndex``)."""

    def count_linked(self) -> int: ...

    def unlinked(self, article_ids: Iterable[str]) -> list[str]: ...


class Linker(Protocol):
    """What the corpus-level linking stage offers the jobs (``dragoman.stories.Linker``)."""

    index: LinkIndex

    def link(self, articles: Iterable[Article]): ...


def analyse(pipeline: Pipeline, raw: RawDocument) -> Article | Rejection:
    """Run the pipeline on one input; a failure inside a component rejects that input only."""
    article = Article.from_raw(raw)
    try:
        return pipeline(article)
    except Exception as error:  # noqa: BLE001 - one bad article must not stop the batch
        stage = next((n for n in pipeline.names if n not in article.done), "pipeline")
        where = traceback.extract_tb(error.__traceback__)[-1]
        return Rejection(raw.origin, f"internal error in pipeline stage {stage!r}: {error.__class__.__name__}: "
                                     f"{error} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}); "
                                     f"please report it", raw.input_format)


def _unique_id(store: Store, raw: RawDocument) -> str:
    """Keep ids stable, but never let two different inputs share one (same stem, other folder).
    The store checks again under its write lock, in case another process took the id meanwhile."""
    origin = store.origin_of(raw.id)
    if origin is None or origin == raw.origin:
        return raw.id
    return unique_id(raw.id, raw.hash)


def link_batch(store: Store, linker: Linker, articles: Sequence[Article]) -> None:
    """Link articles, then clear their "not yet linked" marks (only those made before linking:
    an article written again meanwhile by another process keeps its mark)."""
    if not articles:
        return
    mark = store.pending_mark()
    linker.link(articles)
    store.clear_pending([a.id for a in articles], mark)


def link_pending(store: Store, linker: Linker, *, progress: Callable[[int], None] | None = None) -> int:
    """Link what an interrupted run stored but never linked; returns how many articles.

    Marked articles come first; a store written before marks existed is checked against the
    linker's own index (only when the counts disagree, so a healthy store pays one count)."""
    ids, mark = store.pending_links()
    if linker.index.count_linked() != store.count_articles():
        ids = list(dict.fromkeys(ids + linker.index.unlinked(store.iter_ids())))
    linked = 0
    for start in range(0, len(ids), LINK_BATCH):
        chunk = list(store.iter_articles(ids=ids[start:start + LINK_BATCH]))
        linker.link(chunk)
        store.clear_pending([a.id for a in chunk], mark)
        linked += len(chunk)
        if progress is not None:
            progress(len(chunk))
    return linked


def ingest(store: Store, items: Iterable[RawDocument | Rejection], *,
           pipeline: Pipeline | None = None, linker: Linker | None = None,
           on_item: Callable[[str, RawDocument | Rejection], None] | None = None) -> IngestReport:
    """Store every readable input; record every unreadable one with its reason.

    ``on_item(outcome, item)`` is told each outcome (added, updated, unchanged, rejected) so a
    caller can draw progress and print rejections as they happen.
    """
    pipeline = pipeline or default_pipeline()
    report = IngestReport()
    notify = on_item or (lambda outcome, item: None)
    batch: list[Article] = []
    try:
        if linker is not None:
            report.resumed = link_pending(store, linker)
        for item in items:
            if isinstance(item, Rejection):
                store.put_rejection(item)
                report.rejected.append(item)
                notify("rejected", item)
                continue
            if store.find_hash(item.hash) is not None:
                report.unchanged += 1
                notify("unchanged", item)
                continue
            item.id = _unique_id(store, item)
            result = analyse(pipeline, item)
            if isinstance(result, Rejection):
                store.put_rejection(result)
                report.rejected.append(result)
                notify("rejected", result)
                continue
            outcome = store.put_article(item, result)
            # Counted once stored: an interruption while linking must not hide a stored article.
            setattr(report, outcome, getattr(report, outcome) + 1)
            notify(outcome, item)
            if outcome != "unchanged" and linker is not None:
                batch.append(result)
                if len(batch) >= LINK_BATCH:
                    link_batch(store, linker, batch)
                    batch = []
        if linker is not None:
            link_batch(store, linker, batch)
    except KeyboardInterrupt:
        report.interrupted = True
        report.unlinked = store.count_pending() if linker is not None else 0
    return report


@dataclass
class ReprocessReport:
    processed: int = 0
    failed: list[Rejection] = field(default_factory=list)
    interrupted: bool = False


def reprocess(store: Store, reread: Callable[[str, bytes, str, str], RawDocument], *,
              pipeline: Pipeline | None = None, ids: Sequence[str] | None = None,
              on_item: Callable[[str], None] | None = None) -> ReprocessReport:
    """Re-run the pipeline on stored raw inputs (after the pipeline improved)."""
    pipeline = pipeline or default_pipeline()
    report = ReprocessReport()
    wanted = set(ids) if ids else None
    try:
        for stored in list(store.iter_raw()):
            if wanted is not None and stored.article_id not in wanted:
                continue
            try:
                raw = reread(stored.input_format, stored.raw, stored.origin, stored.article_id)
            except ValueError as error:  # stored bytes a reader no longer accepts (ingest.ReadError)
                raw = None
                result = Rejection(stored.origin, str(error), stored.input_format)
            if raw is not None:
                raw.id = stored.article_id
                result = analyse(pipeline, raw)
            if isinstance(result, Rejection):
                report.failed.append(result)
            else:
                store.update_article(result)
                report.processed += 1
            if on_item:
                on_item(stored.article_id)
    except KeyboardInterrupt:
        report.interrupted = True
    return report
