"""Per-language event knowledge from ``lang/<code>/events.toml``, compiled once.

Triggers name event types; ``weak`` triggers need the embedding typer's agreement; status cues
mark planned and earlier events; relative words open clauses that describe the noun before
them; document nouns end the titles of what was signed; topics are keyword lists.

Patterns stand between word boundaries unless the language's ``[settings]`` say
``word_boundaries = false``: Chinese and Japanese do not space their words (习近平会见普京), so
their patterns match anywhere and carry whatever boundaries they need themselves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lang as langdata

EVENT_TYPES = ("meeting", "visit", "phone_call", "summit", "agreement", "negotiation", "award", "statement")


def _compile(patterns: list[str], bounded: bool = True) -> re.Pattern | None:
    if not patterns:
        return None
    body = "|".join(sorted(patterns, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if bounded else f"(?:{body})", re.IGNORECASE)


@dataclass(frozen=True)
class TriggerRule:
    type: str
    pattern: re.Pattern
    weak: bool


@dataclass(frozen=True)
class Lexicon:
    code: str | None
    triggers: tuple[TriggerRule, ...]
    visit_kinds: tuple[tuple[str, re.Pattern], ...]
    planned: re.Pattern | None
    past: re.Pattern | None
    appeal: re.Pattern | None  # "called for talks": what is asked for has not happened
    relative: re.Pattern | None
    document_nouns: re.Pattern | None
    head_first: bool  # document titles follow their noun ("agreement on ...") rather than precede it
    conjunctions: re.Pattern | None  # words that end a head-first title
    topics: tuple[tuple[str, re.Pattern], ...]
    headline_statement: re.Pattern | None = None  # present-tense speech in headlines ("says")
    # The verb that says whether and when an event happens closes the sentence (Korean, Hindi,
    # the Turkic languages): a trigger's scope runs from its clause to the sentence's end.
    verb_final: bool = False


@lru_cache(maxsize=None)
def lexicon(code: str | None) -> Lexicon:
    data = langdata.load(code, "events") if code else {}
    bounded = bool(data.get("settings", {}).get("word_boundaries", True))

    def compile_(patterns: list[str]) -> re.Pattern | None:
        return _compile(patterns, bounded)

    weak = {t: set(p) for t, p in data.get("weak", {}).items()}
    triggers = []
    for event_type, patterns in data.get("triggers", {}).items():
        if event_type not in EVENT_TYPES:
            raise ValueError(f"lang/{code}/events.toml: unknown event type {event_type!r}")
        for pattern in patterns:
            compiled = compile_([pattern])
            triggers.append(TriggerRule(event_type, compiled, pattern in weak.get(event_type, ())))
    status = data.get("status", {})
    relative = status.get("relative", [])
    return Lexicon(
        code=code,
        triggers=tuple(triggers),
        visit_kinds=tuple((kind, compile_(p)) for kind, p in data.get("visit_kinds", {}).items() if p),
        planned=compile_(status.get("planned", [])),
        past=compile_(status.get("past", [])),
        appeal=compile_(status.get("appeal", [])),
        relative=re.compile(rf"^(?:{'|'.join(relative)})" + (r"(?!\w)" if bounded else ""), re.IGNORECASE)
        if relative else None,
        document_nouns=compile_(data.get("documents", {}).get("nouns", [])),
        head_first=bool(data.get("documents", {}).get("head_first", False)),
        conjunctions=compile_(data.get("documents", {}).get("conjunctions", [])),
        topics=tuple((topic, compile_(p)) for topic, p in data.get("topics", {}).items() if p),
        headline_statement=compile_(data.get("headline", {}).get("statement", [])),
        verb_final=bool(data.get("settings", {}).get("verb_final", False)),
    )


@dataclass(frozen=True)
class PloverCode:
    category: str | None
    mode: str | None


@lru_cache(maxsize=1)
def plover_table() -> dict[str, PloverCode]:
    table = langdata.load(langdata.COMMON, "events").get("plover", {})
    return {t: PloverCode(v.get("category") or None, v.get("mode") or None) for t, v in table.items()}


@lru_cache(maxsize=1)
def families() -> dict[str, str]:
    """Event type -> its family (``lang/xx/events.toml`` ``[families]``); a type not listed is
    its own family."""
    table = langdata.load(langdata.COMMON, "events").get("families", {})
    return {member: family for family, members in table.items() for member in members}


def family(event_type: str | None) -> str:
    return families().get(event_type or "", event_type or "")


@lru_cache(maxsize=1)
def report_groups() -> dict[str, str]:
    """Family -> the group whose reported events merge inside one article (``[merged_in_one_report]``)."""
    table = langdata.load(langdata.COMMON, "events").get("merged_in_one_report", {})
    return {member: group for group, members in table.items() for member in members}


def report_group(event_type: str | None) -> str:
    """What must be equal for two reported events of one article to be one encounter."""
    name = family(event_type)
    return report_groups().get(name, name)
