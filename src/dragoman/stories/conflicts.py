"""Where two articles of one story disagree: place, date, participants, kind of visit, figures.

Only things both articles state about the *same* event or the *same* figure are compared:

* two events are the same when they are of one family (a visit and a meeting describe one
  consultation), have the same status, and share their participants (all of them when one side
  names fewer than two, at least two otherwise);
* two figures are the same when they have the same unit and year and say what they measure in
  overlapping words, or when the articles are copies/translations of each other and the unit
  occurs exactly once in each (a translation keeps numbers in order, not words).

Participants are compared between copies only, and disagree only when each side names someone
the other does not. Event dates count only when the article states them (not a publication day
the extractor fell back to, see ``EventSketch.date_stated``).

Differences of spelling never count (places and people are compared by canonical id), nor
differences of precision: ``2025-04`` agrees with ``2025-04-03``, ``27.8 billion`` with
``28 billion``, ``about 9 billion`` with ``9.3 billion``.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from .. import lang as langdata
from ..doc import Conflict
from .profile import ArticleProfile, EventSketch, FactSketch, dates_agree, norm_name

# Days two reports of a multi-day event (a state visit, a summit) may differ by and still be
# the same event's dates; single-sitting events must agree to the day.
MULTI_DAY_TYPES = frozenset({"visit", "summit", "state_visit", "official_visit", "working_visit"})
MULTI_DAY_TOLERANCE = 1
# Relative difference below which two exact figures are the same (rounding, currency display).
FIGURE_TOLERANCE = 0.01
# Relative difference tolerated when either figure is hedged (about, over, almost, under).
HEDGED_TOLERANCE = 0.10
# Share of the words of "what a figure measures" two facts must share to be the same figure.
FACT_WHAT_OVERLAP = 0.5


def same_event(a: EventSketch, b: EventSketch) -> bool:
    if a.family != b.family or a.status != b.status:
        return False
    pa, pb = set(a.participant_ids), set(b.participant_ids)
    if not pa or not pb:
        return False
    shared = len(pa & pb)
    return shared >= min(2, len(pa), len(pb))


def _significant(value: float) -> int:
    """Significant digits as written: 27800000000 -> 3, 0.25 -> 2, 4e9 -> 1."""
    if value == 0 or not math.isfinite(value):
        return 1
    digits = f"{abs(value):.12g}".replace(".", "").replace("-", "")
    digits = digits.split("e")[0].strip("0")
    return max(len(digits), 1)


def _round_sig(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


@lru_cache(maxsize=1)
def hedges() -> frozenset[str]:
    """Qualifier names that make a figure approximate (``lang/xx/numbers.toml`` ``hedges``).

    A fact's qualifier is a name, not a word: the facts stage found it with the words of the
    article's language (its ``numbers.toml`` ``[qualifiers]``), so one list serves every language.
    """
    return frozenset(langdata.load(langdata.COMMON, "numbers").get("hedges", []))


def figures_agree(a: FactSketch, b: FactSketch) -> bool:
    """Same value up to tolerance, hedging, or the precision the less precise side gave."""
    if a.value == b.value:
        return True
    scale = max(abs(a.value), abs(b.value))
    hedged = any((f.qualifier or "").lower() in hedges() for f in (a, b))
    if abs(a.value - b.value) <= (HEDGED_TOLERANCE if hedged else FIGURE_TOLERANCE) * scale:
        return True
    digits = min(_significant(a.value), _significant(b.value))
    return _round_sig(a.value, digits) == _round_sig(b.value, digits)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Every language's words that say nothing of what a figure measures (``numbers.toml``
    ``function_words``): the two facts compared may be in different languages, and a sketch
    does not carry its article's language, so all languages' lists apply."""
    return frozenset(norm_name(w) for data in langdata.load_all("numbers").values()
                     for w in data.get("function_words", []))


def _what_words(fact: FactSketch) -> set[str]:
    stop = function_words()
    return {w for w in norm_name(fact.what).split() if w not in stop and not w.isdigit()}


def same_figure(a: FactSketch, b: FactSketch, *, copies: bool, unique_unit: bool) -> bool:
    if norm_name(a.unit) != norm_name(b.unit):
        return False
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    wa, wb = _what_words(a), _what_words(b)
    if wa and wb and len(wa & wb) / min(len(wa), len(wb)) >= FACT_WHAT_OVERLAP:
        return True
    return copies and unique_unit


def _place_key(event: EventSketch) -> str | None:
    return event.place_id or (norm_name(event.place) if event.place else None)


def _fmt_figure(fact: FactSketch) -> str:
    value = int(fact.value) if float(fact.value).is_integer() else fact.value
    what = f" ({fact.what})" if fact.what else ""
    return f"{value} {fact.unit}{what}"


def compare(a: ArticleProfile, b: ArticleProfile, *, copies: bool = False) -> list[Conflict]:
    """Conflicts as seen from ``a`` (``other`` = ``b.id``); call with swapped arguments for ``b``.

    ``copies``: the two are near copies or translations of one text, so every field is expected
    to match one to one (participants too).
    """
    found: dict[tuple[str, str | None], Conflict] = {}

    def add(field: str, value, other_value, event_type: str | None = None) -> None:
        found.setdefault((field, event_type), Conflict(field=field, value=value, other=b.id,
                                                       other_value=other_value, event_type=event_type))

    for ea in a.events:
        if ea.status == "past":
            continue
        for eb in b.events:
            if not same_event(ea, eb):
                continue
            pa, pb = _place_key(ea), _place_key(eb)
            if pa and pb and pa != pb:
                add("place", ea.place or pa, eb.place or pb, ea.type)
            tolerance = MULTI_DAY_TOLERANCE if {ea.type, eb.type} & MULTI_DAY_TYPES else 0
            # Only dates the articles state: a date taken from the publication day is no claim.
            if ea.date_stated and eb.date_stated and dates_agree(ea.date, eb.date, tolerance) is False:
                add("date", ea.date, eb.date, ea.type)
            if ea.visit_kind and eb.visit_kind and ea.visit_kind != eb.visit_kind:
                add("visit_kind", ea.visit_kind, eb.visit_kind, ea.type)
            # Copies name the same people; one naming fewer (a shortened list, a name the
            # extractor missed) is no disagreement, each naming someone the other does not is.
            pa_ids, pb_ids = set(ea.participant_ids), set(eb.participant_ids)
            if copies and pa_ids - pb_ids and pb_ids - pa_ids:
                add("participants", sorted(ea.participants), sorted(eb.participants), ea.type)

    units_a = _unit_counts(a.facts)
    units_b = _unit_counts(b.facts)
    for fa in a.facts:
        unique = units_a.get(norm_name(fa.unit)) == 1 and units_b.get(norm_name(fa.unit)) == 1
        matches = [fb for fb in b.facts if same_figure(fa, fb, copies=copies, unique_unit=unique)]
        # A figure is contradicted only when the other article gives the same measure and none
        # of its values for it agrees (two values can be given for one thing at two times).
        if matches and not any(figures_agree(fa, fb) for fb in matches):
            key = ("figure", _figure_key(fa))
            found.setdefault(key, Conflict(field="figure", value=_fmt_figure(fa), other=b.id,
                                           other_value=_fmt_figure(matches[0])))
    return list(found.values())


def _unit_counts(facts: list[FactSketch]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for fact in facts:
        unit = norm_name(fact.unit)
        counts[unit] = counts.get(unit, 0) + 1
    return counts


def _figure_key(fact: FactSketch) -> str:
    return re.sub(r"\s+", " ", f"{fact.unit}|{fact.what}|{fact.year}")
