"""Every endpoint of /api/v1, as a client would call it: shapes, filters, pages, CSV, errors."""
from __future__ import annotations

import csv
import io

import pytest
from sample_store import ARABIC_ID, HOSTILE_ID, HOSTILE_TITLE

LISTINGS = ["/api/v1/articles", "/api/v1/stories", "/api/v1/entities", "/api/v1/events", "/api/v1/facts"]


def _walk(client, url, params):
    """Every row of a listing, following next_cursor page by page."""
    rows, cursor, pages = [], None, 0
    while True:
        body = client.get(url, params={**params, **({"cursor": cursor} if cursor else {})}).json()
        rows.extend(body["items"])
        pages += 1
        cursor = body["next_cursor"]
        if not cursor:
            return rows, pages


@pytest.mark.parametrize("url", LISTINGS)
def test_listings_page_with_cursors_without_repeating_or_losing_rows(client, url):
    everything = client.get(url, params={"limit": 500}).json()["items"]
    assert everything, f"{url} is empty on the sample store"
    paged, pages = _walk(client, url, {"limit": 2})
    assert paged == everything
    assert pages == -(-len(everything) // 2)  # a last page that happens to be full has no next cursor


@pytest.mark.parametrize("url", LISTINGS)
def test_listings_link_to_their_next_page(client, url):
    response = client.get(url, params={"limit": 1})
    cursor = response.json()["next_cursor"]
    assert cursor and f"cursor={cursor}" in response.headers["link"] and 'rel="next"' in response.headers["link"]


@pytest.mark.parametrize("url,params", [(url, {}) for url in LISTINGS] + [("/api/v1/search", {"q": "Putin"})])
def test_listings_come_as_csv(client, url, params):
    response = client.get(url, params={**params, "format": "csv", "limit": 100})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and all(row for row in rows)


def test_csv_keeps_hostile_titles_as_text(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/articles", params={"format": "csv"}).text)))
    assert any(row["title"] == HOSTILE_TITLE for row in rows)


def test_articles_filtered(client):
    get = lambda **params: [a["id"] for a in client.get("/api/v1/articles", params=params).json()["items"]]  # noqa: E731
    assert get(lang="ru") == ["03_ru_moscow_visit_tass"]
    assert "03_ru_moscow_visit_tass" in get(q="путин") and "03_ru_moscow_visit_tass" in get(q="Путин")
    assert set(get(q="declaration Moscow")) == {"01_en_moscow_visit_wire", "02_en_moscow_visit_reprint"}
    november = get(since="2025-11", until="2025-11-30")
    assert "06_tr_moscow_visit_aa" in november and HOSTILE_ID not in november
    assert get(source="TASS") == ["03_ru_moscow_visit_tass"]
    dates = [a["published"] or "" for a in client.get("/api/v1/articles").json()["items"]]
    assert dates == sorted(dates, reverse=True)


def test_article_carries_text_entities_events_story_copies_and_conflicts(client):
    article = client.get("/api/v1/articles/02_en_moscow_visit_reprint").json()
    assert article["lang"] == "en" and "Tokayev" in article["text"]
    mention = next(m for m in article["mentions"] if m["entity_id"] == "Q7747")
    assert article["text"][mention["start"]:mention["end"]] == mention["surface"]
    assert any(e["type"] == "agreement" and e["evidence"] for e in article["events"])
    assert article["story"] and article["duplicate_of"] == "01_en_moscow_visit_wire"
    assert "02_en_moscow_visit_reprint" in client.get("/api/v1/articles/01_en_moscow_visit_wire").json()["duplicates"]
    german = client.get("/api/v1/articles/05_de_moscow_visit").json()
    assert any(c["field"] == "date" for c in german["conflicts"])
    assert german["removed"] or german["facts"]


def test_story_carries_articles_by_language_events_conflicts_and_timeline(client, moscow_story):
    story = client.get(f"/api/v1/stories/{moscow_story}").json()
    assert {"en", "ru", "tr"} <= set(story["articles_by_lang"])
    assert [a["id"] for a in story["articles_by_lang"]["ru"]] == ["03_ru_moscow_visit_tass"]
    agreement = next(e for e in story["events"] if e["type"] == "agreement")
    assert {"en", "ru", "tr"} <= set(agreement["langs"]) and agreement["place"] == "Moscow"
    assert {ev["article_id"] for ev in agreement["evidence"]} >= {"03_ru_moscow_visit_tass", "06_tr_moscow_visit_aa"}
    assert any(c["field"] == "date" for c in story["conflicts"])
    days = [e["date"] for e in story["timeline"]]
    assert days and days == sorted(days)


def test_stories_filtered(client, moscow_story):
    ids = lambda **params: [s["id"] for s in client.get("/api/v1/stories", params=params).json()["items"]]  # noqa: E731
    assert moscow_story in ids(actor="Путин") and moscow_story in ids(lang="kk") and moscow_story in ids(since="2025")
    assert moscow_story not in ids(lang="ar") and moscow_story not in ids(until="2025-10")
    assert ids(since="2026") == []


def test_entities_and_one_entity(client):
    people = client.get("/api/v1/entities", params={"type": "person"}).json()["items"]
    assert people and all(p["type"] == "person" for p in people)
    assert [p["mentions"] for p in people] == sorted((p["mentions"] for p in people), reverse=True)
    assert [e["id"] for e in client.get("/api/v1/entities", params={"q": "putin"}).json()["items"]] == ["Q7747"]
    putin = client.get("/api/v1/entities/Путин").json()
    assert putin["id"] == "Q7747" and "ru" in putin["names"] and putin["mentions_by_lang"]["ru"] > 0
    assert any("Путин" in name for name in putin["written"]["ru"])
    assert "dm:kassym-jomart-tokayev" in [r["id"] for r in putin["related"]]
    assert putin["stories"] and putin["timeline"]["events"]


def test_events_facts_and_a_pair_timeline(client):
    events = client.get("/api/v1/events", params={"actor": "Tokayev", "type": "agreement", "limit": 500}).json()
    assert events["items"] and all(r["event"]["type"] == "agreement" for r in events["items"])
    assert all("Kassym-Jomart Tokayev" in r["event"]["participants"] for r in events["items"])
    facts = client.get("/api/v1/facts", params={"actor": "Putin", "limit": 500}).json()["items"]
    assert facts and all(f["fact"]["unit"] for f in facts)
    pair = client.get("/api/v1/timeline", params=[("actor", "Tokayev"), ("actor", "Putin")]).json()
    assert [a["name"] for a in pair["actors"]] == ["Kassym-Jomart Tokayev", "Vladimir Putin"]
    assert any(m["month"] == "2025-11" and m["events"] > 0 for m in pair["months"])
    assert sum(m["events"] for m in pair["months"]) + pair["undated"] == len(pair["events"])


def test_search_in_russian_finds_english_articles(client):
    found = client.get("/api/v1/search", params={"q": "Токаев и Путин подписали декларацию"}).json()
    assert "01_en_moscow_visit_wire" in [a["article_id"] for a in found["articles"]] or \
        "02_en_moscow_visit_reprint" in [a["article_id"] for a in found["articles"]]
    assert found["stories"]
    only_english = client.get("/api/v1/search", params={"q": "Токаев Путин", "lang": "en"}).json()["articles"]
    assert only_english and all(a["lang"] == "en" for a in only_english)


@pytest.mark.parametrize("url,field", [
    ("/api/v1/articles?limit=0", "limit"), ("/api/v1/articles?limit=501", "limit"),
    ("/api/v1/articles?limit=many", "limit"), ("/api/v1/articles?since=2025-02-30", "since"),
    ("/api/v1/articles?until=yesterday", "until"), ("/api/v1/articles?cursor=not-a-cursor", "cursor"),
    ("/api/v1/articles?lang=Russian", "lang"), ("/api/v1/articles?format=xml", "format"),
    ("/api/v1/stories?cursor=WyJ4Il0", "cursor"), ("/api/v1/stories?since=2025-13", "since"),
    ("/api/v1/entities?type=planet", "type"), ("/api/v1/entities?cursor=WzEsMl0", "cursor"),
    ("/api/v1/events?type=party", "type"), ("/api/v1/events?all=perhaps", "all"),
    ("/api/v1/facts?cursor=WyJhIl0", "cursor"), ("/api/v1/search", "q"), ("/api/v1/search?q=", "q"),
    ("/api/v1/search?q=%20%20", "query"), ("/api/v1/timeline", "actor"),
    ("/api/v1/timeline?actor=a&actor=b&actor=c&actor=d&actor=e", "actor"),
])
def test_bad_parameters_are_422_naming_the_field(client, url, field):
    response = client.get(url)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["status"] == 422 and error["field"] == field and error["message"]


@pytest.mark.parametrize("url", ["/api/v1/articles/no-such-article", "/api/v1/stories/st-0000000000000000",
                                 "/api/v1/entities/Xyzzy%20Plugh", "/api/v1/no-such-endpoint"])
def test_missing_things_are_404_json(client, url):
    response = client.get(url)
    assert response.status_code == 404 and response.json()["error"]["message"]


def test_ingest_is_off_unless_asked_for(client):
    response = client.post("/api/v1/ingest", json={"text": "Tokayev met Putin."})
    assert response.status_code == 403 and "--allow-ingest" in response.json()["error"]["message"]


def test_every_endpoint_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert set(schema["paths"]) >= {"/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/stories",
                                    "/api/v1/stories/{story_id}", "/api/v1/entities", "/api/v1/entities/{entity_id}",
                                    "/api/v1/events", "/api/v1/facts", "/api/v1/search", "/api/v1/timeline",
                                    "/api/v1/ingest"}
    for path in LISTINGS:
        names = {p["name"] for p in schema["paths"][path]["get"]["parameters"]}
        assert {"cursor", "limit", "format"} <= names
        assert "422" in schema["paths"][path]["get"]["responses"]


def test_answers_carry_a_strict_content_security_policy(client):
    for url in ("/api/v1/articles", "/", f"/articles/{ARABIC_ID}", "/no-such-page"):
        policy = client.get(url).headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src" not in policy and "unsafe-inline" not in policy


def test_a_bug_is_a_500_with_a_message_not_a_traceback(client, monkeypatch):
    from dragoman.service import browse

    def broken(*_args, **_kwargs):
        raise RuntimeError("secret internals")
    monkeypatch.setattr(browse, "article_page", broken)
    monkeypatch.setattr(browse, "story_page", broken)
    response = client.get("/api/v1/articles")
    assert response.status_code == 500 and response.headers["content-security-policy"]
    message = response.json()["error"]["message"]
    assert "RuntimeError" in message and "secret internals" not in message and "Traceback" not in response.text
    page = client.get("/")
    assert page.status_code == 500 and "Traceback" not in page.text and "secret" not in page.text


def _stamps(db: str) -> dict[str, int]:
    from pathlib import Path

    files = [Path(db), Path(db + "-wal")] + sorted(Path(db + ".index").rglob("*"))
    return {str(path): path.stat().st_mtime_ns for path in files if path.is_file()}


def test_reading_the_api_and_the_pages_writes_nothing(client, store_db, moscow_story):
    before = _stamps(store_db)
    for url in ("/api/v1/articles", "/api/v1/stories", f"/api/v1/stories/{moscow_story}", "/api/v1/entities/Q7747",
                "/api/v1/events", "/api/v1/facts", "/api/v1/search?q=Putin", "/", f"/stories/{moscow_story}",
                "/entities/Q7747", "/timeline?actor=Putin"):
        assert client.get(url).status_code == 200, url
    assert _stamps(store_db) == before
