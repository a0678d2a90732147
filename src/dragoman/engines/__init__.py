"""Where ingest's per-article work runs: in this machine's processes, or on a Ray cluster.

Every engine reads the same inputs (:mod:`dragoman.ingest`), prepares them with the same code
(:mod:`dragoman.prepare`) and hands them, in input order, to the one writer
(:class:`dragoman.jobs.IngestWriter`), so the store they leave is the same. Only ``local`` is
imported by default; ``ray`` imports Ray when it is asked for (``pip install -e '.[ray]'``).
"""
from __future__ import annotations

from .options import ENGINES, EngineOptions

__all__ = ["ENGINES", "EngineOptions", "ingest"]


def ingest(store, paths, options, stats, *, linker, on_item, engine: EngineOptions = EngineOptions()):
    """Ingest ``paths`` into ``store`` on ``engine``; returns the :class:`dragoman.jobs.IngestReport`.

    ``options``/``stats``: :class:`dragoman.ingest.IngestOptions` and the
    :class:`dragoman.ingest.IngestStats` the reading fills; ``linker``/``on_item`` as for
    :func:`dragoman.jobs.ingest`."""
    engine.check()
    if engine.engine == "ray":
        from .ray import ingest as run
    else:
        from .local import ingest as run
    return run(store, paths, options, stats, linker=linker, on_item=on_item, engine=engine)
