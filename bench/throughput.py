"""`dragoman ingest` end to end (read, pipeline, store, link): articles per second, peak memory and
seconds per stage, for this tree and for a comparison commit measured in the same run.

    python bench/throughput.py                    # this tree beside HEAD~1
    python bench/throughput.py --against main     # beside another commit (any git revision)
    python bench/throughput.py --against none     # this tree only
    python bench/throughput.py --against DIR      # beside a copy of a tree (DIR/src/dragoman)
    python bench/throughput.py --json             # the figures as JSON

The corpus is real-shaped: the extraction benchmark's 181 HTML pages
(``../shared/eval/data/article-extraction-benchmark``), the sample corpus (``samples/corpus``:
text, HTML, a feed, JSON Lines) and the seeds (``../shared/corpus/seeds``), repeated until there
are at least ``--min-articles`` inputs, each repeat with a small edit (a marker at the end of the
text, a changed URL) so that every input is a distinct article. It is written to a temporary
folder and ingested into a fresh temporary store by ``dragoman ingest`` in a subprocess.

The comparison commit is checked out with ``git worktree add`` into a temporary folder (removed
afterwards) and run with ``PYTHONPATH`` at its ``src``; a folder given instead (a copy of a
tree, e.g. uncommitted work before a change) is run as it is. Both runs use the same corpus.

Figures: wall seconds from process start to exit, articles stored per second of it, the
process's CPU seconds (less disturbed by other load than wall time), peak RSS
(``ru_maxrss`` of the ingest process and of its children, and the whole process tree's resident
memory sampled from /proc every half second, as RSS and as PSS, which counts a shared page once),
and seconds per stage. The stages are timed by a small runner that wraps dragoman's functions before calling the CLI (no hook in dragoman
itself, so an older commit is timed the same way): ``read`` (readers, inside ``iter_inputs``), ``extract``
(HTML main-text extraction the readers left to the process that analyses the page),
one stage per pipeline component (``load components`` for building them), ``store`` (the SQL store's
methods), ``link`` (the story linker's ``link``), ``corpus`` (the whole-corpus passes after
ingest) and ``other`` (interpreter start, imports, opening the store and the index). Time is
given to the innermost stage only, so the stages add up to the wall (and CPU) time of the ingest
process. Ingest's worker processes (``--workers``, a tree that has them) are timed by the same
hooks, installed by a ``sitecustomize`` on the measured ``PYTHONPATH``: their stages (the
pipeline's components and ``link inputs``, the title-and-lead vectors) are summed over the
workers and listed apart, and CPU seconds include them.
The machine's load average is printed with the figures: compare ratios from one run, and on a
shared machine use ``--rounds 2`` (the trees take turns going first; the fastest round counts).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXTRACTION_HTML = SHARED / "eval" / "data" / "article-extraction-benchmark" / "html"
SAMPLES = ROOT / "samples" / "corpus"
SEEDS = SHARED / "corpus" / "seeds"
MIN_ARTICLES = 500
# Seconds between two samples of the process tree's resident memory.
RSS_SAMPLE_SECONDS = 0.5
# The ingest exits 1 when some inputs were set aside: still a finished run.
FINISHED = (0, 1)

# Runs inside the measured process: wraps dragoman's stage functions with timers, then runs the
# CLI. Every hook is optional (an older commit may lack a function); the ones installed are
# reported. Time spent in a stage called from another stage counts for the inner one only.
HOOKS = r'''
import dataclasses, functools, inspect, json, os, sys, time

stages, stack, hooks = {}, [], []


def timed(name, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        stack.append([0.0, 0.0])
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            inner = stack.pop()
            total = stages.setdefault(name, [0.0, 0.0])
            total[0] += wall - inner[0]
            total[1] += cpu - inner[1]
            if stack:
                stack[-1][0] += wall
                stack[-1][1] += cpu
    return wrapper


def timed_iter(name, fn):
    end = object()

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        items = iter(fn(*args, **kwargs))
        step = timed(name, lambda: next(items, end))
        while (item := step()) is not end:
            yield item
    return wrapper


def hook(label, install):
    try:
        install()
        hooks.append(label)
    except Exception:  # an older commit without this function: that stage stays in "other"
        pass


def install_read():
    import dragoman.ingest as ingest
    ingest.iter_inputs = timed_iter("read", ingest.iter_inputs)


class TimedComponent:
    def __init__(self, name, inner):
        self._inner, self._timed = inner, timed(name, inner)

    def __call__(self, article):
        return self._timed(article)

    def __getattr__(self, attr):
        return getattr(self._inner, attr)


def install_pipeline():
    import dragoman.pipeline as pipeline
    pipeline.registered()
    for name, reg in list(pipeline._REGISTRY.items()):
        def factory(reg=reg, name=name):
            return TimedComponent(name, timed("load " + name, reg.factory)())
        pipeline._REGISTRY[name] = dataclasses.replace(reg, factory=factory)


def install_store():
    from dragoman.store import sql
    for attr, value in list(vars(sql.SqlStore).items()):
        if attr.startswith("_") or not inspect.isfunction(value):
            continue
        wrap = timed_iter if inspect.isgeneratorfunction(value) else timed
        setattr(sql.SqlStore, attr, wrap("store", value))


def install_link():
    import dragoman.stories as stories
    wrapped = 0
    for value in {id(v): v for v in vars(stories).values() if isinstance(v, type)}.values():
        for method in ("link", "link_prepared"):
            if inspect.isfunction(getattr(value, method, None)):
                setattr(value, method, timed("link", getattr(value, method)))
                wrapped += 1
    if not wrapped:
        raise LookupError("no linker")


def install_extract():
    # HTML main-text extraction that readers left to the process analysing the page (ingest with
    # workers defers it to them).
    import dragoman.ingest as ingest
    ingest.complete = timed("extract", ingest.complete)


def install_link_inputs():
    # The linking inputs (profile, title-and-lead vector, MinHash), made by ingest's workers.
    import dragoman.stories.prepare as prepare
    import dragoman.stories.linker as linker
    prepare.prepare_links = linker.prepare_links = timed("link inputs", prepare.prepare_links)


def install_corpus():
    from dragoman.service import batch
    batch.corpus_passes = timed("corpus", batch.corpus_passes)


def install(worker=False):
    chosen = (("extract", install_extract), ("pipeline", install_pipeline),
              ("link inputs", install_link_inputs)) if worker else (
        ("read", install_read), ("extract", install_extract), ("pipeline", install_pipeline),
        ("store", install_store), ("link", install_link), ("link inputs", install_link_inputs),
        ("corpus", install_corpus))
    for label, install_one in chosen:
        hook(label, install_one)


def dump_worker_stages():
    folder = os.environ.get("DRAGOMAN_BENCH_STAGES")
    if folder:
        with open(os.path.join(folder, f"{os.getpid()}.json"), "w", encoding="utf-8") as handle:
            json.dump(stages, handle)
'''

# Installed on the measured tree's PYTHONPATH: in each worker process of the ingest (started by
# multiprocessing) it times the pipeline too, and leaves its stages in $DRAGOMAN_BENCH_STAGES.
SITECUSTOMIZE = r'''
import os
if os.environ.get("DRAGOMAN_BENCH_STAGES"):
    try:
        with open("/proc/self/cmdline", "rb") as handle:
            child = b"--multiprocessing-fork" in handle.read()
    except OSError:
        child = False
    if child:
        import multiprocessing.util
        import stage_hooks
        stage_hooks.install(worker=True)
        multiprocessing.util.Finalize(None, stage_hooks.dump_worker_stages, exitpriority=100)
'''

# Runs as the measured process: wraps dragoman's stage functions with timers (stage_hooks, above),
# then runs the CLI. Every hook is optional (an older commit may lack a function); the ones
# installed are reported. Time spent in a stage called from another stage counts for the inner
# one only. The worker processes' stages are read from the files they left.
RUNNER = r'''
import glob, json, os, resource, sys

import stage_hooks

if __name__ == "__main__":  # (multiprocessing's spawn imports this file again in each worker)
    out_path, argv = sys.argv[1], sys.argv[2:]
    stage_hooks.install()

    import dragoman
    from dragoman.cli import main

    try:
        code = main(argv)
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    workers = {}
    for path in glob.glob(os.path.join(os.environ.get("DRAGOMAN_BENCH_STAGES", "-"), "*.json")):
        with open(path, encoding="utf-8") as handle:
            for name, (wall, cpu_seconds) in json.load(handle).items():
                total = workers.setdefault(name, [0.0, 0.0])
                total[0] += wall
                total[1] += cpu_seconds
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump({"code": code, "stages": stage_hooks.stages, "worker_stages": workers,
                   "workers": len(glob.glob(os.path.join(os.environ.get("DRAGOMAN_BENCH_STAGES", "-"), "*.json"))),
                   "hooks": stage_hooks.hooks, "dragoman": dragoman.__file__, "cpu_seconds": cpu,
                   "own_cpu_seconds": own.ru_utime + own.ru_stime,
                   "maxrss_kib": own.ru_maxrss, "children_maxrss_kib": children.ru_maxrss}, handle)
    sys.exit(code)
'''


@dataclass
class Corpus:
    folder: Path
    inputs: int  # articles the readers should produce (files, feed entries, JSON Lines records)
    copies: int


@dataclass
class Figures:
    label: str
    commit: str
    round: int = 0
    code: int = 0
    articles: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0  # wall time of the ingest process, start to exit
    cpu_seconds: float = 0.0  # its CPU time (all threads, and its children's)
    articles_per_second: float = 0.0
    articles_per_cpu_second: float = 0.0
    peak_rss_mib: float = 0.0  # largest ru_maxrss of the ingest process or of one of its children
    tree_peak_rss_mib: float = 0.0  # largest sampled sum over the process tree
    tree_peak_pss_mib: float = 0.0  # the same for PSS: shared pages (libraries, mapped models) counted once
    stages: dict[str, tuple[float, float]] = field(default_factory=dict)  # name -> (wall, CPU) seconds
    workers: int = 0  # worker processes that reported their stages
    worker_stages: dict[str, tuple[float, float]] = field(default_factory=dict)  # summed over the workers
    hooks: list[str] = field(default_factory=list)
    error: str = ""


# -- the corpus ---------------------------------------------------------------------------------

def _sources() -> list[tuple[str, Path, bytes]]:
    """(folder, file name, bytes) of every original input."""
    found = []
    for path in sorted(EXTRACTION_HTML.glob("*.html.gz")):
        found.append(("extraction", Path(path.name[:-len(".gz")]), gzip.decompress(path.read_bytes())))
    for path in sorted(SAMPLES.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            found.append(("samples", Path(path.name), path.read_bytes()))
    for path in sorted(SEEDS.glob("*.txt")):  # not gold.jsonl: that is the answer key
        found.append(("seeds", Path(path.name), path.read_bytes()))
    return found


def _inputs_in(name: Path, data: bytes) -> int:
    if name.suffix == ".jsonl":
        return sum(1 for line in data.splitlines() if line.strip())
    if name.suffix == ".xml":
        return max(1, len(re.findall(rb"<(?:item|entry)[\s>]", data)))
    return 1


_LAST_P = re.compile(rb"(?is)(.*)(</p>)")
_FEED_P = re.compile(rb"(?i)</p>(\s*\]\]>)")
_FEED_URL = re.compile(rb"(?i)(<(link|guid)\b[^>]*>)([^<]+)(</\2>)")


def edited(name: Path, data: bytes, copy: int) -> bytes:
    """``data`` with a small edit that makes repeat ``copy`` a distinct article (copy 0: as is).

    The marker is ASCII, so the edit keeps any ASCII-compatible encoding (the cp1251 sample)."""
    if copy == 0:
        return data
    mark = f" ({copy})".encode()
    if name.suffix == ".jsonl":
        lines = []
        for line in data.splitlines():
            if line.strip():
                record = json.loads(line)
                if isinstance(record.get("text"), str):
                    record["text"] = record["text"].rstrip() + mark.decode()
                if isinstance(record.get("url"), str):
                    record["url"] += f"?copy={copy}"
                line = json.dumps(record, ensure_ascii=False).encode("utf-8")
            lines.append(line)
        return b"\n".join(lines) + b"\n"
    if name.suffix == ".xml":
        data = _FEED_P.sub(mark + rb"</p>\1", data)
        data = data.replace(b"</description>", mark + b"</description>")
        return _FEED_URL.sub(lambda m: m[1] + m[3].strip() + f"?copy={copy}".encode() + m[4], data)
    if name.suffix in (".html", ".htm"):
        if _LAST_P.match(data):
            return _LAST_P.sub(lambda m: m[1] + mark + m[2], data, count=1)
        if b"</body>" in data:
            return data.replace(b"</body>", mark + b"</body>", 1)
    return data.rstrip() + mark + b"\n"


def build_corpus(folder: Path, min_articles: int = MIN_ARTICLES) -> Corpus:
    sources = _sources()
    per_copy = sum(_inputs_in(name, data) for _, name, data in sources)
    copies = max(1, -(-min_articles // per_copy))
    for copy in range(copies):
        for group, name, data in sources:
            stem = name.stem if copy == 0 else f"{name.stem}-{copy}"
            target = folder / group / f"{stem}{name.suffix}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(edited(name, data, copy))
    return Corpus(folder, per_copy * copies, copies)


# -- measuring one tree ---------------------------------------------------------------------------

def _tree_memory_kib(root: int) -> tuple[int, int]:
    """Resident memory (RSS, PSS) of ``root`` and all its descendants, from /proc (0 where unreadable).

    The RSS sum counts a page shared by several processes (a library, the encoder's mapped
    weights) once per process; PSS splits it between them, so the PSS sum is what the tree holds."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    ppid = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    rss = pss = 0
    todo, page_kib = [root], os.sysconf("SC_PAGE_SIZE") // 1024
    while todo:
        pid = todo.pop()
        todo.extend(parents.get(pid, []))
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                rss += int(handle.read().split()[1]) * page_kib
            with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
                pss += next((int(line.split()[1]) for line in handle if line.startswith(b"Pss:")), 0)
        except (OSError, ValueError, IndexError):
            pass
    return rss, pss


