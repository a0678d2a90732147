"""StoryLinker end to end on hand-built articles (cheap hashing embedder: one language)."""
from __future__ import annotations

from dataclasses import replace

from sqlalchemy import create_engine

from dragoman.doc import Fact
from dragoman.stories import HashingEmbedder, LinkError, StoryLinker

import story_corpus as corpus
from story_builders import event, make_article


def _story_of(linker, article):
    return linker.annotate(replace(article, conflicts=[])).story


def test_reprints_point_to_the_first_and_share_its_story(hashing_linker):
    original = corpus.five_language_reports()[0]
    reprint = replace(original, id="reprint", title="Tokayev, Mirziyoyev agree to double trade",
                      text="TASHKENT (Kazinform) - " + original.text + " Photo: Akorda.")
    other_url = replace(original, id="same-release-elsewhere")
    report = hashing_linker.link([original, reprint, other_url])
    assert report.near_copies == 2
    got = [hashing_linker.annotate(replace(a)) for a in (original, reprint, other_url)]
    assert [a.duplicate_of for a in got] == [None, original.id, original.id]
    assert len({a.story for a in got}) == 1
    assert [a.conflicts for a in got] == [[], [], []]


def test_meetings_months_apart_preview_and_feature_are_separate(hashing_linker):
    june = corpus.five_language_reports()[0]
    articles = [june, corpus.water_feature(), corpus.november_preview(), corpus.november_meeting()]
    hashing_linker.link(articles)
    stories = [_story_of(hashing_linker, a) for a in articles]
    assert len(set(stories)) == 4, stories


def test_late_article_joins_old_story(hashing_linker):
    june = corpus.five_language_reports()[0]
    hashing_linker.link([june, corpus.november_preview(), corpus.november_meeting(), corpus.kallas_meeting()])
    june_story = _story_of(hashing_linker, june)
    report = hashing_linker.link([corpus.late_report()])
    assert report.joined_stories == 1 and report.new_stories == 0
    assert _story_of(hashing_linker, corpus.late_report()) == june_story
    detail = hashing_linker.story(june_story)
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


def test_conflicts_of_place_date_and_figures_on_both_articles(hashing_linker):
    a = _tashkent("a", "Presidents Tokayev and Mirziyoyev met in Tashkent on Tuesday and discussed water, "
                       "transit and industry; trade reached 4.5 billion dollars last year.")
    b = _tashkent("b", "Kazakh leader Tokayev held talks with his Uzbek counterpart Mirziyoyev in Samarkand "
                       "this week, discussing water and transit routes; trade stood at 5.2 billion dollars.",
                  place="samarkand", trade=5.2e9)
    c = _tashkent("c", "Tokayev and Mirziyoyev talked about water and transit corridors when they met on "
                       "Thursday in Tashkent, with bilateral trade put at about 4.5 billion dollars.",
                  date="2025-06-12")
    hashing_linker.link([a, b, c])
    got = {x.id: hashing_linker.annotate(replace(x, conflicts=[])) for x in (a, b, c)}
    assert len({x.story for x in got.values()}) == 1
    fields = {aid: sorted((k.field, k.other) for k in x.conflicts) for aid, x in got.items()}
    assert fields["a"] == [("date", "c"), ("figure", "b"), ("place", "b")]
    assert fields["b"] == [("date", "c"), ("figure", "a"), ("figure", "c"), ("place", "a"), ("place", "c")]
    assert fields["c"] == [("date", "a"), ("date", "b"), ("figure", "b"), ("place", "b")]
    place = next(k for k in got["a"].conflicts if k.field == "place")
    assert (place.value, place.other_value) == ("Tashkent", "Samarkand")
    detail = hashing_linker.story(got["a"].story)
    assert len(detail.conflicts) == 12
    # The disagreement about the place does not split the meeting into two events.
    assert len([e for e in detail.events if e.type == "meeting"]) == 1


def test_no_conflicts_across_stories(hashing_linker):
    june, november = corpus.five_language_reports()[0], corpus.november_meeting()
    hashing_linker.link([june, november])
    assert hashing_linker.annotate(replace(june)).conflicts == []


def test_stories_listing_titles_and_filters(hashing_linker):
    articles = [corpus.five_language_reports()[0], corpus.november_meeting(), corpus.kallas_meeting()]
    hashing_linker.link(articles)
    listed = hashing_linker.stories()
    assert len(listed) == 3
    june = next(s for s in listed if s.first_date == "2025-06-10")
    assert june.title == articles[0].title and june.langs == ["en"]
    assert set(june.participants) == {"Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"}
    assert {s.first_date for s in hashing_linker.stories(since="2025-07-01")} == {"2025-11-20"}
    assert len(hashing_linker.stories(actor="Kaja Kallas")) == 1
    assert len(hashing_linker.stories(actor="Mirziyoyev")) == 2
    assert len(hashing_linker.stories(actor="Q3266461")) == 3


def test_built_english_title_when_no_english_member(hashing_linker):
    ru = corpus.five_language_reports()[1]
    hashing_linker.link([ru])
    assert hashing_linker.stories()[0].title == "Kassym-Jomart Tokayev meets Shavkat Mirziyoyev in Tashkent"


