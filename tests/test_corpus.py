"""Corpus passes: year-less dates of undated articles get a year from dated coverage."""
from __future__ import annotations

import pytest

from dragoman.corpus import settle_year_less_dates
from dragoman.doc import Article, EntityRef, Event, RawDocument
from dragoman.store import open_store

TOKAYEV = EntityRef("dm:kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "person")
JAPAROV = EntityRef("dm:sadyr-japarov", "Sadyr Japarov", "person")
KAZAKHSTAN = EntityRef("Q232", "Kazakhstan", "country")
FRANCE = EntityRef("Q142", "France", "country")


def _put(store, id_, lang, published, entities, events):
    raw = RawDocument(id=id_, origin=f"/in/{id_}.txt", input_format="text", raw=id_.encode(), text=id_)
    article = Article.from_raw(raw)
    article.lang, article.published, article.entities, article.events = lang, published, entities, events
    store.put_article(raw, article)


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "corpus.db")) as s:
        yield s


@pytest.mark.parametrize("lang,date_text", [("en", "3 April"), ("tr", "3 Nisan’da"), ("hu", "április 3-án"),
                                            ("ru", "3 апреля"), ("de", "3. April"), ("fr", "3 avril")])
def test_year_comes_from_dated_coverage_of_the_same_actors(store, lang, date_text):
    _put(store, "dated1", "en", "2025-08-22", [TOKAYEV, JAPAROV, KAZAKHSTAN], [])
    _put(store, "dated2", "en", "2025-11-12", [TOKAYEV, KAZAKHSTAN], [])
    _put(store, "older", "en", "2019-05-01", [TOKAYEV, KAZAKHSTAN], [])
    _put(store, "undated", lang, None, [TOKAYEV, KAZAKHSTAN],
         [Event(type="meeting", participants=[TOKAYEV.name], date_text=date_text)])
    assert [a.id for a in settle_year_less_dates(store)] == ["undated"]
    (event,) = store.get_article("undated").events
    assert (event.date, event.date_basis) == ("2025-04-03", "corpus")


def test_no_shared_person_no_guess(store):
    _put(store, "dated", "en", "2025-08-22", [FRANCE, KAZAKHSTAN], [])
    _put(store, "undated", "en", None, [TOKAYEV, KAZAKHSTAN],
         [Event(type="meeting", participants=[TOKAYEV.name], date_text="3 April")])
    assert settle_year_less_dates(store) == []
    assert store.get_article("undated").events[0].date is None


def test_relative_words_are_not_placed(store):
    _put(store, "dated", "en", "2025-08-22", [TOKAYEV, KAZAKHSTAN], [])
    _put(store, "undated", "en", None, [TOKAYEV, KAZAKHSTAN],
         [Event(type="summit", date_text="tomorrow", status="planned")])
    assert settle_year_less_dates(store) == []
