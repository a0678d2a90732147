"""Events, facts and mentions in their own tables: written with the article, replaced when it is
written again, found by indexed filters, and copied out of the JSON of a store from schema 1."""
from __future__ import annotations

import pytest
from sqlalchemy import delete, update

from dragoman.doc import Article, EntityRef, Event, Fact, Mention, RawDocument
from dragoman.store import SqlStore
from dragoman.store.sql import analysis, store_meta

TOKAYEV, PUTIN, ORBAN = "dm:kassym-jomart-tokayev", "dm:vladimir-putin", "dm:viktor-orban"


def _article(id_: str, lang: str, events: list[Event], facts: list[Fact], entities: list[EntityRef]) -> tuple:
    text = f"report {id_}"
    raw = RawDocument(id=id_, origin=f"/in/{id_}.txt", input_format="text", raw=text.encode(), text=text)
    article = Article.from_raw(raw)
    article.text, article.lang, article.events, article.facts, article.entities = text, lang, events, facts, entities
    article.mentions = [Mention(0, 6, "report", entities[0].id if entities else None, "person", "kb")]
    return raw, article


def _meeting(date: str, *who: tuple[str, str], status: str = "reported", type_: str = "meeting") -> Event:
    return Event(type=type_, participants=[n for n, _ in who], participant_ids=[i for _, i in who], date=date,
                 status=status, place="Moscow", place_id="dm:moscow")


@pytest.fixture
def store(tmp_path):
    with SqlStore(str(tmp_path / "s.db")) as store:
        for raw, article in (
            _article("ru1", "ru", [_meeting("2025-11-12", ("Kassym-Jomart Tokayev", TOKAYEV), ("Vladimir Putin", PUTIN)),
                                   _meeting("2024-07", ("Vladimir Putin", PUTIN), status="past")],
                     [Fact(17_000_000_000, "USD", "trade")], [EntityRef(TOKAYEV, "Kassym-Jomart Tokayev", "person")]),
            _article("hu1", "hu", [_meeting("2025-11-28", ("Viktor Orbán", ORBAN), ("Vladimir Putin", PUTIN),
                                            type_="visit"),
                                   _meeting("2026-01", ("Viktor Orbán", ORBAN), status="planned")],
                     [Fact(12.5, "%", "share")], [EntityRef(ORBAN, "Viktor Orbán", "person")]),
        ):
            assert store.put_article(raw, article) == "added"
        yield store


@pytest.mark.parametrize("filters,expected", [
    ({"entity_ids": [PUTIN]}, {("ru1", "2025-11-12"), ("ru1", "2024-07"), ("hu1", "2025-11-28")}),
    ({"name_folded": "viktor orbán"}, {("hu1", "2025-11-28"), ("hu1", "2026-01")}),
    ({"type": "visit"}, {("hu1", "2025-11-28")}),
    ({"lang": "ru", "statuses": ["reported"]}, {("ru1", "2025-11-12")}),
    ({"since": "2025-11-20", "until": "2025"}, {("ru1", "2025-11-12"), ("hu1", "2025-11-28")}),  # years only
])
def test_events_are_found_by_indexed_filters(store, filters, expected):
    assert {(aid, e.date) for aid, _lang, e in store.find_events(**filters)} == expected


def test_facts_by_article_and_language(store):
    # Ingest order, ties (same second) by id: the order of ``iter_articles``.
    assert [(a, f.value, f.unit) for a, _, f in store.find_facts()] == [("hu1", 12.5, "%"), ("ru1", 17e9, "USD")]
    assert [a for a, _, _ in store.find_facts(article_ids={"hu1"})] == ["hu1"]
    assert [a for a, _, _ in store.find_facts(lang="ru")] == ["ru1"]
    assert store.articles_naming([ORBAN]) == {"hu1"}
    assert store.articles_naming([], "KASSYM-JOMART TOKAYEV") == {"ru1"}


def test_rewriting_an_article_replaces_its_rows(store):
    article = store.get_article("ru1")
    article.events = article.events[:1]
    article.facts = []
    store.update_article(article)
    assert [e.date for a, _, e in store.find_events(entity_ids=[PUTIN]) if a == "ru1"] == ["2025-11-12"]
    assert [a for a, _, _ in store.find_facts()] == ["hu1"]


def test_a_schema_1_store_is_backfilled_on_open(store, tmp_path):
    with store.engine.begin() as conn:
        for table in (analysis.events, analysis.participants, analysis.facts, analysis.mentions):
            conn.execute(delete(table))
        conn.execute(update(store_meta).where(store_meta.c.key == "schema").values(value="1"))
    assert store.find_events() == []
    with SqlStore(store.url) as reopened:
        assert len(reopened.find_events()) == 4 and len(reopened.find_facts()) == 2


def test_a_schema_2_store_gains_the_entity_index_on_open(store):
    from sqlalchemy import inspect, text
    with store.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_article_entities_entity"))
        conn.execute(update(store_meta).where(store_meta.c.key == "schema").values(value="2"))
    with SqlStore(store.url) as reopened:
        indexes = {i["name"] for i in inspect(reopened.engine).get_indexes("article_entities")}
        assert "ix_article_entities_entity" in indexes
        assert reopened.articles_naming([ORBAN]) == {"hu1"}
