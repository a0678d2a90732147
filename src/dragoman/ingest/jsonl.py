"""JSON Lines reader: one article per line (a ``.json`` file holding one object or a list of
objects works too). A bad line rejects that line only, as ``path:LINE``; the rest goes on.

Field names differ between scrapers, so each field accepts the usual spellings
(:data:`FIELDS`). Values are data: nothing in them is evaluated.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ..doc import Hints, RawDocument, Rejection
from .dates import to_iso
from .encoding import NotText, decode
from .html import fragment_text
from .ids import entry_id
from .sources import JSONL

# Accepted keys for each field, in order of preference.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "maintext", "article", "article_text", "full_text"),
    "title": ("title", "headline"),
    "url": ("url", "link", "uri", "canonical_url"),
    "published": ("published", "date", "published_at", "date_publish", "datePublished", "pubDate",
                  "publication_date"),
    "lang": ("lang", "language"),
    "author": ("author", "authors", "byline"),
    "source": ("source", "outlet", "site_name", "source_domain", "publisher"),
}
# A text value with this many paragraph-level tags is an HTML fragment, not prose.
MIN_TAGS_FOR_MARKUP = 2
_BLOCK_TAG = re.compile(r"<(?:p|br|div|li|h[1-6])\b[^>]*>", re.I)
_LANG_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*$")


def iter_jsonl(data: bytes, origin: str, *, partial_reason: str | None = None) -> Iterator[RawDocument | Rejection]:
    """Every article in a JSON Lines (or JSON) payload; ``partial_reason`` is set when ``data``
    is only the start of the file (a truncated gzip stream): the last, cut line is then not
    judged, and one rejection says the rest was lost."""
    try:
        text, encoding = decode(data)
    except NotText as error:
        yield Rejection(origin, str(error), JSONL)
        return
    stripped = text.lstrip()
    if not stripped:
        yield Rejection(origin, "no JSON (only white space)", JSONL)
        return
    whole = _whole_document(stripped) if partial_reason is None else None
    if whole is not None:
        yield from _from_document(whole, origin)
        return
    if partial_reason is not None:
        text = text[: text.rfind("\n") + 1]  # the cut last line is part of what was lost
    # Keep each line's exact bytes as its raw payload when the encoding allows slicing bytes.
    byte_lines = data.split(b"\n") if encoding == "utf-8" and partial_reason is None else None
    lines = text.split("\n")
    last_line = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        last_line = number
        raw = byte_lines[number - 1].rstrip(b"\r") if byte_lines and len(byte_lines) == len(lines) else line.rstrip("\r").encode("utf-8")
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        yield parse_line(raw, f"{origin}:{number}")
    if partial_reason is not None:
        yield Rejection(f"{origin}:{last_line + 1}", f"{partial_reason}: the lines from here on are lost", JSONL)


def _whole_document(text: str) -> Any | None:
    """The parsed document when the payload is one JSON value spanning lines (a list, or one
    pretty-printed object), else None (then it is read line by line)."""
    if not text.startswith(("[", "{")):
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return None
    if isinstance(value, list) or (isinstance(value, dict) and "\n" in text.strip()):
        return value
    return None


def _from_document(value: Any, origin: str) -> Iterator[RawDocument | Rejection]:
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items, start=1):
        where = f"{origin}:item {index}" if isinstance(value, list) else origin
        # Elements of one JSON document have no separate bytes: keep each as compact JSON.
        raw = json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        yield parse_line(raw, where)


def parse_line(raw: bytes, where: str) -> RawDocument | Rejection:
    """One JSON object (one line's bytes) as a :class:`RawDocument`, or why it cannot be one.

    ``where`` names the line (``path:LINE``) in rejections and is the origin of an article
    without a URL.
    """
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return Rejection(where, f"not UTF-8 text at byte {error.start}", JSONL)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Rejection(where, f"not valid JSON on line {_line_number(where)}: {error.msg} (column {error.colno})", JSONL)
    if not isinstance(record, dict):
        return Rejection(where, f"a JSON {_json_type(record)}, not an object with article fields", JSONL)
    body = _text_value(_first(record, "text"))
    if not body or not body.strip():
        if isinstance(record.get("html"), str) and record["html"].strip():
            body = fragment_text(record["html"])
        if not body or not body.strip():
            keys = "/".join(FIELDS["text"][:3])
            return Rejection(where, f"no article text (no non-empty {keys} field)", JSONL)
    if _looks_like_markup(body):
        body = fragment_text(body)
    url = _string(_first(record, "url"))
    lang = _string(_first(record, "lang"))
    hints = Hints(title=_string(_first(record, "title")), published=to_iso(_first(record, "published")),
                  author=_author(_first(record, "author")), source=_source(_first(record, "source")),
                  lang=_primary_language(lang), url=url)
    return RawDocument(id=entry_id(url, raw), origin=url or where, input_format=JSONL, raw=raw,
                       text=body, hints=hints, encoding="utf-8")


def _primary_language(value: str | None) -> str | None:
    """``en`` from ``en-US``, ``pt_BR`` or ``EN``; None for values that are not language tags."""
    if not value or not _LANG_CODE.match(value):
        return None
    return value.replace("_", "-").split("-")[0].lower()


def _line_number(where: str) -> str:
    tail = where.rsplit(":", 1)[-1]
    return tail if tail.isdigit() else "1"


def _first(record: dict[str, Any], field: str) -> Any:
    for key in FIELDS[field]:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _text_value(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)  # a list of paragraphs
    return None


def _string(value: Any) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    return None


def _author(value: Any) -> str | None:
    if isinstance(value, list):
        names = [_author(v) for v in value]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, dict):
        return _string(value.get("name"))
    return _string(value)


def _source(value: Any) -> str | None:
    if isinstance(value, dict):  # {"name": "...", "url": "..."} as some APIs give it
        return _string(value.get("name") or value.get("title"))
    return _string(value)


def _json_type(value: Any) -> str:
    return {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(value), "number")


def _looks_like_markup(text: str) -> bool:
    return len(_BLOCK_TAG.findall(text, 0, 20000)) >= MIN_TAGS_FOR_MARKUP
