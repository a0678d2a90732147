"""Dates in every supported language: absolute, without a year, weekdays, relative words."""
from __future__ import annotations

import pytest

from dragoman.events import timex


def first(text, lang, reference, future=False):
    return timex.resolve_text(text, lang, reference, future=future)


ABSOLUTE = [
    ("en", "The talks took place on 3 April 2024 in Geneva.", "2024-04-03"),
    ("en", "They met on April 3, 2024.", "2024-04-03"),
    ("tr", "Görüşme 3 Nisan 2024 tarihinde yapıldı.", "2024-04-03"),
    ("hu", "A találkozóra 2025. november 12-én került sor.", "2025-11-12"),
    ("ru", "Переговоры прошли 12 ноября 2025 года в Москве.", "2025-11-12"),
    ("kk", "Кездесу 2025 жылғы 12 қарашада өтті.", "2025-11-12"),
    ("de", "Das Treffen fand am 12. November 2025 statt.", "2025-11-12"),
    ("fr", "La rencontre a eu lieu le 12 novembre 2025.", "2025-11-12"),
    ("es", "La reunión se celebró el 12 de noviembre de 2025.", "2025-11-12"),
    ("it", "L'incontro si è svolto il 12 novembre 2025.", "2025-11-12"),
    ("pl", "Spotkanie odbyło się 12 listopada 2025 r.", "2025-11-12"),
    ("sr", "Sastanak je održan 12. novembra 2025. godine.", "2025-11-12"),
    ("sr", "Састанак је одржан 12. новембра 2025. године.", "2025-11-12"),
    ("uz", "Uchrashuv 2025-yil 12-noyabr kuni bo‘lib o‘tdi.", "2025-11-12"),
    ("hr", "Sastanak je održan 12. studenoga 2025. godine.", "2025-11-12"),
    ("hr", "Sporazum je potpisan 3. 4. 2025. u Zagrebu.", "2025-04-03"),
    ("bs", "Sastanak je održan 12. novembra 2025. godine.", "2025-11-12"),
    ("cs", "Setkání se konalo 12. listopadu 2025 v Praze.", "2025-11-12"),
    ("cs", "Smlouva byla podepsána 5. července 2024.", "2024-07-05"),
    ("xx", "2025-11-12", "2025-11-12"),
]


@pytest.mark.parametrize("lang,text,expected", ABSOLUTE)
def test_absolute_dates_need_no_reference(lang, text, expected):
    assert first(text, lang, None).iso == expected


NO_YEAR = [
    ("en", "on 3 April", "2025-04-03"),
    ("tr", "3 Nisan’da", "2025-04-03"),
    ("hu", "április 3-án", "2025-04-03"),
    ("ru", "3 апреля", "2025-04-03"),
    ("kk", "3 сәуірде", "2025-04-03"),
    ("de", "am 3. April", "2025-04-03"),
    ("fr", "le 3 avril", "2025-04-03"),
    ("hr", "3. travnja", "2025-04-03"),
    ("bs", "3. aprila", "2025-04-03"),
    ("cs", "3. dubna", "2025-04-03"),
]


@pytest.mark.parametrize("lang,text,expected", NO_YEAR)
def test_day_month_takes_the_year_of_publication(lang, text, expected):
    assert first(text, lang, "2025-04-05").iso == expected


@pytest.mark.parametrize("lang,text,expected", NO_YEAR)
def test_day_month_without_publication_date_stays_unresolved(lang, text, expected):
    expressions = timex.find(text, lang)
    assert expressions and expressions[0].month == int(expected[5:7]) and expressions[0].year is None
    assert first(text, lang, None) is None


def test_december_date_read_in_january_is_last_year():
    assert first("on 28 December", "en", "2026-01-03").iso == "2025-12-28"


WEEKDAYS = [  # published Friday 14 November 2025; "Wednesday" is the 12th
    ("en", "on Wednesday"), ("tr", "çarşamba günü"), ("hu", "szerdán"), ("ru", "в среду"),
    ("kk", "сәрсенбі күні"), ("de", "am Mittwoch"), ("fr", "mercredi"), ("sr", "u sredu"), ("uz", "chorshanba kuni"),
    ("hr", "u srijedu"), ("bs", "u srijedu"), ("cs", "ve středu"),
]


@pytest.mark.parametrize("lang,text", WEEKDAYS)
def test_weekday_is_the_last_one_before_publication(lang, text):
    resolved = first(text, lang, "2025-11-14")
    assert (resolved.iso, resolved.precision) == ("2025-11-12", "day")


def test_weekday_of_a_planned_event_looks_forward():
    assert first("on Wednesday", "en", "2025-11-14", future=True).iso == "2025-11-19"


RELATIVE = [
    ("en", "yesterday", "2025-11-13", "day"), ("en", "tomorrow", "2025-11-15", "day"),
    ("en", "last year", "2024", "year"), ("en", "last November", "2024-11", "month"),
    ("tr", "dün", "2025-11-13", "day"), ("tr", "geçen yıl", "2024", "year"),
    ("hu", "tegnap", "2025-11-13", "day"), ("hu", "tavaly", "2024", "year"), ("hu", "a múlt héten", "2025-11-03", "week"),
    ("ru", "вчера", "2025-11-13", "day"), ("ru", "в прошлом году", "2024", "year"),
    ("kk", "кеше", "2025-11-13", "day"), ("kk", "былтыр", "2024", "year"),
    ("de", "gestern", "2025-11-13", "day"), ("de", "im vergangenen Jahr", "2024", "year"),
    ("fr", "hier", "2025-11-13", "day"), ("fr", "l'an dernier", "2024", "year"),
    ("sr", "juče", "2025-11-13", "day"), ("sr", "прошле године", "2024", "year"),
    ("uz", "kecha", "2025-11-13", "day"), ("uz", "o‘tgan yili", "2024", "year"),
    ("hr", "jučer", "2025-11-13", "day"), ("hr", "sutra", "2025-11-15", "day"), ("hr", "prošle godine", "2024", "year"),
    ("hr", "prošlog tjedna", "2025-11-03", "week"), ("hr", "lani u srpnju", "2024-07", "month"),
    ("bs", "jučer", "2025-11-13", "day"), ("bs", "prošle sedmice", "2025-11-03", "week"),
    ("bs", "naredne godine", "2026", "year"),
    ("cs", "včera", "2025-11-13", "day"), ("cs", "zítra", "2025-11-15", "day"), ("cs", "loni", "2024", "year"),
    ("cs", "minulý týden", "2025-11-03", "week"), ("cs", "v srpnu loňského roku", "2024-08", "month"),
]


@pytest.mark.parametrize("lang,text,iso,precision", RELATIVE)
def test_relative_words(lang, text, iso, precision):
    resolved = first(text, lang, "2025-11-14")
    assert (resolved.iso, resolved.precision) == (iso, precision)


def test_month_and_year_keep_month_precision():
    resolved = first("in March 2024", "en", None)
    assert (resolved.iso, resolved.precision) == ("2024-03", "month")


# "ve středu města" is the city centre, not Wednesday; "července" (July) is not June (června).
@pytest.mark.parametrize("lang,text,months", [
    ("cs", "Pochod prošel ve středu města.", []),
    ("cs", "Jednání proběhlo 5. července a 6. června.", [7, 6]),
])
def test_czech_look_alike_words(lang, text, months):
    assert [e.month for e in timex.find(text, lang)] == months


def test_modal_may_is_not_a_month():
    assert timex.find("The leaders may meet again.", "en") == []
