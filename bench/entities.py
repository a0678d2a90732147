"""Entities benchmark: knowledge-base load time and memory, recognition throughput.

    python bench/entities.py            # table
    python bench/entities.py --json     # figures as JSON
    python bench/entities.py --models   # include the NER models (natasha, spaCy) in throughput

Load is measured in a fresh interpreter (cold: import, read and index ``kb.json.gz``); peak
memory is tracemalloc's peak during the load plus the process's maximum resident set size.
Throughput runs the recogniser over the shared seed articles (gold language, raw text) and
over the per-language test sentences, repeated ``--rounds`` times, and counts mentions found
per second. Targets: load under 2 s and 300 MB.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
LOAD_SECONDS_TARGET = 2.0
LOAD_MB_TARGET = 300

_LOAD_PROBE = r"""
import json, resource, time, tracemalloc
tracemalloc.start()
start = time.perf_counter()
from dragoman.kb import load_kb
kb = load_kb()
seconds = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1]
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"entities": len(kb), "load_seconds": seconds, "tracemalloc_peak_mb": peak / 2**20, "max_rss_mb": rss}))
"""


def measure_load() -> dict:
    out = subprocess.run([sys.executable, "-c", _LOAD_PROBE], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def texts() -> list[tuple[str, str]]:
    found = []
    gold = SEEDS / "gold.jsonl"
    if gold.exists():
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                found.append(((SEEDS / row["file"]).read_text(encoding="utf-8"), row["lang"]))
    sys.path.insert(0, str(REPO / "tests" / "entities"))
    from test_languages import SENTENCES  # noqa: E402  (the hand-written sentences)

    for lang, sentences in SENTENCES.items():
        found.extend((s, lang) for s in sentences)
    return found


def measure_throughput(rounds: int, models: bool) -> dict:
    from dragoman.entities.recognise import Recogniser
    from dragoman.kb import load_kb

    recognise = Recogniser(load_kb(), use_models=models)
    corpus = texts()
    for text, lang in corpus:  # warm up: dictionaries and models load on first use
        recognise(text, lang)
    mentions = chars = 0
    start = time.perf_counter()
    for _ in range(rounds):
        for text, lang in corpus:
            mentions += len(recognise(text, lang)[0])
            chars += len(text)
    seconds = time.perf_counter() - start
    return {"texts": len(corpus) * rounds, "mentions": mentions, "seconds": seconds,
            "mentions_per_second": mentions / seconds, "chars_per_second": chars / seconds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--models", action="store_true", help="include NER models in throughput")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    figures = {"load": measure_load(), "throughput": measure_throughput(args.rounds, args.models)}
    load = figures["load"]
    figures["load_ok"] = load["load_seconds"] < LOAD_SECONDS_TARGET and load["max_rss_mb"] < LOAD_MB_TARGET
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        t = figures["throughput"]
        print(f"knowledge base: {load['entities']} entities, load {load['load_seconds']:.2f} s "
              f"(target < {LOAD_SECONDS_TARGET} s), tracemalloc peak {load['tracemalloc_peak_mb']:.0f} MB, "
              f"max RSS {load['max_rss_mb']:.0f} MB (target < {LOAD_MB_TARGET} MB)")
        print(f"recognition{' with models' if args.models else ''}: {t['texts']} texts, {t['mentions']} mentions "
              f"in {t['seconds']:.2f} s = {t['mentions_per_second']:.0f} mentions/s, "
              f"{t['chars_per_second'] / 1000:.0f} k chars/s")
    return 0 if figures["load_ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
