"""The ``entities`` pipeline component: mentions with canonical ids, and the entity list."""
from __future__ import annotations

from ..doc import Article
from ..kb import load_kb
from ..pipeline import component
from .recognise import Recogniser


@component("entities", requires=("text", "lang"), provides=("mentions", "entities"))
class Entities:
    """Fills ``article.mentions`` (offsets into ``article.text``) and ``article.entities``."""

    def __init__(self) -> None:
        self.recognise = Recogniser(load_kb())

    def __call__(self, article: Article) -> Article:
        article.mentions, article.entities = self.recognise(article.text or "", article.lang)
        return article
