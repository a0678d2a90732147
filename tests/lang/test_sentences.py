"""The one sentence splitter: sentence ends, abbreviations per language, offsets into the text."""
from __future__ import annotations

import pytest

from dragoman import lang
from dragoman.lang.sentences import clauses, ends_sentence, opens_sentence, sentences, several_sentences


def _texts(text: str) -> list[str]:
    return [span.text for span in sentences(text)]


def test_offsets_point_into_the_text():
    text = "Tokayev met Putin.  They agreed.\nTrade grew! Both sides said so."
    for span in sentences(text):
        assert text[span.start:span.end] == span.text
    assert _texts(text) == ["Tokayev met Putin.", "They agreed.", "Trade grew!", "Both sides said so."]


@pytest.mark.parametrize("code,text,first", [
    ("en", "Dr. Jones met Mr. Smith in Baku. They talked.", "Dr. Jones met Mr. Smith in Baku."),
    ("de", "Er wohnt in der Hauptstraße Nr. 5 in Berlin. Sie auch.", "Er wohnt in der Hauptstraße Nr. 5 in Berlin."),
    ("fr", "M. Macron a reçu Mme Dupont à Paris. Ils ont parlé.", "M. Macron a reçu Mme Dupont à Paris."),
    ("hu", "Több ország, pl. Kazahsztán is részt vett. Ez fontos.", "Több ország, pl. Kazahsztán is részt vett."),
    ("ru", "Встреча прошла в 2024 г. В Астане. Стороны договорились.", "Встреча прошла в 2024 г. В Астане."),
])
def test_a_language_abbreviation_ends_no_sentence(code, text, first):
    assert lang.load(code, "sentences").get("abbreviations"), code
    assert _texts(text)[0] == first


@pytest.mark.parametrize("text,first", [
    ("J. Smith arrived in Astana. He spoke.", "J. Smith arrived in Astana."),
    ("Die Gespräche am 12. November waren gut. Beide lobten sie.", "Die Gespräche am 12. November waren gut."),
])
def test_initials_and_ordinals_end_no_sentence(text, first):
    assert _texts(text)[0] == first


def test_a_year_may_end_a_sentence():
    assert _texts("The treaty dates from 1992. It still holds.") == ["The treaty dates from 1992.", "It still holds."]


def test_quotes_close_and_open_sentences():
    assert _texts('He said "we agree." «Next» was the reply.') == ['He said "we agree."', "«Next» was the reply."]


def test_unspaced_scripts_end_sentences_at_their_full_stop():
    assert _texts("两国元首举行会谈。双方签署了协定。") == ["两国元首举行会谈。", "双方签署了协定。"]


def test_clauses_keep_offsets():
    sentence = sentences("Xx. Tokayev arrived, and talks began; trade: up.")[1]
    assert [c.text for c in clauses(sentence)] == ["Tokayev arrived", "and talks began", "trade", "up."]
    assert all(c.start >= sentence.start for c in clauses(sentence))


@pytest.mark.parametrize("line,expected", [
    ("The two presidents met in Astana.", True), ('He said "we agree."', True), ("Will they agree?", True),
    ("会谈在阿斯塔纳举行。", True), ("Most read", False), ("Talks in Baku (video)", False), ("Share this:", False),
])
def test_ends_sentence(line, expected):
    assert ends_sentence(line) is expected


@pytest.mark.parametrize("before,expected", [
    ("", True), ("They met. ", True), ("He said: ", True), ("«", True), ("in the city of ", False), ("(", False),
])
def test_opens_sentence(before, expected):
    assert opens_sentence(before) is expected


def test_several_sentences_tells_a_paragraph_from_a_headline():
    assert several_sentences("Talks ended. The sides agreed on trade.")
    assert not several_sentences("Dr. Jones visits Astana")
    assert not several_sentences("Talks end in Baku")
