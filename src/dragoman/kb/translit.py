"""Spelling variants of a Cyrillic name in each language, by that language's rules.

The rules are data (``lang/<code>/translit.toml``, ``[from_cyrillic]``): an ordered list of
regular-expression rewrites for letters in context (Hungarian д before и is ``gy``; е after a
vowel is ``je`` in German, ``ye`` in English, ``ïe`` in French), then a letter table. This is
how JRC-Names derives ``Tokajew`` (de), ``Tokaïev`` (fr) and ``Tokajev`` (hu) from ``Токаев``
instead of typing them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lang as langdata
from .normalize import fold, is_cyrillic


@dataclass(frozen=True)
class Transliterator:
    """One language's Cyrillic → Latin rules."""

    code: str
    rules: tuple[tuple[re.Pattern[str], str], ...]
    letters: dict[str, str]

    def __call__(self, name: str) -> str:
        """``name`` (Russian or Kazakh Cyrillic) spelled the way this language writes it."""
        words = re.split(r"(\W+)", name)
        out = []
        for word in words:
            if not word or not is_cyrillic(word):
                out.append(word)
                continue
            # ё is a letter of its own here (Мирзиёев -> Mirziyoyev, Mirsijojew), not an е.
            text = fold(word.replace("ё", "\x02").replace("Ё", "\x02")).replace("\x02", "ё")
            for pattern, repl in self.rules:
                text = pattern.sub(repl, text)
            text = "".join(self.letters.get(c, c) for c in text)
            if word[0].isupper():
                text = text[:1].upper() + text[1:]
            if word.isupper() and len(word) > 1:
                text = text.upper()
            out.append(text)
        return "".join(out)


@lru_cache(maxsize=None)
def transliterator(code: str) -> Transliterator | None:
    """The rules for ``code``, or ``None`` when that language writes Cyrillic names as they are."""
    data = langdata.load(code, "translit").get("from_cyrillic")
    if not data:
        return None
    rules = tuple((re.compile(p), r) for p, r in data.get("rules", []))
    return Transliterator(code, rules, dict(data.get("letters", {})))


@lru_cache(maxsize=None)
def _to_cyrillic(code: str) -> tuple[tuple[str, str], ...]:
    letters = langdata.load(code, "translit").get("to_cyrillic", {}).get("letters", {})
    return tuple(sorted(letters.items(), key=lambda item: -len(item[0])))


def latin_to_cyrillic(code: str, latin: str) -> str | None:
    """``latin`` in the Cyrillic alphabet of a two-script language (Serbian), else ``None``."""
    table = _to_cyrillic(code)
    if not table:
        return None
    out, i = [], 0
    while i < len(latin):
        for src, dst in table:
            chunk = latin[i:i + len(src)]
            if chunk.lower() == src:
                out.append(dst.upper() if chunk[:1].isupper() else dst)
                i += len(src)
                break
        else:
            out.append(latin[i])
            i += 1
    return "".join(out)


def variants(cyrillic_name: str) -> dict[str, str]:
    """``{lang: spelling}`` for every language with rules (Latin-script languages).

    A language that also writes Cyrillic (``[to_cyrillic]``, Serbian) gets its own Cyrillic
    spelling under ``<code>-Cyrl`` (Токаев -> Tokajev -> Токајев).
    """
    out = {}
    for code in langdata.languages():
        rules = transliterator(code)
        if rules is not None:
            out[code] = rules(cyrillic_name)
            cyrillic = latin_to_cyrillic(code, out[code])
            if cyrillic:
                out[f"{code}-Cyrl"] = cyrillic
    return out
