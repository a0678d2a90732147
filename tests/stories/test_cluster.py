"""Pure decisions: story membership vetoes, translation confirmation, which copy is original."""
from __future__ import annotations

from collections import Counter

from dragoman.doc import Fact
from dragoman import lang
from dragoman.stories.cluster import (StoryState, confirm_copy, far_apart_in_time, original_rank, source_ranks, story_score,
                                     story_similarity)
from dragoman.stories.embed import E5Embedder
from dragoman.stories.profile import build_profile, day_number

from story_builders import event, make_article

FLOORS = E5Embedder.floors


def _story(day="2025-06-10", keys=("Q3266461", "Q1380556"), mode="reported", places=("Q269",)):
    d = day_number(day) if day else None
    return StoryState("s", mode, d, d, 1, Counter(keys), Counter(places), {"consult"})


def _article(date="2025-06-10", people=("tokayev", "mirziyoyev"), status="reported", mentions=None, place="tashkent"):
    counts = mentions or {p: 2 for p in people}
    return build_profile(make_article("a", "en", "t", "x", people=counts,
                                      events=[event("meeting", list(people), place, date, status=status)]))


def test_joins_same_people_same_days():
    assert story_score(_article(), _story(), 0.88, FLOORS) is not None
    assert story_score(_article("2025-06-12"), _story(), 0.88, FLOORS) is not None


def test_other_place_days_later_is_another_trip_but_same_day_is_a_disagreement():
    assert story_score(_article("2025-06-13", place="astana"), _story(), 0.9, FLOORS) is None
    assert story_score(_article("2025-06-10", place="astana"), _story(), 0.9, FLOORS) is not None


def test_same_people_months_apart_do_not_join():
    assert story_score(_article("2025-11-20"), _story(), 0.95, FLOORS) is None


def test_preview_does_not_join_the_event():
    assert story_score(_article(status="planned"), _story(), 0.95, FLOORS) is None


def test_other_counterpart_does_not_join():
    assert story_score(_article(people=("tokayev", "putin")), _story(), 0.95, FLOORS) is None


def test_mention_in_passing_does_not_join():
    passing = _article(mentions={"tokayev": 1, "mirziyoyev": 1, "putin": 6})
    assert story_score(passing, _story(), 0.95, FLOORS) is None


def test_similarity_floor():
    assert story_score(_article(), _story(), FLOORS.story - 0.01, FLOORS) is None


def test_undated_needs_place_or_close_text():
    undated = _article(date=None)
    assert story_score(undated, _story(), 0.86, FLOORS) is not None  # same place
    elsewhere = _article(date=None, place="astana")
    assert story_score(elsewhere, _story(), 0.86, FLOORS) is None
    assert story_score(elsewhere, _story(), FLOORS.undated, FLOORS) is not None


def test_a_member_in_another_language_counts_with_the_cross_language_allowance():
    article = _article()
    same = build_profile(make_article("b", "en", "t", "x"))
    other = build_profile(make_article("c", "ru", "t", "x"))
    assert story_similarity(article, [(same, 0.80)], FLOORS) == 0.80
    assert story_similarity(article, [(same, 0.80), (other, 0.80)], FLOORS) == 0.80 + FLOORS.cross_language
    assert story_similarity(article, [], FLOORS) == -1.0


def test_an_article_naming_nobody_needs_a_text_closer_than_the_story_floor():
    nobody = build_profile(make_article("n", "en", "t", "x", events=[event("meeting", [], "tashkent", "2025-06-10")]))
    assert nobody.key_ids == []
    assert story_score(nobody, _story(), FLOORS.unnamed - 0.01, FLOORS) is None
    assert story_score(nobody, _story(), FLOORS.unnamed, FLOORS) is not None


def _copy(aid, lang, facts, published=None, date="2025-04-03"):
    return build_profile(make_article(aid, lang, "t", "x", published=published, people={"tokayev": 2, "vdl": 2},
                                      countries=["kz", "eu"], events=[event("meeting", ["tokayev", "vdl"], None, date)],
                                      facts=facts))


def test_translation_confirmed_by_entities_and_figures():
    facts = [Fact(1e6, "t"), Fact(0.1, "%"), Fact(0.25, "%")]
    assert confirm_copy(_copy("tr", "tr", facts), _copy("en", "en", facts), 0.91, FLOORS)
    assert not confirm_copy(_copy("tr", "tr", facts[:1]), _copy("en", "en", facts), 0.91, FLOORS)
    assert not confirm_copy(_copy("tr", "tr", facts), _copy("en", "en", facts), 0.85, FLOORS)
    assert not confirm_copy(_copy("tr", "tr", facts, date="2025-05-03"), _copy("en", "en", facts), 0.95, FLOORS)
    # No figures on either side: entities alone fit any report of the meeting.
    assert not confirm_copy(_copy("tr", "tr", []), _copy("en", "en", []), 0.91, FLOORS)


