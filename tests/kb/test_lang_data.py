"""Per-language entity data: every supported language has its files, and they parse."""
from __future__ import annotations

import re

import pytest

from dragoman import lang as langdata
from dragoman.kb.morph import inflection
from dragoman.kb.translit import transliterator

SUPPORTED = ("en", "tr", "hu", "ru", "kk", "de", "fr", "sr", "hr", "bs", "es", "it", "pl", "uz", "cs")
# Languages written in Cyrillic take names as they are; the others need Cyrillic -> Latin rules.
CYRILLIC = ("ru", "kk")


@pytest.mark.parametrize("code", SUPPORTED)
def test_language_has_entity_data(code):
    for name in ("titles", "suffixes", "demonyms", "roles"):
        assert langdata.load(code, name), f"lang/{code}/{name}.toml is missing or empty"
    if code not in CYRILLIC:
        assert transliterator(code) is not None, f"lang/{code}/translit.toml has no [from_cyrillic]"


@pytest.mark.parametrize("code", SUPPORTED)
def test_demonyms_name_real_countries(code):
    from dragoman.kb.model import load_kb

    # The knowledge base's countries: ISO 3166 and the CLDR territories it lacks (Kosovo, XK).
    countries = {e.country for e in load_kb().entities if e.type == "country"}
    for iso in langdata.load(code, "demonyms")["adjectives"]:
        assert iso in countries, (code, iso)


@pytest.mark.parametrize("code", SUPPORTED)
def test_regexes_compile(code):
    for pattern, _ in langdata.load(code, "translit").get("from_cyrillic", {}).get("rules", []):
        re.compile(pattern)
    for pattern, _ in langdata.load(code, "translit").get("key", {}).get("rules", []):
        re.compile(pattern)


def test_role_classes_compile():
    classes = langdata.load(langdata.COMMON, "roles")["classes"]
    for code in SUPPORTED:
        for cls in langdata.load(code, "roles")["roles"]:
            assert cls in classes, (code, cls)
    for pattern in classes.values():
        re.compile(pattern)


@pytest.mark.parametrize("code,word,base", [
    ("hu", "moszkvaban", "moszkva"), ("hu", "putyinnal", "putyin"), ("ru", "москвы", "москва"),
    ("ru", "российской", "российский"), ("pl", "moskwie", "moskwa"), ("de", "kasachstans", "kasachstan"),
    ("tr", "bolgesinde", "bolgesi"), ("kk", "астанада", "астана"), ("uz", "toshkentda", "toshkent"),
])
def test_endings_reach_base_form(code, word, base):
    assert base in inflection(code).bases(word)
