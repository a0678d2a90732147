"""The one date grammar: forms per language, CLDR names, boundaries, eras, date lines."""
from __future__ import annotations

import pytest

from dragoman import lang
from dragoman.lang import dates
from dragoman.lang.dates import grammar

FORMS = [
    ("en", "Published on November 12, 2025, 10:05", "2025-11-12T10:05"),
    ("en", "3rd April 2025", "2025-04-03"),
    ("en", "Sept. 3, 2025", "2025-09-03"),
    ("tr", "12 Kasım 2025 Çarşamba 14:30", "2025-11-12T14:30"),
    ("tr", "12.11.2025", "2025-11-12"),
    ("hu", "2025. november 12. 22:19", "2025-11-12T22:19"),
    ("hu", "2025. nov. 12.", "2025-11-12"),
    ("ru", "12 ноября 2025 года", "2025-11-12"),
    ("kk", "2025 жылғы 12 қарашада", "2025-11-12"),
    ("kk", "12 қараша 2025", "2025-11-12"),
    ("de", "12. November 2025 um 14:30", "2025-11-12T14:30"),
    ("de", "3. Jänner 2025", "2025-01-03"),
    ("nl", "woensdag 12 november 2025 om 14.30 uur", "2025-11-12T14:30"),
    ("nl", "12 nov. 2025", "2025-11-12"),
    ("nl", "3 sept. 2024", "2024-09-03"),
    ("nl", "12-11-2025 09:15", "2025-11-12T09:15"),
    ("fr", "1er novembre 2025", "2025-11-01"),
    ("fr", "12 novembre 2025 à 14h05", "2025-11-12T14:05"),
    ("es", "12 de noviembre de 2025", "2025-11-12"),
    ("es", "12/11/2025", "2025-11-12"),
    ("it", "12 novembre 2025", "2025-11-12"),
    ("ro", "12 noiembrie 2025", "2025-11-12"),
    ("ro", "Publicat: 12 noiembrie 2025, ora 14:30", "2025-11-12T14:30"),
    ("ro", "miercuri, 3 sept. 2025 18:05", "2025-09-03T18:05"),
    ("ro", "12/11/2025", "2025-11-12"),
    ("pl", "12 listopada 2025 r.", "2025-11-12"),
    ("hr", "12. listopada 2025.", "2025-10-12"),
    ("sr", "12. новембар 2025.", "2025-11-12"),
    ("sr", "12. novembar 2025.", "2025-11-12"),
    ("bs", "12. novembra 2025.", "2025-11-12"),
    ("cs", "12. listopadu 2025", "2025-11-12"),
    ("uz", "2025 yil 12-noyabr", "2025-11-12"),
    ("uz", "12 ноябр 2025 йил", "2025-11-12"),
    ("pt", "3 de maio de 2024", "2024-05-03"),
    ("pt", "Publicado 10/02/2023 19:21", "2023-02-10T19:21"),
    ("uk", "12 листопада 2025 року", "2025-11-12"),
    ("bg", "12 ноември 2025 г.", "2025-11-12"),
    ("el", "12 Νοεμβρίου 2025", "2025-11-12"),
    ("az", "11 mart 2025-ci il", "2025-03-11"),
    ("tk", "2025-nji ýylyň 29-njy iýunynda", "2025-06-29"),
    ("ky", "2025-жылдын 26-февралы", "2025-02-26"),
    ("tg", "12 ноябри 2025", "2025-11-12"),
    ("hy", "2025 թ. նոյեմբերի 12-ին", "2025-11-12"),
    ("id", "Jumat, 3 Mei 2024 10:30 WIB", "2024-05-03T10:30"),
    ("sq", "12 nëntor 2025", "2025-11-12"),
    ("ar", "12 نوفمبر 2025", "2025-11-12"),
    ("ar", "12 تشرين الثاني 2025", "2025-11-12"),
    ("fa", "۱۲ نوامبر ۲۰۲۵", "2025-11-12"),
    ("ur", "12 نومبر 2025", "2025-11-12"),
    ("hi", "12 नवंबर 2025", "2025-11-12"),
    ("vi", "10/09/2023 - 19:41", "2023-09-10T19:41"),
    ("vi", "ngày 10 tháng 9 năm 2023", "2023-09-10"),
    ("zh", "2023年9月10日", "2023-09-10"),
    ("zh", "民國112年9月10日", "2023-09-10"),
    ("ja", "令和6年1月10日", "2024-01-10"),
    ("ko", "2023년 3월 16일", "2023-03-16"),
    ("ko", "승인 2023.03.16 18:05", "2023-03-16T18:05"),
    ("xx", "2025-08-22T09:30", "2025-08-22T09:30"),
    ("xx", "2025/08/22", "2025-08-22"),
    ("xx", "07:10 / 11.03.2025", "2025-03-11T07:10"),
    # A site header's separator between the date and the time.
    ("en", "17 September 2024 | 15:20", "2024-09-17T15:20"),
    ("ru", "17 сентября 2024 | 15:20", "2024-09-17T15:20"),
    ("kk", "17 қыркүйек 2024 · 15:20", "2024-09-17T15:20"),
    ("de", "17.09.2024 | 15:20 Uhr", "2024-09-17T15:20"),
]


