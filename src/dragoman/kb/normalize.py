"""Spelling-blind forms of names: folding, tokens and a cross-script phonetic key.

Matching works on *folded* tokens (lower case, no diacritics, Kazakh, Serbian or Ukrainian
Cyrillic letters mapped to their Russian neighbours: ``lang/<code>/letters.toml`` ``[fold]``),
so ``Tokaïev``/``Tokaiev`` and ``Тоқаев``/``Токаев`` meet. The *phonetic key* goes further: it
maps each language's orthography to one rough sound alphabet (``lang/<code>/translit.toml``
``[key]``) and keeps the consonant skeleton, so ``Caparov`` (tr), ``Zsaparov`` (hu),
``Schaparow`` (de) and ``Жапаров`` share a key. It links names the knowledge base does not know.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import lang as langdata


def _fold_table() -> dict[int, str]:
    """Every language's ``[fold]`` letters (``lang/<code>/letters.toml``) as one table: letters
    NFKD does not decompose (ł, ß, ı), Cyrillic letters mapped to their Russian neighbours."""
    letters: dict[str, str] = {}
    for code, data in langdata.load_all("letters").items():
        for letter, folded in data.get("fold", {}).items():
            if letters.setdefault(letter, folded) != folded:
                raise ValueError(f"lang/{code}/letters.toml: {letter!r} folds to {folded!r}, "
                                 f"another language folds it to {letters[letter]!r}")
    return str.maketrans(letters)


_FOLD = _fold_table()

# Tokens are runs of letters and digits; apostrophes and hyphens separate them, which is how
# Turkish suffixes (Astana'da) and English possessives (Kazakhstan's) fall away. Chinese and
# Japanese write no spaces: each Han character and each hiragana is a token of its own, and a
# run of katakana (a transcribed foreign name, プーチン) is one token, so a name is a sequence
# of tokens there too (中国 = 中 + 国).
_HAN_OR_HIRAGANA = "\u3040-\u309f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KATAKANA = "\u30a1-\u30fa\u30fc-\u30ff\uff66-\uff9f"  # without ・, which separates names
# Combining marks are part of the word they sit on (the vowel signs of भारत, Arabic vowel
# points), though ``\w`` does not match them.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0963\u0966-\u0dff"
TOKEN = re.compile(rf"[{_KATAKANA}]+|[{_HAN_OR_HIRAGANA}]|(?:[^\W_{_HAN_OR_HIRAGANA}{_KATAKANA}\u30fb]|[{_MARKS}])+",
                   re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def strip_marks(text: str) -> str:
    """``text`` without combining marks after NFKD (Tokaïev -> Tokaiev, й -> и): the step every
    name normaliser shares (:func:`fold` here, ``norm_name`` in :mod:`dragoman.stories.profile`)."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, no combining marks, special letters mapped (see :func:`_fold_table`)."""
    text = text.lower().translate(_FOLD)
    # Keep й distinct from и before stripping marks: it is a letter, not an accent (ё is
    # folded to е by the table).
    return strip_marks(text.replace("й", "\x01")).replace("\x01", "й")


@lru_cache(maxsize=None)
def _apostrophe_letters(code: str) -> tuple[re.Pattern[str], str] | None:
    data = langdata.load(code, "letters").get("apostrophe_letters") if code else None
    if not data:
        return None
    after = data["after"].lower() + data["after"].upper()
    return re.compile(f"(?<=[{re.escape(after)}])[{re.escape(data['marks'])}]"), data["letter"]


def spell_letters(text: str, lang: str | None) -> str:
    """``text`` with the apostrophes that write one letter of ``lang`` as that letter
    (``lang/<code>/letters.toml`` ``[apostrophe_letters]``: Uzbek o‘ g‘ typed with ‘ ' ’ for
    oʻ gʻ), so the word stays one token (Erdo‘g‘an). One character for one: offsets keep."""
    rule = _apostrophe_letters(lang) if lang else None
    return rule[0].sub(rule[1], text) if rule else text


def tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` for each word in ``text``."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


def name_key(name: str) -> tuple[str, ...]:
    """The folded token tuple a name is indexed under."""
    return tuple(fold(t) for _, _, t in tokens(name))


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


@lru_cache(maxsize=None)
def _key_rules(code: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = langdata.load(code, "translit").get("key", {}).get("rules", [])
    return tuple((re.compile(pattern), repl) for pattern, repl in rules)


# After the per-language step every spelling is in one rough sound alphabet; these merge what
# transcriptions disagree on (ж/ш both "sch" in German, y/j glides, w/v, doubled letters).
_GENERAL_KEY_RULES = tuple((re.compile(p), r) for p, r in (
    (r"dzh|dj|zh|sh|sch|ch", "j"), (r"kh|x", "h"), (r"w", "v"), (r"ts", "c"), (r"q", "k"),
    (r"(?<=[aeiou])y(?=[aeiou])", ""), (r"y", "i"), (r"(.)\1+", r"\1"),
))


@lru_cache(maxsize=65536)
def phonetic_key(name: str, lang: str | None = None) -> str:
    """A transliteration-aware consonant skeleton of ``name``: equal across scripts and languages.

    Cyrillic goes through the common table (``lang/xx/translit.toml``); Latin text through the
    rules of its language, when given. Vowels other than an initial one are dropped, since
    transcriptions disagree most on them (Cömert/Zsomart, Tokayev/Tokaïev).
    """
    parts = []
    for _, _, token in tokens(name):
        text = token.lower()
        cyrillic = is_cyrillic(text)
        code = langdata.COMMON if cyrillic else (lang or langdata.COMMON)
        if cyrillic:
            text = fold(text)
        for pattern, repl in _key_rules(code):
            text = pattern.sub(repl, text)
        if code != langdata.COMMON:
            for pattern, repl in _key_rules(langdata.COMMON):
                text = pattern.sub(repl, text)
        text = fold(text).lower()
        for pattern, repl in _GENERAL_KEY_RULES:
            text = pattern.sub(repl, text)
        if text:
            parts.append(text[0] + re.sub(r"[aeiou]", "", text[1:]))
    return "-".join(parts)
