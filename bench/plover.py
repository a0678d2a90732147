"""Event typing on the PLOVER gold-standard records: accuracy per type and a confusion table.

The Open Event Data Alliance's PLOVER_GSR_CAMEO.json codes 322 English sentences with PLOVER
event types. dragoman's types map onto two of them: meeting, visit, phone_call, summit and
negotiation are CONSULT; agreement is AGREE; award, statement and ``none`` are OTHER. The
CONSULT and AGREE sentences are typed one by one (:func:`dragoman.events.typer.type_sentence`).
Evaluation only: nothing here is used to build the lexicons or the example bank.

    python bench/plover.py            # table
    python bench/plover.py --json     # figures as JSON
    python bench/plover.py --errors   # also list the sentences typed wrong
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
OURS_TO_PLOVER = {"meeting": "CONSULT", "visit": "CONSULT", "phone_call": "CONSULT", "summit": "CONSULT",
                  "negotiation": "CONSULT", "agreement": "AGREE"}
CATEGORIES = ("CONSULT", "AGREE")
OTHER = "OTHER"


def load(path: Path) -> list[dict]:
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") in CATEGORIES and r.get("text")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    path = Path(args.data)
    if not path.exists():
        print(f"error: {path} not found", file=sys.stderr)
        return 2
    from dragoman.events.embed import default_bank
    from dragoman.events.typer import type_sentence

    records = load(path)
    bank = default_bank()
    started = time.perf_counter()
    confusion: Counter = Counter()
    ours: Counter = Counter()
    errors = []
    for record in records:
        kind = type_sentence(record["text"], record.get("language") or "en", bank)
        predicted = OURS_TO_PLOVER.get(kind, OTHER)
        confusion[(record["event"], predicted)] += 1
        ours[(record["event"], kind)] += 1
        if predicted != record["event"]:
            errors.append((record["event"], kind, record["text"]))
    seconds = time.perf_counter() - started
    per_type = {c: confusion[(c, c)] / max(1, sum(v for (g, _), v in confusion.items() if g == c))
                for c in CATEGORIES}
    total = sum(confusion.values())
    figures = {
        "sentences": total,
        "accuracy": round(sum(confusion[(c, c)] for c in CATEGORIES) / total, 3) if total else None,
        "per_type": {c: round(v, 3) for c, v in per_type.items()},
        "confusion": {g: {p: confusion[(g, p)] for p in CATEGORIES + (OTHER,)} for g in CATEGORIES},
        "dragoman_types": {g: dict(Counter({k: v for (gg, k), v in ours.items() if gg == g}).most_common())
                           for g in CATEGORIES},
        "seconds": round(seconds, 1),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{total} sentences, accuracy {figures['accuracy']}, {seconds:.1f} s")
        print(f"{'gold / predicted':<18}" + "".join(f"{p:>9}" for p in CATEGORIES + (OTHER,)) + f"{'acc':>8}")
        for g in CATEGORIES:
            row = figures["confusion"][g]
            print(f"{g:<18}" + "".join(f"{row[p]:>9}" for p in CATEGORIES + (OTHER,)) + f"{per_type[g]:>8.3f}")
        for g in CATEGORIES:
            print(f"{g} typed by dragoman as: {figures['dragoman_types'][g]}")
    if args.errors:
        for gold, kind, text in errors:
            print(f"[{gold} -> {kind}] {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
