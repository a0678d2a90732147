"""The UI in a real headless browser, as a person uses it: Playwright driving the system's
Chromium (Debian's ``chromium`` package, launched by its path: browser downloads are not
possible here). Without a browser the tests skip, saying why; the rest of the suite still runs.

The story page's screenshot is kept as a test artefact under ``build/test-artifacts/``
(``$DRAGOMAN_TEST_ARTIFACTS`` to put it elsewhere).
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import warnings
from pathlib import Path

import pytest
from repo_paths import REPO
from sample_store import HOSTILE_ID, HOSTILE_TITLE

from dragoman.web import create_app

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
ARTIFACTS = Path(os.environ.get("DRAGOMAN_TEST_ARTIFACTS") or REPO / "build" / "test-artifacts")


def _skip(reason: str):
    # Shown in the warnings summary too: a skipped browser test is something CI should see.
    warnings.warn(f"browser tests skipped: {reason}", stacklevel=2)
    pytest.skip(reason)


def _executable() -> str | None:
    named = os.environ.get("DRAGOMAN_CHROMIUM")
    if named:
        return named
    return next((path for path in map(shutil.which, BROWSERS) if path), None)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _skip("playwright is not installed: pip install -e '.[test]'")
    executable = _executable()
    if executable is None:
        _skip("no Chromium found (apt-get install chromium, or set DRAGOMAN_CHROMIUM to its path)")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"], timeout=60_000)
        except Error as error:
            _skip(f"Chromium at {executable} would not start: {str(error).splitlines()[0]}")
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(store_db):
    """The app served by uvicorn on a free local port, for the browser to reach."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=site)
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


def test_story_page_shows_russian_turkish_and_english_columns_and_the_conflicts(page, moscow_story):
    page.goto(f"/stories/{moscow_story}")
    for lang, heading in (("ru", "Russian"), ("tr", "Turkish"), ("en", "English")):
        column = page.locator(f"section.column[lang={lang}]")
        assert column.is_visible() and heading in column.locator("h3").inner_text()
        assert column.locator("mark.evidence").count() > 0
    boxes = [page.locator(f"section.column[lang={lang}]").bounding_box() for lang in ("en", "ru")]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 5 and boxes[0]["x"] != boxes[1]["x"], "side by side, not stacked"
    conflicts = page.locator("table#conflicts")
    assert conflicts.is_visible()
    assert conflicts.locator("thead th").all_inner_texts() == ["Field", "Value", "Source", "Other value", "Other source"]
    assert conflicts.locator("tbody tr").count() > 0 and "2025-11-11" in conflicts.inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "story-page.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_following_an_entity_link_opens_its_page(page, moscow_story):
    page.goto(f"/stories/{moscow_story}")
    page.locator("table#events a[href='/entities/Q7747']").first.click()
    page.wait_for_url("**/entities/Q7747")
    assert page.locator("h1").inner_text() == "Vladimir Putin"
    assert page.locator("table.names td[lang=ru]").first.is_visible()
    assert page.locator("svg.chart").is_visible()


def test_a_search_in_russian_finds_an_english_article(page):
    page.goto("/")
    page.fill("#home-q", "Токаев и Путин подписали декларацию")
    page.press("#home-q", "Enter")
    page.wait_for_url("**/search?q=*")
    english = page.locator("a[href='/articles/01_en_moscow_visit_wire'], a[href='/articles/02_en_moscow_visit_reprint']")
    assert english.count() > 0
    english.first.click()
    assert page.locator("div.text[lang=en]").is_visible()


def test_a_script_in_a_title_renders_inert(page):
    page.goto(f"/articles/{HOSTILE_ID}")
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert page.evaluate("document.scripts.length") == 0 and page.locator("img").count() == 0
    page.goto("/")
    assert page.get_by_text(HOSTILE_TITLE).first.is_visible()
    page.wait_for_timeout(300)
    assert page.dialogs == [], "no dialog may fire"


# Faces of the style sheet's stacks (web/static/style.css) for Chinese and for Cyrillic.
CJK_FACES = {"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei"}
CYRILLIC_FACES = {"Noto Sans", "PT Sans", "Segoe UI", "DejaVu Sans", "Arial"}


def _faces(page, selector: str) -> set[str]:
    """The fonts Chromium really drew the element's text with."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return {font["familyName"] for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}


def test_chinese_and_cyrillic_text_is_drawn_with_fitting_fonts(page):
    import subprocess

    from sample_store import CHINESE_ID

    try:
        have_cjk = bool(subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout.strip())
    except OSError:
        have_cjk = False
    page.goto("/articles/03_ru_moscow_visit_tass")
    assert _faces(page, "div.text") <= CYRILLIC_FACES
    if not have_cjk:
        _skip("no Chinese font on this machine (apt-get install fonts-wqy-microhei): cannot check CJK text")
    page.goto(f"/articles/{CHINESE_ID}")
    assert _faces(page, "div.text") <= CJK_FACES
    assert _faces(page, "h1") <= CJK_FACES
