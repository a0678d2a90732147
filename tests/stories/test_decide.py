"""The link decision from given candidates, without a database: copy first, then the best story."""
from __future__ import annotations

from collections import Counter

import copies_corpus
import story_corpus as corpus

from dragoman.stories import E5Embedder
from dragoman.stories.cluster import StoryState
from dragoman.stories.decide import NEAR_COPY, TRANSLATION, Candidates, decide, story_conflicts
from dragoman.stories.index import LinkedArticle
from dragoman.stories.profile import build_profile

FLOORS = E5Embedder.floors
# A cosine above every E5 floor: the decision is left to the language-independent checks.
CLOSE = 0.93


def _linked(article, story_id: str, seq: int = 1, dup_group: str | None = None) -> LinkedArticle:
    return LinkedArticle(article.id, story_id, seq - 1, dup_group, seq, build_profile(article))


def _state(story_id: str, member: LinkedArticle) -> StoryState:
    state = StoryState(story_id=story_id, mode=member.profile.mode, first_day=None, last_day=None, n_articles=0)
    state.add(member.profile)
    return state


def _candidates(*members: LinkedArticle, similarity: float = CLOSE, near_copy: LinkedArticle | None = None):
    return Candidates(near_copy=near_copy, compared=list(members),
                      similarity={m.article_id: similarity for m in members},
                      stories={m.story_id: _state(m.story_id, m) for m in members},
                      members={m.story_id: [m] for m in members})


def test_nothing_to_compare_starts_a_story_of_its_own():
    article = corpus.november_meeting()
    decision = decide(article.id, build_profile(article), Candidates(), FLOORS)
    assert (decision.copy_of, decision.copy_kind, decision.story_id, decision.group) == (None, None, None, article.id)


def test_a_near_copy_joins_its_original_story_and_group():
    original = _linked(corpus.five_language_reports()[0], "st-june", dup_group="group-1")
    reprint = corpus.five_language_reports()[0]
    decision = decide("reprint", build_profile(reprint), _candidates(near_copy=original), FLOORS)
    assert decision.copy_of is original and decision.copy_kind == NEAR_COPY
    assert (decision.story_id, decision.group) == ("st-june", "group-1")


def test_a_translation_is_confirmed_among_the_compared_and_an_independent_report_is_not():
    wire = _linked(copies_corpus.wire(), "st-visit")
    translation, independent = copies_corpus.translation(), copies_corpus.independent_report()
    decision = decide(translation.id, build_profile(translation), _candidates(wire), FLOORS)
    assert decision.copy_kind == TRANSLATION and decision.copy_of is wire and decision.group == wire.article_id
    other = decide(independent.id, build_profile(independent), _candidates(wire), FLOORS)
    assert other.copy_of is None and other.story_id == "st-visit" and other.group == independent.id


def test_the_story_of_the_same_meeting_wins_over_one_months_later():
    june = _linked(corpus.five_language_reports()[0], "st-june")
    november = _linked(corpus.november_meeting(), "st-november", seq=2)
    late = corpus.late_report()
    decision = decide(late.id, build_profile(late), _candidates(november, june, similarity=0.9), FLOORS)
    assert decision.story_id == "st-june" and decision.copy_of is None


def test_conflicts_are_recorded_on_both_sides_and_not_with_itself():
    en, tr = corpus.translation_pair()
    member = _linked(en, "st-visit")
    decision = decide(tr.id, build_profile(tr), _candidates(member), FLOORS)
    found = story_conflicts(tr.id, build_profile(tr), [member, _linked(tr, "st-visit", seq=2)], decision)
    assert Counter(owner for owner, _ in found) == {tr.id: 1, en.id: 1}
    assert {(owner, c.field, c.other) for owner, c in found} == {(tr.id, "place", en.id), (en.id, "place", tr.id)}
