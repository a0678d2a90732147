"""Known news agencies (``lang/xx/agencies.toml``) and the tags they sign articles with."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lang

# Aliases this short ("AA", "AP") are matched in their written case only, so "(aa)" is not one.
CASE_SENSITIVE_MAX_CHARS = 3


@dataclass(frozen=True)
class Agency:
    name: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def agencies() -> tuple[Agency, ...]:
    data = lang.load(lang.COMMON, "agencies")
    return tuple(Agency(a["name"], tuple(a.get("aliases", [])) or (a["name"],)) for a in data.get("agency", []))


@lru_cache(maxsize=1)
def agency_names() -> frozenset[str]:
    """Every name and alias of every agency."""
    return frozenset(n for a in agencies() for n in (a.name, *a.aliases))


def _alias_pattern(alias: str) -> str:
    if len(alias) <= CASE_SENSITIVE_MAX_CHARS:
        return re.escape(alias)
    return "(?i:" + re.escape(alias) + ")"


@lru_cache(maxsize=1)
def _alias_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for agency in agencies():
        for alias in (agency.name, *agency.aliases):
            key = alias if len(alias) <= CASE_SENSITIVE_MAX_CHARS else alias.lower()
            lookup.setdefault(key, agency.name)
    return lookup


def canonical_agency(alias: str) -> str | None:
    alias = alias.strip()
    lookup = _alias_lookup()
    return lookup.get(alias) or lookup.get(alias.lower())


@lru_cache(maxsize=1)
def _alternation() -> str:
    aliases = sorted({a for ag in agencies() for a in (ag.name, *ag.aliases)}, key=len, reverse=True)
    return "(?P<alias>" + "|".join(_alias_pattern(a) for a in aliases) + ")"


@lru_cache(maxsize=1)
def opening_tag() -> re.Pattern[str]:
    """An agency tag near the start of a paragraph: ``(MTI)``, ``/TASS/``, ``ASTANA. KAZINFORM –``."""
    alt = _alternation()
    return re.compile(rf"(?:\(\s*{alt}\s*\)|/\s*{alt.replace('alias', 'alias2')}\s*/"
                      rf"|[.,]\s+{alt.replace('alias', 'alias3')}\s*[–—-])")


@lru_cache(maxsize=1)
def closing_tag() -> re.Pattern[str]:
    """An agency sign-off closing the text: ``(MTI)``, ``– Anadolu Ajansı``, ``/TASS/``, ``Reuters``."""
    alt = _alternation()
    return re.compile(rf"(?:^|\(\s*|/\s*|[–—-]\s*){alt}\s*[)/]?\s*\.?\s*$")


def tag_alias(match: re.Match[str]) -> str | None:
    for group in ("alias", "alias2", "alias3"):
        value = match.groupdict().get(group)
        if value:
            return canonical_agency(value)
    return None


@lru_cache(maxsize=1)
def byline_tag() -> re.Pattern[str]:
    """An agency after a byline's name: ``By Tom Hale, Reuters``, ``Von Anna Schmidt | dpa``."""
    return re.compile(rf"[,|–—/]\s*\(?{_alternation()}\)?\s*\.?\s*$")
