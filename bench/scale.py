"""How ingest scales: articles/s for ``--engine local`` and for ``--engine ray`` with 1 and 2
workers on the same corpus, and what a cluster of N machines would reach.

    python bench/scale.py                    # 1000 articles (bench/throughput.py's corpus)
    python bench/scale.py --articles 300     # a quicker run
    python bench/scale.py --json

Each run is a ``dragoman ingest`` into a fresh SQLite store, in a subprocess, under a small
runner that times the one writer (:class:`dragoman.jobs.IngestWriter`: storing and linking, the
sequential step every engine shares) apart from everything else. From those figures:

- the *parallel* cost per article is what the workers spend (wall time minus the writer's,
  times the workers), so a machine of ``c`` cores prepares about ``c / parallel`` articles/s;
- the *sequential* cost per article is the writer's, so no cluster passes ``1 / sequential``
  articles/s whatever its size (Amdahl's law on one writer).

A cluster of N machines of this kind then reaches ``min(N * cores / parallel, 1 / sequential)``.
The parallel cost is taken from the Ray run whose workers spent least per article (see
:func:`model`): more workers than free cores measure contention, not work.
The figures of a 2-core machine that also runs the writer are pessimistic for the parallel part
(the writer takes a core from the workers) and fair for the sequential one.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import build_corpus  # noqa: E402  (the same real-shaped corpus)

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 1000
# Machines of the cluster the model is printed for.
CLUSTER_SIZES = (1, 2, 4, 8, 16, 32)

# Runs inside the measured process: times the writer's methods, then runs the CLI.
RUNNER = r'''
import json, sys, time
from dragoman import jobs
from dragoman.cli import main

spent = [0.0]

def timed(fn):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start
    return wrapper

for name in ("start", "write", "finish"):
    setattr(jobs.IngestWriter, name, timed(getattr(jobs.IngestWriter, name)))
if __name__ == "__main__":  # a spawned worker imports this module again
    out_path, argv = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    try:
        code = main(argv)
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump({"code": code, "writer_seconds": spent[0], "ingest_seconds": time.perf_counter() - start}, handle)
    sys.exit(code)
'''


@dataclass
class Run:
    label: str
    engine: str
    workers: int
    articles: int
    wall_seconds: float
    writer_seconds: float

    @property
    def rate(self) -> float:
        return self.articles / self.wall_seconds if self.wall_seconds else 0.0


def measure(label: str, engine: str, workers: int, inputs: Path, work: Path) -> Run:
    db = work / f"{label.replace(' ', '-')}.db"
    out = work / f"{label.replace(' ', '-')}.json"
    runner = work / "runner.py"
    runner.write_text(RUNNER, encoding="utf-8")
    argv = ["--db", str(db), "--quiet", "ingest", "--engine", engine, "--workers", str(workers), str(inputs)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(runner), str(out), *argv], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1) or not out.exists():
        raise SystemExit(f"{label}: dragoman ingest failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    figures = json.loads(out.read_text(encoding="utf-8"))
    count = _count(db)
    return Run(label, engine, workers, count, wall, figures["writer_seconds"])


def _count(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def _worker_seconds_per_article(run: Run) -> float:
    """What the workers spent per article: the run's time outside the writer, times its workers."""
    return max(run.wall_seconds - run.writer_seconds, 0.0) * run.workers / run.articles


def model(runs: list[Run], cores: int) -> dict:
    """The scaling model: per-article parallel cost (worker-seconds) and sequential cost.

    The parallel cost comes from the Ray run whose workers spent the least per article: on a
    machine whose driver, read tasks and Ray's own processes share the cores, a run with more
    workers than free cores shows contention, not the work (on 2 cores, 2 workers and a driver
    take turns). The sequential cost is the writer's in that same run."""
    ray_runs = [r for r in runs if r.engine == "ray" and r.articles] or runs
    best = min(ray_runs, key=_worker_seconds_per_article)
    sequential = best.writer_seconds / best.articles
    parallel = _worker_seconds_per_article(best)
    cap = 1 / sequential if sequential else float("inf")
    cluster = {n: min(n * cores / parallel if parallel else cap, cap) for n in CLUSTER_SIZES}
    return {"from": best.label, "sequential_seconds_per_article": sequential,
            "parallel_seconds_per_article": parallel, "cores_per_machine": cores,
            "cap_articles_per_second": cap, "cluster_articles_per_second": cluster}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=ARTICLES, metavar="N")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
        import ray  # noqa: F401
    except ModuleNotFoundError:
        print("bench/scale.py needs Ray: pip install -e '.[ray]'", file=sys.stderr)
        return 2
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="dragoman-scale-") as folder:
        work = Path(folder)
        corpus = build_corpus(work / "corpus", args.articles)
        inputs = corpus.folder
        runs = [measure("local", "local", cores, inputs, work),
                measure("ray 1 worker", "ray", 1, inputs, work),
                measure("ray 2 workers", "ray", 2, inputs, work)]
    figures = model(runs, cores)
    if args.json:
        print(json.dumps({"runs": [asdict(r) | {"rate": r.rate} for r in runs], "model": figures}, indent=1))
        return 0
    print(f"{corpus.inputs} inputs, {cores} cores, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'run':<16}{'articles':>9}{'wall s':>9}{'writer s':>10}{'articles/s':>12}")
    for r in runs:
        print(f"{r.label:<16}{r.articles:>9}{r.wall_seconds:>9.1f}{r.writer_seconds:>10.1f}{r.rate:>12.2f}")
    print(f"\nscaling model (from {figures['from']}): per article {figures['parallel_seconds_per_article'] * 1000:.0f} ms "
          f"of parallel work (pipeline, embedding, MinHash) and {figures['sequential_seconds_per_article'] * 1000:.0f} ms "
          f"in the one writer (store and link)")
    print(f"the writer caps any cluster at {figures['cap_articles_per_second']:.0f} articles/s")
    for n, rate in figures["cluster_articles_per_second"].items():
        print(f"  {n:>3} machines of {cores} cores: about {rate:.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
