"""The Ray engine: inputs read and articles prepared on a Ray cluster; this process writes.

The inputs become a Ray Dataset: one row per input file (the driver only lists them), then
``flat_map`` reads each file into its documents (a file, each JSON Lines entry, each WARC
record), and ``map_batches`` runs :func:`dragoman.prepare.prepare_batch` in an actor pool, so
each worker loads the models once. The pipeline, the embedding and the MinHash signatures all
run there. The dataset keeps input order (``preserve_order``), and the driver hands what comes
back to the one :class:`dragoman.jobs.IngestWriter`. The writer stores each article in its own
transaction and links in order, so the store is the one ``--engine local`` leaves, and a
rerun after a crash (of a worker or of this process) resumes without losing or doubling
anything.

Rows cross process boundaries as pickled bytes. Every node needs dragoman installed, since
the workers import it.
"""
from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Iterator, Sequence
from functools import partial

from .. import jobs
from ..doc import RawDocument, Rejection
from ..errors import UserError
from ..ingest import IngestOptions, IngestStats, read_guarded
from ..ingest.sources import Source, expand
from ..prepare import PREPARE_BATCH, PreparedArticle, prepare_batch
from ..store import Store
from .options import EngineOptions

RAY_MISSING = "--engine ray needs Ray, which is not installed: pip install -e '.[ray]'"
# Blocks out of the read stage stay this small so that one large file's records (JSON Lines,
# WARC) spread over every worker instead of filling one worker's queue.
READ_BLOCK_BYTES = 256 * 1024
# Read tasks at most: one per input file up to this, so listing many files costs no more.
MAX_READ_TASKS = 1024
# Prepared rows the driver takes at a time.
WRITE_BATCH = 4 * PREPARE_BATCH


def _import_ray():
    try:
        import ray
        import ray.data
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] in ("ray", "pandas", "pyarrow"):
            raise UserError(RAY_MISSING) from None
        raise
    return ray


def read_rows(row: dict, options: IngestOptions) -> Iterator[dict]:
    """flat_map: one input file's row -> a row per document (a listing's rejection passes on)."""
    source: Source | Rejection = pickle.loads(row["source"])
    items = [source] if isinstance(source, Rejection) else read_guarded(source, options)
    for item in items:
        yield {"item": pickle.dumps(item)}


class PrepareBatches:
    """map_batches: pickled documents in, pickled :class:`PreparedArticle` out, in order.

    A Ray actor makes one and calls it on every batch it is given, so the models of
    :func:`prepare_batch` load once per worker."""

    def __init__(self, embedder: str | None, dim: int):
        self.embedder = embedder
        self.dim = dim

    def __call__(self, batch):
        import pyarrow as pa

        items: list[RawDocument | Rejection] = [pickle.loads(b) for b in batch.column("item").to_pylist()]
        prepared = prepare_batch(items, embedder=self.embedder, dim=self.dim)
        return pa.table({"prepared": pa.array([pickle.dumps(p) for p in prepared], type=pa.binary())})


def _connect(ray, engine: EngineOptions, workers: int | None) -> bool:
    """Join the cluster at ``engine.address``, or start a local Ray; True when this call did."""
    if ray.is_initialized():
        return False
    quiet = {"logging_level": logging.ERROR, "log_to_driver": False}
    # Ray's core writes notes to stderr (on actor restarts, say) that tell a user nothing;
    # failures reach the user as one message instead. A setting of the user's own wins.
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    try:
        if engine.address:
            ray.init(address=engine.address, **quiet)
        else:
            # One CPU per preparing actor, and one left for the read tasks (without it they wait
            # for a CPU the actors hold, for ever).
            ray.init(num_cpus=(workers or jobs.default_workers()) + 1, include_dashboard=False, **quiet)
    except (ConnectionError, RuntimeError, ValueError, TimeoutError) as error:
        where = engine.address or "a local Ray instance"
        reason = str(error).strip().splitlines()[0] if str(error).strip() else error.__class__.__name__
        raise UserError(f"could not start or reach {where}: {reason}") from None
    return True


def _pool_size(ray, engine: EngineOptions) -> int:
    if engine.workers is not None:
        return engine.workers
    if not engine.address:
        return jobs.default_workers()
    return max(1, int(ray.cluster_resources().get("CPU", 2)) - 1)


def prepared_batches(ray, sources: Sequence[Source | Rejection], options: IngestOptions, *,
                     embedder: str | None, dim: int, workers: int,
                     preparer: type | None = None) -> Iterator[list[PreparedArticle]]:
    """The prepared inputs of ``sources``, in input order, a batch at a time.

    ``preparer``: the map_batches class (default :class:`PrepareBatches`, looked up when called,
    so a test can put one that fails on purpose in its place)."""
    preparer = preparer or PrepareBatches
    if not sources:
        return
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    context.target_max_block_size = READ_BLOCK_BYTES
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # failures reach the user as one message
    rows = [{"source": pickle.dumps(source)} for source in sources]
    dataset = (ray.data.from_items(rows, override_num_blocks=min(len(rows), MAX_READ_TASKS))
               .flat_map(partial(read_rows, options=options))
               .map_batches(preparer, batch_size=PREPARE_BATCH, batch_format="pyarrow",
                            fn_constructor_kwargs={"embedder": embedder, "dim": dim},
                            compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1))
    for table in dataset.iter_batches(batch_size=WRITE_BATCH, batch_format="pyarrow"):
        yield [pickle.loads(b) for b in table.column("prepared").to_pylist()]


def ingest(store: Store, paths: Sequence[str], options: IngestOptions, stats: IngestStats, *,
           linker: jobs.Linker | None, on_item: jobs.Notify | None,
           engine: EngineOptions = EngineOptions(engine="ray")) -> jobs.IngestReport:
    """Ingest ``paths`` with the per-article work on Ray; see the module's docstring."""
    ray = _import_ray()
    sources = list(expand(list(paths), stats))  # the listing only: files are read on the workers
    stats.files += sum(1 for s in sources if not isinstance(s, Rejection))
    index_embedder = linker.index.embedder if linker is not None else None
    started = _connect(ray, engine, engine.workers)
    writer = jobs.IngestWriter(store, linker, on_item)
    try:
        writer.start()
        batches = prepared_batches(ray, sources, options, workers=_pool_size(ray, engine),
                                   embedder=index_embedder.name if index_embedder else None,
                                   dim=index_embedder.dim if index_embedder else 384)
        for batch in batches:
            writer.write(batch)
    except KeyboardInterrupt:
        return writer.interrupted()
    except ray.exceptions.RayError as error:
        writer.interrupted()
        reason = str(error).strip().splitlines()[0] if str(error).strip() else error.__class__.__name__
        raise UserError(f"the Ray job failed ({reason}); what was stored stays stored: "
                        "run the same command again to resume") from None
    finally:
        if started:
            ray.shutdown()
    return writer.finish()
