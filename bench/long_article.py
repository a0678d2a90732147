"""Long-article benchmark: seconds per pipeline stage for one article of 100 KB to 2 MB.

    python bench/long_article.py                 # 100 KB, 400 KB, 1 MB, 2 MB
    python bench/long_article.py --sizes 100 200 400 --json
    python bench/long_article.py --entities-only # only the entities stage (faster)

The article is built from hand-written English news sentences full of knowledge-base names
(countries, capitals, leaders, organisations, acronyms), repeated with varying numbers until it
reaches the size. Each stage is timed on its own; "per MB" should stay roughly flat when the
cost is linear in text length (issue 11: overlap resolution was quadratic, 400 KB took 177 s).
"""
from __future__ import annotations

import argparse
import json
import sys
import time

SENTENCES = (
    "Turkish President Recep Tayyip Erdoğan met Russian President Vladimir Putin in Sochi on {n} March.",
    "The European Union and NATO discussed the war in Ukraine with officials from Kyiv and Moscow.",
    "Foreign Minister Sergey Lavrov said Russia and Kazakhstan had signed {n} agreements in Astana.",
    "Hungarian Prime Minister Viktor Orbán travelled to Beijing to meet Xi Jinping of China.",
    "The United Nations Security Council met in New York after {n} people were killed near Gaza.",
    "German Chancellor Olaf Scholz and French President Emmanuel Macron spoke in Berlin and Paris.",
    "Trade between Turkey and Azerbaijan grew by {n} per cent, the Ministry of Trade in Ankara said.",
    "The EU, the OSCE and the IMF sent delegations to Tbilisi, Yerevan and Baku last week.",
    "Kazakh President Kassym-Jomart Tokayev received the Secretary-General of the SCO in Almaty.",
    "Washington and London welcomed the talks, while Iran and Israel exchanged threats over Syria.",
)


def build_article(size: int) -> str:
    parts, length, n = [], 0, 0
    while length < size:
        sentence = SENTENCES[n % len(SENTENCES)].format(n=n % 97 + 2)
        if n % 7 == 6:
            sentence += "\n\n"
        else:
            sentence += " "
        parts.append(sentence)
        length += len(sentence.encode("utf-8"))
        n += 1
    return "".join(parts)


def make_article(text: str):
    from dragoman.doc import Article

    return Article(id="bench", origin="bench.txt", input_format="text", raw_text=text, hash="bench")


def time_stages(pipeline, text: str) -> dict[str, float]:
    article = make_article(text)
    figures = {}
    for reg, comp in zip(pipeline._registrations, pipeline.components):
        started = time.perf_counter()
        article = comp(article)
        figures[reg.name] = time.perf_counter() - started
        article.done.append(reg.name)
    figures["total"] = sum(figures.values())
    figures["mentions"] = len(article.mentions)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1000, 2000], help="KB")
    parser.add_argument("--entities-only", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from dragoman.pipeline import Pipeline, default_pipeline

    pipeline = Pipeline(["clean", "language", "entities"]) if args.entities_only else default_pipeline()
    time_stages(pipeline, build_article(2000))  # warm up: models and the knowledge base load
    rows = []
    for kb in args.sizes:
        text = build_article(kb * 1000)
        figures = time_stages(pipeline, text)
        figures["kb"] = kb
        rows.append(figures)
        if not args.json:
            mb = kb / 1000
            print(f"{kb:>5} KB: entities {figures['entities']:7.2f} s ({figures['entities'] / mb:6.2f} s/MB), "
                  f"whole pipeline {figures['total']:7.2f} s ({figures['total'] / mb:6.2f} s/MB), "
                  f"{figures['mentions']} mentions", flush=True)
            slow = {k: round(v, 2) for k, v in figures.items() if k not in ("kb", "mentions", "total")}
            print(f"         stages: {slow}", flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
