"""HTML reader: decode the page with the charset it declares, then keep its main text.

Main-text extraction and page metadata are :mod:`dragoman.ingest.html_extract`'s job; this
module finds the right characters (BOM, HTTP charset, ``<meta charset>`` or
``http-equiv``, XML declaration, else detection) and turns the result into a
:class:`RawDocument` with :class:`Hints`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..doc import Hints, PendingExtraction, RawDocument, Rejection
from .dates import to_iso
from .encoding import NotText, decode
from .sources import HTML

# Browsers look for a charset declaration in the first 1024 bytes; pages padded with long
# scripts or comments put it later, so look further.
META_SCAN_BYTES = 8192
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
# Fewer words than this is navigation an extractor fell back on ("Home", "Menu Search"), not an
# article: even the shortest agency flash has a full sentence.
MIN_MAIN_TEXT_WORDS = 5
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its own markup, if any."""
    head = data[:META_SCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def decode_html(data: bytes, http_charset: str | None = None) -> tuple[str, str]:
    """Page bytes to text; the HTTP header's charset wins over the page's own declaration."""
    return decode(data, http_charset or declared_charset(data))


def read_html(data: bytes, origin: str, doc_id: str, *, url: str | None = None,
              http_charset: str | None = None, fallback_published: str | None = None,
              input_format: str = HTML, defer: bool = False) -> RawDocument | Rejection:
    """One HTML page as a :class:`RawDocument` (its main text), or why it cannot be one.

    ``defer``: decode the page but leave the main-text extraction, the costly part, to
    :func:`extract_pending` (in the process that analyses it)."""
    try:
        markup, encoding = decode_html(data, http_charset)
    except NotText as error:
        return Rejection(origin, str(error), input_format)
    if not markup.strip():
        return Rejection(origin, "empty HTML page", input_format)
    doc = RawDocument(id=doc_id, origin=origin, input_format=input_format, raw=data, text="", encoding=encoding,
                      pending=PendingExtraction(None, http_charset, url, fallback_published))
    return doc if defer else _extract(doc, doc.pending, markup)


def extract_pending(doc: RawDocument) -> RawDocument | Rejection:
    """``doc`` with its page's main text and metadata extracted (``doc`` itself if nothing is pending)."""
    pending = doc.pending
    if pending is None:
        return doc
    try:
        markup, _ = decode_html(pending.body if pending.body is not None else doc.raw, pending.http_charset)
    except NotText as error:  # decoded once already: only a changed document gets here
        return Rejection(doc.origin, str(error), doc.input_format)
    return _extract(doc, pending, markup)


def _extract(doc: RawDocument, pending: PendingExtraction, markup: str) -> RawDocument | Rejection:
    from .html_extract import extract_html

    try:
        extract = extract_html(markup, pending.url)
    except Exception as error:  # noqa: BLE001 - one broken page must not stop the batch
        return Rejection(doc.origin, f"malformed HTML: {error.__class__.__name__}: {error}", doc.input_format)
    text = (extract.text or "").strip() if extract is not None else ""
    if len(text.split()) < MIN_MAIN_TEXT_WORDS:
        return Rejection(doc.origin, "no main text found in HTML", doc.input_format)
    hints = Hints(title=extract.title or None, published=to_iso(extract.published) or pending.fallback_published,
                  author=extract.author or None, source=extract.source or None,
                  lang=extract.lang or None, url=pending.url)
    return replace(doc, text=extract.text, hints=hints, pending=None)


# Elements after which a fragment's text starts a new paragraph.
_BLOCKS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table",
           "section", "article", "figure", "figcaption", "pre", "dd", "dt")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def fragment_text(fragment: str) -> str:
    """The text of a short HTML fragment (a feed summary, a JSON ``content`` value), with
    paragraphs kept apart; scripts and styles are dropped, never run."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment.strip()
    for element in root.xpath(".//script|.//style|.//noscript|.//template"):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    lines = [_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
