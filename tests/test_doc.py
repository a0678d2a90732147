"""The typed article: what it stores and how it reads back older stored forms."""
from __future__ import annotations

from dragoman.doc import Article, Removed


def _article(**fields) -> Article:
    return Article(id="a1", origin="a1.txt", input_format="text", raw_text="x", hash="h", **fields)


def test_removed_lines_round_trip_as_reason_and_text():
    article = _article(removed=[Removed("footer", "Share this article"), Removed("site name", "Steppe Herald")])
    again = Article.from_dict(article.to_dict())
    assert again.removed == article.removed
    assert again.removed[1].reason == "site name" and again.removed[1].text == "Steppe Herald"


def test_stores_written_before_removed_was_typed_still_read():
    data = _article().to_dict()
    data["removed"] = ["updated: 3 April 2025, 10:00", "caption: Photo: Akorda", "a line without a reason"]
    removed = Article.from_dict(data).removed
    assert removed[0] == Removed("updated", "3 April 2025, 10:00")
    assert removed[1] == Removed("caption", "Photo: Akorda")  # only the first ": " separates
    assert removed[2] == Removed("", "a line without a reason")


def test_a_removed_line_reads_as_it_did_when_shown():
    assert str(Removed("byline", "By Aigerim Sadykova")) == "byline: By Aigerim Sadykova"
