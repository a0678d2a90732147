"""Ingest's worker processes: the per-article pipeline in N processes, the one writer in this one.

    with PreparePool(2, components=pipeline.names, embedder=index.embedder) as pool:
        for batch in pool.prepare(items, skip=writer.known):   # in input order
            writer.write(batch)

This process reads the inputs, hands them to the workers in batches of
:data:`~dragoman.prepare.PREPARE_BATCH` and gets :class:`~dragoman.prepare.PreparedArticle`
lists back, which it yields in input order, so the store is the same whatever the number of
workers. At most ``BATCHES_PER_WORKER * workers + 1`` batches are out at a time, so memory does
not grow with the input. Workers are started with ``spawn`` (a fork would copy the encoder's
thread pool and the store's connections), each with one OpenMP thread, and ignore Ctrl-C: the
writer decides what an interruption keeps. A worker that sees its parent go (``kill -9``) exits.

The readers leave HTML main-text extraction to the workers (``IngestOptions.defer_extraction``):
this process decodes, hashes and writes; the costly parts run in parallel.

The large NER models (natasha for Russian and Kazakh, spaCy for French) are shared out: a worker
may load only the models the pool gives it (:func:`~dragoman.entities.finders.allow_models`); an
input that needs another one comes back as :class:`~dragoman.prepare.NeedsModel` and goes to a
worker that has it, so a mixed corpus holds one copy of each. Only when
:data:`MODEL_OVERFLOW` inputs already wait there (a Russian-only corpus) does the asking worker
load the model too.

Vectors a worker computes are handed to the other workers with their next batch, and kept here
(:class:`~dragoman.embedding.VectorCache`): copies and reprints are embedded once per ingest,
and the writer's own re-embedding (resumed links, the corpus passes) finds them cached.

A worker that dies (a crash in a native library, the out-of-memory killer) loses no input: its
batches are given to a new worker, one input at a time for the batch it was on, and an input
that kills a worker on its own is rejected with a reason saying so.
"""
from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .doc import RawDocument, Rejection
from .prepare import PREPARE_BATCH, NeedsModel, PreparedArticle

if TYPE_CHECKING:
    from .stories.embed import Embedder

# Seconds between two checks that the workers are alive (and, in a worker, that its parent is).
POLL_SECONDS = 0.5
# Seconds a worker gets to finish its batch when the pool closes, before it is terminated.
CLOSE_SECONDS = 10.0
# Workers started again after deaths, per worker, before the ingest gives up.
RESTARTS_PER_WORKER = 3
# Vector-cache entries kept for workers that have not been sent them yet.
SHARED_VECTORS_MAX = 20000
# Inputs handed over for a model that may wait at the worker that has it before another worker
# loads it too. Below this, inputs that need the model wait for a worker that has it (one copy in
# memory: natasha alone holds about 200 MB); at this, the model's inputs are too many for one
# worker (a Russian-only corpus) and another one shares them.
MODEL_OVERFLOW = 2 * PREPARE_BATCH
# Batches read ahead per worker: enough that a worker finds work while an earlier batch waits for
# inputs handed to the worker that has their model (which may be loading it: spaCy's French takes
# 4 s). A waiting input is its raw bytes, so this costs a few MB.
BATCHES_PER_WORKER = 8
# Environment variables that set the threads of the numerical libraries a worker loads.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


class WorkerError(RuntimeError):
    """The worker processes cannot run (a pipeline that fails to build, workers that keep dying)."""


@dataclass
class _Task:
    number: int
    items: list[RawDocument]
    vectors: list  # vector-cache entries computed by the other workers
    models: frozenset[str]  # the NER models this worker may load


@dataclass
class _Done:
    number: int
    worker: int
    results: list[tuple[Any, Any]]  # (result, link) per item of the task
    vectors: list  # entries this worker computed for the task


@dataclass
class _Failed:
    worker: int
    reason: str


@dataclass
class _Batch:
    """Consecutive inputs, yielded together once every input is prepared (or needs no work)."""

    items: list[RawDocument | Rejection]
    prepared: list[PreparedArticle | None] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return all(p is not None for p in self.prepared)


