"""Cursors and page sizes: a cursor round-trips, and anything else sent as one is refused by name."""
from __future__ import annotations

import base64

import pytest

from dragoman.errors import InvalidArgument
from dragoman.service.paging import MAX_PAGE, decode_cursor, encode_cursor, lang_code, next_cursor, page_limit


def test_a_cursor_round_trips_its_key():
    key = ("2025-11-12", "изв/ест?ия", 7)
    assert decode_cursor(encode_cursor(key), (str, str, int)) == key
    assert decode_cursor(None, (str,)) is None and decode_cursor("", (str,)) is None


@pytest.mark.parametrize("cursor", [
    "!!!", "a" * 5000, base64.urlsafe_b64encode(b"not json").decode(), encode_cursor(["a"]),
    encode_cursor(["a", 1, 2]), encode_cursor([True, "x"]), encode_cursor([1.5, "x"]),
    base64.urlsafe_b64encode(b'{"a": 1}').decode(), base64.urlsafe_b64encode(b"\xff\xfe").decode(),
])
def test_a_cursor_this_listing_did_not_give_is_refused(cursor):
    with pytest.raises(InvalidArgument) as caught:
        decode_cursor(cursor, (int, str))
    assert caught.value.field == "cursor"


@pytest.mark.parametrize("limit", [0, -1, MAX_PAGE + 1])
def test_page_sizes_are_bounded(limit):
    with pytest.raises(InvalidArgument) as caught:
        page_limit(limit)
    assert caught.value.field == "limit"


@pytest.mark.parametrize("value", ["RU", "russian", "r", "ru-RU", "'; drop"])
def test_language_filters_are_codes(value):
    with pytest.raises(InvalidArgument):
        lang_code(value)
    assert lang_code("kk") == "kk" and lang_code("") is None


def test_the_extra_row_makes_the_next_cursor():
    assert next_cursor([1, 2], 2, lambda r: (r,)) == ([1, 2], None)
    rows, cursor = next_cursor([1, 2, 3], 2, lambda r: (r,))
    assert rows == [1, 2] and decode_cursor(cursor, (int,)) == (2,)
