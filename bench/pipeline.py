"""Whole default pipeline over a folder of texts: articles per second and peak memory.

    python bench/pipeline.py                          # ../shared/corpus/seeds
    python bench/pipeline.py path/to/folder --json    # another folder, figures as JSON
    python bench/pipeline.py --score GOLD.jsonl       # also score the events and facts

Models load before the clock starts (one warm-up article), so the figure is the steady rate;
the load time is printed apart. Peak memory is the process's maximum resident set size.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = ROOT.parent / "shared" / "corpus" / "seeds"
SCORE_PY = ROOT.parent / "shared" / "eval" / "score.py"


def load_articles(folder: Path):
    from dragoman.doc import Article, Rejection
    from dragoman.ingest import iter_inputs

    articles, rejected = [], []
    for item in iter_inputs([str(folder)]):
        if isinstance(item, Rejection):
            rejected.append(item)
        elif Path(item.origin).suffix != ".jsonl":
            articles.append(Article.from_raw(item))
    return articles, rejected


def run(folder: Path) -> tuple[list, dict]:
    from dragoman.pipeline import default_pipeline

    articles, rejected = load_articles(folder)
    pipeline = default_pipeline()
    started = time.perf_counter()
    if articles:  # warm-up: builds the components and loads their models
        pipeline(_copy(articles[0]))
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    done = [pipeline(a) for a in articles]
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    figures = {
        "folder": str(folder),
        "components": pipeline.names,
        "articles": len(done),
        "rejected": len(rejected),
        "load_seconds": round(load_seconds, 2),
        "seconds": round(seconds, 2),
        "articles_per_second": round(len(done) / seconds, 2) if seconds else None,
        "peak_rss_mib": round(peak_kib / 1024, 1),
        "events": sum(len(a.events) for a in done),
        "facts": sum(len(a.facts) for a in done),
    }
    return done, figures


def _copy(article):
    from dragoman.doc import Article

    return Article.from_dict(article.to_dict())


def score(articles, gold: Path) -> dict:
    from dragoman.export import article_row

    spec = importlib.util.spec_from_file_location("dragoman_shared_score", SCORE_PY)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    rows = [article_row(a) for a in articles]
    return scorer.score(scorer.load(str(gold)), rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--score", metavar="GOLD", help="score events and facts against a gold file")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"error: {folder} is not a folder", file=sys.stderr)
        return 2
    articles, figures = run(folder)
    if args.score:
        metrics = score(articles, Path(args.score))
        figures["scores"] = {k: round(v, 3) for k, v in metrics.items()
                             if isinstance(v, float) and k.startswith(("event", "fact"))}
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:>20}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