def _sample_peak(process: subprocess.Popen, peak: list[int]) -> None:
    """Keep ``peak`` at the largest (RSS, PSS) sums sampled while ``process`` runs."""
    while process.poll() is None:
        rss, pss = _tree_memory_kib(process.pid)
        peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
        time.sleep(RSS_SAMPLE_SECONDS)


def _env(src: Path | None, hooks: Path) -> dict[str, str]:
    env = dict(os.environ)
    first = ([str(src)] if src is not None else []) + [str(hooks)]
    env["PYTHONPATH"] = os.pathsep.join(first + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env.pop("DRAGOMAN_DB", None)
    return env


def measure(label: str, commit: str, src: Path | None, corpus: Corpus, work: Path) -> Figures:
    """Ingest ``corpus`` into a fresh store with the dragoman under ``src`` (None: this tree)."""
    figures = Figures(label, commit)
    work.mkdir(parents=True, exist_ok=True)
    runner, report, db = work / "runner.py", work / "report.json", work / "store.db"
    runner.write_text(RUNNER, encoding="utf-8")
    hooks, stages = work / "hooks", work / "stages"
    for folder in (hooks, stages):
        folder.mkdir(exist_ok=True)
    (hooks / "stage_hooks.py").write_text(HOOKS, encoding="utf-8")
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    env = _env(src, hooks)
    ingest_env = {**env, "DRAGOMAN_BENCH_STAGES": str(stages)}
    peak = [0, 0]
    started = time.perf_counter()
    with open(work / "ingest.log", "wb") as log:
        process = subprocess.Popen([sys.executable, str(runner), str(report), "--db", str(db), "-q",
                                    "ingest", str(corpus.folder)], cwd=work, env=ingest_env, stdout=log, stderr=log)
        sampler = threading.Thread(target=_sample_peak, args=(process, peak), daemon=True)
        sampler.start()
        figures.code = process.wait()
        sampler.join()
    figures.seconds = round(time.perf_counter() - started, 1)
    figures.tree_peak_rss_mib = round(peak[0] / 1024, 1)
    figures.tree_peak_pss_mib = round(peak[1] / 1024, 1)
    if not report.exists() or figures.code not in FINISHED:
        figures.error = f"ingest exited {figures.code}; see {work / 'ingest.log'}"
        return figures
    data = json.loads(report.read_text(encoding="utf-8"))
    expected = (src or ROOT / "src") / "dragoman"
    if Path(data["dragoman"]).resolve().parent != expected.resolve():
        figures.error = f"ran the dragoman at {data['dragoman']}, not the one under {expected}"
        return figures
    figures.hooks = data["hooks"]
    figures.peak_rss_mib = round(max(data["maxrss_kib"], data["children_maxrss_kib"]) / 1024, 1)
    figures.cpu_seconds = round(data["cpu_seconds"], 1)
    figures.stages = _stages(data["stages"], figures.seconds, data.get("own_cpu_seconds", data["cpu_seconds"]))
    figures.workers = data.get("workers", 0)
    figures.worker_stages = _stages(data.get("worker_stages", {}), 0.0, 0.0, other=False)
    exported = subprocess.run([sys.executable, "-c", "import sys; from dragoman.cli import main; sys.exit(main())",
                               "--db", str(db), "-q", "export", "--format", "jsonl"],
                              cwd=work, env=env, capture_output=True, text=True)
    if exported.returncode != 0:
        figures.error = f"export exited {exported.returncode}: {exported.stderr.strip()[-300:]}"
        return figures
    for line in exported.stdout.splitlines():
        if line.strip():
            lang = json.loads(line).get("lang") or "?"
            figures.languages[lang] = figures.languages.get(lang, 0) + 1
    figures.articles = sum(figures.languages.values())
    figures.articles_per_second = round(figures.articles / figures.seconds, 2) if figures.seconds else 0.0
    figures.articles_per_cpu_second = round(figures.articles / figures.cpu_seconds, 2) if figures.cpu_seconds else 0.0
    return figures


def _stages(timed: dict[str, list[float]], wall: float, cpu: float, other: bool = True
            ) -> dict[str, tuple[float, float]]:
    """(wall, CPU) seconds per stage, slowest first; building the components is one stage, and
    ``other`` is what no stage took (of the ingest process: workers' stages are summed apart)."""
    merged: dict[str, list[float]] = {}
    for name, (stage_wall, stage_cpu) in timed.items():
        total = merged.setdefault("load components" if name.startswith("load ") else name, [0.0, 0.0])
        total[0] += stage_wall
        total[1] += stage_cpu
    if other:
        merged["other"] = [wall - sum(w for w, _ in timed.values()), cpu - sum(c for _, c in timed.values())]
    ordered = sorted(merged.items(), key=lambda kv: -kv[1][0])
    return {name: (round(w, 1), round(c, 1)) for name, (w, c) in ordered}


# -- the comparison commit ------------------------------------------------------------------------

def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)


