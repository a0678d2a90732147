"""The facts component: one fact per stated number, with its clause, year and evidence."""
from __future__ import annotations

import pytest

from dragoman.doc import Article
from dragoman.facts.component import FactsComponent, extract_facts


def test_repeated_figure_is_one_fact_and_horizon_needs_a_programme():
    text = ("Kırgızistan ile Kazakistan, 2030 için ticaret hedefini 3 milyar dolara yükseltmeyi planlıyor.\n"
            "Caparov, \"Ticaret hacmini 2030 yılına kadar 3 milyar dolara çıkarmayı hedefliyoruz.\" dedi.")
    facts = extract_facts(text, "tr")
    assert [(f.value, f.unit, f.year) for f in facts] == [(3e9, "USD", 2030)]


@pytest.mark.parametrize("lang,text", [
    ("hu", "A felek aláírtak egy 2030-ig szóló gazdasági együttműködési programot."),
    ("en", "The sides adopted an economic cooperation programme until 2030."),
    ("ru", "Стороны подписали программу экономического сотрудничества до 2030 года."),
    ("hr", "Strane su potpisale program gospodarske suradnje do 2030. godine."),
    ("bs", "Strane su potpisale program ekonomske saradnje do 2030. godine."),
    ("cs", "Strany podepsaly program hospodářské spolupráce do roku 2030."),
])
def test_programme_horizon_is_a_year_fact(lang, text):
    facts = extract_facts(text, lang)
    assert [(f.value, f.unit) for f in facts] == [(2030, "year")]


def test_fact_carries_clause_year_qualifier_and_evidence():
    text = "A kazah elnök szerint 2024-ben 4 milliárd dollárral rekordszintet értek el a befektetések."
    (fact,) = extract_facts(text, "hu")
    assert (fact.value, fact.unit, fact.year, fact.qualifier) == (4e9, "USD", 2024, "record")
    assert fact.surface == "4 milliárd dollárral"
    assert "befektetések" in fact.what
    assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.text


def test_component_fills_article_facts():
    article = Article(id="a", origin="t", input_format="text", raw_text="", hash="",
                      text="Exports rose by almost 50 percent to $27.8 billion.", lang="en")
    article = FactsComponent()(article)
    assert [(f.value, f.unit, f.qualifier) for f in article.facts] == [(50, "%", "almost"), (27.8e9, "USD", None)]
