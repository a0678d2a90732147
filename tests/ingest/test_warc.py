"""WARC: every HTML response record, with the page's date first and WARC-Date as fallback."""
from __future__ import annotations

import pytest

pytest.importorskip("dragoman.ingest.html_extract")

from dragoman.ingest import reread  # noqa: E402


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl_plain.warc"])
def test_html_responses_only(run, data_dir, builder, name):
    docs, rejections, _ = run(data_dir / name)
    assert [d.origin for d in docs] == ["https://news.example.com/world/1", "https://novosti.example.ru/politika/2"]
    english, russian = docs
    assert english.input_format == "warc" and english.hints.url == english.origin
    assert english.hints.published.startswith("2025-04-03")  # the page's own date, not the crawl's
    assert russian.encoding == "cp1251" and builder.SENTENCES["ru"] in russian.text
    assert russian.hints.published == "2025-04-04T06:00:00+00:00"  # no date in the page: WARC-Date
    # The menu page has no article; the image, the request and the redirect are not pages.
    assert [(r.origin, r.reason) for r in rejections] == [("https://news.example.com/menu",
                                                           "no main text found in HTML")]


def test_truncated_warc_keeps_records_read(run, data_dir):
    docs, rejections, _ = run(data_dir / "crawl_truncated.warc.gz")
    assert [d.origin for d in docs] == ["https://news.example.com/world/1", "https://novosti.example.ru/politika/2"]
    assert len(rejections) == 1 and "the rest of the file is lost" in rejections[0].reason
    assert rejections[0].reason.startswith("truncated")


def test_truncated_plain_warc(run, data_dir, tmp_path):
    data = (data_dir / "crawl_plain.warc").read_bytes()
    cut = data.index(b"novosti.example.ru") + 400  # inside the second article's body
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:cut])
    docs, rejections, _ = run(path)
    assert [d.origin for d in docs] == ["https://news.example.com/world/1"]
    assert rejections[0].reason.startswith("truncated WARC")


def test_not_a_warc(run, tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("This is not an archive at all.\n", encoding="utf-8")
    docs, rejections, _ = run(path)
    assert not docs and rejections[0].reason.startswith("not a readable WARC file")


def test_record_over_the_limit(run, data_dir):
    docs, rejections, _ = run(data_dir / "crawl.warc.gz", max_bytes=400)
    assert not docs
    over = [r for r in rejections if "over the 0.4 KB limit (--max-size)" in r.reason]
    assert [r.origin for r in over] == ["https://news.example.com/world/1", "https://novosti.example.ru/politika/2"]


def test_stored_record_rereads_identically(run, data_dir):
    docs, _, _ = run(data_dir / "crawl.warc.gz")
    for doc in docs:
        again = reread(doc.input_format, doc.raw, doc.origin, doc.id)
        assert again == doc


def _warc_with(records) -> bytes:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, headers, payload in records:
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http,
                                                      warc_headers_dict={"WARC-Date": "2025-04-05T00:00:00Z"}))
    return buffer.getvalue()


def test_compressed_and_chunked_bodies(run, tmp_path, builder):
    import gzip

    page = builder.article_html().encode("utf-8")
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (page[:500], page[500:])) + b"0\r\n\r\n"
    data = _warc_with([
        ("https://x.example/gz", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], gzip.compress(page)),
        ("https://x.example/chunked", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], chunked),
    ])
    path = tmp_path / "encoded.warc.gz"
    path.write_bytes(data)
    docs, rejections, _ = run(path)
    assert not rejections
    assert [d.origin for d in docs] == ["https://x.example/gz", "https://x.example/chunked"]
    assert all("rail freight corridor" in d.text for d in docs)
    for doc in docs:
        assert reread(doc.input_format, doc.raw, doc.origin, doc.id) == doc


def test_whole_file_gzip_and_sniffed_name(run, tmp_path, data_dir):
    import gzip

    plain = (data_dir / "crawl_plain.warc").read_bytes()
    path = tmp_path / "crawl-2025-04-04"  # no extension: sniffed
    path.write_bytes(gzip.compress(plain))  # one gzip member for the whole file
    docs, _, _ = run(path)
    assert [d.origin for d in docs] == ["https://news.example.com/world/1", "https://novosti.example.ru/politika/2"]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl_plain.warc"])
def test_deferred_records_complete_to_what_an_eager_read_gives(data_dir, name):
    from dragoman.doc import RawDocument
    from dragoman.ingest import IngestOptions, complete, iter_inputs

    path = [str(data_dir / name)]
    eager = list(iter_inputs(path))
    deferred = list(iter_inputs(path, IngestOptions(defer_extraction=True)))
    completed = [complete(item) if isinstance(item, RawDocument) else item for item in deferred]
    # The menu page's rejection comes when its extraction is done, in the same place.
    assert completed == eager
    assert all(item.raw == done.raw for item, done in zip(deferred, eager) if isinstance(done, RawDocument))
