"""One candidate becomes one draft event: its status, date, participants and city, read from
its own clause or sentence (:func:`draft`). Article-level rules (merging, anchoring) come later.

Participants are the people in scope (for a relative clause, the person it refers to), the
countries and organisations in scope, the countries the people act for (knowledge base), and,
when fewer than two people are named, the article's main actors (not for an earlier or planned
event that names its own counterpart). A statement has one participant: its speaker.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..doc import Article, Event, Evidence
from ..lang.sentences import Span
from . import timex
from .actors import MAIN_ACTORS, Actor, ArticleActors, acting_country, unique
from .candidates import Candidate, documents, topics, visit_kind
from .lexicon import Lexicon, plover_table
from .status import PAST, PLANNED, REPORTED, status_from_cues, status_from_date

# A country or organisation this close (characters) to a person is the one they act for
# ("Kazakh President Tokayev", "Jurij Usakov, az orosz elnök tanácsadója").
ACTING_FOR_CHARS = 30
# Types whose participants include every country and organisation in scope.
COLLECTIVE_TYPES = frozenset({"summit", "negotiation", "agreement"})


@dataclass
class Draft:
    """An event being assembled, with what merging and anchoring need."""

    event: Event
    start: int
    persons: list[str] = field(default_factory=list)
    named: int = 0  # people named in the event's own sentence or clause
    explicit_date: bool = False
    explicit_place: bool = False


def draft(c: Candidate, article: Article, lex: Lexicon, actors: ArticleActors, reference) -> Draft | None:
    """The event ``c`` reports, or ``None`` for an appeal ("called for talks"), an undated
    earlier event that names too little, or a statement without a speaker."""
    sentence, scope = c.sentence, c.scope
    where = scope if c.relative else sentence
    if c.type != "statement" and lex.appeal and lex.appeal.search(scope.text[:max(0, c.trigger.start - scope.start)]):
        return None  # "called for negotiations": an appeal, not an event
    # What someone said may be about the past or future ("tanımayacağını açıkladı", "said it
    # would"): a statement's status comes from its date alone.
    status = REPORTED if c.type == "statement" else status_from_cues(scope.text, lex)
    if status == REPORTED and c.relative and c.type != "statement":
        # A relative clause without cues of its own shares its sentence's time ("had visited
        # Uzbekistan, where an agreement was signed").
        status = status_from_cues(sentence.text, lex)
    # Date: an expression in scope first, then (outside relative clauses) in the sentence.
    expressions = scope_expressions = timex.find(scope.text, article.lang)
    if not expressions and not c.relative:
        expressions = timex.find(sentence.text, article.lang)
    # The expression nearest the trigger ("Astana, 20 June – ... arrived on Wednesday").
    expressions.sort(key=lambda e: _distance(e, c, scope if e in scope_expressions else sentence))
    date = None
    date_text = expressions[0].surface if expressions else None
    for expression in expressions:
        date = timex.resolve(expression, reference, future=status == PLANNED)
        if date:
            date_text = expression.surface
            break
    status = status_from_date(status, date, reference)
    persons, others = participants(c, actors, where)
    named = len(persons)
    if status == PAST and not expressions and not (named and (others or actors.city(where))):
        # An undated earlier event says too little to keep ("had signed") unless its own
        # words name who and where or with whom ("Tokayev was in the US last week").
        return None
    if c.type == "statement":
        if not persons:
            return None
        others = []
    elif len(persons) < MAIN_ACTORS and not c.relative and not (status != REPORTED and persons and _counterpart(persons, others)):
        # The article's main actors stand in for the people an event leaves unnamed, except
        # for an earlier or planned event that names its own counterpart ("Tokayev was in
        # the US last week" is not a meeting with the article's other leader).
        persons += [a for a in actors.main if a.name not in {p.name for p in persons}][:MAIN_ACTORS - len(persons)]
    people = unique(persons + others)
    if c.type != "statement":
        # The countries the people act for take part too ("Tokayev" -> Kazakhstan), so an
        # event compares with reports that name states rather than leaders.
        people = unique(people + [Actor(-1, -1, *country, "country") for p in persons
                                  if (country := acting_country(p.id))])
    city = actors.city(scope) or (None if c.relative else actors.city(sentence))
    code = plover_table().get(c.type)
    event = Event(
        type=c.type,
        participants=[a.name for a in people],
        participant_ids=[a.id or "" for a in people],
        place=city.name if city else None,
        place_id=city.id if city else None,
        date=date.iso if date else None,
        date_precision=date.precision if date else None,
        date_text=None if date else date_text,
        status=status,
        plover=code.category if code else None,
        plover_mode=code.mode if code else None,
        visit_kind=visit_kind(c, lex, sentence),
        topics=topics(sentence.text, lex),
        documents=documents(c, lex) if c.type == "agreement" else [],
        evidence=[Evidence(sentence.text, sentence.start, sentence.end)],
        confidence=c.confidence,
    )
    return Draft(event, c.trigger.start, [a.name for a in persons], named, date is not None, city is not None)


def participants(c: Candidate, actors: ArticleActors, where: Span) -> tuple[list[Actor], list[Actor]]:
    """The people ``c`` names (its speaker, for a statement) and the countries and
    organisations that take part with them."""
    if c.type == "statement":
        # The speaker is the sentence's subject: the first person named before the verb
        # ("Jurij Usakov, az orosz elnök tanácsadója ... azt mondta"), else after it ("said Peskov").
        speaker = actors.first_person_after(c.sentence.start, c.trigger.start) or \
            actors.first_person_after(c.trigger.end, c.sentence.end)
        return ([speaker] if speaker else []), []
    persons = actors.within(where, "person")
    if c.relative:
        antecedent = actors.nearest_person_before(c.scope.start, c.sentence.start)
        if antecedent:
            persons = [antecedent] + persons
    groups = actors.within(where, "country", "org")
    if c.type in COLLECTIVE_TYPES or len(persons) < MAIN_ACTORS:
        others = groups
    else:
        others = [g for g in groups if any(abs(g.start - p.end) <= ACTING_FOR_CHARS
                                           or abs(p.start - g.end) <= ACTING_FOR_CHARS for p in persons)]
    return unique(persons), others


def _counterpart(persons: list[Actor], others: list[Actor]) -> bool:
    """Whether ``others`` names a country or organisation besides those the persons act for."""
    own = {country[0] for p in persons if (country := acting_country(p.id))}
    return any(o.name not in own for o in others)


def _distance(expression: timex.TimeExpression, c: Candidate, within: Span) -> int:
    start, end = within.start + expression.start, within.start + expression.end
    return max(0, c.trigger.start - end, start - c.trigger.end)
