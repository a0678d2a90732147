"""The HTML pages as a reader gets them, without a browser: what each page shows, that every
article field is escaped, and that every block of article text states its language."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from sample_store import ARABIC_ID, CHINESE_ID, HOSTILE_ID, HOSTILE_TITLE


class Page(HTMLParser):
    """The elements of a page: (tag, attributes, text inside up to the next tag)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict, list[str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), []))

    def handle_data(self, data):
        if self.elements:
            self.elements[-1][2].append(data)

    def having(self, tag: str, **attrs) -> list[tuple[dict, str]]:
        out = []
        for name, found, text in self.elements:
            if name == tag and all(cls in found.get(k.rstrip("_"), "").split() if k == "class_" else found.get(k) == v
                                   for k, v in attrs.items() for cls in ([v] if k == "class_" else [None])):
                out.append((found, "".join(text)))
        return out


def _page(client, url: str) -> tuple[str, Page]:
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text, Page(response.text)


def test_home_lists_the_latest_stories_with_languages_and_a_search_box(client, moscow_story):
    html, page = _page(client, "/")
    assert f'href="/stories/{moscow_story}"' in html
    assert {attrs.get("title") for attrs, _ in page.having("abbr", class_="lang")} >= {"Russian", "Turkish", "English"}
    assert page.having("form", action="/search") and page.having("input", name="q")


def test_story_page_sets_articles_side_by_side_with_events_and_conflicts(client, moscow_story):
    html, page = _page(client, f"/stories/{moscow_story}")
    columns = {attrs["data-lang"]: attrs for attrs, _ in page.having("section", class_="column")}
    assert {"en", "ru", "tr"} <= set(columns)
    assert all(attrs["lang"] == code and attrs["dir"] == "ltr" for code, attrs in columns.items())
    assert page.having("table", id="conflicts") and "2025-11-11" in html
    assert page.having("mark", class_="evidence"), "evidence sentences are highlighted"
    assert page.having("a", href="/entities/Q7747"), "participants link to their entity pages"
    assert page.having("ol", class_="timeline")


def test_hostile_title_is_shown_as_text_and_never_as_markup(client):
    for url in ("/", f"/articles/{HOSTILE_ID}", "/articles", "/search?q=Fidan%20Baerbock"):
        html, page = _page(client, url)
        assert "<script" not in html.lower(), url
        assert "onerror=" not in html.replace("onerror=alert(2)&gt;", ""), url
        assert not page.having("script") and not page.having("img"), url
    html, page = _page(client, f"/articles/{HOSTILE_ID}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert any(HOSTILE_TITLE in text for _, text in page.having("title"))
    assert "\\u202e" in html and "\u202e" not in html and "\x1b" not in html, "controls are shown, not obeyed"


@pytest.mark.parametrize("article_id,lang,direction", [(ARABIC_ID, "ar", "rtl"), (CHINESE_ID, "zh", "ltr"),
                                                       ("03_ru_moscow_visit_tass", "ru", "ltr")])
def test_article_text_states_its_language_and_direction(client, article_id, lang, direction):
    _html, page = _page(client, f"/articles/{article_id}")
    (attrs, _text), = page.having("div", class_="text")
    assert attrs["lang"] == lang and attrs["dir"] == direction
    (heading, _), = page.having("h1")
    assert heading["lang"] == lang and heading["dir"] == direction


def test_every_text_block_of_every_page_has_a_language(client, moscow_story):
    for url in ("/", f"/stories/{moscow_story}", f"/articles/{ARABIC_ID}", "/entities/Q7747", "/articles",
                "/timeline?actor=Tokayev&actor=Putin", "/search?q=Токаев"):
        _html, page = _page(client, url)
        assert page.having("html", lang="en")
        for attrs, _ in page.having("div", class_="text") + page.having("section", class_="column"):
            assert "lang" in attrs, (url, attrs)


def test_article_page_links_mentions_and_folds_the_removed_furniture(client):
    html, page = _page(client, "/articles/03_ru_moscow_visit_tass")
    assert page.having("a", class_="mention", href="/entities/Q7747")
    assert page.having("details", class_="furniture") and "Читайте также" in html
    assert page.having("mark", class_="evidence")


def test_entity_page_shows_names_in_every_script_a_timeline_relations_and_stories(client, moscow_story):
    html, page = _page(client, "/entities/Q7747")
    scripts = {attrs.get("lang") for attrs, _ in page.having("td")}
    assert {"ru", "kk", "en"} <= scripts
    assert "Путин" in html and page.having("svg", class_="chart")
    assert page.having("a", href="/entities/dm%3Akassym-jomart-tokayev")
    assert f'href="/stories/{moscow_story}"' in html


def test_timeline_page_charts_a_pair_of_actors_by_month(client):
    html, page = _page(client, "/timeline?actor=Tokayev&actor=Putin&since=2025&until=2025")
    assert page.having("svg", class_="chart") and page.having("rect", class_="bar")
    assert "2025-11" in html and "Vladimir Putin" in html


def test_search_in_russian_finds_english_articles_on_the_page(client):
    _html, page = _page(client, "/search?q=Токаев+и+Путин+подписали+декларацию")
    found = {attrs["href"] for attrs, _ in page.having("a") if attrs.get("href", "").startswith("/articles/")}
    assert found & {"/articles/01_en_moscow_visit_wire", "/articles/02_en_moscow_visit_reprint"}


@pytest.mark.parametrize("url,status", [("/stories/st-0000000000000000", 404), ("/articles/nope", 404),
                                        ("/no-such-page", 404), ("/articles?since=2025-13", 422),
                                        ("/entities?type=planet", 422)])
def test_errors_are_pages_with_a_message(client, url, status):
    response = client.get(url)
    assert response.status_code == status and response.headers["content-type"].startswith("text/html")
    assert '<p class="error">' in response.text and "Traceback" not in response.text


def test_no_page_loads_anything_from_elsewhere(client, moscow_story):
    for url in ("/", f"/stories/{moscow_story}", "/entities/Q7747"):
        _html, page = _page(client, url)
        for tag, attrs, _ in page.elements:
            for key in ("src", "href"):
                assert not attrs.get(key, "").startswith(("http:", "https:", "//")), (url, tag, attrs)