@dataclass
class _Sent:
    """One task given to a worker: which inputs of which batch."""

    number: int
    batch: int
    positions: list[int]
    model: str | None = None  # the model these inputs were handed over for (by a worker without it)


class _Worker:
    """One worker process: a queue of tasks to it, a pipe of results from it.

    Results go through a pipe, written before the worker takes its next task: a worker that dies
    has handed over every result it finished, so its first outstanding task is the one it was on."""

    def __init__(self, context, slot: int, spec: dict):
        self.slot = slot
        self.tasks = context.Queue()
        self.results, sender = context.Pipe(duplex=False)
        self.outstanding: list[_Sent] = []  # in the order sent, so the first is the one it is on
        self.vectors_sent = 0  # position in the pool's shared-vector log
        self.process = context.Process(target=work, name=f"dragoman-worker-{slot}", daemon=True,
                                       args=(slot, self.tasks, sender, spec))
        with _environment({variable: str(spec["threads"]) for variable in THREAD_VARIABLES}):
            self.process.start()
        sender.close()  # the worker's end: once it exits, reading here ends too

    def messages(self) -> list:
        """Every message waiting in the pipe (none once the worker is gone and the pipe drained)."""
        found = []
        try:
            while self.results.poll():
                found.append(self.results.recv())
        except (EOFError, OSError, pickle.UnpicklingError):
            pass  # the worker died mid-message: what it was sending is done again
        return found

    def discard(self) -> None:
        self.tasks.close()
        self.tasks.cancel_join_thread()
        self.results.close()


def component_modules(names: Sequence[str] | None) -> list[str]:
    """The modules that register the pipeline's components: a spawned worker imports them first,
    so components registered outside dragoman (a plugin, a test) exist there too."""
    from .pipeline import registered

    available = registered()
    chosen = names if names is not None else ()
    return sorted({available[name].factory.__module__ for name in chosen if name in available})


def embedder_spec(embedder: "Embedder | None") -> tuple[str | None, int]:
    """The (name, dim) a worker rebuilds ``embedder`` from; None for an embedder it cannot build
    (the writer then embeds)."""
    if embedder is None:
        return None, 0
    from .stories.prepare import embedder_named

    try:
        embedder_named(embedder.name, embedder.dim)
    except ValueError:
        return None, 0
    return embedder.name, embedder.dim


