"""Main-text extraction benchmark: dragoman against the shipped extractors' outputs.

Scores on the public article-extraction-benchmark (181 news pages with hand-checked article
bodies, ``../shared/eval/data/article-extraction-benchmark``) with that benchmark's own metric:
text split into ``\\w+`` tokens, 4-token shingles counted as multisets per page, true/false
positives and false negatives normalised by their sum per page, precision and recall each
averaged over the pages where they are defined, F1 of the two averages.

    python bench/extraction.py                # all pages, table
    python bench/extraction.py --limit 40     # first 40 pages (sorted by key)
    python bench/extraction.py --json         # figures as JSON

The shipped outputs score trafilatura 0.958, newspaper 0.949, news-please 0.948,
readability 0.922, goose3 0.896, jusText 0.804 on all pages: reproducing these checks the
metric. dragoman (``dragoman.ingest.html_extract``) scores 0.978 (precision 0.973, recall
0.983). Pages per second count extraction only (one process, pages already in memory).
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "data" / "article-extraction-benchmark"
SHINGLE_SIZE = 4  # the benchmark's n-gram length
_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


@dataclass
class Score:
    name: str
    f1: float
    precision: float
    recall: float
    pages: int
    pages_per_second: float | None = None  # only for extractors run here


def _shingles(text: str, n: int = SHINGLE_SIZE) -> Counter:
    tokens = _TOKEN_RE.findall(text or "")
    # A text shorter than n tokens still yields one (shorter) shingle, as in the benchmark.
    return Counter(s for i in range(max(1, len(tokens) - n + 1))
                   if (s := " ".join(tokens[i:i + n])))


def shingle_matching(true: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over 4-token shingle multisets, normalised by their sum."""
    true_counts, pred_counts = _shingles(true), _shingles(pred)
    tp = fp = fn = 0
    for key in true_counts.keys() | pred_counts.keys():
        t, p = true_counts.get(key, 0), pred_counts.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    if total > 0:  # normalise so that long pages do not weigh more
        return tp / total, fp / total, fn / total
    return float(tp), float(fp), float(fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def score(name: str, truth: dict[str, str], pred: dict[str, str],
          pages_per_second: float | None = None) -> Score:
    """The benchmark's figures; a page with no prediction counts as empty text.

    Precision is averaged over pages with something predicted, recall over pages with
    something expected (an empty output lowers recall only), as the benchmark does.
    """
    triples = [shingle_matching(truth[key], pred.get(key) or "") for key in truth]
    precisions = [_precision(*t) for t in triples if t[0] + t[1] > 0]
    recalls = [_recall(*t) for t in triples if t[0] + t[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(name, f1, precision, recall, len(truth), pages_per_second)


def load_truth(data: Path, limit: int | None) -> dict[str, str]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    return {key: truth[key].get("articleBody") or "" for key in keys}


def load_shipped(data: Path) -> dict[str, dict[str, str]]:
    shipped = {}
    for path in sorted((data / "output").glob("*.json")):
        output = json.loads(path.read_text(encoding="utf-8"))
        output = output.get("output", output)
        shipped[path.stem] = {key: (value or {}).get("articleBody") or ""
                              for key, value in output.items()}
    return shipped


def run_dragoman(data: Path, keys: list[str], show_progress: bool = False
                 ) -> tuple[dict[str, str], float]:
    """dragoman's main text per page, and pages per second of extraction alone."""
    from dragoman.ingest.html_extract import extract_html

    from rich.console import Console
    from rich.progress import track

    # The benchmark pages are UTF-8; reading and decoding are kept out of the timing.
    pages = {key: gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes())
             .decode("utf-8", errors="replace") for key in keys}
    result, elapsed = {}, 0.0
    for key in track(pages, description="extracting", total=len(pages), transient=True,
                     console=Console(stderr=True), disable=not show_progress):
        started = time.perf_counter()
        result[key] = extract_html(pages[key]).text
        elapsed += time.perf_counter() - started
    return result, len(keys) / elapsed if elapsed else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--json", action="store_true", help="print figures as JSON")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--no-dragoman", action="store_true", help="score shipped outputs only")
    parser.add_argument("--dump", type=Path, default=None,
                        help="write dragoman's outputs as JSON (benchmark format) to this file")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"error: no benchmark at {args.data} (ground-truth.json missing)", file=sys.stderr)
        return 2

    truth = load_truth(args.data, args.limit)
    scores = []
    if not args.no_dragoman:
        predicted, speed = run_dragoman(args.data, list(truth), show_progress=not args.json)
        scores.append(score("dragoman", truth, predicted, speed))
        if args.dump:
            args.dump.write_text(json.dumps(
                {key: {"articleBody": text} for key, text in predicted.items()},
                ensure_ascii=False, indent=1), encoding="utf-8")
    for name, output in load_shipped(args.data).items():
        scores.append(score(name, truth, output))

    if args.json:
        print(json.dumps([asdict(s) for s in scores], indent=2))
        return 0
    print(f"{len(truth)} pages")
    print(f"{'extractor':<14}{'F1':>8}{'precision':>11}{'recall':>9}{'pages/s':>10}")
    for s in scores:
        speed = f"{s.pages_per_second:.1f}" if s.pages_per_second is not None else "-"
        print(f"{s.name:<14}{s.f1:>8.3f}{s.precision:>11.3f}{s.recall:>9.3f}{speed:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
