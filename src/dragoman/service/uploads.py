"""Ingest from a front end that receives articles rather than paths: an uploaded file, or one
article as a record (text with its URL, title, language...).

An upload goes through the same readers, size limit and pipeline as ``dragoman ingest``: it is
written under a temporary folder (its name cleaned, its extension kept so the right reader opens
it) and ingested from there. A record is read as one JSON Lines entry would be.
"""
from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import jobs
from ..doc import RawDocument, Rejection
from ..errors import InvalidArgument
from .batch import corpus_passes, ingest
from .session import Session

# Longest file name kept for an upload (the id is derived from it).
MAX_NAME_CHARS = 120
UNSAFE_NAME_CHARS = re.compile(r"[^\w.\-]+")


@dataclass
class IngestOutcome:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)  # stored (or already stored) articles
    total_articles: int = 0


def _collector(session: Session, outcome: IngestOutcome):
    def on_item(result: str, item: RawDocument | Rejection) -> None:
        if isinstance(item, RawDocument):
            stored = session.store.find_hash(item.hash) if result == "unchanged" else item.id
            if stored and stored not in outcome.article_ids:
                outcome.article_ids.append(stored)
    return on_item


def upload_name(filename: str | None) -> str:
    """A file name safe to write: no folders, no odd characters, not empty, not too long."""
    name = UNSAFE_NAME_CHARS.sub("_", Path(filename or "").name).strip("._") or "upload.txt"
    if len(name) > MAX_NAME_CHARS:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[:MAX_NAME_CHARS - len(suffix) - 1] + dot + suffix) if dot and len(suffix) < 12 else name[:MAX_NAME_CHARS]
    return name


def ingest_upload(session: Session, filename: str | None, data: bytes, *, max_bytes: int) -> IngestOutcome:
    """Ingest one uploaded file (any format ``dragoman ingest`` reads)."""
    if len(data) > max_bytes:
        raise InvalidArgument("file", f"is {len(data)} bytes, over the {max_bytes} bytes an input may have")
    outcome = IngestOutcome()
    with tempfile.TemporaryDirectory(prefix="dragoman-upload-") as folder:
        path = Path(folder) / upload_name(filename)
        path.write_bytes(data)
        result = ingest(session, [str(path)], max_bytes=max_bytes, on_item=_collector(session, outcome))
    report = result.report
    outcome.added, outcome.updated, outcome.unchanged = report.added, report.updated, report.unchanged
    outcome.rejected = list(report.rejected)
    outcome.total_articles = result.total_articles
    return outcome


def ingest_record(session: Session, *, text: str, url: str | None = None, title: str | None = None,
                  lang: str | None = None, published: str | None = None, source: str | None = None,
                  author: str | None = None) -> IngestOutcome:
    """Ingest one article given as fields; ``url`` is where it was published (its origin), and
    is not fetched."""
    from ..ingest.jsonl import parse_line

    if not text or not text.strip():
        raise InvalidArgument("text", "must hold the article's text (a url alone is not fetched)")
    record = {key: value for key, value in dict(text=text, url=url, title=title, lang=lang, published=published,
                                                source=source, author=author).items() if value}
    item = parse_line(json.dumps(record, ensure_ascii=False).encode("utf-8"), "upload")
    outcome = IngestOutcome()
    report = jobs.ingest(session.store, [item], linker=session.linker(), on_item=_collector(session, outcome))
    if report.stored and not report.interrupted:
        corpus_passes(session)
    outcome.added, outcome.updated, outcome.unchanged = report.added, report.updated, report.unchanged
    outcome.rejected = list(report.rejected)
    outcome.total_articles = session.store.count_articles()
    return outcome
