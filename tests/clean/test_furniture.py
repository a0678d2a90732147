"""The clean step on texts written for the tests, one set per language."""
from __future__ import annotations

from pathlib import Path

import pytest
from script_modules import load_module

from dragoman.clean.furniture import FurnitureRemover
from dragoman.doc import Removed


# The shared sample helper (``tests/clean/_samples.py``; tests run in importlib mode).
_samples = load_module(Path(__file__).resolve().parents[1] / "clean" / "_samples.py", "dragoman_test_clean_samples")
LANGS = _samples.LANGS
SAMPLES = _samples.SAMPLES
run = _samples.run


@pytest.fixture(scope="module")
def remover() -> FurnitureRemover:
    return FurnitureRemover()


@pytest.mark.parametrize("code", LANGS)
def test_section_title_footer_and_link_list_removed(code):
    case = SAMPLES[code]["furnished"]
    article = run(case["raw"])
    assert article.title == case["title"]
    assert article.section == case["section"]
    assert article.text.startswith(case["first"]), article.text[:120]
    assert article.text.endswith(case["last"]), article.text[-200:]
    assert case["title"] not in article.text
    removed = "\n".join(line.text for line in article.removed)
    for piece in case["removed"]:
        assert piece in removed, piece


@pytest.mark.parametrize("code", [c for c in LANGS if "header" in SAMPLES[c]])
def test_site_header_with_section_and_timestamp(code):
    case = SAMPLES[code]["header"]
    article = run(case["raw"])
    assert article.title == case["title"]
    assert article.section and "::" not in article.text
    assert any(line.reason == "header" for line in article.removed)


@pytest.mark.parametrize("code", [c for c in LANGS if "metadata" in SAMPLES[c]])
def test_metadata_glued_to_the_title(code):
    case = SAMPLES[code]["metadata"]
    article = run(case["raw"])
    assert article.title == case["title"]
    assert not article.text.lower().startswith("date")
    assert article.header_lines and article.header_lines[0].startswith("date")


def test_hint_title_wins_and_is_not_repeated(remover):
    text = "Kazakhstan\nTokayev meets Xi in Astana\n\nThe two leaders met on Monday.\nThey signed ten documents."
    cleaned = remover.clean(text, "Tokayev meets Xi in Astana")
    assert cleaned.title == "Tokayev meets Xi in Astana"
    assert cleaned.text.startswith("The two leaders met")


def test_short_title_without_section_is_kept_as_title(remover):
    text = "Putin meets Tokayev\n\nThe presidents met in the Kremlin on Tuesday and discussed energy."
    cleaned = remover.clean(text)
    assert cleaned.title == "Putin meets Tokayev"
    assert cleaned.section is None


def test_closing_list_of_sentences_is_not_a_link_list(remover):
    body = "\n".join(f"- Point {n} was discussed at length by the two delegations." for n in range(6))
    text = f"Talks end in Baku\n\nDelegations met in Baku for two days of talks.\n{body}"
    cleaned = remover.clean(text)
    assert cleaned.text.endswith("delegations.")
    assert not any(r.reason == "link list" for r in cleaned.removed)


def test_sentence_starting_like_a_footer_marker_stays(remover):
    text = ("Minister resigns\n\nThe minister resigned on Monday.\n"
            "Comments by the opposition were harsh, and several deputies called for early elections in the spring.")
    cleaned = remover.clean(text)
    assert cleaned.text.endswith("in the spring.")


def test_lone_bullets_and_captions_removed(remover):
    text = ("Summit opens in Astana\n\nPhoto: Akorda press service\nLeaders arrived in Astana on Monday.\n-\n"
            "The summit will last two days.")
    cleaned = remover.clean(text)
    assert "Photo:" not in cleaned.text and "\n-\n" not in cleaned.text
    assert cleaned.text == "Leaders arrived in Astana on Monday.\nThe summit will last two days."


def test_empty_text(remover):
    cleaned = remover.clean("")
    assert cleaned.text == "" and cleaned.title is None


def test_advertisement_label_inside_text_goes_alone(remover):
    text = ("Talks in Tashkent\n\nThe ministers met in Tashkent on Monday.\nAdvertisement\n"
            "They agreed to meet again next year.")
    cleaned = remover.clean(text)
    assert cleaned.text == "The ministers met in Tashkent on Monday.\nThey agreed to meet again next year."


def test_sentence_with_relative_date_stays(remover):
    text = "Border reopens\n\nThe border reopened on Monday.\nThe crossing had been closed 4 days ago."
    assert remover.clean(text).text.endswith("closed 4 days ago.")


def test_three_word_headline_above_a_paragraph_is_not_a_section(remover):
    text = ("Putin meets Tokayev\nThe presidents met in the Kremlin on Tuesday. They discussed energy.\n"
            "Further talks are planned.")
    cleaned = remover.clean(text)
    assert cleaned.title == "Putin meets Tokayev" and cleaned.section is None


def test_section_label_above_the_hinted_title_even_after_a_blank_line(remover):
    text = "Europe\n\nTokayev meets Xi in Astana\n\nThe two leaders met on Monday.\nThey signed ten documents."
    cleaned = remover.clean(text, "Tokayev meets Xi in Astana")
    assert cleaned.section == "Europe"
    assert cleaned.text.startswith("The two leaders met")


def test_footer_marker_with_story_below_is_only_a_heading(remover):
    story = [f"Paragraph {n} of the story goes on about the plague outbreak in western Mongolia and its causes."
             for n in range(4)]
    text = "Plague case confirmed\n\nA case of plague was confirmed on Monday.\nMost read in world news\n" + "\n".join(story)
    cleaned = remover.clean(text)
    assert cleaned.text.endswith(story[-1])
    assert "Most read" not in cleaned.text


