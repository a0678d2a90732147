"""The ``clean`` pipeline component: main text, title and what was removed."""
from __future__ import annotations

from ..doc import Article
from ..pipeline import component
from .furniture import FurnitureRemover


@component("clean", requires=("raw_text", "hints"), provides=("text", "title", "removed", "header_lines", "section"))
class Clean:
    """Strips site furniture from ``raw_text``; keeps what it removed, and why, in ``removed``.

    Header, metadata and byline lines go to ``header_lines`` for the describe step.
    """

    def __init__(self) -> None:
        self.remover = FurnitureRemover()

    def __call__(self, article: Article) -> Article:
        cleaned = self.remover.clean(article.raw_text or "", article.hints.title)
        article.text = cleaned.text
        article.title = cleaned.title
        article.section = cleaned.section
        article.removed = cleaned.removed
        article.header_lines = cleaned.header_lines
        return article
