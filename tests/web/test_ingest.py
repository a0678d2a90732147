"""POST /api/v1/ingest on a server started with --allow-ingest: a JSON record or a file upload
goes through the whole pipeline and is readable at once; bad bodies are 422."""
from __future__ import annotations

import warnings

import pytest

pytest.importorskip("multipart", reason="python-multipart is not installed: pip install -e '.[test]'")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from dragoman.web import create_app  # noqa: E402

RECORD = {"url": "https://example.org/news/tokayev-mirziyoyev",
          "title": "Tokayev and Mirziyoyev discuss water sharing in Tashkent",
          "text": "TASHKENT, 14 March 2025 - President Kassym-Jomart Tokayev and President Shavkat Mirziyoyev "
                  "met in Tashkent on Friday and agreed to share water from the Syr Darya.",
          "lang": "en"}
UPLOAD = ("Токаев и Мирзиёев обсудили воду\n\nТАШКЕНТ, 14 марта 2025 года. Президент Казахстана Касым-Жомарт "
          "Токаев и президент Узбекистана Шавкат Мирзиёев провели переговоры в Ташкенте.\n")


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("ingest") / "new.db")
    with TestClient(create_app(db, allow_ingest=True), raise_server_exceptions=False) as client:
        yield client


def test_a_json_record_is_stored_linked_and_readable(writable):
    response = writable.post("/api/v1/ingest", json=RECORD)
    assert response.status_code == 200, response.text
    outcome = response.json()
    assert outcome["added"] == 1 and outcome["total_articles"] == 1
    (article_id,) = outcome["article_ids"]
    article = writable.get(f"/api/v1/articles/{article_id}").json()
    assert article["origin"] == RECORD["url"] and article["title"] == RECORD["title"] and article["story"]
    again = writable.post("/api/v1/ingest", json=RECORD).json()
    assert again["unchanged"] == 1 and again["article_ids"] == [article_id]


def test_an_uploaded_file_is_read_as_ingest_reads_it(writable):
    response = writable.post("/api/v1/ingest", files={"file": ("../../etc/Ташкент водa.txt", UPLOAD.encode(), "text/plain")})
    assert response.status_code == 200, response.text
    (article_id,) = response.json()["article_ids"]
    article = writable.get(f"/api/v1/articles/{article_id}").json()
    assert article["lang"] == "ru" and "etc" not in article_id and "/" not in article_id
    stories = writable.get("/api/v1/stories").json()["items"]
    assert any({"en", "ru"} <= set(s["langs"]) for s in stories), "the Russian report joins the English one"


def test_an_unreadable_upload_is_reported_not_stored(writable):
    response = writable.post("/api/v1/ingest", files={"file": ("blob.txt", b"\x00\x01\x02" * 50, "text/plain")})
    assert response.status_code == 200
    outcome = response.json()
    assert outcome["added"] == 0 and outcome["rejected"] and outcome["rejected"][0]["reason"]


@pytest.mark.parametrize("kwargs,field", [
    ({"json": {"url": "https://example.org/only-a-url"}}, "text"),
    ({"json": {"text": ""}}, "text"),
    ({"json": {"text": "x", "lang": "x" * 40}}, "lang"),
    ({"content": b"not json", "headers": {"content-type": "application/json"}}, "body"),
    ({"content": b"text=hello", "headers": {"content-type": "text/plain"}}, "body"),
    ({"files": {"other": ("a.txt", b"hello", "text/plain")}}, "file"),
])
def test_bad_bodies_are_422_naming_the_field(writable, kwargs, field):
    response = writable.post("/api/v1/ingest", **kwargs)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == field
