"""Corpus-level passes that run after linking: what one article cannot know alone.

Year-less dates: an undated article that says "on 3 April" keeps the day and month
(``Event.date_text``) and no year. The year then comes, in order of trust, from

1. a dated article of the same story (``dragoman.events.years``), ``date_basis="story"``;
2. failing that, the dated articles of the corpus that name the same actors: the most common
   publication year among articles sharing at least ``MIN_SHARED_ENTITIES`` people,
   organisations or countries with it, one of them a person, ``date_basis="corpus"``. An
   undated page in a crawl was almost always written in the same period as the dated
   coverage of the same people; the basis is kept so a reader can tell an estimated year
   from a stated one.

Places and dates from story mates: a report that names the visit but not the city, or has no
date at all, takes what the other reports of the same event in its story state
(:mod:`dragoman.events.from_story`), ``place_basis`` / ``date_basis="story_event"``.
"""
from __future__ import annotations

from collections import Counter

from .doc import Article
from .store import Store

# How many entities an undated article must share with a dated one before its year says
# anything about the undated one's; one of them must be a person (a country alone is too broad).
MIN_SHARED_ENTITIES = 2
# Entity types that say who a report is about (cities and other places are too broad).
ACTOR_TYPES = ("person", "org", "country")


def _pending(article: Article) -> bool:
    return not article.published and any(e.date is None and e.date_text for e in article.events)


def _corpus_reference(store: Store, article: Article) -> str | None:
    """Latest publication date, within the most common year, of dated articles that share
    enough actors with ``article``; None when no such article exists."""
    actors = sorted({e.id for e in article.entities if e.type in ACTOR_TYPES})
    people = sorted({e.id for e in article.entities if e.type == "person"})
    if len(actors) < MIN_SHARED_ENTITIES or not people:
        return None
    dates = [d[:10] for d in store.publication_dates_sharing(article.id, actors, people, MIN_SHARED_ENTITIES)]
    if not dates:
        return None
    years = Counter(d[:4] for d in dates)
    best = max(years.values())
    year = max(y for y, n in years.items() if n == best)  # ties: the more recent year
    return max(d for d in dates if d.startswith(year))


def settle_year_less_dates(store: Store, reader=None) -> list[Article]:
    """Give year-less event dates of undated articles a year; returns the articles changed.

    With a story ``reader`` (``dragoman.stories.StoryReader``), an article's story mates date it first."""
    from .events.years import place_against, place_year_less_dates

    pending = [a for a in store.iter_articles(undated=True) if _pending(a)]
    if not pending:
        return []
    if reader is not None:
        members: dict[str, Article] = {}
        for article in pending:
            members[article.id] = reader.annotate(article)
        for story_id in {a.story for a in pending if a.story}:
            detail = reader.story(story_id)
            for member in detail.articles if detail else []:
                if member.id not in members and (other := store.get_article(member.id)) is not None:
                    members[other.id] = reader.annotate(other)
        place_year_less_dates(list(members.values()))
    for article in pending:
        if _pending(article) and (reference := _corpus_reference(store, article)) is not None:
            place_against(article, reference, "corpus")
    changed = [a for a in pending if any(e.date_basis in ("story", "corpus") and e.date for e in a.events)]
    for article in changed:
        article.story = article.duplicate_of = None  # link tables own these; never stored twice
        article.conflicts = []
        store.update_article(article)
    return changed


def _fillable(article: Article) -> bool:
    return any(e.status == "reported" and (e.place is None or (e.date is None and not e.date_text))
               for e in article.events)


def settle_from_stories(store: Store, reader) -> list[Article]:
    """Give events without place or date what their story mates state; returns the articles
    changed (stored)."""
    from .events.from_story import fill_from_story

    by_story: dict[str, list[Article]] = {}
    wanted: set[str] = set()
    for article in store.iter_articles():
        article = reader.annotate(article)
        if article.story:
            by_story.setdefault(article.story, []).append(article)
            if _fillable(article):
                wanted.add(article.story)
    changed = fill_from_story(a for story in wanted for a in by_story[story])
    for article in changed:
        article.story = article.duplicate_of = None  # link tables own these; never stored twice
        article.conflicts = []
        store.update_article(article)
    return changed