@pytest.mark.parametrize("trail", ["Home > World > Asia", "Haberler » Dünya", "Главная › Политика"])
def test_breadcrumb_above_the_headline(remover, trail):
    cleaned = remover.clean(f"{trail}\nTalks end in Baku\n\nDelegations met in Baku.\nThey agreed.")
    assert cleaned.title == "Talks end in Baku"
    assert cleaned.removed[0] == Removed("breadcrumb", trail)


@pytest.mark.parametrize("pair", _samples.cases("headed"), ids=_samples.case_id)
def test_label_block_above_the_headline_is_header(pair):
    """Site names, section labels, breadcrumbs and timestamps above the headline are all header."""
    _, case = pair
    article = run(case["raw"])
    assert article.title == case["title"]
    assert article.section == (case["section"] or None)
    assert case["title"] not in article.text
    first_line = case["raw"].split("\n")[0]
    assert first_line not in article.text.split("\n")
    assert any(first_line in line.text for line in article.removed)


@pytest.mark.parametrize("code", [c for c in LANGS if "short_title" in SAMPLES[c]])
def test_short_headline_over_its_paragraphs_stays_the_title(code):
    case = SAMPLES[code]["short_title"]
    article = run(case["raw"])
    assert article.title == case["title"]
    assert article.section is None


@pytest.mark.parametrize("line,expected", [
    ("World | Central Asia", True),
    ("Новости / В мире", True),
    ("Politika", True),
    ("Radio Liberty", True),
    ("Kazakhstan and Uzbekistan sign water deal", False),
    ("Home | World | Asia | Europe | Africa", False),
])
def test_label_like_lines(remover, line, expected):
    assert remover.label_like(line) is expected


@pytest.mark.parametrize("line,expected", [
    ("Steppe Herald", True),  # an outlet word
    ("Ақорда", True),  # a known publisher
    ("Reuters", True),
    ("World News", False),  # a section word wins
    ("Kazakhstan", False),  # one unknown word is a section label
    ("Политика", False),
    ("Ausland", False),
])
def test_site_names_are_told_from_section_labels(remover, line, expected):
    assert remover.site_name(line) is expected


@pytest.mark.parametrize("line,expected", [
    ("Tokayev and Putin sign declaration on partnership", True),
    ("Leaders met in Astana on Monday to discuss trade.", False),  # a paragraph ends with a stop
    ("13.11.2025, 09:15", False),
    ("Home › Politics › Eurasia", False),
    ("By Dana Seitkali", False),
    ("Новости / В мире", False),
])
def test_headline_like_lines(remover, line, expected):
    assert remover.headline_like(line) is expected


def test_section_label_with_furniture_then_headline():
    raw = ("Politics\n12.11.2025, 19:42\n\nLeaders agree on new trade corridor through the Caspian\n\n"
           "The leaders agreed on Wednesday to expand the corridor.\nTalks continue next month.\n")
    article = run(raw)
    assert (article.title, article.section) == ("Leaders agree on new trade corridor through the Caspian", "Politics")


def test_label_with_only_a_paragraph_below_is_the_title():
    raw = "Summit ends\n\nThe summit ended on Friday with a joint statement on transport links.\nIt was the third such meeting.\n"
    assert run(raw).title == "Summit ends"


@pytest.mark.parametrize("code", [c for c in LANGS if "feed_source" in SAMPLES[c] and "headed" in SAMPLES[c]])
def test_site_name_and_section_on_one_top_line(code):
    """'Site – Section' on the first line: the site names the source, the rest is the section."""
    top = SAMPLES[code]["feed_source"]["hint"]
    case = SAMPLES[code]["headed"][0]
    raw = top + "\n" + case["raw"].split("\n", 1)[1]
    article = run(raw)
    assert article.title == case["title"]
    assert article.source == SAMPLES[code]["feed_source"]["source"]
    assert article.section == top[len(article.source):].strip(" –|-")
    assert article.published == case["published"]


# Navigation lines and counters above the headline (our own pages, modelled on real sites):
# the headline is the first line that says something.
NAVIGATION_HEADS = [
    ("en", "Skip to main content\nDownload on the App Store\n12\n\nPresident Lula arrives in Beijing for talks with Xi\n\n"
           "Brazil's president landed in Beijing on Tuesday for a three-day state visit."),
    ("ru", "Перейти к основному контенту\nПолитика ,\n0\n\nЛула прибыл в Пекин с государственным визитом\n\n"
           "Президент Бразилии во вторник прилетел в Пекин для переговоров с Си Цзиньпином."),
    ("de", "Zum Inhalt springen\n\nLula trifft Xi in Peking\n\n"
           "Der brasilianische Präsident ist am Dienstag zu einem Staatsbesuch in Peking eingetroffen."),
    ("tr", "İçeriğe geç\n\nLula, Şi ile görüşmek üzere Pekin'de\n\n"
           "Brezilya Devlet Başkanı salı günü üç günlük devlet ziyareti için Pekin'e geldi."),
]


@pytest.mark.parametrize("code,text", NAVIGATION_HEADS, ids=[c for c, _ in NAVIGATION_HEADS])
def test_navigation_and_counters_are_not_the_headline(remover, code, text):
    cleaned = remover.clean(text)
    headline = text.split("\n\n")[1]
    assert cleaned.title == headline
    assert "Skip" not in cleaned.text and "Перейти" not in cleaned.text and "springen" not in cleaned.text


def test_a_sentence_that_starts_like_a_skip_link_stays(remover):
    text = ("Kazakhstan and Russia sign energy deal\n\n"
            "Skip to main content is what the minister jokingly told reporters before the talks began.\n\n"
            "The agreement covers gas supplies until 2030.")
    assert "jokingly" in remover.clean(text).text
