"""The local engine: this process writes, and this machine's processes prepare (``jobs.ingest``)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .. import jobs
from ..ingest import IngestOptions, IngestStats, iter_inputs
from ..store import Store
from .options import EngineOptions


def ingest(store: Store, paths: Sequence[str], options: IngestOptions, stats: IngestStats, *,
           linker: jobs.Linker | None, on_item: jobs.Notify | None,
           engine: EngineOptions = EngineOptions()) -> jobs.IngestReport:
    workers = engine.workers or jobs.default_workers()
    if workers > 1:  # the workers extract main text in parallel; this process only reads and writes
        options = replace(options, defer_extraction=True)
    items = iter_inputs(list(paths), options, stats=stats)
    return jobs.ingest(store, items, linker=linker, on_item=on_item, workers=workers)
