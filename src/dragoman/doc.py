"""The typed objects that flow through dragoman.

One :class:`Article` travels through the pipeline (see :mod:`dragoman.pipeline`); each
component fills the fields it declares it provides. Readers produce :class:`RawDocument`
objects (what was read, before any understanding) or :class:`Rejection` objects (what could
not be read, and why). Everything here is plain data: no I/O, no models.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def content_hash(data: bytes | str) -> str:
    """Stable hash used for idempotent ingest and ids (sha256, hex)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


@dataclass
class Hints:
    """Metadata a reader found outside the text itself (HTML meta, feed fields, JSON keys).

    The describe components prefer these over what they guess from the text.
    """

    title: str | None = None
    published: str | None = None  # ISO 8601 date or date-time
    author: str | None = None
    source: str | None = None  # site name, outlet or agency
    lang: str | None = None  # ISO 639-1 if the input declares it
    url: str | None = None


@dataclass
class PendingExtraction:
    """An HTML page whose main text is not extracted yet.

    Extraction is the costly part of reading a page; a reader that defers it (ingest with worker
    processes) leaves it to whichever process analyses the document
    (:func:`dragoman.ingest.complete`). Only bytes are kept, not the decoded page: the reader
    decoded it once to check it is text, and the analysing process decodes it again the same way,
    so the documents waiting in the writer's read-ahead stay small."""

    body: bytes | None = None  # the page's bytes when they are not the document's ``raw`` (a WARC record's body)
    http_charset: str | None = None  # the charset the container declared, to decode the page the same way again
    url: str | None = None
    fallback_published: str | None = None  # the container's date (a WARC record's), if the page has none


@dataclass
class RawDocument:
    """One article as read from an input, before cleaning.

    ``raw`` is the exact payload bytes (kept compressed in the store so the article can be
    reprocessed); ``text`` is its decoded text (HTML already reduced to main text). While
    ``pending`` is set, ``text`` and ``hints`` are still empty: the page is decoded (its bytes,
    hash and encoding are final) but its main text is not extracted yet.
    """

    id: str
    origin: str  # path or URL it was read from
    input_format: str  # text, html, rss, jsonl, warc
    raw: bytes
    text: str
    hints: Hints = field(default_factory=Hints)
    encoding: str | None = None
    pending: PendingExtraction | None = None

    @property
    def hash(self) -> str:
        return content_hash(self.raw)


@dataclass
class Rejection:
    """An input that was set aside, with a reason a person can act on."""

    origin: str
    reason: str
    input_format: str | None = None


@dataclass
class Mention:
    """A stretch of the article text that names an entity.

    ``start``/``end`` are character offsets into ``Article.text`` (into ``Article.title`` for
    ``Article.title_mentions``); ``surface`` is the text as written there (with its case
    endings); ``entity_id`` is the canonical identity, or ``None`` when the name is not (yet)
    linked.
    """

    start: int
    end: int
    surface: str
    entity_id: str | None
    type: str  # person, org, country, place, other
    how: str = ""  # which recogniser found it (kb, title, ner, coref, ...)


@dataclass
class EntityRef:
    """An entity as it occurs in one article: canonical identity plus how often it is named."""

    id: str  # stable id: Wikidata QID where known, else a dragoman id
    name: str  # canonical English name
    type: str  # person, org, country, place, other
    mentions: int = 1


@dataclass
class Evidence:
    """A sentence that supports an event or fact, with its offsets into ``Article.text``."""

    text: str
    start: int
    end: int


@dataclass
class Event:
    """A political event an article reports or mentions."""

    type: str  # meeting, visit, phone_call, summit, agreement, negotiation, award, statement
    participants: list[str] = field(default_factory=list)  # canonical names
    participant_ids: list[str] = field(default_factory=list)
    place: str | None = None  # canonical city name
    place_id: str | None = None
    date: str | None = None  # ISO date, possibly truncated to its precision (2025-04, 2025)
    date_precision: str | None = None  # day, month, year
    # The date as written when it cannot be placed yet ("3 April" in an undated article): a
    # corpus-level stage can resolve it later against a dated article of the same story.
    date_text: str | None = None
    # Where the date came from when the text does not state it: "published" (the article's
    # publication day stands in), "story" (a year-less date placed by a dated article of the
    # same story), "corpus" (by dated coverage of the same actors) or "story_event" (the date the
    # story's other reports of this event state, the text giving none). None: stated in the text.
    date_basis: str | None = None
    # Where the place came from when the text does not state it: "story_event" (the other
    # reports of the same event in its story state it). None: stated in the text (or its dateline, headline).
    place_basis: str | None = None
    status: str = "reported"  # reported, past, planned
    plover: str | None = None  # PLOVER category (CONSULT, AGREE, ...)
    plover_mode: str | None = None  # visit, host, third-party, phone, ...
    visit_kind: str | None = None  # state, official, working
    topics: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # titles of what was signed, as written
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0


