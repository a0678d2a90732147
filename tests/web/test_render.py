"""The HTML pieces: marked text, languages and directions, the month chart, all on hostile input."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("jinja2", reason="the web extra is not installed")

from markupsafe import Markup  # noqa: E402

from dragoman.doc import Mention  # noqa: E402
from dragoman.service.views import MonthCount  # noqa: E402
from dragoman.web.render import (Highlight, direction, finalize, href, lang_attrs, lang_tag, language_name,  # noqa: E402
                                 marked_text, month_chart)

TEXT = "Putin met Tokayev in Moscow. <b>Trade</b> grew."


def test_mentions_link_to_entities_and_evidence_is_marked_with_its_event():
    mentions = [Mention(0, 5, "Putin", "Q7747", "person"), Mention(10, 17, "Tokayev", None, "person")]
    html = marked_text(TEXT, mentions, [Highlight(0, 28, [2], "2: meeting")])
    assert html.startswith('<mark class="evidence ev-2" title="2: meeting"><sup class="ev-no">2</sup>'
                           '<a class="mention person" href="/entities/Q7747">Putin</a>')
    assert '<span class="mention person">Tokayev</span>' in html
    assert "&lt;b&gt;Trade&lt;/b&gt;" in html and "<b>" not in html


def test_overlapping_and_out_of_range_spans_never_break_the_text():
    mentions = [Mention(0, 9, "Putin met", "A", "person"), Mention(6, 17, "x", "B", "person"),
                Mention(40, 99, "far", "C", "person"), Mention(5, 3, "back", "D", "person")]
    highlights = [Highlight(0, 12, [1]), Highlight(8, 20, [2]), Highlight(90, 120, [3])]
    html = marked_text(TEXT, mentions, highlights)
    assert Markup(re.sub(r'<sup class="ev-no">\d+</sup>', "", html)).striptags() == TEXT  # every character, once
    assert html.count("<mark") == 1 and 'ev-1 ev-2' in html
    assert "/entities/B" not in html and "/entities/C" not in html and "/entities/D" not in html


def test_controls_and_bidi_overrides_are_shown_not_obeyed():
    html = marked_text("a\u202eb\x1b[31mc\u200dd")
    assert "\u202e" not in html and "\\u202e" in html and "\\x1b" in html
    assert "\u200d" in html  # ZWJ spells Persian and Indic words
    assert finalize("x\u202ey") == "x\\u202ey" and finalize(None) == "" and finalize(3) == 3


def test_ids_are_percent_encoded_in_links():
    assert href("entities", 'a/b?"<x>') == "/entities/a%2Fb%3F%22%3Cx%3E"


@pytest.mark.parametrize("code,expected", [("ar", "rtl"), ("fa", "rtl"), ("he", "rtl"), ("ru", "ltr"),
                                           ("zh", "ltr"), (None, "auto"), ("xx", "auto"), ('"><x', "auto")])
def test_direction_of_a_language(code, expected):
    assert direction(code) == expected


def test_lang_attributes_never_carry_junk():
    assert lang_tag('en" onload="x') == "" and lang_tag("zh-TW") == "zh-TW"
    assert str(lang_attrs("ar")) == ' lang="ar" dir="rtl"'
    assert language_name("kk") == "Kazakh" and language_name(None) == "unknown language"


def test_month_chart_draws_one_bar_per_month():
    months = [MonthCount("2024-12", 2), MonthCount("2025-01", 0), MonthCount("2025-02", 5)]
    svg = month_chart(months, label="<Putin>")
    assert svg.count('<rect class="bar"') == 3 and "&lt;Putin&gt;" in svg and "<Putin>" not in svg
    assert ">2025<" in svg and month_chart([]) == ""
