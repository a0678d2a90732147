"""One bounded GET: statuses, sizes, redirects, timeouts and URLs as a real server gives them."""
from __future__ import annotations

import time

import pytest
from watch_web import Reply

from dragoman.watch.fetch import FetchError, FetchOptions, ascii_url, fetch

QUICK = FetchOptions(connect_timeout=0.5, read_timeout=0.5)


def test_a_page_with_its_validators(web):
    url = web.serve("/a", Reply(body=b"<p>hello</p>", etag='"v1"', last_modified="Tue, 01 Apr 2025 09:00:00 GMT"))
    response = fetch(url, QUICK)
    assert (response.status, response.body, response.content_type, response.charset) == (
        200, b"<p>hello</p>", "text/html", "utf-8")
    assert (response.etag, response.last_modified) == ('"v1"', "Tue, 01 Apr 2025 09:00:00 GMT")
    assert fetch(url, QUICK, etag='"v1"').not_modified


@pytest.mark.parametrize("status, transient", [(404, False), (410, False), (500, True), (503, True), (429, True)])
def test_statuses_say_whether_trying_again_may_help(web, status, transient):
    url = web.serve("/x", Reply(status, b"no"))
    with pytest.raises(FetchError) as caught:
        fetch(url, QUICK)
    assert (caught.value.status, caught.value.transient) == (status, transient)
    assert caught.value.reason.startswith(f"HTTP {status}")


def test_retry_after_is_read(web):
    url = web.serve("/busy", Reply(503, headers={"Retry-After": "120"}))
    with pytest.raises(FetchError) as caught:
        fetch(url, QUICK)
    assert caught.value.retry_after == 120.0


def test_a_body_over_the_limit_is_refused(web):
    url = web.serve("/big", Reply(body=b"x" * 5000))
    with pytest.raises(FetchError) as caught:
        fetch(url, FetchOptions(max_bytes=1000, read_timeout=0.5))
    assert "over the 1000 bytes" in caught.value.reason and not caught.value.transient


def test_a_silent_server_times_out(web):
    url = web.serve("/slow", Reply(body=b"late", delay=1.5))
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch(url, QUICK)
    assert time.monotonic() - started < 1.4
    assert "timed out" in caught.value.reason and caught.value.transient


def test_redirects_are_followed_and_recorded(web):
    web.serve("/new", Reply(body=b"here"))
    web.serve("/temp", Reply(302, headers={"Location": "/new"}))
    url = web.serve("/old", Reply(301, headers={"Location": "/temp"}))
    response = fetch(url, QUICK)
    assert response.body == b"here" and response.final_url == web.url("/new")
    assert [code for code, _ in response.redirects] == [301, 302]
    assert response.moved_permanently_to is None  # one hop was temporary
    assert fetch(web.url("/temp"), QUICK).moved_permanently_to is None


def test_too_many_redirects_and_non_web_targets_are_refused(web):
    for n in range(8):
        web.serve(f"/hop{n}", Reply(302, headers={"Location": f"/hop{n + 1}"}))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(web.url("/hop0"), QUICK)
    web.serve("/file", Reply(302, headers={"Location": "file:///etc/passwd"}))
    with pytest.raises(FetchError, match="non-web address"):
        fetch(web.url("/file"), QUICK)


def test_non_ascii_addresses_are_sent_percent_encoded(web):
    web.serve("/новости/%E2%84%961", Reply(body=b"ok"))  # what the server sees
    web.routes["/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/%E2%84%961"] = web.routes.pop("/новости/%E2%84%961")
    assert fetch(web.url("/новости/№1"), QUICK).body == b"ok"
    assert ascii_url("https://пример.рф/a b") == "https://xn--e1afmkfd.xn--p1ai/a%20b"


@pytest.mark.parametrize("url", ["ftp://example.org/feed", "not a url", "http://127.0.0.1:99999/"])
def test_unusable_addresses_are_a_fetch_error(url):
    with pytest.raises(FetchError) as caught:
        fetch(url, QUICK)
    assert not caught.value.transient
