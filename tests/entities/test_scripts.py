"""Names in scripts without case or without spaces: Han, kana, Hangul, Arabic, Devanagari, Greek.

The sentences are ours; the names are real countries and capitals, known to the knowledge base
from CLDR and GeoNames.
"""
from __future__ import annotations

import pytest

from dragoman.entities.recognise import Recogniser
from dragoman.kb import load_kb


@pytest.fixture(scope="module")
def recognise():
    return Recogniser(load_kb())


@pytest.mark.parametrize("lang, text, expected", [
    # Chinese: no spaces; 中国 and 沙特阿拉伯 are found inside a run of characters.
    ("zh", "中国外交部长在北京会见沙特阿拉伯外交大臣。", {"China", "Beijing", "Saudi Arabia"}),
    # Japanese: kanji names, a katakana run (ロシア) and a particle after it.
    ("ja", "日本の首相は東京でロシアとウクライナについて話した。", {"Japan", "Tokyo", "Russia", "Ukraine"}),
    # Korean: particles written onto the name (미국과, 중국의, 서울에서).
    ("ko", "대통령은 서울에서 미국과 중국의 대표를 만났다.", {"Seoul", "United States", "China"}),
    # Arabic: proclitics (و "and", لل = ل + ال) written onto the name.
    ("ar", "وصل الوفد إلى الرياض للقاء ممثلين من إيران والصين.", {"Riyadh", "Iran", "China"}),
    ("fa", "ایران و عربستان سعودی در پکن گفتگو کردند.", {"Iran", "Saudi Arabia", "Beijing"}),
    # Hindi: vowel signs are combining marks, part of the word (भारत, रूस).
    ("hi", "भारत और रूस के नेता मास्को में मिले।", {"India", "Russia", "Moscow"}),
    # Greek: a genitive (Τουρκίας) restored to its nominative.
    ("el", "Ο πρωθυπουργός της Ελλάδας συναντήθηκε με τον πρόεδρο της Τουρκίας.", {"Greece", "Turkey"}),
    # People in their own scripts; a Persian name written with a zero-width non-joiner.
    ("zh", "习近平在人民大会堂会见普京。", {"Xi Jinping", "Vladimir Putin"}),
    ("fa", "شی جین\u200cپینگ با رئیس جمهور ایران دیدار کرد.", {"Xi Jinping", "Iran"}),
])
def test_names_in_other_scripts_are_found(recognise, lang, text, expected):
    mentions, entities = recognise(text, lang)
    assert expected <= {e.name for e in entities}
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.surface


@pytest.mark.parametrize("text, absent", [
    ("沿海地区的经济增长很快。", "Haiti"),  # 海地 spans two words: 沿海 | 地区
    ("政府决定增加纳税人的补贴。", "Ghana"),  # 加纳 spans 增加 | 纳税人
])
def test_short_chinese_name_across_two_words_is_not_found(recognise, text, absent):
    pytest.importorskip("jieba")
    _, entities = recognise(text, "zh")
    assert absent not in {e.name for e in entities}


def test_short_chinese_name_that_is_a_word_is_found(recognise):
    _, entities = recognise("海地总统访问了古巴。", "zh")
    assert {"Haiti", "Cuba"} <= {e.name for e in entities}
