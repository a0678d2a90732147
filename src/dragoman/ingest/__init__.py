"""Readers: files, folders and globs in; :class:`RawDocument` or :class:`Rejection` out.

:func:`iter_inputs` is a generator over documents (datatrove style): every input that cannot
be read becomes one :class:`Rejection` with a one-line reason, and the batch goes on.
:func:`reread` rebuilds a document from the bytes the store kept, for ``dragoman reprocess``.

Formats: plain text, HTML, RSS/Atom, JSON Lines (or JSON), WARC, and ``.gz`` of each. A file
yields one document; a container (feed, JSON Lines, WARC) yields one per entry, each with its
own ``raw`` payload (the entry's JSON line, a one-entry feed, a one-record WARC).
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..doc import RawDocument, Rejection
from .feed import iter_feed, read_entry
from .html import extract_pending, read_html
from .jsonl import iter_jsonl, parse_line
from .sources import (FEED, HTML, JSONL, SNIFF_BYTES, TEXT, WARC, IngestStats, LoadError, Source, expand, load,
                      sniff)
from .text import read_text
from .warc import iter_warc, read_record

__all__ = ["IngestOptions", "IngestStats", "complete", "iter_inputs", "read_guarded", "reread", "ReadError",
           "FORMATS"]

FORMATS = (TEXT, HTML, FEED, JSONL, WARC)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = DEFAULT_MAX_BYTES  # per input file (per record for streamed WARC files)
    # Leave HTML main-text extraction to the process that analyses the page (:func:`complete`):
    # an ingest with worker processes reads in one process and extracts in all of them.
    defer_extraction: bool = False


class ReadError(ValueError):
    """Stored raw bytes that no longer make a document (raised by :func:`reread`); the message
    is the reason, ``origin`` the input it came from."""

    def __init__(self, origin: str, reason: str):
        super().__init__(reason)
        self.origin = origin
        self.reason = reason


def iter_inputs(paths: Sequence[str], options: IngestOptions = IngestOptions(),
                stats: IngestStats | None = None) -> Iterator[RawDocument | Rejection]:
    """Every document in ``paths`` (files, folders walked recursively, globs), in order.

    ``stats`` (optional) is filled as the generator runs: files opened, documents, rejections,
    and files skipped because a folder walk met a type we do not read.
    """
    stats = stats if stats is not None else IngestStats()
    for source in expand(paths, stats):
        if isinstance(source, Rejection):
            stats.rejected += 1
            yield source
            continue
        stats.files += 1
        for item in read_guarded(source, options):
            if isinstance(item, Rejection):
                stats.rejected += 1
            else:
                stats.documents += 1
            yield item


def read_guarded(source: Source, options: IngestOptions = IngestOptions()) -> Iterator[RawDocument | Rejection]:
    """:func:`read_source`, with a reader failure on one file turned into that file's rejection
    (what :func:`iter_inputs` yields per file; distributed readers call it per file)."""
    try:
        yield from read_source(source, options)
    except Exception as error:  # noqa: BLE001 - a reader bug on one odd file must not end the batch
        yield Rejection(source.origin, f"could not be read: {error.__class__.__name__}: {error}", source.format)


def read_source(source: Source, options: IngestOptions = IngestOptions()) -> Iterator[RawDocument | Rejection]:
    """The documents of one input file."""
    fmt = source.format or _sniff(source)
    if fmt == WARC:
        yield from _read_warc(source, options)
        return
    try:
        data = load(source, options.max_bytes)
    except LoadError as error:
        if fmt == JSONL and error.partial and error.reason.startswith("truncated"):
            # Lines read before the cut are whole articles: keep them.
            yield from iter_jsonl(error.partial, source.origin, partial_reason=error.reason)
        else:
            yield Rejection(source.origin, error.reason, fmt)
        return
    if fmt == TEXT:
        yield read_text(data, source.origin, source.stem)
    elif fmt == HTML:
        yield read_html(data, source.origin, source.stem, defer=options.defer_extraction)
    elif fmt == FEED:
        yield from iter_feed(data, source.origin)
    else:
        yield from iter_jsonl(data, source.origin)


def complete(item: RawDocument) -> RawDocument | Rejection:
    """``item`` with everything a reader deferred done (an HTML page's main text); ``item`` itself
    when nothing was deferred. A page that turns out to have no main text is a :class:`Rejection`."""
    return extract_pending(item)


def reread(input_format: str, raw: bytes, origin: str, id: str) -> RawDocument:
    """Rebuild the :class:`RawDocument` an ingest produced from its stored ``raw`` bytes.

    ``raw`` is what ingest kept: the file's bytes (text, html), the entry's JSON line (jsonl),
    a one-entry feed (rss) or a one-record WARC (warc). Raises :class:`ReadError` when the
    bytes no longer make a document.
    """
    if input_format == TEXT:
        item = read_text(raw, origin, id)
    elif input_format == HTML:
        url = origin if origin.startswith(("http://", "https://")) else None
        item = read_html(raw, origin, id, url=url)
    elif input_format == JSONL:
        item = parse_line(raw, origin)
    elif input_format == FEED:
        item = read_entry(raw, origin)
    elif input_format == WARC:
        item = read_record(raw, origin)
    else:
        raise ReadError(origin, f"unknown input format {input_format!r} (known: {', '.join(FORMATS)})")
    if isinstance(item, Rejection):
        raise ReadError(origin, item.reason)
    item.id = id
    if item.origin != origin and not origin.startswith(f"{item.origin}:"):
        item.origin = origin
    return item


def _sniff(source: Source) -> str:
    """Format of a file named without a telling extension, from its first bytes."""
    if not os.path.isfile(source.path):
        return TEXT  # load() will say what it is instead (and never block on a pipe)
    try:
        with open(source.path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return TEXT  # load() will say what is wrong with it
    return sniff(head)


def _read_warc(source: Source, options: IngestOptions) -> Iterator[RawDocument | Rejection]:
    try:
        if not os.path.isfile(source.path) and os.path.exists(source.path):
            yield Rejection(source.origin, "not a regular file (a device, pipe or socket)", WARC)
            return
        handle = open(source.path, "rb")
    except FileNotFoundError:
        yield Rejection(source.origin, "no such file or directory", WARC)
        return
    except PermissionError:
        yield Rejection(source.origin, "permission denied", WARC)
        return
    except IsADirectoryError:
        yield Rejection(source.origin, "is a directory", WARC)
        return
    except OSError as error:
        yield Rejection(source.origin, f"cannot read the file: {error.strerror or error}", WARC)
        return
    with handle:
        if not handle.peek(1):
            yield Rejection(source.origin, "empty file", WARC)
            return
        yield from iter_warc(handle, source.origin, max_record_bytes=options.max_bytes,
                             defer=options.defer_extraction)
