"""Site furniture that survives main-text extraction: link boxes, prompts, trailing sections.

The extractor keeps the block it judged to be the article, but news sites put furniture inside
that block: "Read more: <headline>" links, "Don't miss" boxes of teaser headlines, newsletter
and follow-us prompts, a "Tags" or "Comments" section at the end. The phrases are language
data (``lang/<code>/html_furniture.toml``; the headings that end the text are the clean step's
``footer_start`` list in ``lang/<code>/boilerplate.toml``); every language's phrases are applied,
since pages often declare no language or the wrong one and a phrase of one language is rarely a
whole line of another.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dragoman import lang
from dragoman.doc import Removed
from dragoman.kb.normalize import fold
from dragoman.lang.sentences import ends_sentence

# A heading-like line has at most this many words; longer lines are prose, never furniture.
HEADING_MAX_WORDS = 8
# "Read more: <headline>" lines are dropped only up to this many words.
LINK_MAX_WORDS = 30
# Prompts ("Sign up for our newsletter ...") are dropped only in lines up to this many words;
# longer lines are prose that may mention a newsletter or cookies.
PROMPT_MAX_WORDS = 40
# Teaser headlines under a link-box heading: short lines with no sentence-final punctuation.
TEASER_MAX_WORDS = 22
TEASER_MAX_LINES = 12
# A section-end heading cuts the rest of the text only when it starts in this last share of the
# text (by characters): earlier, it is a link box in the middle of the article.
TAIL_SHARE = 0.35

_WORD = re.compile(r"\w+")
_EDGE = re.compile(r"^[\s\-–—•·*|>»\[(#]+|[\s:：|.…»>\])!]+$")
_BULLETS = ("- ", "* ", "• ")  # list items as the extractor writes them


@dataclass(frozen=True)
class FurnitureRules:
    """Compiled furniture knowledge of all languages."""

    section_end: frozenset[str]
    teaser_heading: frozenset[str]
    link_prefix: re.Pattern
    prompt_start: re.Pattern | None  # prompts anchored at the line start (cheap: match)
    prompt_inside: re.Pattern | None  # prompts searched anywhere in the line


def normalise(line: str) -> str:
    """``line`` folded as names are (:func:`dragoman.kb.normalize.fold`: lower case, no accents,
    Turkish dotted I a plain i), without edge punctuation."""
    return _EDGE.sub("", fold(line)).strip()


def _fold_pattern(pattern: str) -> str:
    """A prompt regex folded like the lines it is searched in: its letters, not its escapes."""
    return re.sub(r"\\.|[^\\]+", lambda m: m.group() if m.group().startswith("\\") else fold(m.group()), pattern)


@lru_cache(maxsize=1)
def rules() -> FurnitureRules:
    section_end, teaser, prefixes, prompts = set(), set(), set(), []
    for data in lang.load_all("boilerplate").values():
        section_end.update(normalise(p) for p in data.get("footer_start", []))
    for data in lang.load_all("html_furniture").values():
        teaser.update(normalise(p) for p in data.get("teaser_heading", []))
        prefixes.update(normalise(p) for p in data.get("link_prefix", []))
        prompts.extend(_fold_pattern(p) for p in data.get("prompt", []))
    alternatives = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    link_prefix = re.compile(rf"^(?:{alternatives})\s*[:：|»>]\s*\S")
    return FurnitureRules(frozenset(section_end), frozenset(teaser), link_prefix,
                          _union([p for p in prompts if p.startswith("^")]),
                          _union([p for p in prompts if not p.startswith("^")]))


def _union(patterns: list[str]) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def _words(line: str) -> int:
    return len(_WORD.findall(line))


def _is_teaser(line: str) -> bool:
    """A headline in a link box: a list item or a short line that is not a sentence."""
    stripped = line.strip()
    if stripped.startswith(_BULLETS):
        return _words(stripped) <= TEASER_MAX_WORDS
    return 0 < _words(stripped) <= TEASER_MAX_WORDS and not ends_sentence(stripped)


def _line_kind(line: str, r: FurnitureRules) -> str | None:
    """Which furniture ``line`` is: section_end, teaser_heading, link, prompt, empty or None."""
    words = _words(line)
    if words == 0:
        return "empty"
    key = normalise(line)
    if words <= HEADING_MAX_WORDS:
        if key in r.section_end:
            return "section_end"
        if key in r.teaser_heading:
            return "teaser_heading"
    if words <= LINK_MAX_WORDS and r.link_prefix.search(key):
        return "link"
    if words <= PROMPT_MAX_WORDS and (
            (r.prompt_start is not None and r.prompt_start.match(key))
            or (r.prompt_inside is not None and r.prompt_inside.search(key))):
        return "prompt"
    return None


def strip_furniture(text: str) -> tuple[str, list[Removed]]:
    """``text`` without furniture lines, and the removed lines each with its reason."""
    r = rules()
    lines = [line.strip() for line in text.split("\n")]
    total = sum(len(line) + 1 for line in lines) or 1
    kept: list[str] = []
    removed: list[Removed] = []
    position, i = 0, 0
    while i < len(lines):
        line = lines[i]
        kind = _line_kind(line, r)
        if kind == "section_end" and position / total >= 1 - TAIL_SHARE:
            removed.extend(Removed("section end", rest) for rest in lines[i:] if rest)
            break
        position += len(line) + 1
        i += 1
        if kind is None:
            kept.append(line)
            continue
        if kind != "empty":
            removed.append(Removed(kind, line))
        if kind in ("section_end", "teaser_heading"):
            # The link box's headlines follow its heading.
            taken = 0
            while i < len(lines) and taken < TEASER_MAX_LINES and _is_teaser(lines[i]):
                removed.append(Removed("teaser", lines[i]))
                position += len(lines[i]) + 1
                i += 1
                taken += 1
        elif kind == "link":
            # "Related: <headline>" is often followed by more headlines as list items.
            while (i < len(lines) and lines[i].startswith(_BULLETS)
                   and _is_teaser(lines[i])):
                removed.append(Removed("teaser", lines[i]))
                position += len(lines[i]) + 1
                i += 1
    return "\n".join(kept), removed
