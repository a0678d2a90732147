"""The query functions of the service layer over a store holding the seeds: any spelling finds
an entity, filters work, stories and search answer across languages. They return dataclasses;
the CLI only renders them (its rendering is checked once per command at the end)."""
from __future__ import annotations

import pytest

from dragoman import service
from dragoman.cli import EXIT_OK, main
from dragoman.errors import InvalidArgument, NotFound

TOKAYEV_ARTICLES = {"000_d15de28459bfb107", "001_c31b014b0eb8a9de", "002_6f194461a102c84f", "003_f67958c7595deab4"}


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory, seeds_dir):
    db = str(tmp_path_factory.mktemp("queries") / "seeds.db")
    assert main(["--db", db, "--quiet", "ingest", str(seeds_dir / "*.txt")]) == EXIT_OK
    return db


@pytest.fixture
def session(seeds_db):
    with service.open_session(seeds_db) as session:
        yield session


@pytest.mark.parametrize("spelling", ["Tokayev", "Tokajev", "Токаеву", "Kasım Cömert Tokayev", "Tokajew"])
def test_entity_by_any_spelling(session, spelling):
    entity = service.entity_detail(session, spelling)
    assert entity.name == "Kassym-Jomart Tokayev" and entity.type == "person" and entity.in_knowledge_base
    assert {a.article_id for a in entity.articles} >= TOKAYEV_ARTICLES
    assert sum(entity.mentions_by_lang.values()) == sum(a.mentions for a in entity.articles)
    assert "ru" in entity.names and any("Токаев" in name for name in entity.names["ru"])


def test_unknown_entity_is_not_found(session):
    with pytest.raises(NotFound, match="no entity called"):
        service.entity_detail(session, "Xyzzy Plugh")


def test_entities_filtered_by_type_and_language(session):
    rows = service.list_entities(session, type="person", lang="hu")
    names = [row.name for row in rows]
    assert "Vladimir Putin" in names and "Kazakhstan" not in names
    assert all(row.type == "person" for row in rows)
    assert [row.mentions for row in rows] == sorted((row.mentions for row in rows), reverse=True)


@pytest.mark.parametrize("field,call", [
    ("type", lambda s: service.list_entities(s, type="planet")),
    ("limit", lambda s: service.list_entities(s, limit=0)),
    ("since", lambda s: service.list_events(s, since="2025-02-30")),
    ("until", lambda s: service.list_events(s, until="2025-13")),
    ("query", lambda s: service.search(s, "   ")),
])
def test_bad_arguments_name_their_field(session, field, call):
    with pytest.raises(InvalidArgument) as caught:
        call(session)
    assert caught.value.field == field


@pytest.mark.parametrize("actor", ["Putin", "Putyin", "Путин"])
def test_events_by_actor_in_any_script(session, actor):
    rows = service.list_events(session, actor=actor)
    assert rows and all("Vladimir Putin" in row.event.participants for row in rows)
    assert any(row.event.date == "2025-11-12" and row.event.place == "Moscow" for row in rows)
    assert not any(row.event.place == "Bishkek" for row in rows)


def test_events_by_type_and_dates(session):
    rows = service.list_events(session, type="award", since="2025-08", until="2025-08-31")
    assert rows and all(row.event.type == "award" and row.event.date.startswith("2025-08") for row in rows)
    assert any("Sadyr Japarov" in row.event.participants and row.event.place == "Bishkek" for row in rows)
    assert service.list_events(session, since="2026") == []


def test_events_come_in_date_order(session):
    dates = [row.event.date or "9999" for row in service.list_events(session)]
    assert dates == sorted(dates)


def test_facts_by_actor(session):
    rows = service.list_facts(session, actor="Japarov")
    values = {(row.fact.value, row.fact.unit) for row in rows}
    assert (3_000_000_000, "USD") in values
    assert not any(row.fact.value == 27_800_000_000 for row in rows)


def test_stories_story_and_search(session):
    stories = service.list_stories(session)
    assert len(stories) == 4
    pair = next(s for s in stories if s.n_articles == 2)
    assert sorted(pair.langs) == ["en", "tr"]
    detail = service.story_detail(session, pair.id)
    assert {c.field for c in detail.conflicts} >= {"place"}
    assert {c.value for c in detail.conflicts} | {c.other_value for c in detail.conflicts} >= {"Astana", "Samarkand"}
    result = service.search(session, "vize kolaylaştırma müzakereleri AB")
    # Both visa-talk reports (and the translation of one) rank above the Moscow and Bishkek visits.
    assert {hit.article_id for hit in result.articles[:3]} == {
        "000_d15de28459bfb107", "001_c31b014b0eb8a9de", "004_527c46586243e368"}
    assert result.stories and result.stories[0].story_id == pair.id
    with pytest.raises(NotFound, match="no story"):
        service.story_detail(session, "st-nope")


@pytest.mark.parametrize("argv,expected", [
    (["entity", "Tokayev"], "Kassym-Jomart Tokayev (person"), (["entities", "--type", "person"], "Vladimir Putin"),
    (["events", "--actor", "Putin"], "Moscow"), (["facts", "--actor", "Japarov"], "3,000,000,000"),
    (["stories"], "en,tr"), (["search", "Tokayev"], "Articles"),
])
def test_the_cli_renders_what_the_service_returns(seeds_db, capsys, monkeypatch, argv, expected):
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["--db", seeds_db, *argv]) == EXIT_OK
    out, err = capsys.readouterr()
    assert expected in out and "Traceback" not in out + err
