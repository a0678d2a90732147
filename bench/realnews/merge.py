"""Build the real-news gold (``bench/realnews/gold.jsonl``) from the annotators' parts.

    python bench/realnews/merge.py                      # parts/*.jsonl -> gold.jsonl
    python bench/realnews/merge.py --check              # validate and count, write nothing
    python bench/realnews/merge.py --parts DIR --out FILE

Each part is JSON Lines in the gold format of ``../shared/eval/FORMAT.md`` plus ``id``,
``file``, ``url``, ``query``, ``split`` and ``region``. The records are validated (unique ids,
required fields, split ``dev``/``test``, every event with ``type``, ``participants`` and
``status``), sorted by id and written as one file. Prints counts: articles, languages, stories
with at least three articles in at least two languages, distractors (stories of one article),
dev and test sizes. Exits 1 naming every problem when the data are invalid.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIRED = ("id", "file", "url", "query", "split", "lang", "story")
SPLITS = ("dev", "test")
EVENT_REQUIRED = ("type", "participants", "status")
EVENT_STATUSES = ("reported", "past", "planned")


@dataclass
class Counts:
    articles: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    stories: int = 0
    multilingual_stories: int = 0  # >= 3 articles in >= 2 languages
    distractors: int = 0  # stories with one article
    splits: dict[str, int] = field(default_factory=dict)


def read_parts(paths: list[Path]) -> tuple[list[dict], list[str]]:
    """All records of the parts, and the problems met while reading them."""
    rows, problems = [], []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    problems.append(f"{path.name}:{number}: not JSON: {error}")
                    continue
                if not isinstance(row, dict):
                    problems.append(f"{path.name}:{number}: not a JSON object")
                    continue
                row["_where"] = f"{path.name}:{number}"
                rows.append(row)
    return rows, problems


def validate(rows: list[dict]) -> list[str]:
    """Every problem of the records, one message each (empty when valid)."""
    problems = []
    seen: dict[str, str] = {}
    files: dict[str, str] = {}
    for row in rows:
        where = f"{row.get('_where', '?')} ({row.get('id', 'no id')})"
        for name in REQUIRED:
            if row.get(name) in (None, ""):
                problems.append(f"{where}: missing required field {name!r}")
        rid = row.get("id")
        if rid:
            if rid in seen:
                problems.append(f"{where}: duplicate id {rid!r} (first at {seen[rid]})")
            else:
                seen[rid] = row.get("_where", "?")
        if row.get("file"):
            if row["file"] in files:
                problems.append(f"{where}: file {row['file']!r} also used at {files[row['file']]}")
            files.setdefault(row["file"], row.get("_where", "?"))
        if row.get("split") not in (None, "") and row.get("split") not in SPLITS:
            problems.append(f"{where}: split must be one of {SPLITS}, not {row.get('split')!r}")
        events = row.get("events", [])
        if not isinstance(events, list):
            problems.append(f"{where}: events must be a list")
            continue
        for number, event in enumerate(events, 1):
            if not isinstance(event, dict):
                problems.append(f"{where}: event {number} is not an object")
                continue
            for name in EVENT_REQUIRED:
                if event.get(name) in (None, "", []):
                    problems.append(f"{where}: event {number} has no {name!r}")
            if event.get("status") and event["status"] not in EVENT_STATUSES:
                problems.append(f"{where}: event {number} status {event['status']!r} not in {EVENT_STATUSES}")
            if event.get("participants") and not isinstance(event["participants"], list):
                problems.append(f"{where}: event {number} participants must be a list")
    # A story is in one split only: dev and test are split by story.
    splits_of = defaultdict(set)
    for row in rows:
        if row.get("story") and row.get("split") in SPLITS:
            splits_of[row["story"]].add(row["split"])
    for story, splits in sorted(splits_of.items()):
        if len(splits) > 1:
            problems.append(f"story {story!r} is in both dev and test (split by story)")
    return problems


def count(rows: list[dict]) -> Counts:
    by_story = defaultdict(list)
    for row in rows:
        by_story[row.get("story")].append(row)
    counts = Counts(articles=len(rows),
                    languages=dict(Counter(r.get("lang") for r in rows).most_common()),
                    stories=len(by_story),
                    splits={s: sum(r.get("split") == s for r in rows) for s in SPLITS})
    for members in by_story.values():
        if len(members) == 1:
            counts.distractors += 1
        elif len(members) >= 3 and len({r.get("lang") for r in members}) >= 2:
            counts.multilingual_stories += 1
    return counts


def report(counts: Counts) -> str:
    langs = ", ".join(f"{lang} {n}" for lang, n in counts.languages.items())
    return "\n".join([
        f"articles     {counts.articles}",
        f"languages    {len(counts.languages)} ({langs})",
        f"stories      {counts.stories}",
        f"  >=3 articles in >=2 languages  {counts.multilingual_stories}",
        f"  distractors (one article)      {counts.distractors}",
        f"dev          {counts.splits.get('dev', 0)}",
        f"test         {counts.splits.get('test', 0)}",
    ])


def merge(parts: Path, out: Path | None) -> int:
    """Validate the parts, write the sorted gold to ``out`` (unless None); 0 or 1."""
    paths = sorted(parts.glob("*.jsonl"))
    if not paths:
        print(f"error: no parts (*.jsonl) in {parts}", file=sys.stderr)
        return 1
    rows, problems = read_parts(paths)
    problems += validate(rows)
    if problems:
        print(f"error: {len(problems)} problem(s) in {', '.join(p.name for p in paths)}:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        print("gold not written", file=sys.stderr)
        return 1
    rows.sort(key=lambda r: str(r["id"]))
    for row in rows:
        row.pop("_where", None)
    if out is not None:
        with open(out, "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {len(rows)} records from {len(paths)} part(s) to {out}")
    print(report(count(rows)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parts", type=Path, default=HERE / "parts", help="folder of *.jsonl parts")
    parser.add_argument("--out", type=Path, default=HERE / "gold.jsonl", help="gold file to write")
    parser.add_argument("--check", action="store_true", help="validate and count only")
    args = parser.parse_args(argv)
    return merge(args.parts, None if args.check else args.out)


if __name__ == "__main__":
    sys.exit(main())
