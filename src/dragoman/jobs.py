"""Batch jobs over the store: ingest, reprocess. Generators in, one writer out.

Each article is analysed and stored in its own transaction, so Ctrl-C or a crash leaves the
store consistent (whole articles only) and running the same command again resumes: inputs
whose content hash is already stored are skipped. Stored articles are linked in batches of
:data:`LINK_BATCH` (the embedder is much faster on a batch); until its batch is linked an article
carries a durable "not yet linked" mark, and every run links the marked articles first.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from .doc import Article, RawDocument, Rejection
from .pipeline import Pipeline, default_pipeline
from .prepare import PreparedArticle, analyse
from .store import Store
from .store.sql import unique_id

if TYPE_CHECKING:
    from .stories.prepare import LinkInput

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

    def link_prepared(self, pairs: Iterable[tuple[Article, "LinkInput | None"]]): ...


def _unique_id(store: Store, raw: RawDocument) -> str:
    """Keep ids stable, but never let two different inputs share one (same stem, other folder).
    The store checks again under its write lock, in case another process took the id meanwhile."""
    origin = store.origin_of(raw.id)
    if origin is None or origin == raw.origin:
        return raw.id
    return unique_id(raw.id, raw.hash)


def link_batch(store: Store, linker: Linker, pairs: Sequence[tuple[Article, "LinkInput | None"]]) -> None:
    """Link articles (each with its linking inputs when a worker made them, else None), then
    clear their "not yet linked" marks (only those made before linking: an article written again
    meanwhile by another process keeps its mark)."""
    if not pairs:
        return
    mark = store.pending_mark()
    if hasattr(linker, "link_prepared"):
        linker.link_prepared(pairs)
    else:  # a linker that makes its own inputs
        linker.link([article for article, _ in pairs])
    store.clear_pending([article.id for article, _ in pairs], mark)


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


Notify = Callable[[str, RawDocument | Rejection], None]


class IngestWriter:
    """The one writer of an ingest: stores prepared inputs in input order, links them in batches.

    ``start`` links what an interrupted run left; ``write`` stores each article in its own
    transaction (marked "not yet linked" until its batch is linked, so Ctrl-C or ``kill -9``
    loses nothing), records rejections and skips contents already stored; ``finish`` links the
    last batch and returns the report (``interrupted`` instead, after a Ctrl-C). Articles whose
    linking inputs were prepared ahead (:mod:`dragoman.prepare`) are linked without a model call;
    an input prepared without its analysis (``result`` None) is analysed here with ``pipeline``.
    ``on_item(outcome, item)`` hears each outcome (added, updated, unchanged, rejected)."""

    def __init__(self, store: Store, linker: Linker | None = None, on_item: Notify | None = None,
                 pipeline: Pipeline | None = None):
        self.store = store
        self.linker = linker
        self.report = IngestReport()
        self._notify = on_item or (lambda outcome, item: None)
        self._pipeline = pipeline
        self._batch: list[tuple[Article, "LinkInput | None"]] = []
        self._seen: set[str] = set()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = default_pipeline()
        return self._pipeline

    def start(self) -> None:
        if self.linker is not None:
            self.report.resumed = link_pending(self.store, self.linker)

    def known(self, raw: RawDocument) -> bool:
        """Whether preparing ``raw`` would be wasted: its content is stored, or an earlier input of
        this run has the same content. Only an optimisation: :meth:`write` checks again."""
        if raw.hash in self._seen:
            return True
        self._seen.add(raw.hash)
        return self.store.find_hash(raw.hash) is not None

    def write(self, prepared: Iterable[PreparedArticle]) -> None:
        for one in prepared:
            self._write_one(one)

    def _write_one(self, prepared: PreparedArticle) -> None:
        item, report = prepared.item, self.report
        if isinstance(item, Rejection):
            self._reject(item)
            return
        if self.store.find_hash(item.hash) is not None:
            report.unchanged += 1
            self._notify("unchanged", item)
            return
        item.id = _unique_id(self.store, item)
        result, link = prepared.result, prepared.link
        if result is None:
            result, link = analyse(self.pipeline, item), None
        if isinstance(result, Rejection):
            self._reject(result)
            return
        result.id = item.id  # the worker saw the reader's id; the store may have wanted another
        outcome = self.store.put_article(item, result)
        # Counted once stored: an interruption while linking must not hide a stored article.
        setattr(report, outcome, getattr(report, outcome) + 1)
        self._notify(outcome, item)
        if outcome != "unchanged" and self.linker is not None:
            self._batch.append((result, link))
            if len(self._batch) >= LINK_BATCH:
                self._link_batch()

    def _reject(self, rejection: Rejection) -> None:
        self.store.put_rejection(rejection)
        self.report.rejected.append(rejection)
        self._notify("rejected", rejection)

    def _link_batch(self) -> None:
        batch, self._batch = self._batch, []
        if self.linker is not None:
            link_batch(self.store, self.linker, batch)

    def finish(self) -> IngestReport:
        self._link_batch()
        return self.report

    def interrupted(self) -> IngestReport:
        """The report after a Ctrl-C: what is stored stays; the unlinked wait for the next run."""
        self.report.interrupted = True
        self.report.unlinked = self.store.count_pending() if self.linker is not None else 0
        return self.report


def default_workers() -> int:
    """Worker processes of an ingest when the caller does not say: one per core."""
    return max(1, os.cpu_count() or 1)


def ingest(store: Store, items: Iterable[RawDocument | Rejection], *,
           pipeline: Pipeline | None = None, linker: Linker | None = None,
           on_item: Notify | None = None, workers: int = 1) -> IngestReport:
    """Store every readable input; record every unreadable one with its reason.

    ``on_item(outcome, item)`` is told each outcome (added, updated, unchanged, rejected) so a
    caller can draw progress and print rejections as they happen. ``workers``: processes that
    run the pipeline (1: this process does); this process stays the one writer either way, and
    the result does not depend on it.
    """
    pipeline = pipeline or default_pipeline()
    writer = IngestWriter(store, linker, on_item, pipeline)
    embedder = linker.index.embedder if linker is not None else None
    try:
        writer.start()
        if workers > 1:
            from .workers import PreparePool

            with PreparePool(workers, components=pipeline.names, embedder=embedder) as pool:
                for batch in pool.prepare(items, skip=writer.known):
                    writer.write(batch)
        else:  # the writer analyses each input itself; the linker embeds a whole batch at once
            for item in items:
                writer.write([PreparedArticle(item)])
    except KeyboardInterrupt:
        return writer.interrupted()
    return writer.finish()


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
