"""Language, date, source, byline and rewrite on texts written for the tests, per language."""
from __future__ import annotations

from pathlib import Path

import pytest
from script_modules import load_module

from dragoman.doc import Hints
from dragoman.describe.author import find_author, person_name
from dragoman.describe.language import LANG_MIN_CONFIDENCE, decide_language
from dragoman.describe.rewrite import rewrite_reasons
from dragoman.pipeline import Pipeline


# The shared sample helper (``tests/clean/_samples.py``; tests run in importlib mode).
_samples = load_module(Path(__file__).resolve().parents[1] / "clean" / "_samples.py", "dragoman_test_clean_samples")
LANGS = _samples.LANGS
SAMPLES = _samples.SAMPLES
case_id = _samples.case_id
cases = _samples.cases
run = _samples.run


@pytest.mark.parametrize("code", LANGS)
def test_language_of_each_sample(code):
    for key in ("furnished", "news"):
        article = run(SAMPLES[code][key]["raw"])
        assert article.lang == code, (key, article.lang, article.lang_score)


@pytest.mark.parametrize("code", LANGS)
def test_published_author_source_of_furnished_article(code):
    case = SAMPLES[code]["furnished"]
    article = run(case["raw"])
    assert article.published == (case["published"] or None)
    assert article.author == (case["author"] or None)
    assert article.source == (case["source"] or None)


@pytest.mark.parametrize("pair", cases("dated"), ids=case_id)
def test_dates_in_headers_labels_and_datelines(pair):
    _, case = pair
    hints = Hints(published=case.get("hint_published"))
    article = run(case["raw"], hints=hints)
    assert article.published == (case["published"] or None)
    if "source" in case:
        assert article.source == (case["source"] or None)


@pytest.mark.parametrize("code", [c for c in LANGS if "header" in SAMPLES[c] or "metadata" in SAMPLES[c]])
def test_dates_in_site_headers_and_metadata(code):
    for key in ("header", "metadata"):
        if key in SAMPLES[code]:
            case = SAMPLES[code][key]
            assert run(case["raw"]).published == case["published"]


@pytest.mark.parametrize("pair", cases("bylined"), ids=case_id)
def test_bylines_and_agency_tags(pair):
    _, case = pair
    article = run(case["raw"])
    assert article.author == (case["author"] or None)
    if "source" in case:
        assert article.source == (case["source"] or None)


@pytest.mark.parametrize("code", LANGS)
def test_rewrite_flagged_with_reasons(code):
    article = run(SAMPLES[code]["rewrite"]["raw"])
    assert article.rewrite, article.rewrite_reasons
    assert any(r.startswith("opener:") for r in article.rewrite_reasons)
    assert any(r.startswith("citation markers:") for r in article.rewrite_reasons)


@pytest.mark.parametrize("code", LANGS)
def test_normal_news_is_not_a_rewrite_and_has_no_date_author_or_source(code):
    article = run(SAMPLES[code]["news"]["raw"])
    assert not article.rewrite, article.rewrite_reasons
    # The story says "on 3 April": a narrative date, not the publication date.
    assert article.published is None
    assert article.author is None
    assert article.source is None


def test_hints_win_over_the_text():
    case = SAMPLES["en"]["furnished"]
    hints = Hints(title="Given title", published="2024-01-02", author="Jane Roe", source="Example Times", lang="en")
    article = run(case["raw"], hints=hints)
    assert (article.title, article.published, article.author, article.source) == (
        "Given title", "2024-01-02", "Jane Roe", "Example Times")


def test_declared_language_used_only_when_detector_unsure():
    assert decide_language("tr", 0.9, "en") == ("tr", 0.9)
    assert decide_language("uk", LANG_MIN_CONFIDENCE / 2, "kk") == ("kk", None)
    assert decide_language("uk", LANG_MIN_CONFIDENCE / 2, None) == ("uk", LANG_MIN_CONFIDENCE / 2)


def test_language_detector_can_be_replaced():
    from dragoman.describe.component import Language

    class Fixed:
        def detect(self, text):
            return "xx", 1.0

    article = run("Title line\n\nSome text here.")
    assert Language(Fixed())(article).lang == "xx"


@pytest.mark.parametrize("text,name", [
    ("Aida Haidar", "Aida Haidar"),
    ("Ursula von der Leyen", "Ursula von der Leyen"),
    ("John Smith and Jane Doe", "John Smith"),
    ("Reuters", None),
    ("Anadolu Ajansı", None),
    ("the staff", None),
    ("Madonna", None),
])
def test_person_names(text, name):
    assert person_name(text) == name


def test_writes_byline_at_end_of_sentence():
    text = "Leaders met in Astana on Monday to discuss trade, writes Aida Haidar.\nThey agreed on a plan."
    assert find_author(text) == "Aida Haidar"


def test_single_citation_marker_is_not_a_rewrite():
    is_rewrite, reasons = rewrite_reasons("The treaty text cites an earlier accord [1]. Talks continue.")
    assert not is_rewrite and reasons == []


