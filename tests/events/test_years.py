"""Year-less dates take their year from a dated article of the same story."""
from __future__ import annotations

import pytest

from dragoman.doc import Event
from dragoman.events.years import place_year_less_dates

from .conftest import make_article


@pytest.mark.parametrize("lang,written", [("en", "3 April"), ("tr", "3 Nisan’da"), ("hu", "április 3-án"),
                                          ("ru", "3 апреля"), ("de", "3. April"), ("fr", "3 avril"),
                                          ("hr", "3. travnja"), ("bs", "3. aprila"), ("cs", "3. dubna")])
def test_year_from_dated_article_of_same_story(lang, written):
    dated = make_article("x", "en", "2025-04-04")
    undated = make_article("y", lang, None)
    undated.events = [Event("meeting", date_text=written), Event("meeting", date_text="on Tuesday")]
    for article in (dated, undated):
        article.story = "s1"
    assert place_year_less_dates([dated, undated]) == 1
    assert undated.events[0].date == "2025-04-03" and undated.events[0].date_precision == "day"
    assert undated.events[1].date is None  # a weekday counts from a day nothing tells us


def test_articles_without_story_are_left_alone():
    undated = make_article("y", "en", None)
    undated.events = [Event("meeting", date_text="3 April")]
    assert place_year_less_dates([undated, make_article("x", "en", "2025-04-04")]) == 0
