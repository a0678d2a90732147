"""Which words simplemma's dictionary lists for a language, loaded once and cheaply.

simplemma decodes a whole dictionary (words and their lemmas, up to 1.8 million entries) before
its first look-up: about a second and a few hundred MB per language, in every process. The
finders only ask whether a word is listed, so each dictionary is kept as the sorted 64-bit
hashes of its words (8 bytes a word), built once from simplemma, cached on disk and
memory-mapped when an article of that language first asks. A collision between two words'
hashes is about as likely as one in 10^13 per look-up.

:class:`ListedWords` stands in for simplemma's dictionary inside simplemma's own
``DictionaryLookupStrategy``, so a word is looked up with the same case and apostrophe variants
as before; only the lemma is not kept (``get`` answers ``""`` for a listed word).
"""
from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import numpy as np

# Part of the cache file name: bump it when the file's layout changes.
CACHE_FORMAT = 1

_loaded: dict[str, ListedWords] = {}
_lock = threading.Lock()


def word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


class ListedWords:
    """The words of one language's dictionary, as a sorted array of their hashes."""

    def __init__(self, hashes: np.ndarray) -> None:
        self._hashes = hashes

    def __len__(self) -> int:
        return len(self._hashes)

    def get(self, word: str, default: str | None = None) -> str | None:
        wanted = np.int64(word_hash(word))
        i = int(self._hashes.searchsorted(wanted))
        return "" if i < len(self._hashes) and self._hashes[i] == wanted else default

    def __getitem__(self, word: str) -> str:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None


class ListedWordsFactory:
    """simplemma's ``DictionaryFactory`` protocol over :func:`listed_words`."""

    def get_dictionary(self, lang: str) -> ListedWords:
        words = listed_words(lang)
        if words is None:
            raise ValueError(f"Unsupported language: {lang}")
        return words


def supported(lang: str) -> bool:
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return lang in SUPPORTED_LANGUAGES


def loaded_languages() -> frozenset[str]:
    """The languages whose dictionary this process has loaded (for tests and benchmarks)."""
    return frozenset(_loaded)


def listed_words(lang: str) -> ListedWords | None:
    """``lang``'s dictionary words, loaded on first use; ``None`` if simplemma has none."""
    words = _loaded.get(lang)
    if words is not None:
        return words
    if not supported(lang):
        return None
    with _lock:  # one load per language even when threads ask at once
        if lang not in _loaded:
            _loaded[lang] = ListedWords(_cached_hashes(lang))
        return _loaded[lang]


def cache_dir() -> Path:
    """``$DRAGOMAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/dragoman``, else ``~/.cache/dragoman``."""
    if os.environ.get("DRAGOMAN_CACHE_DIR"):
        return Path(os.environ["DRAGOMAN_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dragoman"


def _cache_file(lang: str) -> Path:
    from simplemma import __version__

    return cache_dir() / f"simplemma-{__version__}-words-v{CACHE_FORMAT}-{lang}.npy"


def _cached_hashes(lang: str) -> np.ndarray:
    path = _cache_file(lang)
    try:
        hashes = np.load(path, mmap_mode="r")
        if hashes.dtype == np.int64 and hashes.ndim == 1:
            return hashes
    except (OSError, ValueError):
        pass  # not built yet, or damaged: built again below
    hashes = _hashes_from_simplemma(lang)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npy")
        np.save(tmp, hashes)
        os.replace(tmp, path)  # whole files only: another process may be reading the cache
    except OSError:
        pass  # no writable cache: keep the array in memory, build it again next process
    return hashes


def _hashes_from_simplemma(lang: str) -> np.ndarray:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    words = DefaultDictionaryFactory(cache_max_size=0).get_dictionary(lang)
    hashes = np.fromiter((word_hash(w) for w in words), dtype=np.int64, count=len(words))
    return np.unique(hashes)  # sorted, for searchsorted