def test_pipeline_declares_fields():
    pipe = Pipeline(["clean", "language", "describe", "rewrite"])
    assert pipe.names == ["clean", "language", "describe", "rewrite"]


def test_agency_named_after_the_byline():
    article = run("Minister visits Baku\nBy Tom Hale, Reuters\n\nThe minister arrived in Baku on Monday.\nTalks follow.")
    assert (article.author, article.source) == ("Tom Hale", "Reuters")


@pytest.mark.parametrize("hint,expected", [
    ("Tue, 12 Nov 2025 10:00:00 GMT", "2025-11-12"),
    ("2025-11-12T10:00:00+00:00", "2025-11-12T10:00:00+00:00"),
])
def test_published_hint_is_used(hint, expected):
    article = run("Talks in Astana\n\nThe talks began on Monday.\nThey will last two days.", hints=Hints(published=hint))
    assert article.published.startswith(expected)


@pytest.mark.parametrize("code,text,expected", [
    ("en", "Summit in Samarkand\n12/11/2025\nLeaders gathered in Samarkand for the summit. They discussed trade and "
           "energy in the region.\nMore talks followed.", "2025-12-11"),
    ("fr", "Sommet à Samarcande\n12/11/2025\nLes dirigeants se sont réunis à Samarcande pour le sommet. Ils ont "
           "discuté du commerce et de l'énergie dans la région.\nD'autres discussions ont suivi.", "2025-11-12"),
])
def test_numeric_dates_read_in_the_article_language(code, text, expected):
    article = run(text)
    assert (article.lang, article.published) == (code, expected)


@pytest.mark.parametrize("pair", cases("headed"), ids=case_id)
def test_header_block_feeds_published_and_source(pair):
    """The timestamp above the headline dates the article; a site name (not a section) names it."""
    _, case = pair
    article = run(case["raw"])
    assert article.published == (case["published"] or None)
    assert article.source == (case["source"] or None)


@pytest.mark.parametrize("code", [c for c in LANGS if "feed_source" in SAMPLES[c]])
def test_section_cut_from_a_feed_title(code):
    case = SAMPLES[code]["feed_source"]
    article = run(SAMPLES[code]["news"]["raw"], hints=Hints(source=case["hint"]))
    assert article.source == case["source"]


@pytest.mark.parametrize("name,expected", [
    ("Radio Free Europe/Radio Liberty", "Radio Free Europe/Radio Liberty"),
    ("Al-Monitor", "Al-Monitor"),
    ("BBC News | World", "BBC News"),
    ("Kazinform - International News Agency", "Kazinform"),
    ("Eurasia Review – News and analysis of Eurasia and the Caucasus region in 2025", None),
])
def test_outlet_name(name, expected):
    from dragoman.describe.source import outlet_name
    assert outlet_name(name) == (expected or name)


def test_section_label_is_not_a_source():
    raw = "Politics\n12.11.2025, 19:42\n\nLeaders agree on new trade corridor through the Caspian\n\nThe leaders met on Wednesday.\nTalks continue.\n"
    article = run(raw)
    assert article.source is None
    assert article.published == "2025-11-12T19:42"


@pytest.mark.parametrize("alias,name", [
    ("Kazinform", "Kazinform"), ("ҚазАқпарат", "Kazinform"), ("Казинформ", "Kazinform"),
    ("Ақорда", "Akorda"), ("Акорда", "Akorda"), ("ТАСС", "TASS"), ("РИА Новости", "RIA Novosti"),
    ("Interfax", "Interfax"), ("AA", "Anadolu Agency"), ("MTI", "MTI"), ("dpa", "dpa"), ("AFP", "AFP"),
    ("Reuters", "Reuters"), ("AP", "Associated Press"), ("Xinhua", "Xinhua"), ("Кабар", "Kabar"),
    ("Trend", "Trend"), ("APA", "APA"), ("UzA", "UzA"), ("Dunyo", "Dunyo"), ("Ховар", "Khovar"),
    ("Sputnik", "Sputnik"), ("BelTA", "BelTA"), ("Ukrinform", "Ukrinform"), ("PAP", "PAP"), ("ČTK", "ČTK"),
    ("Tanjug", "Tanjug"), ("ANSA", "ANSA"), ("EFE", "EFE"), ("Kyodo", "Kyodo"), ("Yonhap", "Yonhap"),
    ("IRNA", "IRNA"),
])
def test_agencies_known(alias, name):
    from dragoman.describe.agencies import canonical_agency
    assert canonical_agency(alias) == name


def test_yearless_dateline_takes_the_year_only_from_the_header():
    body = ("Caspian ministers meet in Baku\n\nBAKU, 12 November (Trend) – The ministers met in Baku on Wednesday."
            "\nThey discussed shipping.\n")
    assert run(body).published is None
    assert run(body).source == "Trend"
    headed = "Politics\n12.11.2025\n\n" + body
    assert run(headed).published == "2025-11-12"
