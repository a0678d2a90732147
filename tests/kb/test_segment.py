"""Word boundaries for languages written without spaces, and tokens in every script."""
from __future__ import annotations

import pytest

from dragoman.kb.morph import inflection
from dragoman.kb.normalize import tokens
from dragoman.kb.segment import word_boundaries


@pytest.mark.parametrize("text, expected", [
    ("中国外交部", ["中", "国", "外", "交", "部"]),  # Han: one token per character
    ("ウラジーミル・プーチン氏", ["ウラジーミル", "プーチン", "氏"]),  # a katakana run is one token
    ("भारत के प्रधानमंत्री", ["भारत", "के", "प्रधानमंत्री"]),  # vowel signs stay in the word
    ("Astana'da", ["Astana", "da"]),
])
def test_tokens(text, expected):
    assert [t for _, _, t in tokens(text)] == expected


def test_chinese_boundaries_come_from_the_segmenter():
    pytest.importorskip("jieba")
    bounds = word_boundaries("沿海地区", "zh")
    assert bounds is not None and 0 in bounds and 4 in bounds and 1 not in bounds


@pytest.mark.parametrize("lang", ["en", "ru", "ar", "ko"])
def test_languages_without_segmenter_have_no_boundaries(lang):
    assert word_boundaries("some text", lang) is None


@pytest.mark.parametrize("lang, token, base", [
    ("ar", "والصين", "الصين"),
    ("ar", "للصين", "الصين"),
    ("ko", "서울에서", "서울"),
    ("uk", "києві", "києв"),
    ("az", "bakıda", "bakı"),
])
def test_inflection_bases(lang, token, base):
    from dragoman.kb.normalize import fold
    assert fold(base) in inflection(lang).bases(fold(token))
