"""StoryReader: story listing, titles and search over linked hand-built articles (hashing embedder)."""
from __future__ import annotations

import story_corpus as corpus
from story_builders import event, make_article


def test_stories_listing_titles_and_filters(hashing_stories):
    articles = [corpus.five_language_reports()[0], corpus.november_meeting(), corpus.kallas_meeting()]
    hashing_stories.linker.link(articles)
    listed = hashing_stories.reader.stories()
    assert len(listed) == 3
    june = next(s for s in listed if s.first_date == "2025-06-10")
    assert june.title == articles[0].title and june.langs == ["en"]
    assert set(june.participants) == {"Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"}
    assert {s.first_date for s in hashing_stories.reader.stories(since="2025-07-01")} == {"2025-11-20"}
    assert len(hashing_stories.reader.stories(actor="Kaja Kallas")) == 1
    assert len(hashing_stories.reader.stories(actor="Mirziyoyev")) == 2
    assert len(hashing_stories.reader.stories(actor="Q3266461")) == 3


def test_built_english_title_when_no_english_member(hashing_stories):
    ru = corpus.five_language_reports()[1]
    hashing_stories.linker.link([ru])
    assert hashing_stories.reader.stories()[0].title == "Kassym-Jomart Tokayev meets Shavkat Mirziyoyev in Tashkent"


def test_search_filters_and_entity_boost(hashing_stories):
    articles = [corpus.five_language_reports()[0], corpus.november_meeting(), corpus.kallas_meeting(),
                corpus.water_feature()]
    hashing_stories.linker.link(articles)
    hits = hashing_stories.reader.search("Kallas visa talks in Almaty")
    assert hits[0].article_id == "almaty-kallas-en" and "Q46790" in hits[0].entities
    assert all(h.article_id != "almaty-kallas-en" for h in hashing_stories.reader.search("Kallas visa", since="2025-06-01"))
    assert [h.article_id for h in hashing_stories.reader.search("water", actor="Aliya Nurlanova")] == ["water-feature-en"]
    assert hashing_stories.reader.search("water", lang="de") == []
    stories = hashing_stories.reader.search_stories("Mirziyoyev Astana treaty")
    assert stories[0].title == "Mirziyoyev and Tokayev meet again, this time in Astana"


def test_built_title_names_people_of_the_main_consultation(hashing_stories):
    # A Hungarian report whose events also name an organisation and a later signing.
    article = make_article(
        "hu-visit", "hu", "Tokajev Moszkvában tárgyalt", "Kaszim-Zsomart Tokajev kazah elnök Moszkvában "
        "tárgyalt Vlagyimir Putyin orosz elnökkel, majd nyilatkozatot írtak alá.",
        published="2025-11-12", people={"tokayev": 3, "putin": 3}, places=["moscow"],
        events=[event("agreement", ["tokayev", "putin"], "moscow", "2025-11-12"),
                event("visit", ["tokayev", "putin"], "moscow", "2025-11-12")])
    article.events[0].participants.append("Kremlin")
    article.events[0].participant_ids.append("Q42370")
    hashing_stories.linker.link([article])
    assert hashing_stories.reader.stories()[0].title == "Kassym-Jomart Tokayev visits Moscow"