class PreparePool:
    """N worker processes that prepare inputs; :meth:`prepare` yields them back in input order."""

    def __init__(self, workers: int, *, components: Sequence[str] | None = None,
                 embedder: "Embedder | None" = None, batch: int = PREPARE_BATCH, threads: int = 1):
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        name, dim = embedder_spec(embedder)
        self.size = workers
        self.batch = batch
        self.restarts_left = RESTARTS_PER_WORKER * workers
        self._context = multiprocessing.get_context("spawn")
        self._spec = {"modules": component_modules(components), "components": list(components) if components
                      is not None else None, "embedder": name, "dim": dim, "threads": threads,
                      "parent": os.getpid()}
        self._workers: list[_Worker] = []
        self._vectors: list[tuple[int, Any]] = []  # (worker slot, cache entry), since _vectors_base
        self._vectors_base = 0
        self._task_numbers = 0
        self.crashes = 0
        self.model_owners: dict[str, set[int]] = {}  # model key -> slots of the workers that may load it

    # ------------------------------------------------------------------ life cycle
    def __enter__(self) -> "PreparePool":
        self.start()
        return self

    def __exit__(self, kind, error, trace) -> None:
        self.close(wait=kind is None)

    def start(self) -> None:
        if not self._workers:
            self._workers = [self._start(slot) for slot in range(self.size)]

    def _start(self, slot: int) -> _Worker:
        worker = _Worker(self._context, slot, self._spec)
        worker.vectors_sent = self._vectors_base + len(self._vectors)  # what it missed is lost, not wrong
        return worker

    def close(self, wait: bool = True) -> None:
        """Stop the workers: after their current batch when ``wait``, else at once."""
        workers, self._workers = self._workers, []
        for worker in workers:
            if wait and worker.process.is_alive():
                worker.tasks.put(None)
        deadline = time.monotonic() + (CLOSE_SECONDS if wait else 0)
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(1.0)
            worker.discard()

    # ------------------------------------------------------------------ the work
    def prepare(self, items: Iterable[RawDocument | Rejection],
                skip: Callable[[RawDocument], bool] = lambda raw: False) -> Iterator[list[PreparedArticle]]:
        """Prepared inputs, a batch at a time, in input order. Rejections, and inputs ``skip``
        names (already stored), come back unprepared (``result`` None) without going to a worker."""
        self.start()
        source = iter(items)
        batches: dict[int, _Batch] = {}
        read = yielded = 0
        exhausted = False
        limit = BATCHES_PER_WORKER * self.size + 1
        while True:
            while not exhausted and read - yielded < limit:
                chunk = [item for _, item in zip(range(self.batch), source)]
                if not chunk:
                    exhausted = True
                    break
                batches[read] = self._submit(read, chunk, skip)
                read += 1
            while yielded in batches and batches[yielded].done:
                yield batches.pop(yielded).prepared  # type: ignore[misc]
                yielded += 1
            if exhausted and not batches:
                return
            self._receive(batches)

    def _submit(self, number: int, chunk: list, skip: Callable[[RawDocument], bool]) -> _Batch:
        batch = _Batch(chunk, [None] * len(chunk))
        todo = []
        for position, item in enumerate(chunk):
            if isinstance(item, RawDocument) and not skip(item):
                todo.append(position)
            else:
                batch.prepared[position] = PreparedArticle(item)
        if todo:
            self._send(self._idlest(), number, todo, chunk)
        return batch

    def _idlest(self) -> _Worker:
        return min(self._workers, key=lambda w: (_load(w), w.slot))

    def _send(self, worker: _Worker, batch: int, positions: list[int], items: list,
              model: str | None = None) -> None:
        self._task_numbers += 1
        sent = _Sent(self._task_numbers, batch, positions, model)
        worker.outstanding.append(sent)
        start = max(worker.vectors_sent - self._vectors_base, 0)
        vectors = [entry for slot, entry in self._vectors[start:] if slot != worker.slot]
        worker.vectors_sent = self._vectors_base + len(self._vectors)
        models = frozenset(key for key, slots in self.model_owners.items() if worker.slot in slots)
        worker.tasks.put(_Task(sent.number, [items[p] for p in positions], vectors, models))
        self._trim_vectors()

    def _trim_vectors(self) -> None:
        """Drop shared vectors every worker has been sent (or, past the cap, the oldest)."""
        lowest = min(w.vectors_sent for w in self._workers) - self._vectors_base
        drop = max(lowest, len(self._vectors) - SHARED_VECTORS_MAX, 0)
        if drop:
            del self._vectors[:drop]
            self._vectors_base += drop

    def _receive(self, batches: dict[int, _Batch]) -> None:
        """Wait for messages from the workers (or a death among them) and act on them."""
        waiting = {w.results: w for w in self._workers} | {w.process.sentinel: w for w in self._workers}
        ready = wait(list(waiting), timeout=POLL_SECONDS)
        for worker in dict.fromkeys(waiting[r] for r in ready):
            for message in worker.messages():
                self._handle(message, batches)
        for index, worker in enumerate(self._workers):
            if worker.process.exitcode is not None:
                for message in worker.messages():  # sent before it died
                    self._handle(message, batches)
                self._replace(index, worker, batches)

    def _handle(self, message, batches: dict[int, _Batch]) -> None:
        if isinstance(message, _Failed):
            raise WorkerError(f"ingest worker {message.worker} could not start: {message.reason}")
        worker = next((w for w in self._workers if w.slot == message.worker), None)
        sent = next((s for s in worker.outstanding if s.number == message.number), None) if worker else None
        if sent is None:  # a task given again after its worker was thought dead
            return
        worker.outstanding.remove(sent)
        from .embedding import vector_cache

        vector_cache().absorb(message.vectors)
        self._vectors.extend((worker.slot, entry) for entry in message.vectors)
        batch = batches.get(sent.batch)
        if batch is None:
            return
        elsewhere: dict[str, list[int]] = {}
        for position, (result, link) in zip(sent.positions, message.results):
            if isinstance(result, NeedsModel):
                elsewhere.setdefault(result.key, []).append(position)
            else:
                batch.prepared[position] = PreparedArticle(batch.items[position], result, link)
        for key, positions in elsewhere.items():
            self._send(self._model_worker(key, worker), sent.batch, positions, batch.items, model=key)

    def _model_worker(self, key: str, asking: _Worker) -> _Worker:
        """The worker to give inputs that need the model ``key``, which ``asking`` may not load:
        the one that has it with the fewest inputs handed over for it, unless even that one has
        :data:`MODEL_OVERFLOW` of them waiting: then ``asking`` loads it too (and may from now on)."""
        owners = self.model_owners.setdefault(key, set())
        having = [w for w in self._workers if w.slot in owners]
        least = min(having, key=lambda w: _waiting_for(w, key), default=None)
        if least is None or _waiting_for(least, key) >= MODEL_OVERFLOW:
            owners.add(asking.slot)
            return asking
        return least

    def _replace(self, index: int, dead: _Worker, batches: dict[int, _Batch]) -> None:
        self.crashes += 1
        if self.restarts_left <= 0:
            raise WorkerError(f"ingest workers keep dying (the last with {_exit_reason(dead.process.exitcode)}); "
                              "try --workers 1")
        self.restarts_left -= 1
        dead.discard()
        fresh = self._workers[index] = self._start(dead.slot)
        for position, sent in enumerate(dead.outstanding):
            batch = batches.get(sent.batch)
            if batch is None:
                continue
            if position > 0:  # not started yet: the same task again
                self._send(fresh, sent.batch, sent.positions, batch.items)
            elif len(sent.positions) == 1:  # this input alone killed a worker
                item = batch.items[sent.positions[0]]
                batch.prepared[sent.positions[0]] = PreparedArticle(item, Rejection(
                    item.origin, f"the ingest worker analysing it stopped ({_exit_reason(dead.process.exitcode)}); "
                                 "please report it", item.input_format))
            else:  # one of these killed it: one at a time, to find which
                for one in sent.positions:
                    self._send(fresh, sent.batch, [one], batch.items)


