"""WARC reader (warcio): every HTML ``response`` record is one article.

The file is streamed, so the size limit applies to each record, not to the (often
gigabyte-sized) archive. A cut or corrupt archive yields the records read so far plus one
rejection for the rest.

Each article's ``raw`` is a one-record WARC rebuilt from the original record: its WARC
headers (target URI, WARC-Date), the HTTP headers (charset) and the decoded HTTP body.
Reprocessing reads it with the same code, so the stored bytes alone reproduce the article.
"""
from __future__ import annotations

import contextlib
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from ..doc import Rejection, RawDocument
from .dates import to_iso
from .html import read_html
from .ids import entry_id
from .sources import GZIP_MAGIC, WARC, human_size

WARC_MAGIC = b"WARC/"
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Headers that describe the transfer of the original body, not the decoded body we keep.
TRANSFER_HEADERS = ("content-encoding", "transfer-encoding", "content-length")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.\-]+)", re.I)


class TruncatedWarc(Exception):
    pass


def iter_warc(stream: BinaryIO, origin: str, *, max_record_bytes: int,
              defer: bool = False) -> Iterator[RawDocument | Rejection]:
    """Every HTML response in the WARC ``stream`` (plain or gzip) as a :class:`RawDocument`."""
    from warcio.archiveiterator import ArchiveIterator

    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)
    gunzip = None
    if stream.peek(2)[:2] == GZIP_MAGIC:
        # Decompress here: this reads per-record and whole-file compression alike (warcio only
        # the first), and a cut stream ends cleanly after what it holds instead of failing.
        gunzip = GunzipReader(stream)
        stream = io.BufferedReader(gunzip)
    head = stream.peek(len(WARC_MAGIC))[:len(WARC_MAGIC)]
    if not head.startswith(WARC_MAGIC):
        problem = gunzip.problem if gunzip is not None and gunzip.problem else "it does not start with a WARC/ header"
        yield Rejection(origin, f"not a readable WARC file: {problem}", WARC)
        return
    read = 0
    try:
        records = ArchiveIterator(stream, no_record_parse=False)
        while True:
            # warcio prints warnings about odd records straight to stderr; keep the CLI's clean.
            with contextlib.redirect_stderr(io.StringIO()):
                record = next(records, None)
                if record is None:
                    break
                item = _record_document(record, origin, max_record_bytes, defer)
            read += 1
            if item is not None:
                yield item
        if gunzip is not None and gunzip.problem:
            yield Rejection(origin, f"{gunzip.problem}: {_after(read)}the rest of the file is lost", WARC)
    except (EOFError, TruncatedWarc):
        what = gunzip.problem if gunzip is not None and gunzip.problem else "truncated WARC"
        yield Rejection(origin, f"{what}: {_after(read)}the rest of the file is lost", WARC)
    except (OSError, zlib.error) as error:
        yield Rejection(origin, f"corrupt gzip stream in WARC: {_after(read)}{error}", WARC)
    except Exception as error:  # noqa: BLE001 - warcio raises several types for broken input
        message = str(error).strip().splitlines()[0] if str(error).strip() else error.__class__.__name__
        yield Rejection(origin, f"not a readable WARC file: {_after(read)}{message}", WARC)


class GunzipReader(io.RawIOBase):
    """A file over the decompressed content of a gzip stream (one or more members).

    Reading stops quietly at a cut or corrupt stream and ``problem`` says what happened:
    warcio swallows exceptions raised while it reads, so they cannot carry the news.
    """

    CHUNK = 64 * 1024

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._inflater = zlib.decompressobj(wbits=31)
        self._fed = False  # the current member has received input
        self._pending = b""
        self._buffer = b""
        self._done = False
        self.problem: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while not self._buffer and not self._done:
            self._fill()
        count = min(len(target), len(self._buffer))
        target[:count] = self._buffer[:count]
        self._buffer = self._buffer[count:]
        return count

    def _fill(self) -> None:
        if len(self._pending) < len(GZIP_MAGIC):
            more = self._raw.read(self.CHUNK)
            if not more and not self._pending:
                if self._fed and not self._inflater.eof:
                    self.problem = "truncated gzip stream"
                self._done = True
                return
            self._pending += more
        if self._inflater.eof:  # the previous member ended: another may follow
            self._pending = self._pending.lstrip(b"\x00")  # some writers pad between members
            if not self._pending:
                return
            if not self._pending.startswith(GZIP_MAGIC):
                self.problem = "trailing data after the gzip stream"
                self._done = True
                return
            self._inflater, self._fed = zlib.decompressobj(wbits=31), False
        try:
            self._buffer = self._inflater.decompress(self._pending, self.CHUNK)
        except zlib.error as error:
            self.problem = f"corrupt gzip stream ({error})"
            self._done = True
            return
        self._fed = True
        self._pending = self._inflater.unused_data if self._inflater.eof else self._inflater.unconsumed_tail


def read_record(raw: bytes, origin: str) -> RawDocument | Rejection:
    """Rebuild one article from its stored one-record WARC."""
    items = list(iter_warc(io.BufferedReader(io.BytesIO(raw)), origin, max_record_bytes=len(raw) + 1))
    if len(items) != 1:
        return Rejection(origin, f"stored WARC record yields {len(items)} articles, not 1", WARC)
    return items[0]


def _after(read: int) -> str:
    return f"after {read} records, " if read else ""


def _record_document(record, origin: str, max_record_bytes: int,
                     defer: bool = False) -> RawDocument | Rejection | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None  # requests, metadata, warcinfo, DNS: not articles
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(HTML_TYPES):
        return None  # images, scripts, feeds fetched by the crawler
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return None  # redirects and error pages carry no article
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip() or None
    where = uri or f"{origin}:record"
    length = int(record.rec_headers.get_header("Content-Length") or 0)
    if length > max_record_bytes:
        return Rejection(where, f"WARC record is {human_size(length)}, over the {human_size(max_record_bytes)} "
                                "limit (--max-size)", WARC)
    raw_stream = record.raw_stream
    body = record.content_stream().read()
    if getattr(raw_stream, "limit", 0) > 0:
        raise TruncatedWarc()  # the record ended before its Content-Length
    # CC-NEWS and similar news crawls fetch articles within days of publication, so the crawl
    # date is a fair stand-in, but only when the page itself gives no date.
    warc_date = to_iso(record.rec_headers.get_header("WARC-Date"))
    charset = _CHARSET.search(content_type)
    raw = _one_record(record, uri, body)
    doc = read_html(body, where, entry_id(uri, body), url=uri,
                    http_charset=charset.group(1) if charset else None,
                    fallback_published=warc_date, input_format=WARC, defer=defer)
    if isinstance(doc, RawDocument):
        if doc.pending is not None:  # extraction deferred: it needs the body, which raw now wraps
            doc.pending = replace(doc.pending, body=body)
        doc.raw = raw
    return doc


def _one_record(record, uri: str | None, body: bytes) -> bytes:
    """A minimal uncompressed WARC holding this record with its decoded body."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    http = record.http_headers
    headers = [(k, v) for k, v in http.headers if k.lower() not in TRANSFER_HEADERS]
    http_headers = StatusAndHeaders(http.statusline, headers, protocol=http.protocol or "HTTP/1.1")
    warc_headers = {k: v for k, v in record.rec_headers.headers
                    if k in ("WARC-Date", "WARC-Record-ID", "WARC-IP-Address")}
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(writer.create_warc_record(uri or "", "response", payload=io.BytesIO(body),
                                                  http_headers=http_headers, warc_headers_dict=warc_headers))
    return buffer.getvalue()
