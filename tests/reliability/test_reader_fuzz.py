"""Fuzz the readers (issue 11): random and near-valid inputs of every format we read, through the
public entry point ``iter_inputs``. Each input yields RawDocuments or Rejections with a reason,
and nothing raises. 2000 examples in all."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.doc import RawDocument, Rejection
from dragoman.ingest import iter_inputs

SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

WORDS = st.sampled_from(["Putin", "Erdoğan", "Ankara", "встретился", "Токаев", "és", "&amp;", "<", ">",
                         "\x00", "\ufeff", "\u202e", "]]>", "&#0;", "&#xD800;", "\r\n", "\t", "—"])
TEXT = st.lists(WORDS, max_size=40).map(" ".join)

HTML = ("<html><head><meta charset='utf-8'><title>{t}</title></head><body><article><h1>{t}</h1>"
        "<p>{b}</p><p>{b}</p></article></body></html>")
RSS = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{t}</title><item>"
       "<title>{t}</title><link>https://example.org/a</link><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>"
       "<description>{b}</description></item></channel></rss>")
ATOM = ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>{t}</title>"
        "<entry><title>{t}</title><link href='https://example.org/b'/><updated>2025-03-03T10:00:00Z</updated>"
        "<content type='html'>{b}</content></entry></feed>")


def warc(body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/c\r\n"
            b"WARC-Date: 2025-03-03T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789012>\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: "
            + str(len(http)).encode() + b"\r\n\r\n")
    return head + http + b"\r\n\r\n"


@st.composite
def mutated(draw, valid: st.SearchStrategy[bytes]) -> bytes:
    data = bytearray(draw(valid))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = draw(st.integers(0, max(0, len(data) - 1))) if data else 0
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.binary(max_size=12))
        elif op == "delete" and data:
            del data[at:at + draw(st.integers(1, 20))]
    return bytes(data)


def read(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(iter_inputs([str(path)]))
    for item in items:
        assert isinstance(item, (RawDocument, Rejection)), item
        if isinstance(item, Rejection):
            assert item.reason and item.reason.strip()


def filled(template: str) -> st.SearchStrategy[bytes]:
    return st.builds(lambda t, b: template.format(t=t, b=b).encode("utf-8"), TEXT, TEXT)


@settings(max_examples=400, **SETTINGS)
@given(st.binary(max_size=600), st.sampled_from([".txt", ".html", ".jsonl", ".xml", ".rss", ".warc", ".gz"]))
def test_random_bytes(data, suffix):
    read(data, suffix)


@settings(max_examples=450, **SETTINGS)
@given(mutated(filled(HTML)))
def test_near_valid_html(data):
    read(data, ".html")


@settings(max_examples=400, **SETTINGS)
@given(mutated(st.lists(st.builds(
    lambda t, b, extra: json.dumps({"title": t, "text": b, "url": "https://example.org/d", **extra},
                                   ensure_ascii=False),
    TEXT, TEXT, st.dictionaries(st.sampled_from(["date", "lang", "source", "author", "id"]),
                                st.one_of(st.none(), st.integers(), TEXT, st.lists(st.integers(), max_size=2)),
                                max_size=3)), max_size=4).map(lambda rows: "\n".join(rows).encode("utf-8"))))
def test_near_valid_jsonl(data):
    read(data, ".jsonl")


@settings(max_examples=400, **SETTINGS)
@given(mutated(st.one_of(filled(RSS), filled(ATOM))), st.sampled_from([".xml", ".rss", ".atom"]))
def test_near_valid_feeds(data, suffix):
    read(data, suffix)


@settings(max_examples=350, **SETTINGS)
@given(mutated(filled(HTML).map(warc)))
def test_near_valid_warc(data):
    read(data, ".warc")
