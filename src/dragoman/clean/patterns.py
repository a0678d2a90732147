"""Furniture patterns, merged from every language's data files.

The clean step runs before the language is known, so it uses every language's patterns at
once (``lang/*/boilerplate.toml`` and ``lang/*/header.toml``); they are specific phrases, so
merging them costs little precision. Outlet and section words tell a site name at the top of a
page ("Steppe Herald") from a section label ("Politics").
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .. import lang

# A regex that never matches, for empty pattern lists.
_NEVER = r"(?!x)x"


@dataclass(frozen=True)
class FurniturePatterns:
    footer_start: tuple[str, ...]  # lower-cased phrases, longest first
    related: tuple[str, ...]  # lower-cased phrases, longest first
    ad_label: tuple[str, ...]  # lower-cased phrases: "Advertisement" lines inside the text
    navigation: frozenset[str]  # lower-cased whole lines: skip links, app-store badges, menus
    relative_date: re.Pattern[str]
    disclaimer: re.Pattern[str]
    publisher: tuple[re.Pattern[str], ...]  # case-sensitive, group "publisher"
    caption: re.Pattern[str]
    metadata: tuple[re.Pattern[str], ...]  # group "date"
    header: tuple[re.Pattern[str], ...]  # groups "section", "date"
    bullet: re.Pattern[str]
    breadcrumb: re.Pattern[str]
    published_label: re.Pattern[str]  # group "rest"
    updated_label: re.Pattern[str]  # group "rest"
    label_separator: re.Pattern[str]  # between the parts of a label line ("World | Asia")
    outlet_words: frozenset[str]  # lower-cased words that name outlets ("Herald", "Вестник")
    section_words: frozenset[str]  # lower-cased words that name site sections ("World", "Политика")


def _values(data: dict[str, dict], key: str) -> list[str]:
    return [value for d in data.values() for value in d.get(key, [])]


def _union(patterns: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    patterns = list(patterns)
    return re.compile("|".join(f"(?:{p})" for p in patterns) if patterns else _NEVER, flags)


def _phrases(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({v.lower() for v in values}, key=len, reverse=True))


def _label(labels: Iterable[str]) -> re.Pattern[str]:
    """A line opening with one of ``labels`` (then an optional colon); the rest in group ``rest``."""
    alternation = "|".join(re.escape(label.rstrip(":")) for label in _phrases(labels)) or _NEVER
    return re.compile(rf"^\s*(?:{alternation})(?![^\W\d_])\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def furniture_patterns() -> FurniturePatterns:
    boiler = lang.load_all("boilerplate")
    header = lang.load_all("header")
    common = header.get(lang.COMMON, {})
    return FurniturePatterns(
        footer_start=_phrases(_values(boiler, "footer_start")),
        related=_phrases(_values(boiler, "related")),
        ad_label=_phrases(_values(boiler, "ad_label")),
        navigation=frozenset(_phrases(_values(boiler, "navigation"))),
        relative_date=_union(_values(boiler, "relative_date")),
        disclaimer=_union(_values(boiler, "disclaimer")),
        publisher=tuple(re.compile(p) for p in _values(boiler, "publisher")),
        caption=_union(_values(boiler, "caption")),
        metadata=tuple(re.compile(p, re.IGNORECASE) for p in common.get("metadata", [])),
        header=tuple(re.compile(p, re.IGNORECASE) for p in common.get("header", [])),
        bullet=re.compile(common.get("bullet", _NEVER)),
        breadcrumb=re.compile(common.get("breadcrumb", _NEVER)),
        published_label=_label(_values(header, "published_labels")),
        updated_label=_label(_values(header, "updated_labels")),
        label_separator=re.compile(common.get("label_separator", _NEVER)),
        outlet_words=frozenset(w.casefold() for w in _values(header, "outlet_words")),
        section_words=frozenset(w.casefold() for w in _values(header, "section_words")),
    )
