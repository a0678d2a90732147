"""Date forms per language, found by the data-driven grammar."""
from __future__ import annotations

import pytest

from dragoman.describe.dates import grammar
from dragoman.describe.published import find_dateline

FORMS = [
    ("en", "Published on November 12, 2025, 10:05", "2025-11-12T10:05"),
    ("en", "3rd April 2025", "2025-04-03"),
    ("tr", "12 Kasım 2025 Çarşamba 14:30", "2025-11-12T14:30"),
    ("tr", "12.11.2025", "2025-11-12"),
    ("hu", "2025. november 12. 22:19", "2025-11-12T22:19"),
    ("hu", "2025. nov. 12.", "2025-11-12"),
    ("ru", "12 ноября 2025 года", "2025-11-12"),
    ("kk", "2025 жылғы 12 қарашада", "2025-11-12"),
    ("kk", "12 қараша 2025", "2025-11-12"),
    ("de", "12. November 2025 um 14:30", "2025-11-12T14:30"),
    ("fr", "1er novembre 2025", "2025-11-01"),
    ("fr", "12 novembre 2025 à 14h05", "2025-11-12T14:05"),
    ("es", "12 de noviembre de 2025", "2025-11-12"),
    ("it", "12 novembre 2025", "2025-11-12"),
    ("pl", "12 listopada 2025 r.", "2025-11-12"),
    ("hr", "12. listopada 2025.", "2025-10-12"),
    ("sr", "12. новембар 2025.", "2025-11-12"),
    ("sr", "12. novembar 2025.", "2025-11-12"),
    ("uz", "2025 yil 12-noyabr", "2025-11-12"),
    ("xx", "2025-08-22T09:30", "2025-08-22T09:30"),
    # A site header's separator between the date and the time.
    ("en", "17 September 2024 | 15:20", "2024-09-17T15:20"),
    ("tr", "17 Eylül 2024 | 15:20", "2024-09-17T15:20"),
    ("hu", "2024. szeptember 17. | 15:20", "2024-09-17T15:20"),
    ("ru", "17 сентября 2024 | 15:20", "2024-09-17T15:20"),
    ("kk", "17 қыркүйек 2024 · 15:20", "2024-09-17T15:20"),
    ("de", "17.09.2024 | 15:20 Uhr", "2024-09-17T15:20"),
    ("fr", "17 septembre 2024 | 15h20", "2024-09-17T15:20"),
]


@pytest.mark.parametrize("code,text,expected", FORMS, ids=[f"{c}-{t}" for c, t, _ in FORMS])
def test_date_forms(code, text, expected):
    found = grammar().find(text, [code])
    assert found and found[0].iso() == expected


@pytest.mark.parametrize("code,text", [("en", "on 3 April"), ("ru", "28 ноября"), ("de", "am 3. April")])
def test_dates_without_a_year_have_no_iso_form(code, text):
    found = grammar().find(text, [code])
    assert found and found[0].year is None and found[0].iso() is None
    assert found[0].iso(default_year=2025) is not None


@pytest.mark.parametrize("code,paragraph,expected", [
    ("en", "ASTANA, 3 April 2025 (Kazinform) – The president met", "2025-04-03"),
    ("ru", "МОСКВА, 28 ноября. /ТАСС/. Президент провёл", None),
    ("fr", "PARIS, 12 novembre 2025 (AFP) - Le président a reçu", "2025-11-12"),
    ("en", "Leaders met on 3 April 2025 in Astana.", None),  # narrative, not a dateline
])
def test_datelines(code, paragraph, expected):
    found = find_dateline(paragraph, [code])
    if expected is None and "ТАСС" not in paragraph:
        assert found is None
    else:
        assert found is not None and found.iso() == expected


def test_invalid_dates_are_not_dates():
    assert grammar().find("31.02.2025") == []
    assert grammar().find("2025-13-01") == []
