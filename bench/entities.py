"""Entities benchmark: recall per language, knowledge-base size, load time and memory, throughput.

    python bench/entities.py            # table
    python bench/entities.py --json     # figures as JSON
    python bench/entities.py --models   # with the NER models (natasha, spaCy)

Recall: ``bench/entities/<lang>.jsonl`` holds sentences written for this benchmark in every
supported language (``dragoman.lang.languages()``), at least ``MIN_SENTENCES`` each, one JSON
object a line: ``text`` and ``ids``, the canonical ids of the entities it names. Recall is the
share of those ids the recogniser lists for the sentence; the target is ``RECALL_TARGET`` in
every language.

Load is measured in fresh interpreters (cold: import, read and index ``kb.json.gz``): the
seconds and what the load adds to the resident set in one, tracemalloc's peak in another. Throughput runs the
recogniser over the shared seed articles and the benchmark sentences, ``--rounds`` times.
Targets: load under 1 s, adding under 150 MB.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
SENTENCES = Path(__file__).resolve().parent / "entities"
LOAD_SECONDS_TARGET = 1.0
LOAD_MB_TARGET = 150
RECALL_TARGET = 0.85
MIN_SENTENCES = 30

# Seconds and resident memory are taken in one fresh interpreter, tracemalloc's peak in another:
# tracemalloc slows every allocation several-fold, so a load timed under it reads far too slow.
_LOAD_PROBE = r"""
import json, resource, sys, time, tracemalloc
def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20
traced = sys.argv[1:] == ["traced"]
before = rss_mb()
if traced:
    tracemalloc.start()
start = time.perf_counter()
from dragoman.kb import load_kb
kb = load_kb()
seconds = time.perf_counter() - start
if traced:
    print(json.dumps({"tracemalloc_peak_mb": tracemalloc.get_traced_memory()[1] / 2**20}))
    raise SystemExit
added = rss_mb() - before
people = sum(e.type == "person" for e in kb.entities)
print(json.dumps({"entities": len(kb), "people": people, "names": sum(len(t) for t in kb.tables.values()),
                  "load_seconds": seconds, "added_rss_mb": added}))
"""


def measure_load() -> dict:
    def probe(*args: str) -> dict:
        out = subprocess.run([sys.executable, "-c", _LOAD_PROBE, *args], capture_output=True, text=True, check=True)
        return json.loads(out.stdout)
    return probe() | probe("traced")


@dataclass
class Sentence:
    lang: str
    text: str
    ids: list[str]


def sentences(folder: Path = SENTENCES) -> dict[str, list[Sentence]]:
    """The benchmark sentences by language, for every supported language (none: empty list)."""
    from dragoman.lang import languages

    out: dict[str, list[Sentence]] = {}
    for code in languages():
        path = folder / f"{code}.jsonl"
        rows = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        out[code] = [Sentence(code, row["text"], row["ids"]) for row in map(json.loads, filter(str.strip, rows))]
    return out


@dataclass
class Recall:
    lang: str
    sentences: int
    expected: int
    found: int
    missed: list[tuple[str, str]]  # (sentence, id) not found

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 0.0

    @property
    def ok(self) -> bool:
        return self.sentences >= MIN_SENTENCES and self.recall >= RECALL_TARGET


def measure_recall(by_lang: dict[str, list[Sentence]], models: bool) -> list[Recall]:
    from dragoman.entities.recognise import Recogniser
    from dragoman.kb import load_kb

    recognise = Recogniser(load_kb(), use_models=models)
    out = []
    for code, rows in by_lang.items():
        expected = found = 0
        missed = []
        for row in rows:
            listed = {e.id for e in recognise(row.text, code)[1]}
            expected += len(row.ids)
            found += sum(i in listed for i in row.ids)
            missed.extend((row.text, i) for i in row.ids if i not in listed)
        out.append(Recall(code, len(rows), expected, found, missed))
    return out


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

    for lang, written in SENTENCES.items():
        found.extend((s, lang) for s in written)
    for lang, rows in sentences().items():
        found.extend((row.text, lang) for row in rows)
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
    parser.add_argument("--misses", action="store_true", help="list the ids each language missed")
    args = parser.parse_args()
    load = measure_load()
    recalls = measure_recall(sentences(), args.models)
    figures = {"load": load, "recall": [asdict(r) | {"recall": r.recall, "ok": r.ok} for r in recalls],
               "throughput": measure_throughput(args.rounds, args.models)}
    figures["load_ok"] = load["load_seconds"] < LOAD_SECONDS_TARGET and load["added_rss_mb"] < LOAD_MB_TARGET
    figures["recall_ok"] = all(r.ok for r in recalls)
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        print_table(load, recalls, figures["throughput"], args)
    return 0 if figures["load_ok"] and figures["recall_ok"] else 1


def print_table(load: dict, recalls: list[Recall], t: dict, args) -> None:
    print(f"knowledge base: {load['entities']} entities ({load['people']} people), {load['names']} names; "
          f"load {load['load_seconds']:.2f} s (target < {LOAD_SECONDS_TARGET} s), adds "
          f"{load['added_rss_mb']:.0f} MB resident (target < {LOAD_MB_TARGET} MB), tracemalloc peak "
          f"{load['tracemalloc_peak_mb']:.0f} MB")
    print(f"entity recall{' with models' if args.models else ''} (target >= {RECALL_TARGET}, "
          f">= {MIN_SENTENCES} sentences a language):")
    print("  lang  sentences  expected  found  recall")
    for r in recalls:
        print(f"  {r.lang:<4}  {r.sentences:>9}  {r.expected:>8}  {r.found:>5}  {r.recall:6.2f}"
              f"{'' if r.ok else '  BELOW'}")
        if args.misses:
            for text, missed in r.missed:
                print(f"        {missed}: {text}")
    total_expected = sum(r.expected for r in recalls)
    total_found = sum(r.found for r in recalls)
    print(f"  all   {sum(r.sentences for r in recalls):>9}  {total_expected:>8}  {total_found:>5}  "
          f"{total_found / max(total_expected, 1):6.2f}")
    print(f"recognition{' with models' if args.models else ''}: {t['texts']} texts, {t['mentions']} mentions "
          f"in {t['seconds']:.2f} s = {t['mentions_per_second']:.0f} mentions/s, "
          f"{t['chars_per_second'] / 1000:.0f} k chars/s")


if __name__ == "__main__":
    sys.exit(main())
