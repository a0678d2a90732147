"""Political events in one article: candidates from trigger lexicons, confirmed and typed with
the example bank, filled with participants, place, date, status, topics and documents.

:class:`EventExtractor` runs the steps, each in its own module:

1. :mod:`.candidates`: triggers from ``lang/<code>/events.toml`` propose (type, clause)
   candidates; weak triggers ("met", "received") need the example bank (:mod:`.embed`) to agree.
2. :mod:`.drafting`: each candidate becomes a draft event with its status (:mod:`.status`),
   date, city and participants (:mod:`.actors`: who can take part, whom they act for). An
   appeal ("called for talks") is no event.
3. :mod:`.merging`: drafts that tell one encounter become one event.
4. :mod:`.anchoring`: reported events without a place or date take the article's (dateline,
   headline, publication date); the headline may also name the kind of visit.

``find_candidates``, ``WEAK_MARGIN`` and ``TITLE_OFFSET`` are re-exported for existing callers.
"""
from __future__ import annotations

from ..doc import Article, Event
from . import timex
from .actors import ArticleActors
from .anchoring import TITLE_OFFSET, anchor, dateline, headline, headline_visit_kind
from .candidates import WEAK_MARGIN, confirm, find_candidates, topics
from .drafting import Draft, draft
from .embed import ExampleBank
from .lexicon import Lexicon, lexicon
from .merging import drop_participant_statements, fold_into_summits, merge
from .status import REPORTED

__all__ = ["EventExtractor", "find_candidates", "WEAK_MARGIN", "TITLE_OFFSET"]


class EventExtractor:
    """Turn one article into events; ``bank`` (optional) confirms weak triggers."""

    def __init__(self, bank: ExampleBank | None = None):
        self.bank = bank

    def __call__(self, article: Article) -> list[Event]:
        text = article.text or ""
        lex = lexicon(article.lang)
        candidates = confirm(find_candidates(text, lex), self.bank)
        actors = ArticleActors(article)
        dateline_city, dateline_date = dateline(actors, text, article.lang)
        actors.dateline_start = dateline_city.start if dateline_city else None
        reference = timex.parse_reference(article.published)
        drafts = [d for c in candidates if (d := draft(c, article, lex, actors, reference))]
        drafts = merge(drafts)
        drafts = fold_into_summits(drafts)
        title = headline(article, reference, lex)
        drafts = drop_participant_statements(drafts, title.speakers if title else frozenset())
        anchor(drafts, dateline_city, reference, title, dateline_date, article.published)
        headline_visit_kind(drafts, title, lex)
        _article_topics_first(drafts, text, lex)
        return [d.event for d in sorted(drafts, key=lambda d: d.start)]


def _article_topics_first(drafts: list[Draft], text: str, lex: Lexicon) -> None:
    """A reported event (not a statement) is about what the whole article is about: its topics
    are the article's, its own first."""
    article_topics = topics(text, lex)
    for d in drafts:
        if d.event.status == REPORTED and d.event.type != "statement":
            d.event.topics = [t for t in article_topics if t in d.event.topics] + \
                [t for t in article_topics if t not in d.event.topics]