@pytest.mark.parametrize("code,text,expected", FORMS, ids=[f"{c}-{t}" for c, t, _ in FORMS])
def test_date_forms(code, text, expected):
    found = grammar().find(text, [code])
    assert found and found[0].iso() == expected


@pytest.mark.parametrize("code,text", [("en", "on 3 April"), ("ru", "28 ноября"), ("de", "am 3. April"), ("nl", "op 3 april"),
                                       ("zh", "9月10日"), ("az", "martın 5-də"), ("ky", "26-февралда"),
                                       ("ro", "pe 3 aprilie")])
def test_dates_without_a_year_have_no_iso_form(code, text):
    found = grammar().find(text, [code])
    assert found and found[0].year is None and found[0].iso() is None
    assert found[0].iso(default_year=2025) is not None


def test_invalid_dates_are_not_dates():
    assert grammar().find("31.02.2025") == []
    assert grammar().find("2025-13-01") == []


def test_the_page_language_settles_ambiguous_numeric_dates():
    assert grammar().find("11/12/2025", ["en"])[0].iso() == "2025-11-12"
    assert grammar().find("11/12/2025", ["fr"])[0].iso() == "2025-12-11"


@pytest.mark.parametrize("text,expected", [
    ("3 Marching bands", None),  # a month name must end where its word ends
    ("today3 May 2024", "2024-05-03"),  # scraped pages run a label into the number
    ("February 5, 2026Prime minister", "2026-02-05"),
    ("ru24.pro", None),
])
def test_word_boundaries(text, expected):
    found = grammar().find(text, ["en"])
    assert (found[0].iso() if found else None) == expected


def test_numbers_next_to_chinese_characters():
    found = dates.find("新华社于2023年9月10日在河内报道", ["zh"])
    assert [(e.year, e.month, e.day) for e in found] == [(2023, 9, 10)]


def test_relative_words_name_months_in_full():
    # Turkish "ara" abbreviates Aralık (December) but is a word of its own ("ara seçim").
    assert [e.unit for e in dates.find("Bu yıl ara seçim yapılacak.", ["tr"])] == ["year"]
    assert [(e.unit, e.month) for e in dates.find("bu yıl aralık ayında", ["tr"])][0] == ("month_name", 12)


def test_case_forms_written_by_hand_extend_the_cldr_names():
    found = dates.find("Встреча в ноябре 2024 и 3 мая", ["ru"])
    assert [(e.year, e.month, e.day) for e in found] == [(2024, 11, None), (None, 5, 3)]
    assert dates.find("в среду", ["ru"])[0].weekday == 2
    assert dates.find("ve středu", ["cs"])[0].weekday == 2
    assert dates.find("ve středu města", ["cs"]) == []


@pytest.mark.parametrize("line,is_date", [
    ("Wednesday, 12 November 2025", True),
    ("Çarşamba 12 Kasım 2025 14:30", True),
    ("Siyosat 02.11.2023, 21:29", True),
    ("The talks on 12 November 2025 ended without a statement from either side.", False),
])
def test_date_lines(line, is_date):
    assert bool(grammar().is_date_line(line, max_extra_words=3)) is is_date


@pytest.mark.parametrize("code", [c for c in lang.languages()])
def test_every_language_has_forms_and_cldr_names(code):
    rules = dates.language(code)
    assert rules.forms, f"lang/{code}/dates.toml has no [grammar] forms"
    assert all(len(row) for row in rules.months.full) and len(rules.months.full) == 12
    assert all(len(row) for row in rules.weekdays.full) and len(rules.weekdays.full) == 7
    known = {"y", "m", "mon", "d", "wd", "H", "M", "era", "ey"}
    for form in rules.forms:
        assert set(form.pattern.groupindex) <= known, (code, form.pattern.pattern[:80])
    for word in rules.relative:
        assert word.unit in {"day", "week", "month", "year", "month_name", "month_of_year"}, (code, word.unit)


@pytest.mark.parametrize("code", [c for c in lang.languages()])
def test_every_month_name_finds_its_number(code):
    months = dates.language(code).months
    for number, row in enumerate(months.full, 1):
        for name in row:
            if "\\" not in name and "(" not in name and "[" not in name:  # a literal CLDR spelling
                assert months.number(name) == number, (code, name)


def test_the_dateline_shape_is_shared():
    shape = dates.dateline_shape()
    assert shape.place.match("ASTANA, 3 April 2025").end() == len("ASTANA, ")
    assert shape.after.match(" (Kazinform) – The president")
