"""Export articles as JSON Lines, CSV or Parquet (fields of ``shared/eval/FORMAT.md``).

Files are written to a temporary name beside the target and renamed when complete, so an
interrupted export never leaves a half-written file under the name the user asked for.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from .doc import Article

FORMATS = ("jsonl", "csv", "parquet")
# Columns CSV and Parquet carry: the flat (non-list) fields of an export row.
FLAT_FIELDS = ("id", "origin", "lang", "published", "title", "source", "author", "rewrite",
               "story", "duplicate_of", "text")


class ExportError(RuntimeError):
    """An export that cannot be written; the message is meant for the user."""


def article_row(article: Article) -> dict[str, Any]:
    """One export row: the FORMAT.md fields plus evidence and reasons useful to a reader."""
    return {
        "id": article.id,
        "origin": article.origin,
        "lang": article.lang,
        "published": article.published,
        "title": article.title,
        "source": article.source,
        "author": article.author,
        "rewrite": article.rewrite,
        "rewrite_reasons": list(article.rewrite_reasons),
        "story": article.story,
        "duplicate_of": article.duplicate_of,
        "entities": [asdict(e) for e in article.entities],
        "events": [asdict(e) for e in article.events],
        "facts": [asdict(f) for f in article.facts],
        "conflicts": [asdict(c) for c in article.conflicts],
        "text": article.text,
    }


def iter_rows(articles: Iterable[Article], annotate: Callable[[Article], Article] | None = None
              ) -> Iterator[dict[str, Any]]:
    for article in articles:
        if annotate is not None:
            article = annotate(article)
        yield article_row(article)


def _write_jsonl(rows: Iterable[dict], handle: IO[str]) -> int:
    count = 0
    for row in rows:
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(rows: Iterable[dict], handle: IO[str]) -> int:
    writer = csv.DictWriter(handle, fieldnames=list(FLAT_FIELDS), extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def _write_parquet(rows: Iterable[dict], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.bool_() if name == "rewrite" else pa.string()) for name in FLAT_FIELDS])
    # Batches keep memory flat for large stores.
    batch_size, count, batch = 5000, 0, []
    with pq.ParquetWriter(path, schema) as writer:
        for row in rows:
            batch.append({k: row.get(k) for k in FLAT_FIELDS})
            if len(batch) >= batch_size:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def write_export(rows: Iterable[dict], fmt: str, output: str | None) -> int:
    """Write rows in ``fmt`` to ``output`` (a path) or standard output; returns the row count."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if output in (None, "-"):
        if fmt == "parquet":
            raise ExportError("parquet is a binary format: give a file with -o FILE")
        writer = _write_jsonl if fmt == "jsonl" else _write_csv
        return writer(rows, sys.stdout)
    target = Path(output)
    if not target.parent.exists():
        raise ExportError(f"cannot write {target}: folder {target.parent} does not exist")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if fmt == "parquet":
            count = _write_parquet(rows, tmp)
        else:
            newline = "" if fmt == "csv" else None
            with open(tmp, "w", encoding="utf-8", newline=newline) as handle:
                count = (_write_jsonl if fmt == "jsonl" else _write_csv)(rows, handle)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def dumps_jsonl(rows: Iterable[dict]) -> str:
    """JSON Lines as a string (for tests and small exports)."""
    buffer = io.StringIO()
    _write_jsonl(rows, buffer)
    return buffer.getvalue()
