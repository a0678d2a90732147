"""Batch jobs over the store: ingest, reprocess. Generators in, one writer out.

Each article is analysed and stored in its own transaction, so Ctrl-C or a crash leaves the
store consistent (whole articles only) and running the same command again resumes: inputs
whose content hash is already stored are skipped.
"""
from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from .doc import Article, RawDocument, Rejection
from .pipeline import Pipeline, default_pipeline
from .store import SqlStore


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    interrupted: bool = False

    @property
    def stored(self) -> int:
        return self.added + self.updated


class Linker(Protocol):
    """What the corpus-level linking stage offers the jobs (see ``dragoman.stories``)."""

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


def _unique_id(store: SqlStore, raw: RawDocument) -> str:
    """Keep ids stable, but never let two different inputs share one (same stem, other folder)."""
    origin = store.origin_of(raw.id)
    if origin is None or origin == raw.origin:
        return raw.id
    return f"{raw.id}-{raw.hash[:8]}"


def ingest(store: SqlStore, items: Iterable[RawDocument | Rejection], *,
           pipeline: Pipeline | None = None, linker: Linker | None = None,
           on_item: Callable[[str, RawDocument | Rejection], None] | None = None) -> IngestReport:
    """Store every readable input; record every unreadable one with its reason.

    ``on_item(outcome, item)`` is told each outcome (added, updated, unchanged, rejected) so a
    caller can draw progress and print rejections as they happen.
    """
    pipeline = pipeline or default_pipeline()
    report = IngestReport()
    notify = on_item or (lambda outcome, item: None)
    try:
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
            if linker is not None:
                linker.link([result])
            setattr(report, outcome, getattr(report, outcome) + 1)
            notify(outcome, item)
    except KeyboardInterrupt:
        report.interrupted = True
    return report


@dataclass
class ReprocessReport:
    processed: int = 0
    failed: list[Rejection] = field(default_factory=list)
    interrupted: bool = False


def reprocess(store: SqlStore, reread: Callable[[str, bytes, str, str], RawDocument], *,
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
