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


# Cases the pipeline gets wrong today, each for a reason of its own in that language (found when
# the articles were written; see the closing notes of issue 9). Strict: a fix turns the case into
# an unexpected pass, and its entry must then go.
KNOWN_GAPS = {
    ("zh", "agreement"): "卢拉 after the title 巴西总统 and before 在 is not recognised",
    ("ja", "visit"): "ワシントン is not among the knowledge base's names of Washington, D.C.",
    ("ja", "figure"): "compound numbers (6兆3000億円) are read as their last part",
    ("ja", "published"): "the 来日中の clause (a visit) outweighs the main verb 会談しました",
    ("ko", "figure"): "compound numbers (65억7천만달러) are read as their last part",
    ("ko", "published"): "방한 중인 (a visit) outweighs 정상회담을 했다",
    ("ar", "phone_call"): "the full name محمد بن سلمان بن عبد العزيز آل سعود is read as his father, King Salman",
    ("ar", "agreement"): "وقّع needs على within three words; a verb-first sentence has a long subject",
    ("fa", "visit"): "Solar Hijri header dates (۱ آبان ۱۴۰۳) are not read; a weekday alone then dates nothing",
    ("fa", "meeting"): "Solar Hijri header dates are not read",
    ("fa", "phone_call"): "Solar Hijri header date not read; دوشنبه (Monday) is linked to Dushanbe",
    ("fa", "agreement"): "Solar Hijri header dates are not read",
    ("fa", "figure"): "Solar Hijri header date not read; ۵ میلیارد و ۴۰۰ میلیون is read as its last part",
    ("fa", "published"): "numeric Solar Hijri dates (۱۴۰۳/۰۹/۰۷) are not read",
    ("pt", "meeting"): "reuniu-se com is lost to the visit named in the same sentence",
    ("ro", "meeting"): "s-a întâlnit ... cu with the date and place between the verb and cu",
    ("ro", "published"): "s-a întâlnit ... cu with the date and place between the verb and cu",
    ("el", "meeting"): "Άγκυρα is not among the knowledge base's names of Ankara",
    ("tk", "published"): "the header date 27-nji noýabr, 2024 is not read; Şu gün then dates nothing",
    ("ky", "visit"): "келди is no visit trigger, and Шанхай кызматташтык уюму is read as the city",
    ("ky", "published"): "the header date 27-ноябрь 2024 is not read; Бүгүн then dates nothing",
    ("hi", "visit"): "the header प्रकाशित: 08/07/2024 19:20 is not read",
    ("hi", "meeting"): "the header प्रकाशित: DD/MM/YYYY is not read",
    ("hi", "phone_call"): "the header प्रकाशित: DD/MM/YYYY is not read",
    ("hi", "agreement"): "the header प्रकाशित: DD/MM/YYYY is not read",
    ("hi", "figure"): "the header प्रकाशित: DD/MM/YYYY is not read",
}


def _cases():
    for lang in LANGS:
        for kind in KINDS:
            gap = KNOWN_GAPS.get((lang, kind))
            marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
            yield pytest.param(lang, kind, id=f"{lang}-{kind}", marks=marks)


@pytest.mark.parametrize("lang,kind", list(_cases()))
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
