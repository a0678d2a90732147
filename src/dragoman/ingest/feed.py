"""RSS and Atom reader (feedparser): one article per entry.

Each entry's ``raw`` is a complete one-entry feed: the feed's own header (title, language)
plus that entry's XML, cut out of the original with lxml. Reprocessing then parses exactly
what ingest parsed, without the rest of the feed. When the XML is too broken to cut (feedparser
recovers from more than lxml does), the entry's fields are kept as a JSON object instead.
"""
from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from typing import Any

from ..doc import Hints, RawDocument, Rejection
from .dates import to_iso
from .encoding import NotText, decode
from .html import fragment_text
from .ids import entry_id
from .sources import FEED

# Element names (without namespace) that hold one entry, in RSS 0.9x/2.0, RSS 1.0 and Atom.
ENTRY_TAGS = ("item", "entry")
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=""")
_MARKUP_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


class FeedError(ValueError):
    """A payload that is not a readable feed."""


def iter_feed(data: bytes, origin: str) -> Iterator[RawDocument | Rejection]:
    """Every entry of an RSS/Atom payload as a :class:`RawDocument` (entries without any text
    are rejected one by one), or one :class:`Rejection` when the feed cannot be read."""
    try:
        data = _declared_or_utf8(data)
        parsed = _parse(data)
    except (FeedError, NotText) as error:
        yield Rejection(origin, str(error), FEED)
        return
    payloads = _entry_payloads(data, len(parsed.entries))
    channel = parsed.get("feed", {})
    for index, entry in enumerate(parsed.entries):
        fields = _fields(entry, channel)
        raw = payloads[index] if payloads else None
        # The cut-out entry must read back exactly as the whole feed did (lxml and feedparser
        # may disagree on a feed without a charset declaration); if not, keep the fields.
        if raw is None or _single_entry_fields(raw) != fields:
            raw = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield _document(fields, raw, f"{origin}:entry {index + 1}")


def _single_entry_fields(raw: bytes) -> dict[str, Any] | None:
    try:
        parsed = _parse(raw)
    except FeedError:
        return None
    return _fields(parsed.entries[0], parsed.get("feed", {})) if len(parsed.entries) == 1 else None


def read_entry(raw: bytes, origin: str) -> RawDocument | Rejection:
    """Rebuild one entry's :class:`RawDocument` from its stored ``raw`` payload."""
    if raw.lstrip().startswith(b"{"):
        try:
            fields = json.loads(raw)
        except json.JSONDecodeError as error:
            return Rejection(origin, f"stored feed entry is not valid JSON: {error.msg}", FEED)
        return _document(fields, raw, origin)
    try:
        parsed = _parse(raw)
    except FeedError as error:
        return Rejection(origin, str(error), FEED)
    if len(parsed.entries) != 1:
        return Rejection(origin, f"stored feed entry holds {len(parsed.entries)} entries, not 1", FEED)
    return _document(_fields(parsed.entries[0], parsed.get("feed", {})), raw, origin)


def _declared_or_utf8(data: bytes) -> bytes:
    """The feed as feedparser and lxml will both read it right: unchanged when it declares its
    encoding (or is UTF-8), else decoded by :mod:`.encoding` and re-encoded as UTF-8 (both
    parsers would otherwise take an undeclared cp1251 feed for cp1252)."""
    if _XML_ENCODING.search(data[:200]) or data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    text, _ = decode(data)
    return text.encode("utf-8")


def _parse(data: bytes):
    import feedparser

    # Bytes, never a string: feedparser treats a string that looks like a URL as one to fetch.
    parsed = feedparser.parse(data, resolve_relative_uris=False)
    if parsed.entries:
        return parsed
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        message = getattr(problem, "getMessage", lambda: str(problem))()
        raise FeedError(f"malformed XML feed: {message}")
    if not parsed.get("version"):
        raise FeedError("not an RSS or Atom feed")
    raise FeedError("feed has no entries")


def _entry_payloads(data: bytes, expected: int) -> list[bytes] | None:
    """Each entry as a one-entry copy of the feed, or None when lxml sees other entries than
    feedparser did."""
    from lxml import etree

    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, remove_blank_text=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    entries = [el for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname in ENTRY_TAGS]
    if len(entries) != expected or any(e.getparent() is None for e in entries):
        return None
    # Detach every entry once, then put each back alone while serialising: linear in feed size.
    places = []
    for element in entries:
        parent = element.getparent()
        places.append((parent, parent.index(element), element))
    for parent, _, element in reversed(places):
        parent.remove(element)
    payloads = []
    for parent, position, element in places:
        single = copy.deepcopy(element)
        single.tail = "\n"
        parent.insert(min(position, len(parent)), single)
        payloads.append(etree.tostring(root, encoding="utf-8", xml_declaration=True))
        parent.remove(single)
    return payloads


def _fields(entry: Any, channel: Any) -> dict[str, Any]:
    """What dragoman keeps of a feedparser entry, as plain JSON-able values."""
    content_value, content_type = "", "text/plain"
    candidates = [(c.get("value") or "", c.get("type") or "text/html") for c in entry.get("content") or []]
    summary = entry.get("summary_detail") or {}
    if entry.get("summary"):
        candidates.append((entry.get("summary") or "", summary.get("type") or "text/html"))
    if candidates:
        # Full content beats a teaser: take the longest version the entry offers.
        content_value, content_type = max(candidates, key=lambda c: len(c[0]))
    title_detail = entry.get("title_detail") or {}
    language = (entry.get("content") or [{}])[0].get("language") if entry.get("content") else None
    language = language or summary.get("language") or channel.get("language")
    source = (entry.get("source") or {}).get("title") or channel.get("title")
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    return {
        "title": entry.get("title") or None,
        "title_type": title_detail.get("type") or "text/plain",
        "link": entry.get("link") or None,
        "published": to_iso(published) if published else to_iso(entry.get("published") or entry.get("updated")),
        "author": entry.get("author") or None,
        "content": content_value,
        "content_type": content_type,
        "source": source or None,
        "lang": language or None,
    }


def _document(fields: dict[str, Any], raw: bytes, where: str) -> RawDocument | Rejection:
    link = (fields.get("link") or "").strip() or None
    origin = link or where
    content = fields.get("content") or ""
    text = fragment_text(content) if fields.get("content_type") in _MARKUP_TYPES else content.strip()
    if not text:
        return Rejection(origin, "feed entry has no text (no summary or content)", FEED)
    title = fields.get("title")
    if title and fields.get("title_type") in _MARKUP_TYPES:
        title = fragment_text(title)
    lang = (fields.get("lang") or "").strip().lower().replace("_", "-") or None
    hints = Hints(title=(title or "").strip() or None, published=fields.get("published"),
                  author=fields.get("author"), source=fields.get("source"),
                  lang=lang.split("-")[0] if lang else None, url=link)
    return RawDocument(id=entry_id(link, raw), origin=origin, input_format=FEED, raw=raw, text=text,
                       hints=hints, encoding="utf-8")
