"""The dictionary words behind the capitalisation finder: the same answers as simplemma's own
dictionaries, loaded once per language and cached on disk."""
from __future__ import annotations

import numpy as np
import pytest

from dragoman.entities import dictionaries
from dragoman.entities.dictionaries import ListedWords, ListedWordsFactory, word_hash
from dragoman.entities.finders import dictionary

# Written for this test: dictionary words, their capitalised and upper-case forms, an
# apostrophe, names and invented words that no dictionary lists.
WORDS = {
    "en": "house houses House HOUSE meeting Meetings president talks don't Tokayev Astana "
          "Zhaparkulov blorfing qwzx",
    "ru": "дом Дом переговоры встреча Встречи президент Москва Токаев Жапаркулов бдыщмяу",
    "tr": "ev Ev görüşme Görüşmesi cumhurbaşkanı Ankara'ya Tokayev Caparkulov xqörtü",
}


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_listed_words_answer_as_simplemma_does(lang):
    from simplemma.strategies import DictionaryLookupStrategy
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    simplemma = DictionaryLookupStrategy(DefaultDictionaryFactory(cache_max_size=1))
    listed = DictionaryLookupStrategy(ListedWordsFactory())
    for word in WORDS[lang].split():
        assert (listed.get_lemma(word, lang) is not None) == (simplemma.get_lemma(word, lang) is not None), word
    known = dictionary(lang)
    assert known("house" if lang == "en" else WORDS[lang].split()[0])
    assert not known(WORDS[lang].split()[-1])


def test_a_language_without_a_dictionary_has_none():
    assert dictionaries.listed_words("xx") is None
    assert dictionary("xx") is None
    with pytest.raises(ValueError):
        ListedWordsFactory().get_dictionary("xx")


def test_listed_words_look_up_hashes():
    words = ListedWords(np.unique(np.array([word_hash(w) for w in ("alpha", "beta")], dtype=np.int64)))
    assert "alpha" in words and words.get("beta") == ""
    assert words.get("gamma") is None and "gamma" not in words
    with pytest.raises(KeyError):
        words["gamma"]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder, no language loaded, and a counter of builds from simplemma."""
    monkeypatch.setenv("DRAGOMAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(dictionaries, "_loaded", {})
    builds = []

    def build(lang):
        builds.append(lang)
        return np.unique(np.array([word_hash(w) for w in ("alpha", "beta")], dtype=np.int64))

    monkeypatch.setattr(dictionaries, "_hashes_from_simplemma", build)
    return tmp_path / "cache", builds


def test_a_dictionary_is_built_once_then_read_from_the_cache(fresh_cache, monkeypatch):
    folder, builds = fresh_cache
    assert "alpha" in dictionaries.listed_words("en")
    assert dictionaries.listed_words("en") is dictionaries.listed_words("en")
    assert builds == ["en"] and dictionaries.loaded_languages() == {"en"}
    assert [p.name for p in folder.iterdir()] == [dictionaries._cache_file("en").name]
    monkeypatch.setattr(dictionaries, "_loaded", {})  # as in the next process
    assert "beta" in dictionaries.listed_words("en")
    assert builds == ["en"]


def test_a_damaged_cache_file_is_built_again(fresh_cache):
    folder, builds = fresh_cache
    folder.mkdir()
    dictionaries._cache_file("en").write_bytes(b"not an array")
    assert "alpha" in dictionaries.listed_words("en")
    assert builds == ["en"]
    assert np.load(dictionaries._cache_file("en")).dtype == np.int64


def test_an_unwritable_cache_still_answers(fresh_cache, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("DRAGOMAN_CACHE_DIR", str(blocker / "cache"))
    assert "alpha" in dictionaries.listed_words("en")
