"""Listings as CSV: flat columns, lists joined, formulas defused."""
from __future__ import annotations

import csv
import io

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

from dragoman.doc import Event  # noqa: E402
from dragoman.service.queries import EntityCount, EventRow  # noqa: E402
from dragoman.web.formats import csv_text, flat_row  # noqa: E402


def test_nested_records_become_dotted_columns_and_lists_are_joined():
    row = flat_row(EventRow(Event("visit", ["Putin", "Tokayev"], date="2025-11-12"), "a1", "ru"))
    assert row["event.type"] == "visit" and row["event.participants"] == "Putin; Tokayev"
    assert row["article_id"] == "a1" and row["event.place"] == ""


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)"])
def test_cells_a_spreadsheet_would_run_are_quoted(name):
    (row,) = csv.DictReader(io.StringIO(csv_text([EntityCount("x", name, "person", 1, 1)])))
    assert row["name"] == "'" + name and row["mentions"] == "1"
