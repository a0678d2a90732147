"""Folding names for spelling-blind matching: one table merged from every language's letters."""
from __future__ import annotations

import pytest

from dragoman import lang
from dragoman.kb import normalize
from dragoman.kb.normalize import fold


@pytest.mark.parametrize("written,folded", [
    ("Тоқаев", "токаев"),          # kk
    ("Їжакевич", "ижакевич"),      # uk
    ("Вучић", "вучич"),            # sr, Cyrillic
    ("Đoković", "dokovic"),        # sr/hr, Latin
    ("Ўзбекистон", "узбекистон"),  # uz
    ("Oʻzbekiston", "o'zbekiston"),
    ("Łódź", "lodz"),              # pl
    ("Straße", "strasse"),         # de
    ("Ağrı", "agri"),              # tr
    ("Søren", "soren"),            # a language with no folder yet (xx)
    ("Зеленский", "зеленский"),    # й is a letter, not и with an accent
    ("Tokaïev", "tokaiev"),        # marks NFKD takes apart need no table entry
])
def test_fold(written, folded):
    assert fold(written) == folded


@pytest.mark.parametrize("code", [*lang.languages(), lang.COMMON])
def test_fold_letters_are_single_lower_case_characters(code):
    # fold() lower-cases before it translates: an upper-case or multi-letter key never matches.
    for letter in lang.load(code, "letters").get("fold", {}):
        assert len(letter) == 1 and letter == letter.lower(), f"lang/{code}/letters.toml: {letter!r}"


def test_a_letter_folded_two_ways_is_refused(monkeypatch):
    tables = {"aa": {"fold": {"ґ": "г"}}, "bb": {"fold": {"ґ": "х"}}}
    monkeypatch.setattr(normalize.langdata, "load_all", lambda name: tables)
    with pytest.raises(ValueError, match="lang/bb/letters.toml"):
        normalize._fold_table()
