"""Dates from feeds, JSON and WARC headers, as ISO 8601."""
from __future__ import annotations

import time

import pytest

from dragoman.ingest.dates import to_iso


@pytest.mark.parametrize("value,expected", [
    ("2025-04-03", "2025-04-03"),
    ("2025-04-03T09:00:00Z", "2025-04-03T09:00:00+00:00"),
    ("Thu, 03 Apr 2025 10:30:00 +0300", "2025-04-03T10:30:00+03:00"),
    (1743670800, "2025-04-03T09:00:00+00:00"),
    (1743670800000, "2025-04-03T09:00:00+00:00"),  # milliseconds
    (time.struct_time((2025, 4, 3, 9, 0, 0, 3, 93, 0)), "2025-04-03T09:00:00+00:00"),
    ("", None), (None, None), (True, None), (42, None), ("not a date at all, really", None),
])
def test_to_iso(value, expected):
    assert to_iso(value) == expected


@pytest.mark.parametrize("value,expected", [
    ("3 April 2025", "2025-04-03"),
    ("12 ноября 2025, 14:30", "2025-11-12T14:30"),
    ("2025. november 12. 22:19", "2025-11-12T22:19"),
    ("12.11.2025", "2025-11-12"),
    ("2023年9月10日", "2023-09-10"),
    ("3 April", None),  # no year: not a publication date
])
def test_dates_written_out_are_read_with_the_date_grammar(value, expected):
    assert to_iso(value) == expected