def checkout(ref: str, folder: Path) -> str:
    """Check ``ref`` out into ``folder`` (a detached worktree); returns its short hash."""
    resolved = _git("rev-parse", "--short", "--verify", f"{ref}^{{commit}}")
    if resolved.returncode != 0:
        raise ValueError(f"--against {ref!r} is not a commit of this repository")
    added = _git("worktree", "add", "--detach", str(folder), resolved.stdout.strip())
    if added.returncode != 0:
        raise ValueError(f"git worktree add failed: {added.stderr.strip()}")
    return resolved.stdout.strip()


def remove_checkout(folder: Path) -> None:
    _git("worktree", "remove", "--force", str(folder))
    _git("worktree", "prune")


# -- output ---------------------------------------------------------------------------------------

def _ratio(this: float, other: float) -> str:
    return f"{this / other:.2f}" if this and other else "-"


def best_runs(runs: list[Figures]) -> list[Figures]:
    """Per tree, in first-seen order, its fastest round (the least disturbed by other load)."""
    trees: dict[str, list[Figures]] = {}
    for run in runs:
        trees.setdefault(run.label, []).append(run)
    return [min(rounds, key=lambda r: r.seconds) for rounds in trees.values()]


def _stage_rows(stages: list[dict[str, tuple[float, float]]], pair: bool) -> list[list[str]]:
    """One row per stage (wall / CPU seconds of each run, and their CPU ratio), skipping the idle."""
    rows = []
    for name in dict.fromkeys(name for one in stages for name in one):
        values = [one.get(name, (0.0, 0.0)) for one in stages]
        if max(max(v) for v in values) < 0.05:
            continue
        rows.append([f"  {name}", *(f"{w:.1f} / {c:.1f}" for w, c in values)]
                    + ([_ratio(values[0][1], values[1][1])] if pair else []))
    return rows


