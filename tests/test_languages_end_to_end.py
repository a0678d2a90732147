"""End to end, per language: short news articles of our own, written the way wire copy is written
in each language that issue 9 added, read as plain text and run through the whole default pipeline.

Every language has six articles (``tests/data/languages_end_to_end.jsonl``): a visit, a meeting,
a phone call, a signed agreement, a figure with its unit and a publication date written the way
a news page in that language shows it (its event dated by a day and month the page's date places).
Each case checks what the pipeline made of its article: the detected language, the publication
date, and the event (type, participants' canonical names, place, ISO date) or the fact (value and
unit) the article states. A case lists every field that came out wrong, not only the first.

An expected ``place`` of null is not checked (a phone call has none); the participants listed are
those the article names, and the event may name more (the countries, a host).
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from dragoman.doc import Article, Event
from dragoman.ingest import read_text
from dragoman.pipeline import default_pipeline
from dragoman.prepare import analyse

DATA = Path(__file__).parent / "data" / "languages_end_to_end.jsonl"
CASES = {(c["lang"], c["kind"]): c
         for c in (json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip())}
LANGS = list(dict.fromkeys(lang for lang, _ in CASES))
KINDS = ("visit", "meeting", "phone_call", "agreement", "figure", "published")


@pytest.fixture(scope="module")
def pipeline():
    return default_pipeline()


def run_text(pipeline, text: str) -> Article:
    """``text`` as a plain-text file's bytes, read by the text reader and analysed by ``pipeline``."""
    raw = read_text(text.encode("utf-8"), "article.txt", "article")
    article = analyse(pipeline, raw)
    assert isinstance(article, Article), article
    return article


def best_event(events: list[Event], wanted: dict) -> Event | None:
    """The event of the wanted type that names most of the wanted participants."""
    same_type = [e for e in events if e.type == wanted["type"]]
    if not same_type:
        return None
    return max(same_type, key=lambda e: (len(set(wanted["participants"]) & set(e.participants)),
                                         e.place == wanted["place"], e.date == wanted["date"]))


def event_problems(article: Article, wanted: dict) -> list[str]:
    event = best_event(article.events, wanted)
    if event is None:
        got = [(e.type, e.participants) for e in article.events]
        return [f"no {wanted['type']} event; events: {got}"]
    problems = []
    missing = [name for name in wanted["participants"] if name not in event.participants]
    if missing:
        problems.append(f"participants lack {missing}: {event.participants}")
    if wanted["place"] is not None and event.place != wanted["place"]:
        problems.append(f"place {event.place!r}, not {wanted['place']!r}")
    if event.date != wanted["date"]:
        problems.append(f"date {event.date!r} (basis {event.date_basis}, text {event.date_text!r}), "
                        f"not {wanted['date']!r}")
    return problems


def fact_problems(article: Article, wanted: dict) -> list[str]:
    for fact in article.facts:
        if fact.unit == wanted["unit"] and math.isclose(fact.value, wanted["value"], rel_tol=1e-9):
            return []
    got = [(f.value, f.unit, f.surface) for f in article.facts]
    return [f"no fact {wanted['value']:g} {wanted['unit']}; facts: {got}"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_article_through_the_whole_pipeline(pipeline, lang, kind):
    case = CASES.get((lang, kind))
    assert case is not None, f"no {kind} article for {lang} in {DATA.name}"
    assert case["event"] or case["fact"], "a case states an event or a fact"
    article = run_text(pipeline, case["text"])
    problems = []
    if article.lang != lang:
        problems.append(f"language {article.lang!r} (score {article.lang_score}), not {lang!r}")
    if (article.published or "")[:10] != case["published"]:
        problems.append(f"published {article.published!r}, not {case['published']!r}")
    if case["event"]:
        problems += event_problems(article, case["event"])
    if case["fact"]:
        problems += fact_problems(article, case["fact"])
    assert not problems, f"{lang} {kind}: " + "; ".join(problems)
