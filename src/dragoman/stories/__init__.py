"""Connecting articles: near copies, translations, stories across languages, conflicts, search.

Three parts share one :class:`LinkIndex` (the ``link_*`` tables, the vector file, the embedder):
a :class:`Linker` decides and writes links, a :class:`StoryReader` annotates articles with their
story, lists and shows stories and searches. See :mod:`dragoman.stories.linker` for how an
article is linked.
"""
from __future__ import annotations

from .detail import MergedEvent, StoryArticle, StoryConflict, StoryDetail, StorySummary
from .embed import E5Embedder, Embedder, HashingEmbedder, SimilarityFloors
from .index import LinkError, LinkIndex
from .linker import Linker, LinkReport
from .reader import StoryReader
from .search import SearchHit, StoryHit

__all__ = ["E5Embedder", "Embedder", "HashingEmbedder", "LinkError", "LinkIndex", "LinkReport", "Linker",
           "MergedEvent", "SearchHit", "SimilarityFloors", "StoryArticle", "StoryConflict", "StoryDetail",
           "StoryHit", "StoryReader", "StorySummary"]
