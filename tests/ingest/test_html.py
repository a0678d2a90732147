"""HTML files: charset from BOM, <meta>, http-equiv or detection; hints from the page."""
from __future__ import annotations

import pytest

pytest.importorskip("dragoman.ingest.html_extract")

from dragoman.doc import RawDocument, Rejection  # noqa: E402
from dragoman.ingest import IngestOptions, complete, iter_inputs  # noqa: E402
from dragoman.ingest.html import declared_charset, decode_html, fragment_text, read_html  # noqa: E402


def test_utf8_page_with_metadata(run, data_dir):
    docs, rejections, _ = run(data_dir / "article.html")
    assert not rejections
    doc = docs[0]
    assert doc.id == "article" and doc.input_format == "html"
    assert "rail freight corridor" in doc.text
    assert "All rights reserved" not in doc.text and "Business" not in doc.text
    assert doc.hints.title and "Ministers discuss trade" in doc.hints.title
    assert doc.hints.published.startswith("2025-04-03")
    assert doc.hints.lang == "en"
    assert doc.raw == (data_dir / "article.html").read_bytes()


def test_legacy_charset_declared_with_http_equiv(run, data_dir, builder):
    docs, _, _ = run(data_dir / "article_cp1254.html")
    assert docs[0].encoding == "cp1254"
    assert builder.PARAGRAPHS["tr"] in docs[0].text
    assert docs[0].hints.title == "Bakanlar görüştü"


@pytest.mark.parametrize("lang,encoding,label", [("tr", "cp1254", None), ("hu", "iso8859-2", None),
                                                 ("ru", "koi8-r", "koi8-r"), ("ru", "cp1251", "windows-1251")])
def test_page_charsets(builder, lang, encoding, label):
    page = builder.article_html([builder.PARAGRAPHS[lang], builder.SENTENCES[lang], builder.PARAGRAPHS[lang]],
                                charset=label or "", lang=lang)
    if label is None:
        page = page.replace('<meta charset="">', "")  # undeclared: detection must find it
    doc = read_html(page.encode(encoding), "page.html", "page")
    assert builder.SENTENCES[lang] in doc.text


def test_bom_beats_meta(builder):
    page = builder.article_html([builder.PARAGRAPHS["hu"]] * 3, charset="iso-8859-2")
    text, used = decode_html(b"\xef\xbb\xbf" + page.encode("utf-8"))
    assert used == "utf-8" and builder.PARAGRAPHS["hu"] in text


def test_declared_charset_forms():
    assert declared_charset(b'<meta charset="windows-1251">') == "windows-1251"
    assert declared_charset(b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-2'>") == "ISO-8859-2"
    assert declared_charset(b'<?xml version="1.0" encoding="koi8-r"?><html>') == "koi8-r"
    assert declared_charset(b"<html><p>charset nowhere</p>") is None


def test_page_without_main_text_is_rejected(run, data_dir):
    _, rejections, _ = run(data_dir / "no_text.html")
    assert rejections[0].reason == "no main text found in HTML"


@pytest.mark.parametrize("markup", ["<html><body><div><p>unclosed <b>tags", "<<<>>>", "<html></html>"])
def test_malformed_html_never_raises(markup):
    result = read_html(markup.encode("utf-8"), "bad.html", "bad")
    assert result.origin == "bad.html"


def test_fragment_text_keeps_paragraphs_and_drops_scripts():
    html = "<p>First <b>bold</b> line.</p><script>alert(1)</script><p>Second<br>line &amp; more</p>"
    assert fragment_text(html) == "First bold line.\n\nSecond\nline & more"


def test_html_nested_deeper_than_libxml_limit_keeps_its_text(tmp_path):
    """Issue 11: nesting deeper than ~255 elements was rejected as 'no main text found'."""
    from dragoman.doc import Rejection
    from dragoman.ingest import iter_inputs

    body = ("<p>Kazakh President Kassym-Jomart Tokayev met the Turkish president in Ankara on Monday. "
            "The two sides signed agreements on trade, transport and energy cooperation.</p>") * 4
    path = tmp_path / "deep.html"
    path.write_text("<html><head><title>Deep</title></head><body>" + "<div>" * 400 + body
                    + "</div>" * 400 + "</body></html>", encoding="utf-8")
    [item] = list(iter_inputs([str(path)]))
    assert not isinstance(item, Rejection), item
    assert "Kassym-Jomart Tokayev" in item.text


@pytest.mark.parametrize("name", ["article.html", "article_cp1254.html"])
def test_a_deferred_page_completes_to_what_an_eager_read_gives(data_dir, name):
    data = (data_dir / name).read_bytes()
    pending = read_html(data, name, "page", defer=True)
    assert isinstance(pending, RawDocument) and pending.pending is not None and pending.text == ""
    eager = read_html(data, name, "page")
    assert (pending.hash, pending.encoding) == (eager.hash, eager.encoding)  # final before extraction
    done = complete(pending)
    assert done == eager and done.pending is None
    assert complete(eager) is eager  # nothing pending: unchanged


def test_a_deferred_page_without_main_text_is_rejected_when_completed(data_dir):
    pending = read_html((data_dir / "no_text.html").read_bytes(), "no_text.html", "no_text", defer=True)
    rejected = complete(pending)
    assert isinstance(rejected, Rejection) and rejected.reason == "no main text found in HTML"


def test_undecodable_pages_are_rejected_at_once_even_when_extraction_is_deferred():
    assert isinstance(read_html(b"   ", "blank.html", "blank", defer=True), Rejection)


def test_iter_inputs_defers_extraction_when_asked(data_dir):
    paths = [str(data_dir / "article.html")]
    deferred = list(iter_inputs(paths, IngestOptions(defer_extraction=True)))
    assert deferred[0].pending is not None
    assert complete(deferred[0]) == list(iter_inputs(paths))[0]
