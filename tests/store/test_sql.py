"""The SQL store: round trips, idempotent keys, rejections, aggregates, inert text."""
from __future__ import annotations

import zlib

import pytest
from postgres_db import POSTGRES, fresh_database_url

from dragoman.doc import Article, EntityRef, Event, Fact, Hints, RawDocument, Rejection
from dragoman.store import SqlStore, StoreError, open_store
from dragoman.store.sql import raw_inputs


def _raw(id_: str, text: str, origin: str | None = None) -> RawDocument:
    return RawDocument(id=id_, origin=origin or f"/corpus/{id_}.txt", input_format="text",
                       raw=text.encode("utf-8"), text=text)


def _article(raw: RawDocument, **fields) -> Article:
    article = Article.from_raw(raw)
    article.text = raw.text
    for key, value in fields.items():
        setattr(article, key, value)
    return article


# Every test runs on SQLite and on the PostgreSQL server of DRAGOMAN_TEST_DB_URL (marked
# `postgres`; skipped with the reason when it is not set), which starts empty for each test.
@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=POSTGRES)])
def store(request, tmp_path):
    target = str(tmp_path / "test.db") if request.param == "sqlite" else fresh_database_url()
    with open_store(target) as s:
        yield s


def test_round_trip_keeps_every_field(store):
    raw = _raw("a1", "Tokajev Moszkvában tárgyalt.")
    article = _article(raw, lang="hu", published="2025-11-12T22:19", title="Tokajev Moszkvában",
                       source="MTI", hints=Hints(title="T"),
                       entities=[EntityRef("Q1", "Kassym-Jomart Tokayev", "person", 2)],
                       events=[Event(type="visit", participants=["Kassym-Jomart Tokayev"], place="Moscow",
                                     date="2025-11-12", visit_kind="state")],
                       facts=[Fact(value=27.8e9, unit="USD", what="trade", qualifier="about")])
    assert store.put_article(raw, article) == "added"
    back = store.get_article("a1")
    assert back.entities == article.entities
    assert back.events == article.events
    assert back.facts == article.facts
    assert back.hints == article.hints
    assert (back.lang, back.published, back.source) == ("hu", "2025-11-12T22:19", "MTI")


def test_same_id_new_content_updates(store):
    first = _raw("a1", "first version")
    second = _raw("a1", "second version")
    store.put_article(first, _article(first))
    assert store.put_article(second, _article(second)) == "updated"
    assert store.count_articles() == 1
    assert store.find_hash(second.hash) == "a1"
    assert store.find_hash(first.hash) is None


def test_raw_is_kept_compressed_and_rereadable(store):
    text = "Раз два три. " * 200
    raw = _raw("ru1", text)
    store.put_article(raw, _article(raw))
    with store.engine.connect() as conn:
        stored = conn.execute(raw_inputs.select()).mappings().one()
    assert len(stored["data"]) < len(raw.raw) / 5
    assert zlib.decompress(stored["data"]) == raw.raw
    (back,) = list(store.iter_raw())
    assert back.raw == raw.raw and back.input_format == "text"


def test_rejection_is_recorded_once_and_cleared_by_success(store):
    store.put_rejection(Rejection("/corpus/bad.txt", "empty file", "text"))
    store.put_rejection(Rejection("/corpus/bad.txt", "empty file", "text"))
    assert [r.reason for r in store.iter_rejections()] == ["empty file"]
    raw = _raw("bad", "now it has text", origin="/corpus/bad.txt")
    store.put_article(raw, _article(raw))
    assert list(store.iter_rejections()) == []


def test_counts_and_entity_index(store):
    for i, (lang, month, source) in enumerate([("tr", "2025-08", "AA"), ("hu", "2025-11", "MTI"),
                                               ("hu", "2025-11", "MTI")]):
        raw = _raw(f"x{i}", f"text {i}")
        store.put_article(raw, _article(raw, lang=lang, published=f"{month}-12", source=source,
                                        entities=[EntityRef("Q1", "Vladimir Putin", "person", i + 1)]))
    counts = store.counts()
    assert counts.articles == 3
    assert counts.by_lang == {"tr": 1, "hu": 2}
    assert counts.by_month == {"2025-08": 1, "2025-11": 2}
    assert counts.by_source == {"AA": 1, "MTI": 2}
    assert store.entity_counts() == [("Q1", "Vladimir Putin", "person", 6, 3)]
    assert store.entity_counts(lang="hu") == [("Q1", "Vladimir Putin", "person", 5, 2)]
    assert [row[0] for row in store.articles_mentioning("Q1")] == ["x2", "x1", "x0"]


@pytest.mark.parametrize("hostile", [
    "Robert'); DROP TABLE articles;--",
    "<script>alert('x')</script>",
    "' OR 1=1 --",
])
def test_text_is_stored_as_data(store, hostile):
    raw = _raw("h1", hostile)
    store.put_article(raw, _article(raw, title=hostile, source=hostile))
    back = store.get_article("h1")
    assert back.text == hostile and back.title == hostile
    assert store.count_articles() == 1


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        SqlStore(str(tmp_path / "absent.db"), create=False)
    with pytest.raises(StoreError, match="does not exist"):
        SqlStore(str(tmp_path / "no" / "such" / "dir.db"))


def test_store_uses_wal(tmp_path):
    with open_store(str(tmp_path / "wal.db")) as s:
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_schema_compiles_for_postgresql():
    """No SQLite-only types or DDL: the same tables must be creatable on PostgreSQL."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex, CreateTable

    from dragoman.store.sql import metadata

    dialect = postgresql.dialect()
    for table in metadata.sorted_tables:
        ddl = str(CreateTable(table).compile(dialect=dialect))
        assert "CREATE TABLE" in ddl
        for index in table.indexes:
            str(CreateIndex(index).compile(dialect=dialect))


def test_same_content_again_is_unchanged_even_unchecked(store):
    """A second writer that checked before the first committed still stores nothing twice."""
    raw = _raw("a1", "Tokajev Moszkvában tárgyalt.")
    assert store.put_article(raw, _article(raw)) == "added"
    again = _raw("a1", "Tokajev Moszkvában tárgyalt.")
    assert store.put_article(again, _article(again)) == "unchanged"
    elsewhere = _raw("a1", "Tokajev Moszkvában tárgyalt.", origin="/other/a1.txt")
    assert store.put_article(elsewhere, _article(elsewhere)) == "unchanged"
    assert store.count_articles() == 1 and store.count_pending() == 1


def test_older_store_gains_the_unique_hash_index(tmp_path):
    from sqlalchemy import inspect, text
    db = str(tmp_path / "old.db")
    with open_store(db) as s:
        with s.engine.begin() as conn:
            conn.execute(text("DROP INDEX ux_raw_inputs_hash"))
            conn.execute(text("CREATE INDEX ix_raw_inputs_hash ON raw_inputs (hash)"))
            conn.execute(text("UPDATE store_meta SET value = '3' WHERE key = 'schema'"))
    with open_store(db) as s:
        names = {ix["name"]: ix["unique"] for ix in inspect(s.engine).get_indexes("raw_inputs")}
    assert names.get("ux_raw_inputs_hash") and "ix_raw_inputs_hash" not in names
