"""The publication date: datelines, and where in an article the date is looked for."""
from __future__ import annotations

import pytest

from dragoman.describe.published import find_dateline, find_published


@pytest.mark.parametrize("code,paragraph,expected", [
    ("en", "ASTANA, 3 April 2025 (Kazinform) – The president met", "2025-04-03"),
    ("fr", "PARIS, 12 novembre 2025 (AFP) - Le président a reçu", "2025-11-12"),
    ("pt", "BRASÍLIA, 3 de maio de 2024 (Reuters) - O presidente", "2024-05-03"),
    ("nl", "DEN HAAG, 12 november 2025 (ANP) - De premier ontving", "2025-11-12"),
    ("ro", "BUCUREȘTI, 12 noiembrie 2025 (Agerpres) – Președintele a primit", "2025-11-12"),
])
def test_datelines(code, paragraph, expected):
    found = find_dateline(paragraph, [code])
    assert found is not None and found.iso() == expected


def test_yearless_dateline_is_found_but_has_no_year():
    found = find_dateline("МОСКВА, 28 ноября. /ТАСС/. Президент провёл", ["ru"])
    assert found is not None and (found.month, found.day, found.year) == (11, 28, None)


def test_narrative_is_not_a_dateline():
    assert find_dateline("Leaders met on 3 April 2025 in Astana.", ["en"]) is None


def test_a_full_hint_wins():
    assert find_published("2025-04-03T10:00", "ASTANA, 1 April 2025 (Kazinform) – Text.") == "2025-04-03T10:00"


def test_a_yearless_dateline_takes_the_year_of_the_hint():
    assert find_published("2025", "МОСКВА, 28 ноября. /ТАСС/. Президент провёл", lang_code="ru") == "2025-11-28"


@pytest.mark.parametrize("code,top_line,expected", [
    ("uz", "Siyosat 02.11.2023, 21:29", "2023-11-02T21:29"),
    ("az", "07:10 / 11.03.2025", "2025-03-11T07:10"),
    ("ko", "• 승인 2023.03.16 18:05", "2023-03-16T18:05"),
    ("ja", "令和6年1月10日", "2024-01-10"),
    ("nl", "Gepubliceerd op 12 november 2025, 09:15", "2025-11-12T09:15"),
    ("nl", "Sanne Bakker | 12-11-2025, 09:15", "2025-11-12T09:15"),
    ("ro", "Publicat: 12 noiembrie 2025, 09:15", "2025-11-12T09:15"),
    ("ro", "Ana Popescu, 12.11.2025, 09:15", "2025-11-12T09:15"),
])
def test_a_date_line_at_the_top_of_the_text(code, top_line, expected):
    text = f"Headline of the story\n{top_line}\nThe two presidents met and signed an agreement on trade."
    assert find_published(None, text, lang_code=code) == expected


def test_a_date_in_the_narrative_is_not_the_publication_date():
    text = "Headline of the story\nThe two presidents met on 3 April 2025 in Astana and signed an agreement."
    assert find_published(None, text, lang_code="en") is None


def test_a_metadata_month_gives_the_month():
    assert find_published(None, "Headline\nBody text.", header_lines=["date 2024-09"]) == "2024-09"
    # A day found anywhere the date is looked for is more precise than the metadata month.
    text = "ASTANA, 3 September 2024 (Kazinform) – The president met"
    assert find_published(None, text, header_lines=["date 2024-09"], lang_code="en") == "2024-09-03"


def test_a_scraper_metadata_month_through_the_pipeline():
    from dragoman.doc import Article, RawDocument
    from dragoman.pipeline import Pipeline

    raw = RawDocument(id="t1", origin="test", input_format="text", raw=b"",
                      text=" date 2024-09 Leaders agree on a new trade route\n\nThe two presidents met in the "
                           "capital and agreed to build a new railway line across the steppe.\n")
    article = Pipeline(["clean", "language", "describe"])(Article.from_raw(raw))
    assert article.published == "2024-09"
    assert "date 2024-09" not in (article.title or "") + article.text
