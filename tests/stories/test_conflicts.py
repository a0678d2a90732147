"""Conflicts between two articles' profiles: real disagreements, and what is not one."""
from __future__ import annotations

import pytest

from dragoman import lang
from dragoman.doc import Fact
from dragoman.facts.numbers import quantities
from dragoman.stories.conflicts import compare, figures_agree, hedges
from dragoman.stories.profile import FactSketch, build_profile

from story_builders import event, make_article


def _profile(aid, events=(), facts=(), lang="en"):
    return build_profile(make_article(aid, lang, "t", "x", people={"tokayev": 2, "putin": 2},
                                      events=list(events), facts=list(facts)))


def test_place_conflict_names_both_sides():
    a = _profile("a", [event("visit", ["tokayev", "putin"], "moscow", "2025-11-12")])
    b = _profile("b", [event("meeting", ["putin", "tokayev"], "astana", "2025-11-12")])
    conflicts = compare(a, b)
    assert [(c.field, c.value, c.other, c.other_value) for c in conflicts] == [
        ("place", "Moscow", "b", "Astana")]
    assert compare(b, a)[0].value == "Astana"


@pytest.mark.parametrize("type_,da,db,conflict", [
    ("meeting", "2025-06-10", "2025-06-12", True),
    ("meeting", "2025-06-10", "2025-06-10", False),
    ("meeting", "2025-06-10", "2025-06", False),        # precision, not disagreement
    ("meeting", "2025-06", "2025-07", True),
    ("visit", "2025-11-11", "2025-11-12", False),        # a two-day visit
    ("visit", "2025-11-10", "2025-11-12", True),
    ("meeting", "2025-06-10", None, False),
])
def test_date_conflicts(type_, da, db, conflict):
    a = _profile("a", [event(type_, ["tokayev", "putin"], "moscow", da)])
    b = _profile("b", [event(type_, ["tokayev", "putin"], "moscow", db)])
    assert any(c.field == "date" for c in compare(a, b)) is conflict


def test_spelling_of_a_place_is_not_a_conflict():
    # Both resolved to the same canonical place id, written differently in each text.
    a = _profile("a", [event("visit", ["tokayev", "putin"], "karaganda", "2025-05-01", place_name="Karagandy")])
    b = _profile("b", [event("visit", ["tokayev", "putin"], "karaganda", "2025-05-01", place_name="Karaganda")])
    assert compare(a, b) == []


def test_events_with_other_people_are_not_compared():
    a = _profile("a", [event("meeting", ["tokayev", "putin"], "moscow", "2025-11-12")])
    b = _profile("b", [event("meeting", ["tokayev", "erdogan"], "ankara", "2025-11-20")])
    assert compare(a, b) == []


def test_visit_kind_conflict():
    a = _profile("a", [event("visit", ["tokayev", "putin"], "moscow", "2025-11-12", visit_kind="state")])
    b = _profile("b", [event("visit", ["tokayev", "putin"], "moscow", "2025-11-12", visit_kind="working")])
    assert [c.field for c in compare(a, b)] == ["visit_kind"]


def test_figure_conflict_and_precision():
    a = _profile("a", facts=[Fact(27.8e9, "USD", "mutual trade last year"), Fact(90, "%", "national currencies share")])
    b = _profile("b", facts=[Fact(28e9, "USD", "mutual trade last year"), Fact(75, "%", "share of national currencies")])
    conflicts = compare(a, b)
    assert [c.field for c in conflicts] == ["figure"]
    assert conflicts[0].value.startswith("90 %") and conflicts[0].other_value.startswith("75 %")


def test_figures_about_different_things_do_not_conflict():
    a = _profile("a", facts=[Fact(4e9, "USD", "Russian investment in Kazakhstan")])
    b = _profile("b", facts=[Fact(9e9, "USD", "Kazakh investment in Russia")], lang="hu")
    # "investment" is shared but what is measured differs by direction only; words decide, so
    # make sure the figures are kept apart when the years differ.
    a.facts[0].year, b.facts[0].year = 2024, 2023
    assert compare(a, b) == []


def test_translations_align_figures_by_unit():
    a = _profile("a", facts=[Fact(1e6, "t", "rare earth metals")])
    b = _profile("b", facts=[Fact(2e6, "t", "nadir toprak metalleri")], lang="tr")
    assert compare(a, b) == []  # not known to be one text: words differ, not comparable
    assert [c.field for c in compare(a, b, copies=True)] == ["figure"]


