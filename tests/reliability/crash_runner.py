"""Run ``dragoman ingest`` and SIGKILL it at a chosen point: ``crash_runner.py POINT HIT -- ARGV``.

Used by ``test_crash_window.py``. ``POINT`` names a moment of the ingest (see ``POINTS``); the
process kills itself, with no chance to clean up, on the ``HIT``-th time it reaches it. Linking
batches are made small so the points spread over several batches of a short run.
"""
from __future__ import annotations

import inspect
import os
import signal
import sys

from dragoman import jobs
from dragoman.cli import main
from dragoman.store.sql import SqlStore
from dragoman.stories.linker import Linker
from dragoman.stories.vectors import VectorFile

# Articles per linking batch in the killed runs: nine new articles make three batches.
SMALL_LINK_BATCH = 3

# point -> (object, method, when): "after" kills once the call has returned (e.g. just after a
# store commit), "before" kills on entry (e.g. inside a transaction, before its commit).
POINTS = {
    "stored": (SqlStore, "put_article", "after"),          # article committed, not linked
    "storing": (SqlStore, "_write_entities", "before"),    # inside the article's transaction
    "vectors": (VectorFile, "append", "after"),            # vectors on disk, link rows not committed
    "linked": (Linker, "link_prepared", "after"),          # links committed, marks not cleared
    "cleared": (SqlStore, "clear_pending", "after"),       # a batch fully done
    "linking": (jobs, "link_batch", "before"),             # a batch stored, its linking not begun
}


def arm(point: str, hit: int) -> None:
    owner, name, when = POINTS[point]
    original = getattr(owner, name)
    calls = 0

    def killing(*args, **kwargs):
        nonlocal calls
        calls += 1
        if when == "before" and calls == hit:
            os.kill(os.getpid(), signal.SIGKILL)
        result = original(*args, **kwargs)
        if when == "after" and calls == hit:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    static = isinstance(inspect.getattr_static(owner, name), staticmethod)
    setattr(owner, name, staticmethod(killing) if static else killing)


if __name__ == "__main__":
    point, hit, separator, *argv = sys.argv[1:]
    assert separator == "--", "usage: crash_runner.py POINT HIT -- DRAGOMAN-ARGS"
    jobs.LINK_BATCH = SMALL_LINK_BATCH
    arm(point, int(hit))
    sys.exit(main(argv))
