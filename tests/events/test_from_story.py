"""Places and dates an event takes from the other reports of its story."""
from __future__ import annotations

import pytest

from dragoman.doc import Article, Event
from dragoman.events.from_story import STORY_BASIS, fill_from_story
from dragoman.stories.profile import build_profile

TUSK, ZELENSKYY, SYBIHA = "dm:donald-tusk", "dm:volodymyr-zelenskyy", "dm:andrii-sybiha"
KYIV, LVIV = ("Kyiv", "dm:geo:703448"), ("Lviv", "dm:geo:702550")


def _visit(people, place=None, date=None, *, type_="visit", status="reported", place_basis=None, date_basis=None):
    return Event(type=type_, participants=list(people), participant_ids=list(people),
                 place=place[0] if place else None, place_id=place[1] if place else None,
                 date=date, date_precision="day" if date else None, status=status,
                 place_basis=place_basis, date_basis=date_basis)


def _article(aid, lang, *events, story="st-1"):
    return Article(id=aid, origin=f"test://{aid}", input_format="text", raw_text="x", hash=aid,
                   lang=lang, story=story, events=list(events))


@pytest.mark.parametrize("lang, other_lang", [("uk", "pl"), ("en", "ru"), ("ar", "zh")])
def test_a_report_without_city_or_date_takes_what_its_story_mates_state(lang, other_lang):
    bare = _article("a", lang, _visit([TUSK, ZELENSKYY]))
    stated = [_article("b", other_lang, _visit([TUSK, ZELENSKYY], KYIV, "2026-02-05")),
              _article("c", "en", _visit([ZELENSKYY, TUSK, SYBIHA], KYIV, "2026-02-05"))]
    assert fill_from_story([bare, *stated]) == [bare]
    event = bare.events[0]
    assert (event.place, event.place_id, event.date) == (KYIV[0], KYIV[1], "2026-02-05")
    assert event.place_basis == event.date_basis == STORY_BASIS


def test_members_that_disagree_settle_nothing():
    bare = _article("a", "en", _visit([TUSK, ZELENSKYY]))
    kyiv = _article("b", "uk", _visit([TUSK, ZELENSKYY], KYIV, "2026-02-05"))
    lviv = _article("c", "pl", _visit([TUSK, ZELENSKYY], LVIV, "2026-02-06"))
    assert fill_from_story([bare, kyiv, lviv]) == []
    assert bare.events[0].place is None and bare.events[0].date is None


def test_only_the_same_event_with_shared_people_and_stated_values_votes():
    bare = _article("a", "en", _visit([TUSK, ZELENSKYY]))
    other_people = _article("b", "uk", _visit([SYBIHA, "dm:radoslaw-sikorski"], LVIV, "2026-02-04"))
    a_call = _article("c", "pl", _visit([TUSK, ZELENSKYY], LVIV, "2026-02-04", type_="phone_call"))
    inferred = _article("d", "ru", _visit([TUSK, ZELENSKYY], LVIV, "2026-02-04",
                                          place_basis=STORY_BASIS, date_basis="published"))
    assert fill_from_story([bare, other_people, a_call, inferred]) == []


def test_statements_planned_events_and_other_stories_are_left_alone():
    said = _article("a", "en", _visit([TUSK, ZELENSKYY], type_="statement"),
                    _visit([TUSK, ZELENSKYY], status="planned"))
    elsewhere = _article("b", "uk", _visit([TUSK, ZELENSKYY]), story="st-2")
    stated = _article("c", "pl", _visit([TUSK, ZELENSKYY], KYIV, "2026-02-05", type_="statement"),
                      _visit([TUSK, ZELENSKYY], KYIV, "2026-02-05", status="planned"),
                      _visit([TUSK, ZELENSKYY], KYIV, "2026-02-05"))
    assert fill_from_story([said, elsewhere, stated]) == []


def test_what_an_article_took_from_its_story_never_reaches_its_linking_profile():
    article = _article("a", "en", _visit([TUSK, ZELENSKYY], KYIV, "2026-02-05",
                                         place_basis=STORY_BASIS, date_basis=STORY_BASIS))
    profile = build_profile(article)
    assert profile.places == [] and profile.anchor is None
    assert profile.events[0].place_id is None and not profile.events[0].date_stated