@dataclass
class Fact:
    """A number with its unit and what it quantifies."""

    value: float
    unit: str  # ISO currency, %, t, year, ...
    what: str = ""
    year: int | None = None
    qualifier: str | None = None  # over, about, almost, record, ...
    surface: str = ""
    evidence: Evidence | None = None


@dataclass
class Conflict:
    """Two articles of one story that disagree on a field."""

    field: str
    value: Any
    other: str  # the other article's id
    other_value: Any
    event_type: str | None = None


@dataclass(frozen=True)
class Removed:
    """A line the clean step took off the text as site furniture, and why.

    ``reason`` is a short label ("footer", "site name", "updated", ...); ``text`` is the line
    as it stood, stripped.
    """

    reason: str
    text: str

    def __str__(self) -> str:
        return f"{self.reason}: {self.text}"

    @classmethod
    def parse(cls, stored: str) -> "Removed":
        """A line as stores written before ``Removed`` existed kept it: ``"reason: text"``."""
        reason, separator, text = stored.partition(": ")
        return cls(reason, text) if separator else cls("", stored)


def removed_from_dict(data: Any) -> Removed:
    return Removed.parse(data) if isinstance(data, str) else Removed(**data)


@dataclass
class Article:
    """The document object every pipeline component reads and extends."""

    id: str
    origin: str
    input_format: str
    raw_text: str  # decoded text as the reader gave it
    hash: str  # content hash of the raw payload (idempotency key)
    hints: Hints = field(default_factory=Hints)
    # Clean and describe
    text: str = ""
    title: str | None = None
    lang: str | None = None
    lang_score: float | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    rewrite: bool = False
    rewrite_reasons: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)  # furniture taken off the text, and why
    # Header, metadata and byline lines the clean step took off the text, kept verbatim so
    # describe can read dates, sections and bylines from them.
    header_lines: list[str] = field(default_factory=list)
    section: str | None = None  # site section label (``Külföld``), when the page names one
    # Understand
    mentions: list[Mention] = field(default_factory=list)
    # Names in the headline: like ``mentions``, but with offsets into ``title``, not ``text``.
    title_mentions: list[Mention] = field(default_factory=list)
    entities: list[EntityRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    # Connect (filled by corpus-level linking, not per article)
    story: str | None = None
    duplicate_of: str | None = None
    conflicts: list[Conflict] = field(default_factory=list)
    # Which components have run, in order
    done: list[str] = field(default_factory=list)

    @classmethod
    def from_raw(cls, raw: RawDocument) -> "Article":
        return cls(id=raw.id, origin=raw.origin, input_format=raw.input_format,
                   raw_text=raw.text, hash=raw.hash, hints=raw.hints)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        data = dict(data)
        data["hints"] = Hints(**(data.get("hints") or {}))
        data["mentions"] = [Mention(**m) for m in data.get("mentions") or []]
        data["title_mentions"] = [Mention(**m) for m in data.get("title_mentions") or []]
        data["entities"] = [EntityRef(**e) for e in data.get("entities") or []]
        data["events"] = [event_from_dict(e) for e in data.get("events") or []]
        data["facts"] = [fact_from_dict(f) for f in data.get("facts") or []]
        data["conflicts"] = [Conflict(**c) for c in data.get("conflicts") or []]
        data["removed"] = [removed_from_dict(r) for r in data.get("removed") or []]
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


def event_from_dict(data: dict[str, Any]) -> Event:
    data = dict(data)
    data["evidence"] = [Evidence(**e) for e in data.get("evidence") or []]
    return Event(**{k: v for k, v in data.items() if k in Event.__dataclass_fields__})


def fact_from_dict(data: dict[str, Any]) -> Fact:
    data = dict(data)
    if data.get("evidence"):
        data["evidence"] = Evidence(**data["evidence"])
    return Fact(**{k: v for k, v in data.items() if k in Fact.__dataclass_fields__})