def test_search_filters_and_entity_boost(hashing_linker):
    articles = [corpus.five_language_reports()[0], corpus.november_meeting(), corpus.kallas_meeting(),
                corpus.water_feature()]
    hashing_linker.link(articles)
    hits = hashing_linker.search("Kallas visa talks in Almaty")
    assert hits[0].article_id == "almaty-kallas-en" and "Q46790" in hits[0].entities
    assert all(h.article_id != "almaty-kallas-en" for h in hashing_linker.search("Kallas visa", since="2025-06-01"))
    assert [h.article_id for h in hashing_linker.search("water", actor="Aliya Nurlanova")] == ["water-feature-en"]
    assert hashing_linker.search("water", lang="de") == []
    stories = hashing_linker.search_stories("Mirziyoyev Astana treaty")
    assert stories[0].title == "Mirziyoyev and Tokayev meet again, this time in Astana"


def test_forget_and_relink_keep_things_consistent(hashing_linker):
    original = corpus.five_language_reports()[0]
    reprint = replace(original, id="reprint", text=original.text + " Photo: Akorda.")
    late = corpus.late_report()
    hashing_linker.link([original, reprint, late])
    story = _story_of(hashing_linker, original)
    assert hashing_linker.forget([original.id]) == 1
    assert hashing_linker.annotate(replace(reprint)).duplicate_of is None
    assert _story_of(hashing_linker, reprint) == story  # the story id outlives its founder
    assert hashing_linker.story(story).articles[0].id == "reprint"
    # Linking an article again re-decides it instead of duplicating rows.
    report = hashing_linker.link([late])
    assert report.relinked == 1 and hashing_linker.story(story).articles[-1].id == late.id
    assert len(hashing_linker.story(story).articles) == 2
    hashing_linker.relink([original, late])
    assert len(hashing_linker.stories()) == 1 and _story_of(hashing_linker, reprint) is None


def test_state_survives_a_new_linker_and_rejects_another_embedder(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    first = StoryLinker(engine, tmp_path / "idx", embedder=HashingEmbedder())
    june = corpus.five_language_reports()[0]
    first.link([june])
    again = StoryLinker(engine, tmp_path / "idx", embedder=HashingEmbedder())
    again.link([corpus.late_report()])
    assert _story_of(again, corpus.late_report()) == _story_of(again, june)
    try:
        StoryLinker(engine, tmp_path / "idx", embedder=HashingEmbedder(dim=64))
    except LinkError as error:
        assert "relink" in str(error)
    else:
        raise AssertionError("a linker with another embedder must refuse the existing index")


def test_progress_is_reported_per_committed_chunk(hashing_linker):
    seen = []
    articles = corpus.five_language_reports() + [corpus.november_meeting()]
    report = hashing_linker.link(articles, progress=seen.append)
    assert sum(seen) == len(articles) == report.linked


def test_built_title_names_people_of_the_main_consultation(hashing_linker):
    # A Hungarian report whose events also name an organisation and a later signing.
    article = make_article(
        "hu-visit", "hu", "Tokajev Moszkvában tárgyalt", "Kaszim-Zsomart Tokajev kazah elnök Moszkvában "
        "tárgyalt Vlagyimir Putyin orosz elnökkel, majd nyilatkozatot írtak alá.",
        published="2025-11-12", people={"tokayev": 3, "putin": 3}, places=["moscow"],
        events=[event("agreement", ["tokayev", "putin"], "moscow", "2025-11-12"),
                event("visit", ["tokayev", "putin"], "moscow", "2025-11-12")])
    article.events[0].participants.append("Kremlin")
    article.events[0].participant_ids.append("Q42370")
    hashing_linker.link([article])
    assert hashing_linker.stories()[0].title == "Kassym-Jomart Tokayev visits Moscow"


def test_a_failed_chunk_leaves_no_half_written_links(hashing_linker, monkeypatch):
    import dragoman.stories.linker as linker_module

    june = corpus.five_language_reports()[0]
    hashing_linker.link([june])

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(linker_module, "compare", broken)
    try:
        hashing_linker.link([corpus.late_report()])
    except RuntimeError:
        pass
    else:
        raise AssertionError("the failure must reach the caller")
    assert _story_of(hashing_linker, corpus.late_report()) is None
    assert hashing_linker.story(_story_of(hashing_linker, june)).articles[-1].id == june.id
    monkeypatch.undo()
    hashing_linker.link([corpus.late_report()])
    assert _story_of(hashing_linker, corpus.late_report()) == _story_of(hashing_linker, june)


def test_a_missing_vector_file_is_reported_and_relinking_repairs_it(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    article = corpus.late_report()
    StoryLinker(engine, tmp_path / "idx", embedder=HashingEmbedder()).link([article])
    for path in (tmp_path / "idx").iterdir():
        path.unlink()
    linker = StoryLinker(engine, tmp_path / "idx", embedder=HashingEmbedder())
    assert "missing or damaged" in linker.damage()
    linker.relink([article])
    assert linker.damage() is None
    assert linker.count_linked() == 1