def test_original_is_earliest_then_source_language_then_first_ingested():
    en, tr = _copy("en", "en", []), _copy("tr", "tr", [])
    assert min([(tr, 1), (en, 2)], key=lambda p: original_rank(*p))[0] is en
    early_tr = _copy("tr", "tr", [], published="2025-04-03")
    late_en = _copy("en", "en", [], published="2025-04-04")
    assert min([(late_en, 1), (early_tr, 2)], key=lambda p: original_rank(*p))[0] is early_tr
    other = _copy("en2", "en", [])
    assert min([(other, 5), (en, 2)], key=lambda p: original_rank(*p))[0] is en


def test_source_ranks_come_from_the_language_folders_and_are_distinct():
    ranks = source_ranks()
    assert set(ranks) <= set(lang.languages())
    assert sorted(ranks.values()) == list(range(1, len(ranks) + 1))
    assert min(ranks, key=ranks.get) == "en"  # English releases are translated far more often


def test_a_ranked_language_is_the_original_before_an_unranked_one():
    ranks = source_ranks()
    ranked = max(ranks, key=ranks.get)  # the lowest-ranked still beats an unranked language
    unranked = next(code for code in lang.languages() if code not in ranks)
    first, second = _copy("u", unranked, []), _copy("r", ranked, [])
    assert min([(first, 1), (second, 2)], key=lambda p: original_rank(*p))[0] is second


def test_article_is_anchored_on_the_day_of_most_of_its_events_not_the_earliest():
    # A state visit report that also reports a meeting of the same leaders a week before: the
    # side event must not pull the article out of the visit's story (more than the date window).
    visit = [event("visit", ["putin", "tokayev"], "astana", "2024-11-27"),
             event("agreement", ["putin", "tokayev"], "astana", "2024-11-27"),
             event("meeting", ["putin", "tokayev"], "moscow", "2024-11-20")]
    profile = build_profile(make_article("a", "en", "t", "x", published="2024-11-27T20:00",
                                         people={"putin": 3, "tokayev": 3}, events=visit))
    assert profile.anchor == "2024-11-27"
    story = StoryState("s", "reported", day_number("2024-11-27"), day_number("2024-11-27"), 2,
                       Counter(["Q7747", "Q3266461"]), Counter(["Q1520"]), {"consult"})
    assert story_score(profile, story, 0.9, FLOORS) is not None
    # A tie goes to the latest day not after publication.
    two = [event("meeting", ["putin", "tokayev"], "astana", "2024-11-26"),
           event("meeting", ["putin", "tokayev"], "astana", "2024-11-27")]
    assert build_profile(make_article("b", "en", "t", "x", published="2024-11-27", people={"putin": 2, "tokayev": 2},
                                      events=two)).anchor == "2024-11-27"


def test_an_undated_copy_is_not_ranked_after_a_copy_dated_later_than_the_event():
    undated = build_profile(make_article("wire", "en", "t", "x", people={"tokayev": 2}))
    reprint = build_profile(make_article("reprint", "en", "t", "x", published="2025-11-13T09:15",
                                         people={"tokayev": 2}))
    event_day = day_number("2025-11-12")
    pair = [(reprint, 1), (undated, 2)]  # the reprint was ingested first
    assert min(pair, key=lambda p: original_rank(*p, undated_day=event_day))[0] is undated
    assert min(pair, key=lambda p: original_rank(*p))[0] is reprint  # nothing known: dated first


def _dated(published, event_date=None, status="reported"):
    people = ("tokayev", "mirziyoyev")
    return build_profile(make_article("m", "de", "t", "x", published=published, people={p: 2 for p in people},
                                      events=[event("meeting", list(people), "tashkent", event_date, status=status)]))


def test_a_report_published_a_year_before_a_members_visit_does_not_join():
    # Month-precision dates have no anchor day, so the story's day span says nothing about them.
    story = _story(day=None)
    earlier, later = _dated("2023-09"), _dated("2024-09")
    assert far_apart_in_time(earlier, later) and far_apart_in_time(later, earlier)
    assert story_score(earlier, story, 0.95, FLOORS, members=[later]) is None
    assert story_score(earlier, story, 0.95, FLOORS, members=[_dated("2023-09")]) is not None


def test_an_undated_articles_passing_mention_of_an_old_event_vetoes_nothing():
    # Only publication dates count on the earlier side: an event date may be background.
    undated_with_old_event = _dated(None, "2023-09")
    assert not far_apart_in_time(undated_with_old_event, _dated("2024-09-17"))