@contextlib.contextmanager
def _environment(values: dict[str, str]):
    """``values`` in this process's environment while a worker is started, so that the worker has
    them from its first instruction: the numerical libraries read their thread counts when they
    load, which unpickling the worker's task already does."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _load(worker: _Worker) -> int:
    return sum(len(s.positions) for s in worker.outstanding)


def _waiting_for(worker: _Worker, model: str) -> int:
    """Inputs other workers handed ``worker`` for ``model`` that it has not finished."""
    return sum(len(s.positions) for s in worker.outstanding if s.model == model)


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit status {code}"


# ---------------------------------------------------------------------- inside a worker
def work(slot: int, tasks, results, spec: dict) -> None:
    """A worker's life: build the pipeline once, then prepare batches until told to stop.

    ``results`` is the sending end of a pipe: ``send`` returns once the message is written."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle
    # (THREAD_VARIABLES are in this process's environment from its start: see _Worker.)
    threading.Thread(target=_exit_with_parent, args=(spec["parent"],), daemon=True).start()
    try:
        for module in spec["modules"]:
            importlib.import_module(module)
        from .embedding import vector_cache
        from .entities.finders import allow_models
        from .prepare import Preparer, preparer_for

        preparer = preparer_for(spec["embedder"], spec["dim"] or 384, spec["components"])
    except Exception as error:  # noqa: BLE001 - reported to the writer, which stops the ingest
        results.send(_Failed(slot, f"{error.__class__.__name__}: {error}"))
        return
    cache = vector_cache()
    while (task := tasks.get()) is not None:
        cache.absorb(task.vectors)
        allow_models(task.models)
        try:
            prepared = preparer.prepare(task.items)
        except Exception:  # noqa: BLE001 - the embedder failed: the writer embeds these itself
            prepared = Preparer(preparer.pipeline, None).prepare(task.items)
        results.send(_Done(task.number, slot, [(p.result, p.link) for p in prepared], cache.take_fresh()))


def _exit_with_parent(parent: int) -> None:
    """Exit when the ingest that started this worker is gone (``kill -9`` leaves no one to say so)."""
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(0)
