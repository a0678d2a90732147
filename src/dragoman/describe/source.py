"""The outlet or agency: reader hint, agency tags, the site name at the top, then disclaimers
that name the publisher."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..clean.furniture import SITE_NAME_REASON
from ..clean.patterns import furniture_patterns
from ..doc import Removed
from .agencies import byline_tag, canonical_agency, closing_tag, opening_tag, tag_alias

# Agency tags open the first paragraph within this many characters ("ANKARA (AA) – ...").
OPENING_TAG_MAX_CHARS = 200
# Agency sign-offs ("(MTI)", "– Anadolu Ajansı") are looked for in this many last lines.
CLOSING_TAG_LINES = 2
# Publisher disclaimers are looked for in this many last lines of the text (and in all removed lines).
PUBLISHER_TAIL_LINES = 5
PUBLISHER_MAX_WORDS = 4
# A trailing part after a spaced separator ("Steppe Herald – Politics", "BBC News | World") is
# a section when it has at most this many words and characters and no digits; it is cut off.
SECTION_PART_MAX_WORDS = 3
SECTION_PART_MAX_CHARS = 40

_NAME_SEPARATOR = re.compile(r"\s+(?:[–—|-]|::)\s+")


def outlet_name(name: str) -> str:
    """``name`` without its trailing section part: "Steppe Herald – Politics" is "Steppe Herald".

    Only spaced separators split, so "Radio Free Europe/Radio Liberty" and "Al-Monitor" stay whole.
    """
    name = name.strip()
    separators = list(_NAME_SEPARATOR.finditer(name))
    if separators and _section_like(name[separators[-1].end():].strip()):
        return name[:separators[-1].start()].strip()
    return name


def _section_like(part: str) -> bool:
    return (0 < len(part) <= SECTION_PART_MAX_CHARS and len(part.split()) <= SECTION_PART_MAX_WORDS
            and not any(ch.isdigit() for ch in part))


def site_from_header(removed: Sequence[Removed]) -> str | None:
    """The site name the clean step took off the top of the page, as a known agency's name if it is one."""
    for line in removed:
        if line.reason == SITE_NAME_REASON:
            name = line.text.strip()
            return canonical_agency(name) or name
    return None


def agency_from_tags(text: str) -> str | None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    for line in lines[:2]:
        match = opening_tag().search(line[:OPENING_TAG_MAX_CHARS])
        if match and tag_alias(match):
            return tag_alias(match)
    for line in reversed(lines[-CLOSING_TAG_LINES:]):
        match = closing_tag().search(line)
        if match and tag_alias(match):
            return tag_alias(match)
    return None


def publisher_from_disclaimers(texts: Sequence[str]) -> str | None:
    for text in texts:
        for pattern in furniture_patterns().publisher:
            for match in pattern.finditer(text):
                # A sentence may follow the name: "© 2025 EU Reporter. All rights reserved".
                name = match["publisher"].split(". ")[0].strip(" .,;:’'")
                for suffix in ("’s", "'s"):
                    name = name.removesuffix(suffix)
                if name and len(name.split()) <= PUBLISHER_MAX_WORDS:
                    return name
    return None


def agency_from_bylines(header_lines: Sequence[str]) -> str | None:
    for line in header_lines:
        match = byline_tag().search(line)
        if match and tag_alias(match):
            return tag_alias(match)
    return None


def find_source(hint: str | None, text: str, removed: Sequence[Removed] = (),
                header_lines: Sequence[str] = ()) -> str | None:
    """Reader's hint, else an agency tag in the text or byline, else the site name at the top,
    else a publisher disclaimer."""
    if hint and hint.strip():
        return outlet_name(hint)
    named = agency_from_tags(text) or agency_from_bylines(header_lines) or site_from_header(removed)
    if named:
        return named
    tail = [line for line in text.splitlines() if line.strip()][-PUBLISHER_TAIL_LINES:]
    return publisher_from_disclaimers([*(line.text for line in removed), *tail])
