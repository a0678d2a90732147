"""Which sentences may report an event: trigger matches from ``lang/<code>/events.toml`` with
their scopes (:func:`find_candidates`), weak triggers confirmed by the example bank
(:func:`confirm`), and what a candidate's words say of it (kind of visit, topics, documents).

A trigger's *scope* is its clause; a clause opened by a relative word ("which", "aki",
"который") belongs to the trigger just before it ("the summit, which will take place tomorrow").
In a verb-final language the scope runs on to the sentence's end, where its verb is
("정상회의에서, ... 협의할 예정이다": the summit is planned).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import timex
from .embed import NONE, ExampleBank
from .lexicon import Lexicon
from ..lang.sentences import Span, clauses, sentences

# A weak trigger stands when the bank scores its type within this margin of the best type
# (e5 similarities of related sentences sit close together, 0.80-0.95).
WEAK_MARGIN = 0.03
# Longest document title kept, in words; longer phrases are prose, not titles.
DOCUMENT_MAX_WORDS = 14
# Quoted titles of signed documents (Chinese marks titles with 《》).
_QUOTED = re.compile(r"[\"“„«《]([^\"“”„«»《》]{4,200})[\"”“»》]")
# Punctuation of scripts written without spaces; no title runs across it (签署了协定，双方还……).
_UNSPACED_BREAK = re.compile(r"[。！？，、；：]")


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
            scope_end = sentence.end if lex.verb_final else parts[ci].end
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


def confirm(candidates: list[Candidate], bank: ExampleBank | None) -> list[Candidate]:
    """The candidates that stand, with their confidence: strong triggers always, weak ones when
    the example bank agrees (within ``WEAK_MARGIN`` of its best type, above ``none``). Without
    a bank every candidate stands, weak ones at confidence 0.5."""
    if bank is None:
        for c in candidates:
            c.confidence = 0.5 if c.weak else 1.0
        return candidates
    # Only sentences with a weak trigger are embedded: the model is the slow part of the
    # pipeline, and a strong trigger stands on its own.
    texts = sorted({c.sentence.text for c in candidates if c.weak})
    guesses = dict(zip(texts, bank.guess(texts)))
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


def visit_kind(c: Candidate, lex: Lexicon, sentence: Span) -> str | None:
    """State, official or working, for a visit whose scope or sentence says so."""
    if c.type != "visit":
        return None
    for kind, pattern in lex.visit_kinds:
        if pattern.search(c.scope.text) or pattern.search(sentence.text):
            return kind
    return None


def topics(text: str, lex: Lexicon) -> list[str]:
    """The topics ``text`` names, in the lexicon's order."""
    return [topic for topic, pattern in lex.topics if pattern.search(text)]


def documents(c: Candidate, lex: Lexicon) -> list[str]:
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
                phrase = _UNSPACED_BREAK.split(part.text[m.start():end])[0]
            else:
                end = m.end()
                phrase = _UNSPACED_BREAK.split(part.text[consumed:end])[-1]
                if lex.conjunctions and (lead := lex.conjunctions.match(phrase.lstrip())):
                    phrase = phrase.lstrip()[lead.end():]
            phrase = " ".join(phrase.split()).strip(" ,.;:")
            consumed = end
            if phrase and phrase not in titles and len(phrase.split()) <= DOCUMENT_MAX_WORDS:
                titles.append(phrase)
    return titles
