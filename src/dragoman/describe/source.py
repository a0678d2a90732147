"""The outlet or agency: reader hint, agency tags, then disclaimers that name the publisher."""
from __future__ import annotations

from collections.abc import Sequence

from ..clean.patterns import furniture_patterns
from .agencies import byline_tag, closing_tag, opening_tag, tag_alias

# Agency tags open the first paragraph within this many characters ("ANKARA (AA) – ...").
OPENING_TAG_MAX_CHARS = 200
# Agency sign-offs ("(MTI)", "– Anadolu Ajansı") are looked for in this many last lines.
CLOSING_TAG_LINES = 2
# Publisher disclaimers are looked for in this many last lines of the text (and in all removed lines).
PUBLISHER_TAIL_LINES = 5
PUBLISHER_MAX_WORDS = 4


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


def find_source(hint: str | None, text: str, removed: Sequence[str] = (),
                header_lines: Sequence[str] = ()) -> str | None:
    """Reader's hint, else an agency tag in the text or byline, else a publisher disclaimer."""
    if hint:
        return hint
    agency = agency_from_tags(text) or agency_from_bylines(header_lines)
    if agency:
        return agency
    tail = [line for line in text.splitlines() if line.strip()][-PUBLISHER_TAIL_LINES:]
    return publisher_from_disclaimers([*removed, *tail])
