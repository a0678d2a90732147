"""Light coreference inside one article.

- Bare surnames (``Tokayev``, ``Caparov``, ``Kallas``) resolve to the person the article names
  in full, in any of that person's spellings and case forms.
- Role phrases (``the Kazakh president``, ``a kazah elnök``, ``Kırgız mevkidaşı``,
  ``казахстанский лидер``): a country adjective followed by a role word of
  ``lang/<code>/roles.toml`` resolves to the person of that country named in the article whose
  office on the article's date matches the role's class (``lang/xx/roles.toml``). When the
  article names nobody who fits, the knowledge base's holder of that office on that date does
  (``offices`` of ``kb/data/people.jsonl``); no date or no single holder: no mention.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .. import lang as langdata
from ..kb.normalize import name_key
from .gazetteer import Token

# Role classes that name one office, so that its holder on a date is one person. "leader" may
# be the president or the prime minister (the Saudi leader): only a person the article names.
OFFICE_CLASSES = frozenset({"president", "prime_minister", "foreign_minister"})
# How many words may stand between the adjective and the role word (der kasachische Präsident
# needs none, "Kazakh counterpart" none, "kazah kollégája" none; allow one for inserted words).
MAX_ROLE_GAP = 1


@dataclass
class Person:
    """A person the article names: id, country, the offices held on the article's date, and the
    surnames they go by."""

    id: str
    country: str
    roles: tuple[str, ...]
    surnames: frozenset[str]


@lru_cache(maxsize=None)
def _role_words(lang: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    roles = langdata.load(lang, "roles").get("roles", {})
    words = [(tuple(name_key(w)), cls) for cls, items in roles.items() for w in items]
    return tuple(sorted(words, key=lambda item: -len(item[0])))


@lru_cache(maxsize=None)
def _role_classes() -> dict[str, re.Pattern[str]]:
    return {cls: re.compile(p) for cls, p in langdata.load(langdata.COMMON, "roles").get("classes", {}).items()}


def surname_matches(toks: list[Token], taken: list[bool], people: list[Person]) -> list[tuple[int, Person]]:
    """Indices of capitalised, unclaimed tokens that are a named person's surname."""
    out = []
    for i, tok in enumerate(toks):
        if taken[i] or not tok.capitalised:
            continue
        hits = [p for p in people if p.surnames.intersection(tok.bases)]
        if len(hits) == 1:  # two people share the surname: leave it unresolved
            out.append((i, hits[0]))
    return out


def role_at(toks: list[Token], first: int, last: int, lang: str) -> tuple[int, int, str] | None:
    """A role word next to the adjective at tokens ``first..last``: after it (the Kazakh
    president) or before it (le président kazakh), within ``MAX_ROLE_GAP`` words.
    Returns (first token, last token, class) of the whole phrase."""
    for gap in range(MAX_ROLE_GAP + 1):
        for words, cls in _role_words(lang):
            start = last + 1 + gap
            end = start + len(words)
            if end <= len(toks) and all(w in toks[start + k].bases for k, w in enumerate(words)):
                return first, end - 1, cls
            start = first - gap - len(words)
            if start >= 0 and all(w in toks[start + k].bases for k, w in enumerate(words)):
                return start, last, cls
    return None


def resolve_role(country: str, cls: str, people: list[Person]) -> Person | None:
    """The one person of ``country`` in the article whose office fits ``cls``."""
    hits = [p for p in people if p.country == country and fits(cls, p.roles)]
    return hits[0] if len(hits) == 1 else None


def fits(cls: str, roles: Iterable[str]) -> bool:
    """Whether one of the offices ``roles`` belongs to the role class ``cls``."""
    pattern = _role_classes().get(cls)
    return pattern is not None and any(pattern.search(role) for role in roles)


def surnames_of(names: list[str]) -> frozenset[str]:
    """Folded last words of a person's names (Kassym-Jomart Tokayev -> tokayev)."""
    out = set()
    for name in names:
        toks = name_key(name)
        if len(toks) >= 2 and len(toks[-1]) >= 3:
            out.add(toks[-1])
    return frozenset(out)

