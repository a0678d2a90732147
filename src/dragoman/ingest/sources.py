"""Which files to read, in which format: path and glob expansion, format detection, loading.

Files the user names are always tried (sniffing their content when the extension says
nothing); files met while walking a folder or matching a glob are read only when their
extension is one we read, and the others are counted in :class:`IngestStats`, not rejected:
a folder of articles usually holds images and notes too.
"""
from __future__ import annotations

import glob
import os
import stat
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..doc import Rejection

TEXT, HTML, FEED, JSONL, WARC = "text", "html", "rss", "jsonl", "warc"

# Extension (after removing ``.gz``) to input format.
EXTENSIONS: dict[str, str] = {
    ".txt": TEXT, ".text": TEXT,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML,
    ".json": JSONL, ".jsonl": JSONL, ".ndjson": JSONL,
    ".xml": FEED, ".rss": FEED, ".atom": FEED,
    ".warc": WARC,
}
GZIP_EXTENSIONS = (".gz", ".gzip")
GZIP_MAGIC = b"\x1f\x8b"
# How many leading bytes content sniffing looks at.
SNIFF_BYTES = 4096
# Skipped file names kept as examples for the summary line.
SKIPPED_EXAMPLES = 5
MB = 1024 * 1024


@dataclass
class IngestStats:
    """Counts a caller can show after an ingest run."""

    files: int = 0  # input files opened
    documents: int = 0  # RawDocuments produced
    rejected: int = 0  # Rejections produced
    skipped: int = 0  # files of unsupported types met while walking folders or globs
    skipped_examples: list[str] = field(default_factory=list)

    def skip(self, path: str) -> None:
        self.skipped += 1
        if len(self.skipped_examples) < SKIPPED_EXAMPLES:
            self.skipped_examples.append(path)


@dataclass(frozen=True)
class Source:
    """One input file and how it was found."""

    path: Path
    explicit: bool  # named by the user, rather than found in a folder or by a glob
    format: str | None  # from the extension; None when only sniffing can tell
    gzipped: bool

    @property
    def origin(self) -> str:
        return str(self.path)

    @property
    def stem(self) -> str:
        """File name without its format and compression extensions (``a.html.gz`` -> ``a``)."""
        name = self.path.name
        lower = name.lower()
        for suffix in GZIP_EXTENSIONS:
            if lower.endswith(suffix):
                name, lower = name[: -len(suffix)], lower[: -len(suffix)]
                break
        suffix = os.path.splitext(lower)[1]
        if suffix in EXTENSIONS:
            name = name[: -len(suffix)]
        return name or self.path.name


class LoadError(Exception):
    """A file that cannot be read; ``partial`` holds what was read before the failure."""

    def __init__(self, reason: str, partial: bytes = b""):
        super().__init__(reason)
        self.reason = reason
        self.partial = partial


def human_size(size: int) -> str:
    """``31.2 MB`` for limits and file sizes; KB below a tenth of a megabyte."""
    return f"{size / MB:.1f} MB" if size >= MB / 10 else f"{size / 1024:.1f} KB"


def classify(path: Path, *, explicit: bool) -> Source:
    lower = path.name.lower()
    gzipped = lower.endswith(GZIP_EXTENSIONS)
    if gzipped:
        lower = lower.rsplit(".", 1)[0]
    return Source(path, explicit, EXTENSIONS.get(os.path.splitext(lower)[1]), gzipped)


def expand(paths: Sequence[str], stats: IngestStats) -> Iterator[Source | Rejection]:
    """Every input file named by ``paths`` (files, folders walked recursively, globs), each once."""
    seen: set[str] = set()

    def once(source: Source) -> bool:
        key = os.path.realpath(source.path)
        if key in seen:
            return False
        seen.add(key)
        return True

    def found(sources) -> Iterator[Source | Rejection]:
        # Files found rather than named: read the supported types, count the others once.
        for source in sources:
            if isinstance(source, Rejection):
                yield source
                continue
            if not once(source):
                continue
            if source.format is None:
                stats.skip(source.origin)
            else:
                yield source

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from found(_walk(path))
        elif os.path.lexists(path):
            source = classify(path, explicit=True)
            if once(source):
                yield source
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Rejection(raw, "no files match this pattern")
            for match in matches:
                match_path = Path(match)
                if match_path.is_dir():
                    yield from found(_walk(match_path))
                else:
                    yield from found([classify(match_path, explicit=False)])
        else:
            yield Rejection(raw, "no such file or directory")


def _walk(folder: Path) -> Iterator[Source | Rejection]:
    # A folder that cannot be listed is set aside with its reason, never skipped silently.
    errors: list[OSError] = []

    def unreadable() -> Iterator[Rejection]:
        while errors:
            error = errors.pop(0)
            why = "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error))
            yield Rejection(str(error.filename or folder), f"cannot read folder: {why}")

    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from unreadable()
        # Hidden folders (.git, .cache) are never article collections.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield classify(Path(root) / name, explicit=False)
    yield from unreadable()


def load(source: Source, max_bytes: int) -> bytes:
    """The file's bytes, decompressed when gzipped. Raises :class:`LoadError` with a reason."""
    try:
        info = os.stat(source.path)
        if stat.S_ISDIR(info.st_mode):
            raise LoadError("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise LoadError("not a regular file (a device, pipe or socket)")  # reading could block
        size = info.st_size
        if size > max_bytes:
            raise LoadError(f"file is {human_size(size)}, over the {human_size(max_bytes)} limit (--max-size)")
        with open(source.path, "rb") as handle:
            data = handle.read()
    except LoadError:
        raise
    except FileNotFoundError:
        raise LoadError("no such file or directory (or a broken link)") from None
    except PermissionError:
        raise LoadError("permission denied") from None
    except IsADirectoryError:
        raise LoadError("is a directory") from None
    except OSError as error:
        raise LoadError(f"cannot read the file: {error.strerror or error}") from None
    if not data:
        raise LoadError("empty file")
    if source.gzipped or data.startswith(GZIP_MAGIC):
        data = gunzip(data, max_bytes)
        if not data:
            raise LoadError("empty file (after decompression)")
    return data


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip ``data`` (several members allowed); a cut stream keeps what was read."""
    if not data.startswith(GZIP_MAGIC):
        raise LoadError("not a gzip file although its name ends in .gz")
    out: list[bytes] = []
    total = 0
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        try:
            # Bounded output: a small file must not inflate into gigabytes in memory.
            chunk = inflater.decompress(rest, max_bytes - total + 1)
        except zlib.error as error:
            raise LoadError(f"corrupt gzip stream: {error}", b"".join(out)) from None
        total += len(chunk)
        out.append(chunk)
        if total > max_bytes:
            raise LoadError(f"decompresses to more than the {human_size(max_bytes)} limit (--max-size)")
        if not inflater.eof:
            raise LoadError("truncated gzip stream", b"".join(out))
        rest = inflater.unused_data.lstrip(b"\x00")  # some writers pad between members
    return b"".join(out)


def sniff(head: bytes) -> str:
    """Guess the format of a file whose extension says nothing, from its first bytes."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, SNIFF_BYTES)
        except zlib.error:
            return TEXT  # the text reader will reject it with a reason
    if head.startswith(b"WARC/"):
        return WARC
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"{", b"[")):
        return JSONL
    if start.startswith(b"<"):
        if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return FEED
        return HTML
    return TEXT

