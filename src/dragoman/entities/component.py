"""The ``entities`` pipeline component: mentions with canonical ids, and the entity list."""
from __future__ import annotations

from ..doc import Article, EntityRef, Mention
from ..kb import load_kb
from ..kb.normalize import fold
from ..pipeline import component
from .recognise import AGENCY_ROLE, UNKNOWN_PREFIX, Recogniser


@component("entities", requires=("text", "title", "lang"), uses=("author", "source", "published"),
           provides=("mentions", "title_mentions", "entities"))
class Entities:
    """Fills ``article.mentions`` (offsets into ``article.text``), ``article.title_mentions``
    (offsets into ``article.title``) and ``article.entities``.

    The headline is read on its own, and only with the knowledge base (no statistical or
    capitalisation finder: headlines are often in title case). Its mentions are kept apart
    from the text's, in ``title_mentions``; what it names joins ``article.entities`` (counted
    as one more mention).

    When ``describe`` ran first (the default order), a byline left in the text (``Par Lucie
    Garnier``) is not taken for a person the article is about: an unknown name equal to
    ``article.author`` is dropped. Known people keep their mentions even when they sign.
    Likewise the news agency that is the article's own ``source`` (``MOSCOW (Kazinform) –``,
    "originally published by Kazinform") is where the report comes from, not what it is about;
    another agency it cites ("Xinhua reported") stays.
    """

    def __init__(self) -> None:
        kb = self.kb = load_kb()
        self.recognise = Recogniser(kb)
        self.recognise_headline = Recogniser(kb, finders=[])

    def __call__(self, article: Article) -> Article:
        day = article.published  # which office each person held (the Kazakh president)
        article.mentions, article.entities = self.recognise(article.text or "", article.lang, day)
        article.title_mentions = []
        if article.title and article.title.strip():
            article.title_mentions, headline = self.recognise_headline(article.title, article.lang, day)
            article.entities = merge_headline(article.entities, headline)
        author = article.author
        if author:
            article.mentions, article.entities = drop_author(article.mentions, article.entities, author)
        if article.source:
            own = {e.id for e in self.kb.lookup(article.source) if e.role == AGENCY_ROLE}
            if own & {e.id for e in article.entities}:
                article.mentions, article.entities = drop_ids(article.mentions, article.entities, own)
                article.title_mentions = [m for m in article.title_mentions if m.entity_id not in own]
        return article


def drop_author(mentions: list[Mention], entities: list[EntityRef], author: str
                ) -> tuple[list[Mention], list[EntityRef]]:
    """``mentions`` and ``entities`` without the unknown person whose name is the byline's."""
    signed = {e.id for e in entities if e.type == "person" and e.id.startswith(UNKNOWN_PREFIX)
              and fold(e.name) == fold(author)}
    if not signed:
        return mentions, entities
    return drop_ids(mentions, entities, signed)


def drop_ids(mentions: list[Mention], entities: list[EntityRef], ids: set[str]
             ) -> tuple[list[Mention], list[EntityRef]]:
    return [m for m in mentions if m.entity_id not in ids], [e for e in entities if e.id not in ids]


def merge_headline(entities: list[EntityRef], headline: list[EntityRef]) -> list[EntityRef]:
    """``entities`` with the headline's added: one more mention for those the text names,
    the others appended in headline order."""
    by_id = {e.id: e for e in entities}
    out = list(entities)
    for ref in headline:
        if ref.id in by_id:
            by_id[ref.id].mentions += ref.mentions
        else:
            added = EntityRef(ref.id, ref.name, ref.type, ref.mentions)
            by_id[ref.id] = added
            out.append(added)
    return out
