"""Helpers for event tests: articles whose mentions are written by hand, as the entities stage
would fill them, so the event stage is tested on its own."""
from __future__ import annotations

import re

import pytest

from dragoman.doc import Article, EntityRef, Mention


def _mentions(text: str, names: dict[str, tuple[str, str]] | None) -> tuple[list[Mention], list[EntityRef]]:
    """A mention for every occurrence in ``text`` of each ``names`` key, and their entities."""
    mentions, entities = [], {}
    for surface, (name, kind) in (names or {}).items():
        entity_id = "dm:" + re.sub(r"\W+", "-", name.lower())
        for match in re.finditer(re.escape(surface), text):
            mentions.append(Mention(match.start(), match.end(), surface, entity_id, kind))
            ref = entities.setdefault(entity_id, EntityRef(entity_id, name, kind, 0))
            ref.mentions += 1
    mentions.sort(key=lambda m: m.start)
    return mentions, list(entities.values())


def make_article(text: str, lang: str, published: str | None = None,
                 names: dict[str, tuple[str, str]] | None = None) -> Article:
    """An article with a mention for every occurrence of each ``names`` key.

    ``names`` maps a surface form (as written, with its case ending) to (canonical name, type);
    ids are derived from the canonical name.
    """
    mentions, entities = _mentions(text, names)
    return Article(id="t", origin="test", input_format="text", raw_text=text, hash="", text=text,
                   lang=lang, published=published, mentions=mentions, entities=entities)


def add_title(article: Article, title: str, names: dict[str, tuple[str, str]] | None = None) -> Article:
    """``article`` with the headline ``title``: ``title_mentions`` (offsets into the title) for
    the ``names`` it holds, and their entities joining ``article.entities`` as the entities
    stage joins them (one more mention for those the text names, the others appended)."""
    mentions, entities = _mentions(title, names)
    article.title, article.title_mentions = title, mentions
    known = {e.id: e for e in article.entities}
    for ref in entities:
        if ref.id in known:
            known[ref.id].mentions += ref.mentions
        else:
            article.entities.append(ref)
    return article


@pytest.fixture(scope="session")
def extractor():
    from dragoman.events.embed import default_bank
    from dragoman.events.extract import EventExtractor

    return EventExtractor(default_bank())
