"""Helpers for event tests: articles whose mentions are written by hand, as the entities stage
would fill them, so the event stage is tested on its own."""
from __future__ import annotations

import re

import pytest

from dragoman.doc import Article, EntityRef, Mention


def make_article(text: str, lang: str, published: str | None = None,
                 names: dict[str, tuple[str, str]] | None = None) -> Article:
    """An article with a mention for every occurrence of each ``names`` key.

    ``names`` maps a surface form (as written, with its case ending) to (canonical name, type);
    ids are derived from the canonical name.
    """
    mentions, entities = [], {}
    for surface, (name, kind) in (names or {}).items():
        entity_id = "dm:" + re.sub(r"\W+", "-", name.lower())
        for match in re.finditer(re.escape(surface), text):
            mentions.append(Mention(match.start(), match.end(), surface, entity_id, kind))
            ref = entities.setdefault(entity_id, EntityRef(entity_id, name, kind, 0))
            ref.mentions += 1
    mentions.sort(key=lambda m: m.start)
    return Article(id="t", origin="test", input_format="text", raw_text=text, hash="", text=text,
                   lang=lang, published=published, mentions=mentions, entities=list(entities.values()))


@pytest.fixture(scope="session")
def extractor():
    from dragoman.events.embed import default_bank
    from dragoman.events.extract import EventExtractor

    return EventExtractor(default_bank())
