"""The paged listings mean what the unpaged queries mean: walked page by page they give the same
rows (the web API pages; the CLI lists whole)."""
from __future__ import annotations

import pytest
from sample_store import HOSTILE_ID, sample_store

from dragoman import service
from dragoman.errors import InvalidArgument
from dragoman.service import browse


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    with service.open_session(sample_store(tmp_path_factory)) as opened:
        yield opened


def _all(listing, session, **filters):
    rows, cursor = [], None
    while True:
        page = listing(session, cursor=cursor, limit=3, **filters)
        rows.extend(page.items)
        cursor = page.next_cursor
        if cursor is None:
            return rows


@pytest.mark.parametrize("filters", [{}, {"actor": "Putin"}, {"actor": "Токаев", "since": "2025-11"},
                                     {"type": "agreement"}, {"lang": "ru"}, {"include_past_and_planned": True},
                                     {"since": "2025-11-12", "until": "2025-11-12"}])
def test_event_pages_are_the_events_listing(session, filters):
    paged = _all(browse.event_page, session, **filters)
    whole = service.list_events(session, **filters)
    assert [(r.article_id, r.event) for r in paged] == [(r.article_id, r.event) for r in whole]


@pytest.mark.parametrize("filters", [{}, {"actor": "Putin"}, {"lang": "de"}])
def test_fact_pages_are_the_facts_listing(session, filters):
    paged = _all(browse.fact_page, session, **filters)
    whole = service.list_facts(session, **filters)
    key = lambda r: (r.article_id, r.fact.surface, r.fact.value)  # noqa: E731
    assert sorted(map(key, paged)) == sorted(map(key, whole))


@pytest.mark.parametrize("filters", [{}, {"actor": "Q7747"}, {"since": "2025-11-01"}])
def test_story_pages_are_the_stories_listing(session, filters):
    assert [s.id for s in _all(browse.story_page, session, **filters)] == \
        [s.id for s in service.list_stories(session, **filters)]


def test_entity_pages_are_the_entities_listing(session):
    assert _all(browse.entity_page, session) == service.list_entities(session, limit=500)
    assert _all(browse.entity_page, session, type="person", lang="ru") == \
        service.list_entities(session, type="person", lang="ru", limit=500)


def test_article_pages_cover_every_article_once(session):
    ids = [row.id for row in _all(browse.article_page, session)]
    assert sorted(ids) == sorted(session.store.iter_ids()) and HOSTILE_ID in ids


def test_search_pages_continue_the_ranking(session):
    first = browse.search_page(session, "Tokayev Putin Moscow", limit=2)
    second = browse.search_page(session, "Tokayev Putin Moscow", limit=2, cursor=first.next_cursor)
    whole = service.search(session, "Tokayev Putin Moscow", limit=4).articles
    assert [h.article_id for h in first.articles + second.articles] == [h.article_id for h in whole]
    assert first.stories and not second.stories


@pytest.mark.parametrize("call,field", [
    (lambda s: browse.event_page(s, type="party"), "type"),
    (lambda s: browse.entity_page(s, type="planet"), "type"),
    (lambda s: browse.article_page(s, until="2025-02-30"), "until"),
    (lambda s: browse.story_page(s, lang="Kazakh"), "lang"),
    (lambda s: browse.fact_page(s, cursor="WyJ4Il0"), "cursor"),
    (lambda s: browse.search_page(s, "x", cursor="Wzk5OTld"), "cursor"),
])
def test_bad_arguments_name_their_field(session, call, field):
    with pytest.raises(InvalidArgument) as caught:
        call(session)
    assert caught.value.field == field
