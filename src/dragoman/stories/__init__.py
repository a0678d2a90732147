"""Connecting articles: near copies, translations, stories across languages, conflicts, search.

The integrator's entry point is :class:`StoryLinker`; see :mod:`dragoman.stories.linker`.
"""
from __future__ import annotations

from .detail import MergedEvent, StoryArticle, StoryConflict, StoryDetail, StorySummary
from .embed import E5Embedder, Embedder, HashingEmbedder, SimilarityFloors
from .linker import LinkError, LinkReport, StoryLinker
from .search import SearchHit, StoryHit

__all__ = ["E5Embedder", "Embedder", "HashingEmbedder", "LinkError", "LinkReport", "MergedEvent",
           "SearchHit", "SimilarityFloors", "StoryArticle", "StoryConflict", "StoryDetail",
           "StoryHit", "StoryLinker", "StorySummary"]
