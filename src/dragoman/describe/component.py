"""The ``language``, ``describe`` and ``rewrite`` pipeline components."""
from __future__ import annotations

from ..doc import Article
from ..pipeline import component
from .author import find_author
from .language import FastTextDetector, LanguageDetector, decide_language
from .published import find_published
from .rewrite import rewrite_reasons
from .source import find_source


@component("language", requires=("text", "title", "hints"), provides=("lang", "lang_score"))
class Language:
    """ISO 639-1 code of title and body; the reader's declared language only when unsure."""

    def __init__(self, detector: LanguageDetector | None = None) -> None:
        self.detector = detector or FastTextDetector()

    def __call__(self, article: Article) -> Article:
        sample = " ".join(part for part in (article.title, article.text) if part)
        code, score = self.detector.detect(sample) if sample.strip() else (None, 0.0)
        article.lang, article.lang_score = decide_language(code, score, article.hints.lang)
        return article


@component("describe", requires=("text", "lang", "hints", "header_lines", "removed"),
           provides=("published", "source", "author"))
class Describe:
    """Publication date, outlet or agency, and byline: reader hints first, then the text."""

    def __call__(self, article: Article) -> Article:
        hints = article.hints
        article.published = find_published(hints.published, article.text, article.header_lines, article.lang,
                                           article.removed)
        article.source = find_source(hints.source, article.text, article.removed, article.header_lines)
        article.author = hints.author or find_author(article.text, article.header_lines)
        return article


@component("rewrite", requires=("text",), provides=("rewrite", "rewrite_reasons"))
class Rewrite:
    """Flags machine rewrites of news and says why."""

    def __call__(self, article: Article) -> Article:
        article.rewrite, article.rewrite_reasons = rewrite_reasons(article.text)
        return article
