"""The clean step on texts written for the tests, one set per language."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from dragoman.clean.furniture import FurnitureRemover


def _load_samples():
    """The shared sample helper (``tests/clean/_samples.py``; tests run in importlib mode)."""
    path = Path(__file__).resolve().parents[1] / "clean" / "_samples.py"
    spec = importlib.util.spec_from_file_location("dragoman_test_clean_samples", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_samples = _load_samples()
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
    removed = "\n".join(article.removed)
    for piece in case["removed"]:
        assert piece in removed, piece


@pytest.mark.parametrize("code", [c for c in LANGS if "header" in SAMPLES[c]])
def test_site_header_with_section_and_timestamp(code):
    case = SAMPLES[code]["header"]
    article = run(case["raw"])
    assert article.title == case["title"]
    assert article.section and "::" not in article.text
    assert any(line.startswith("header:") for line in article.removed)


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
    assert not any(r.startswith("link list") for r in cleaned.removed)


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
    assert cleaned.removed[0] == f"breadcrumb: {trail}"
