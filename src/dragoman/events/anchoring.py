"""What the article as a whole says of its news: the dateline (:func:`dateline`), the headline
(:func:`headline`) and the anchoring of reported events that do not say where or when
(:func:`anchor`).

Reported events without a place or date take the article's anchor (its first placed and dated
reported event, the dateline, the headline, the publication date); what the headline gives
carries headline evidence (offsets ``TITLE_OFFSET``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..doc import Article, EntityRef, Evidence, Mention
from ..lang.dates import dateline_shape
from . import timex
from .actors import Actor, ArticleActors, is_city, kb, kb_lookup
from .candidates import find_candidates
from .drafting import Draft
from .lexicon import Lexicon
from .status import REPORTED

# Lines at the top of an article where a dateline ("MOSCOW, Nov 12 -") may open the text.
DATELINE_LINES = 3
# Offsets of evidence taken from the headline: evidence offsets index ``article.text``, which
# does not hold the headline, so headline evidence carries this value as start and end.
TITLE_OFFSET = -1


def dateline(actors: ArticleActors, text: str, code: str | None
             ) -> tuple[Actor | None, timex.TimeExpression | None]:
    """The city and date of a dateline opening one of the first lines ("MOSCOW, Nov 12
    (Reuters) -"); the headline may come first. A dateline the entities stage did not link
    is looked up in the knowledge base. The date is the day the article reports on. The shape
    of a dateline is the date grammar's (``lang/xx/dates.toml`` ``[dateline]``)."""
    pattern = dateline_shape().place
    lines = [m for m in re.finditer(r"^[^\n]*\S[^\n]*$", text, re.MULTILINE)][:DATELINE_LINES]
    for line in lines:
        match = pattern.match(line.group())
        if not match:
            continue
        dates = timex.find(line.group()[match.end():match.end() + 40], code)
        if not dates or dates[0].start > 1:
            continue
        when = dates[0] if not dates[0].relative and dates[0].month is not None else None
        start, end = line.start() + match.start("place"), line.start() + match.end("place")
        linked = next((a for a in actors.actors if a.start == start and a.type in ("place", "city")), None)
        if linked and is_city(linked.name):
            return linked, when
        for entity in kb_lookup(match.group("place"), code):
            if entity.type == "place" and is_city(entity.name):
                return Actor(start, end, entity.name, entity.id, "place"), when
        return None, when
    return None, None


@dataclass
class Headline:
    """What the headline says of the article's main event: a city, a date, its text."""

    text: str
    city: Actor | None = None
    date: timex.ResolvedDate | None = None
    # People the headline reports as saying something ("Tokayev says ..."): what they say is
    # news of its own even when they also take part in the article's meeting.
    speakers: frozenset[str] = frozenset()


def headline(article: Article, reference, lex: Lexicon | None = None) -> Headline | None:
    """The headline's city, date and speakers. Its names are the entities stage's
    ``article.title_mentions`` (offsets into ``article.title``); unlinked ones are skipped."""
    title = article.title
    if not title or not title.strip():
        return None
    found = Headline(title)
    refs = {e.id: e for e in article.entities}
    people = []
    for m in sorted(article.title_mentions, key=lambda m: (m.start, m.end)):
        if not m.entity_id:
            continue
        name = _canonical_name(m, refs)
        if m.type == "place" and is_city(name) and found.city is None:
            found.city = Actor(m.start, m.end, name, m.entity_id, "place")
        elif m.type == "person":
            people.append(name)
    if people and lex is not None and (
            any(c.type == "statement" for c in find_candidates(title, lex))
            or (lex.headline_statement is not None and lex.headline_statement.search(title))):
        found.speakers = frozenset(people)
    for expression in timex.find(title, article.lang):
        if (date := timex.resolve(expression, reference)) is not None:
            found.date = date
            break
    return found


def _canonical_name(mention: Mention, refs: dict[str, EntityRef]) -> str:
    """The canonical name of a linked mention: the article's entity list has it (the entities
    stage adds the headline's entities there), else the knowledge base, else as written."""
    if (ref := refs.get(mention.entity_id)) is not None:
        return ref.name
    base = kb()
    entity = base.get(mention.entity_id) if base is not None else None
    return entity.name if entity is not None else mention.surface


def headline_visit_kind(drafts: list[Draft], found: Headline | None, lex: Lexicon) -> None:
    """"State visit: ..." in the headline names the kind of the visit the body reports."""
    if found is None:
        return
    kind = next((k for k, pattern in lex.visit_kinds if pattern.search(found.text)), None)
    for d in drafts:
        if kind and d.event.type == "visit" and d.event.status == REPORTED and not d.event.visit_kind:
            d.event.visit_kind = kind


def anchor(drafts: list[Draft], dateline_city: Actor | None, reference, found: Headline | None = None,
           dateline_date: timex.TimeExpression | None = None, published: str | None = None) -> None:
    """Reported events without place or date take the article's: its first explicit ones, the
    dateline city, the headline's city and date, the dateline's date, the publication date.
    A year-less dateline date in an undated article is kept as ``date_text`` for the corpus
    stage to place. A statement takes the
    place only when its speaker takes part in a reported event. What the headline gives
    is marked by evidence from the headline (offsets ``TITLE_OFFSET``)."""
    reported = [d for d in drafts if d.event.status == REPORTED]
    place = next(((d.event.place, d.event.place_id) for d in reported
                  if d.explicit_place and d.event.type != "statement"), None)
    from_title = set()
    if place is None and dateline_city is not None:
        place = (dateline_city.name, dateline_city.id)
    if place is None and found is not None and found.city is not None:
        place = (found.city.name, found.city.id)
        from_title.add("place")
    dated = next((d for d in reported if d.explicit_date), None)
    title_date = found.date if found is not None and dated is None else None
    # What a participant says is said at the event (a press conference after the talks).
    engaged = {p for d in reported if d.event.type != "statement" for p in d.persons}
    for d in reported:
        e = d.event
        used_title = False
        if e.place is None and place and (e.type != "statement" or set(d.persons) & engaged):
            e.place, e.place_id = place
            used_title = "place" in from_title
        if e.date is None and not e.date_text:
            if dated is not None:
                e.date, e.date_precision = dated.event.date, dated.event.date_precision
            elif title_date is not None:
                e.date, e.date_precision = title_date.iso, title_date.precision
                used_title = True
            elif dateline_date is not None:
                placed = timex.resolve(dateline_date, reference)
                if placed is not None:
                    e.date, e.date_precision = placed.iso, placed.precision
                else:
                    e.date_text = dateline_date.surface
            elif reference is not None:
                # The text never says when: the publication day stands in, marked so that
                # it places the event in time without contradicting a source that does say.
                e.date, e.date_precision, e.date_basis = reference.isoformat(), timex.DAY, "published"
            elif (month := timex.partial_reference(published)) is not None:
                # A page dated only to the month (``date 2024-09``) still places the event.
                e.date, e.date_precision, e.date_basis = month.iso, month.precision, "published"
        if used_title:
            e.evidence.append(Evidence(found.text, TITLE_OFFSET, TITLE_OFFSET))