def report_lines(corpus: Corpus, runs: list[Figures], loads: list[tuple[float, ...]]) -> list[str]:
    lines = [f"corpus: {corpus.inputs} inputs ({corpus.copies} copies of the extraction pages, samples and seeds)",
             "load average (1, 5, 15 min) before each run and at the end: "
             + "; ".join(" ".join(f"{x:.1f}" for x in load) for load in loads) + f" ({os.cpu_count()} cores)"]
    lines += [f"{r.label} ({r.commit}) round {r.round + 1}: FAILED: {r.error}" for r in runs if r.error]
    good = [r for r in runs if not r.error]
    best = best_runs(good)
    if not best:
        return lines
    pair = len(best) == 2
    header = ["", *(f"{r.label} ({r.commit})" for r in best)] + (["ratio"] if pair else [])
    rows: list[list[str]] = []

    def row(name: str, values: list[float], fmt: str, ratio: bool = True) -> None:
        rows.append([name, *(format(v, fmt) for v in values)] + ([_ratio(*values) if ratio else ""] if pair else []))

    row("articles stored", [r.articles for r in best], "d")
    row("languages", [len(r.languages) for r in best], "d")
    row("wall seconds", [r.seconds for r in best], ".1f")
    row("articles/s", [r.articles_per_second for r in best], ".2f")
    row("CPU seconds", [r.cpu_seconds for r in best], ".1f")
    row("articles per CPU second", [r.articles_per_cpu_second for r in best], ".2f")
    rounds = {r.label: [x.articles_per_second for x in good if x.label == r.label] for r in best}
    if any(len(v) > 1 for v in rounds.values()):
        rows.append(["articles/s, each round", *(" ".join(f"{v:.2f}" for v in rounds[r.label]) for r in best)]
                    + ([""] if pair else []))
    row("peak RSS MiB (any round)", [max(x.peak_rss_mib for x in good if x.label == r.label) for r in best], ".0f")
    row("tree RSS MiB, sampled", [max(x.tree_peak_rss_mib for x in good if x.label == r.label) for r in best], ".0f")
    row("tree PSS MiB, sampled", [max(x.tree_peak_pss_mib for x in good if x.label == r.label) for r in best], ".0f")
    rows.append(["seconds per stage, wall / CPU", *([""] * (len(header) - 1))])
    rows += _stage_rows([r.stages for r in best], pair)
    if any(r.worker_stages for r in best):
        rows.append(["worker processes' stages, summed, wall / CPU",
                     *(f"({r.workers} workers)" for r in best)] + ([""] if pair else []))
        rows += _stage_rows([r.worker_stages for r in best], pair)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for cells in [header, *rows]:
        lines.append("  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(cells)))
    if pair:
        lines.append("ratio: first column / second (above 1: more of it in this tree); stages: on CPU seconds")
    for run in best:
        langs = ", ".join(f"{k} {v}" for k, v in sorted(run.languages.items(), key=lambda kv: -kv[1]))
        lines.append(f"{run.label} languages: {langs}")
        missing = {"read", "pipeline", "store", "link", "corpus"} - set(run.hooks)
        if missing:
            lines.append(f"{run.label}: not timed apart (counted in other): {', '.join(sorted(missing))}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0].strip("`"))
    parser.add_argument("--against", default="HEAD~1", metavar="REF",
                        help="the commit to compare with, or a folder holding src/dragoman "
                             "(default HEAD~1; 'none': this tree only)")
    parser.add_argument("--rounds", type=int, default=1, metavar="N",
                        help="run each tree N times, alternating which goes first; the fastest round is shown")
    parser.add_argument("--min-articles", type=int, default=MIN_ARTICLES, metavar="N",
                        help=f"repeat the corpus until it has at least N inputs (default {MIN_ARTICLES})")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (corpus, stores, logs)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.min_articles < 1:
        print("error: --rounds and --min-articles must be at least 1", file=sys.stderr)
        return 2
    for folder in (EXTRACTION_HTML, SAMPLES, SEEDS):
        if not folder.is_dir():
            print(f"error: {folder} is missing", file=sys.stderr)
            return 2
    temp = Path(tempfile.mkdtemp(prefix="dragoman-throughput-"))
    against = None if args.against.lower() == "none" else args.against
    checkout_folder = temp / "against"
    try:
        trees = [("this tree", "working tree", None)]
        if against is not None and (Path(against) / "src" / "dragoman").is_dir():
            folder = Path(against).resolve()
            trees.append((folder.name, "folder", folder / "src"))
        elif against is not None:
            try:  # before the first run, so that a wrong revision fails at once
                trees.append((against, checkout(against, checkout_folder), checkout_folder / "src"))
            except ValueError as error:
                print(f"error: {error}", file=sys.stderr)
                return 2
        corpus = build_corpus(temp / "corpus", args.min_articles)
        runs, loads = [], []
        for number in range(args.rounds):
            for index, (label, commit, src) in enumerate(trees[::-1] if number % 2 else trees):
                loads.append(os.getloadavg())
                run = measure(label, commit, src, corpus, temp / f"run-{number}-{index}")
                run.round = number
                runs.append(run)
        loads.append(os.getloadavg())
        if args.json:
            print(json.dumps({"corpus_inputs": corpus.inputs, "load_averages": loads, "cores": os.cpu_count(),
                              "runs": [asdict(r) for r in runs]}, indent=2))
        else:
            print("\n".join(report_lines(corpus, runs, loads)))
        return 0 if all(not r.error for r in runs) else 1
    finally:
        if checkout_folder.exists():
            remove_checkout(checkout_folder)
        if args.keep:
            print(f"kept {temp}", file=sys.stderr)
        else:
            shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
