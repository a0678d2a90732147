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


def test_free_form_dates_go_through_dateparser():
    assert to_iso("3 April 2025").startswith("2025-04-03")
