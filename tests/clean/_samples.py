"""Sample texts per language (``tests/data/clean/<code>.toml``) and a helper to run them."""
from __future__ import annotations

import tomllib
from pathlib import Path

from dragoman.doc import Article, Hints, RawDocument
from dragoman.pipeline import Pipeline

DATA = Path(__file__).resolve().parents[1] / "data" / "clean"
SAMPLES = {path.stem: tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(DATA.glob("*.toml"))}
LANGS = sorted(SAMPLES)

_PIPELINE: Pipeline | None = None


def run(text: str, stem: str = "sample", hints: Hints | None = None) -> Article:
    """``text`` through clean, language, describe and rewrite."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline(["clean", "language", "describe", "rewrite"])
    raw = RawDocument(id=stem, origin=f"{stem}.txt", input_format="text", raw=text.encode("utf-8"),
                      text=text, hints=hints or Hints())
    return _PIPELINE(Article.from_raw(raw))


def cases(kind: str) -> list[tuple[str, dict]]:
    """``(lang, case)`` pairs for a list-valued section (``dated``, ``bylined``)."""
    return [(code, case) for code in LANGS for case in SAMPLES[code].get(kind, [])]


def case_id(pair: tuple[str, dict]) -> str:
    code, case = pair
    return f"{code}-{case['raw'].split(chr(10))[0][:24]}"
