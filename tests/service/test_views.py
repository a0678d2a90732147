"""What a reader opens: an article whole, a story with its evidence, an entity with its
relations, and the timeline of a pair of actors."""
from __future__ import annotations

import pytest
from sample_store import sample_store

from dragoman import service
from dragoman.errors import InvalidArgument, NotFound
from dragoman.service import views


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    with service.open_session(sample_store(tmp_path_factory)) as opened:
        yield opened


@pytest.fixture(scope="module")
def moscow(session):
    (story,) = [s for s in service.list_stories(session) if {"en", "ru", "tr"} <= set(s.langs)]
    return views.story_reading(session, story.id)


def test_an_article_knows_its_copies_and_its_original(session):
    original = views.article_detail(session, "01_en_moscow_visit_wire")
    copy = views.article_detail(session, "02_en_moscow_visit_reprint")
    assert copy.duplicate_of == original.id and copy.id in original.duplicates and copy.story == original.story
    with pytest.raises(NotFound):
        views.article_detail(session, "nope")


def test_story_evidence_points_at_the_sentences_in_every_language(moscow):
    agreement = next(e for e in moscow.story.events if e.type == "agreement")
    assert {ev.lang for ev in agreement.evidence} >= {"en", "ru", "tr"}
    for ev in agreement.evidence:
        assert moscow.articles[ev.article_id].text[ev.start:ev.end] == ev.text
    assert list(moscow.story.articles_by_lang["ru"])[0].id == "03_ru_moscow_visit_tass"
    assert [e.date for e in moscow.story.timeline] == sorted(e.date for e in moscow.story.timeline)


def test_a_pair_timeline_counts_every_month_between_its_events(session):
    pair = views.timeline(session, ["Tokayev", "Путин"])
    assert pair.events and all({"Kassym-Jomart Tokayev", "Vladimir Putin"} <= set(r.event.participants)
                               for r in pair.events)
    months = [m.month for m in pair.months]
    assert months == sorted(months) and len(months) == len(set(months))
    assert sum(m.events for m in pair.months) + pair.undated == len(pair.events)
    alone = views.timeline(session, ["Tokayev"])
    assert len(alone.events) >= len(pair.events)


@pytest.mark.parametrize("actors", [[], ["  "], ["a", "b", "c", "d", "e"]])
def test_a_timeline_needs_one_to_four_actors(session, actors):
    with pytest.raises(InvalidArgument) as caught:
        views.timeline(session, actors)
    assert caught.value.field == "actor"


def test_an_entity_profile_has_names_relations_stories_and_a_timeline(session):
    putin = views.entity_profile(session, "Putyin")
    assert putin.id == "Q7747" and "ru" in putin.names and {"ru", "kk", "tr"} <= set(putin.written)
    related = [r.id for r in putin.related]
    assert "dm:kassym-jomart-tokayev" in related and "Q7747" not in related
    assert putin.stories and putin.timeline.events and putin.n_articles == len(putin.articles)
