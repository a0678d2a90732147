"""The web API over a PostgreSQL store: the sample store ingested into the test server."""
from __future__ import annotations

import pytest
from postgres_db import fresh_database_url
from sample_store import ARABIC_ID, HOSTILE_ID, write_corpus

from dragoman.cli import main
from dragoman.web import create_app

from .conftest import TestClient

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_client(tmp_path_factory):
    url = fresh_database_url()
    inputs = write_corpus(tmp_path_factory.mktemp("pg-inputs"))
    assert main(["--db", url, "--quiet", "ingest", str(inputs)]) == 0
    with TestClient(create_app(url), raise_server_exceptions=False) as client:
        yield client


def test_articles_and_one_article(pg_client):
    items = pg_client.get("/api/v1/articles", params={"limit": 100}).json()["items"]
    ids = {item["id"] for item in items}
    assert {HOSTILE_ID, ARABIC_ID} <= ids
    article = pg_client.get(f"/api/v1/articles/{ARABIC_ID}").json()
    assert article["lang"] == "ar"


def test_story_told_in_three_languages(pg_client):
    stories = pg_client.get("/api/v1/stories", params={"lang": "tr"}).json()["items"]
    (story,) = [s for s in stories if {"en", "ru", "tr"} <= set(s["langs"])]
    detail = pg_client.get(f"/api/v1/stories/{story['id']}")
    assert detail.status_code == 200


def test_cross_lingual_search(pg_client):
    found = pg_client.get("/api/v1/search", params={"q": "Токаев и Путин подписали декларацию"}).json()
    english = {"01_en_moscow_visit_wire", "02_en_moscow_visit_reprint"}
    assert english & {a["article_id"] for a in found["articles"]}
    assert found["stories"]


def test_bad_parameter_is_422(pg_client):
    assert pg_client.get("/api/v1/articles", params={"since": "not a date"}).status_code == 422
