"""The dateline an event is reported from: the date grammar's dateline shape, one copy."""
from __future__ import annotations

import pytest

from dragoman import lang
from dragoman.doc import Article
from dragoman.events.actors import ArticleActors
from dragoman.events.anchoring import dateline


def _dateline(text: str, code: str):
    article = Article(id="a", origin="a.txt", input_format="text", raw_text=text, hash="", text=text, lang=code)
    return dateline(ArticleActors(article), text, code)


@pytest.mark.parametrize("text,code,city,day", [
    ("MOSCOW, Nov 12 (Reuters) - Leaders met in the Kremlin.", "en", "Moscow", 12),
    ("Astana – 20. Juni 2024 – Die Präsidenten trafen sich.", "de", "Astana", 20),
])
def test_a_dateline_gives_the_city_and_day(text, code, city, day):
    place, when = _dateline(text, code)
    assert place is not None and place.name == city
    assert when is not None and when.day == day


def test_a_sentence_subject_before_a_comma_is_no_dateline():
    assert _dateline("Başkan Recep Tayyip Erdoğan, 7 Aralık'ta Atina'ya gitti.", "tr") == (None, None)


def test_the_dateline_shape_is_kept_once():
    assert "dateline" not in lang.load(lang.COMMON, "events")
    assert "place" in lang.load(lang.COMMON, "dates")["dateline"]
