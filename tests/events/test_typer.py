"""Typing single sentences (the PLOVER bench's entry point)."""
from __future__ import annotations

import pytest

from dragoman.events.typer import type_sentence


@pytest.fixture(scope="module")
def bank():
    from dragoman.events.embed import default_bank

    return default_bank()


@pytest.mark.parametrize("lang,text,kind", [
    ("en", "The ministers reached an agreement on fishing quotas, the ministry's spokesman said.", "agreement"),
    ("en", "The prime minister telephoned his Greek counterpart on Sunday.", "phone_call"),
    ("en", "Grain prices fell sharply after the harvest.", "none"),
    ("ru", "Министры договорились о продлении перемирия.", "agreement"),
    ("de", "Die Kanzlerin reiste zu einem Staatsbesuch nach Ankara.", "visit"),
])
def test_type_sentence(bank, lang, text, kind):
    assert type_sentence(text, lang, bank) == kind