def test_participants_conflict_only_between_copies_that_really_disagree():
    a = _profile("a", [event("meeting", ["tokayev", "putin", "mirziyoyev"], "moscow", "2025-11-12")])
    b = _profile("b", [event("meeting", ["tokayev", "putin", "erdogan"], "moscow", "2025-11-12")])
    assert compare(a, b) == []
    assert [c.field for c in compare(a, b, copies=True)] == ["participants"]
    # One copy naming fewer people (a shortened list, a missed name) is no disagreement.
    fewer = _profile("c", [event("meeting", ["tokayev", "putin"], "moscow", "2025-11-12")])
    assert compare(fewer, b, copies=True) == [] and compare(b, fewer, copies=True) == []


def test_no_date_conflict_from_an_article_that_does_not_state_the_date():
    stated = _profile("a", [event("meeting", ["tokayev", "putin"], "moscow", "2025-11-11")])
    # No date in the text at all, or only the publication day the extractor fell back to.
    undated = _profile("b", [event("meeting", ["tokayev", "putin"], "moscow", None)])
    from_publication = event("meeting", ["tokayev", "putin"], "moscow", "2025-11-12")
    from_publication.date_basis = "published"
    inferred = _profile("c", [from_publication])
    for other in (undated, inferred):
        assert compare(stated, other) == [] and compare(other, stated) == []
    # The same day stated in the text does conflict.
    said = _profile("d", [event("meeting", ["tokayev", "putin"], "moscow", "2025-11-12")])
    assert [c.field for c in compare(stated, said)] == ["date"]


@pytest.mark.parametrize("x,y,qualifier,agree", [
    (27.8e9, 28e9, None, True), (4e9, 4.4e9, None, True), (4e9, 5e9, None, False),
    (9e9, 9.6e9, "about", True), (0.25, 0.1, None, False), (1e6, 1e6, None, True),
])
def test_figures_agree(x, y, qualifier, agree):
    assert figures_agree(FactSketch(x, "USD", qualifier=qualifier), FactSketch(y, "USD")) is agree


# "About 9 billion dollars" as each language writes it (the facts stage names the hedge).
ABOUT_NINE_BILLION = {
    "en": "Trade reached about 9 billion dollars last year.",
    "ru": "Товарооборот составил около 9 млрд долларов.",
    "tr": "Ticaret hacmi yaklaşık 9 milyar dolar oldu.",
    "de": "Der Handel erreichte rund 9 Milliarden Dollar.",
    "fr": "Les échanges ont atteint environ 9 milliards de dollars.",
    "es": "El comercio alcanzó unos 9 mil millones de dólares.",
    "hu": "A kereskedelem mintegy 9 milliárd dollárt tett ki.",
    "kk": "Тауар айналымы шамамен 9 млрд долларды құрады.",
    "it": "Gli scambi hanno raggiunto circa 9 miliardi di dollari.",
    "pl": "Obroty wyniosły około 9 mld dolarów.",
}


@pytest.mark.parametrize("code", sorted(ABOUT_NINE_BILLION))
def test_a_figure_hedged_in_the_articles_language_tolerates_more(code):
    [found] = quantities(ABOUT_NINE_BILLION[code], code)
    hedged = FactSketch(found.value, found.unit, qualifier=found.qualifier)
    assert figures_agree(hedged, FactSketch(9.6e9, "USD"))
    assert not figures_agree(FactSketch(found.value, found.unit), FactSketch(9.6e9, "USD"))


def test_hedges_are_qualifier_names_of_the_language_data_and_record_is_none():
    named = {name for data in lang.load_all("numbers").values()
             for side in ("before", "after") for name in data.get("qualifiers", {}).get(side, {})}
    assert hedges() and hedges() <= named
    assert "record" in named and "record" not in hedges()
    assert not figures_agree(FactSketch(9e9, "USD", qualifier="record"), FactSketch(9.6e9, "USD"))


@pytest.mark.parametrize("what, other", [
    ("trade turnover of the two countries", "the trade turnover between two countries"),
    ("товарооборот между странами в 2024 году", "товарооборот с странами за 2024"),
    ("le commerce entre les deux pays", "commerce des deux pays"),
    ("der Handel zwischen den Ländern", "Handel mit den Ländern"),
])
def test_function_words_of_every_language_say_nothing_of_what_a_figure_measures(what, other):
    a, b = FactSketch(5e9, "USD", what), FactSketch(5e9, "USD", other)
    from dragoman.stories.conflicts import _what_words

    words_a, words_b = _what_words(a), _what_words(b)
    assert len(words_a & words_b) / min(len(words_a), len(words_b)) >= 0.5
    assert not (words_a | words_b) & {"the", "of", "в", "с", "за", "le", "les", "des", "der", "den", "mit"}
