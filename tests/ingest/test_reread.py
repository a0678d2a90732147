"""Stable ids, and rebuilding documents from stored raw bytes (``dragoman reprocess``)."""
from __future__ import annotations

import pytest

from dragoman.ingest import ReadError, reread
from dragoman.ingest.ids import entry_id

HTML_NEEDED = {"article.html", "article_cp1254.html", "crawl.warc.gz"}
SAMPLES = ["article.html", "article_cp1254.html", "articles.jsonl", "feed.rss", "feed_tr.atom", "crawl.warc.gz",
           "text_koi8r.txt", "text_utf16.txt", "text_hu.txt.gz"]


def _needs_extractor(name: str) -> None:
    if name in HTML_NEEDED:
        pytest.importorskip("dragoman.ingest.html_extract")


@pytest.mark.parametrize("name", SAMPLES)
def test_reread_rebuilds_every_document(run, data_dir, name):
    _needs_extractor(name)
    docs, _, _ = run(data_dir / name)
    assert docs
    for doc in docs:
        assert reread(doc.input_format, doc.raw, doc.origin, doc.id) == doc


@pytest.mark.parametrize("name", SAMPLES)
def test_ids_are_stable_across_runs(run, data_dir, name):
    _needs_extractor(name)
    first = [(d.id, d.hash) for d in run(data_dir / name)[0]]
    second = [(d.id, d.hash) for d in run(data_dir / name)[0]]
    assert first == second and len({i for i, _ in first}) == len(first)


def test_entry_ids():
    assert entry_id("https://News.Example.com/a?id=1#comments", b"x") == entry_id(" https://news.example.com/a?id=1", b"y")
    assert entry_id("https://news.example.com/a?id=1", b"x") != entry_id("https://news.example.com/a?id=2", b"x")
    assert entry_id(None, b"same body").startswith("content-")
    assert entry_id(None, b"same body") == entry_id("", b"same body")
    assert len(entry_id("https://x.example/", b"")) == len("url-") + 16


def test_same_article_in_feed_and_crawl_gets_one_id():
    assert entry_id("https://news.example.com/world/1", b"feed entry") == \
        entry_id("https://news.example.com/world/1", b"<html>crawled page</html>")


@pytest.mark.parametrize("fmt,raw", [("jsonl", b"{not json"), ("text", b""), ("rss", b"<rss><channel></channel></rss>"),
                                     ("warc", b"garbage"), ("pdf", b"%PDF")])
def test_reread_of_bad_bytes_raises_a_clear_error(fmt, raw):
    with pytest.raises(ReadError) as error:
        reread(fmt, raw, "stored:1", "some-id")
    assert error.value.origin == "stored:1" and str(error.value) == error.value.reason and error.value.reason
