"""The Linker end to end on hand-built articles (cheap hashing embedder: one language)."""
from __future__ import annotations

from dataclasses import replace

from dragoman.doc import Fact

import story_corpus as corpus
from story_builders import event, make_article


def _story_of(stories, article):
    return stories.reader.annotate(replace(article, conflicts=[])).story


def test_reprints_point_to_the_first_and_share_its_story(hashing_stories):
    original = corpus.five_language_reports()[0]
    reprint = replace(original, id="reprint", title="Tokayev, Mirziyoyev agree to double trade",
                      text="TASHKENT (Kazinform) - " + original.text + " Photo: Akorda.")
    other_url = replace(original, id="same-release-elsewhere")
    report = hashing_stories.linker.link([original, reprint, other_url])
    assert report.near_copies == 2
    got = [hashing_stories.reader.annotate(replace(a)) for a in (original, reprint, other_url)]
    assert [a.duplicate_of for a in got] == [None, original.id, original.id]
    assert len({a.story for a in got}) == 1
    assert [a.conflicts for a in got] == [[], [], []]


def test_meetings_months_apart_preview_and_feature_are_separate(hashing_stories):
    june = corpus.five_language_reports()[0]
    articles = [june, corpus.water_feature(), corpus.november_preview(), corpus.november_meeting()]
    hashing_stories.linker.link(articles)
    stories = [_story_of(hashing_stories, a) for a in articles]
    assert len(set(stories)) == 4, stories


def test_late_article_joins_old_story(hashing_stories):
    june = corpus.five_language_reports()[0]
    hashing_stories.linker.link([june, corpus.november_preview(), corpus.november_meeting(), corpus.kallas_meeting()])
    june_story = _story_of(hashing_stories, june)
    report = hashing_stories.linker.link([corpus.late_report()])
    assert report.joined_stories == 1 and report.new_stories == 0
    assert _story_of(hashing_stories, corpus.late_report()) == june_story
    detail = hashing_stories.reader.story(june_story)
    assert [a.id for a in detail.articles] == [june.id, "tashkent-late-en"]
    # One merged record for the meeting both report, one for the signing only the late one has.
    meeting = next(e for e in detail.events if e.type == "meeting")
    assert meeting.articles == [june.id, "tashkent-late-en"]
    assert {e.type for e in detail.events} == {"meeting", "agreement"}


def _tashkent(aid, text, *, place="tashkent", date="2025-06-10", trade=4.5e9):
    return make_article(aid, "en", "Tokayev and Mirziyoyev hold talks", text, published="2025-06-11",
                        people={"tokayev": 3, "mirziyoyev": 3}, places=[place], countries=["kz", "uz"],
                        events=[event("meeting", ["tokayev", "mirziyoyev"], place, date)],
                        facts=[Fact(trade, "USD", "bilateral trade", year=2024)])


def test_conflicts_of_place_date_and_figures_on_both_articles(hashing_stories):
    a = _tashkent("a", "Presidents Tokayev and Mirziyoyev met in Tashkent on Tuesday and discussed water, "
                       "transit and industry; trade reached 4.5 billion dollars last year.")
    b = _tashkent("b", "Kazakh leader Tokayev held talks with his Uzbek counterpart Mirziyoyev in Samarkand "
                       "this week, discussing water and transit routes; trade stood at 5.2 billion dollars.",
                  place="samarkand", trade=5.2e9)
    c = _tashkent("c", "Tokayev and Mirziyoyev talked about water and transit corridors when they met on "
                       "Thursday in Tashkent, with bilateral trade put at about 4.5 billion dollars.",
                  date="2025-06-12")
    hashing_stories.linker.link([a, b, c])
    got = {x.id: hashing_stories.reader.annotate(replace(x, conflicts=[])) for x in (a, b, c)}
    assert len({x.story for x in got.values()}) == 1
    fields = {aid: sorted((k.field, k.other) for k in x.conflicts) for aid, x in got.items()}
    assert fields["a"] == [("date", "c"), ("figure", "b"), ("place", "b")]
    assert fields["b"] == [("date", "c"), ("figure", "a"), ("figure", "c"), ("place", "a"), ("place", "c")]
    assert fields["c"] == [("date", "a"), ("date", "b"), ("figure", "b"), ("place", "b")]
    place = next(k for k in got["a"].conflicts if k.field == "place")
    assert (place.value, place.other_value) == ("Tashkent", "Samarkand")
    detail = hashing_stories.reader.story(got["a"].story)
    assert len(detail.conflicts) == 12
    # The disagreement about the place does not split the meeting into two events.
    assert len([e for e in detail.events if e.type == "meeting"]) == 1


def test_no_conflicts_across_stories(hashing_stories):
    june, november = corpus.five_language_reports()[0], corpus.november_meeting()
    hashing_stories.linker.link([june, november])
    assert hashing_stories.reader.annotate(replace(june)).conflicts == []


def test_forget_and_relink_keep_things_consistent(hashing_stories):
    original = corpus.five_language_reports()[0]
    reprint = replace(original, id="reprint", text=original.text + " Photo: Akorda.")
    late = corpus.late_report()
    hashing_stories.linker.link([original, reprint, late])
    story = _story_of(hashing_stories, original)
    assert hashing_stories.linker.forget([original.id]) == 1
    assert hashing_stories.reader.annotate(replace(reprint)).duplicate_of is None
    assert _story_of(hashing_stories, reprint) == story  # the story id outlives its founder
    assert hashing_stories.reader.story(story).articles[0].id == "reprint"
    # Linking an article again re-decides it instead of duplicating rows.
    report = hashing_stories.linker.link([late])
    assert report.relinked == 1 and hashing_stories.reader.story(story).articles[-1].id == late.id
    assert len(hashing_stories.reader.story(story).articles) == 2
    hashing_stories.linker.relink([original, late])
    assert len(hashing_stories.reader.stories()) == 1 and _story_of(hashing_stories, reprint) is None


def test_progress_is_reported_per_committed_chunk(hashing_stories):
    seen = []
    articles = corpus.five_language_reports() + [corpus.november_meeting()]
    report = hashing_stories.linker.link(articles, progress=seen.append)
    assert sum(seen) == len(articles) == report.linked


def test_a_failed_chunk_leaves_no_half_written_links(hashing_stories, monkeypatch):
    import dragoman.stories.decide as decide_module

    june = corpus.five_language_reports()[0]
    hashing_stories.linker.link([june])

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(decide_module, "compare", broken)
    try:
        hashing_stories.linker.link([corpus.late_report()])
    except RuntimeError:
        pass
    else:
        raise AssertionError("the failure must reach the caller")
    assert _story_of(hashing_stories, corpus.late_report()) is None
    assert hashing_stories.reader.story(_story_of(hashing_stories, june)).articles[-1].id == june.id
    monkeypatch.undo()
    hashing_stories.linker.link([corpus.late_report()])
    assert _story_of(hashing_stories, corpus.late_report()) == _story_of(hashing_stories, june)
