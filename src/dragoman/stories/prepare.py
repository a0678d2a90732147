"""What linking needs from each article that no other article changes, made ahead of the decisions.

The profile (:mod:`.profile`), the title-and-lead vector and the MinHash signature depend on the
article alone, so an ingest makes them in its worker processes, in batches (the encoder is much
faster on a batch), and the one writer only decides and writes
(:meth:`~dragoman.stories.linker.Linker.link_prepared`). A :class:`LinkInput` is plain data and
pickles, to cross a process boundary.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..doc import Article
from . import minhash
from .embed import E5Embedder, Embedder, HashingEmbedder, embedding_text
from .profile import ArticleProfile, build_profile


@dataclass
class LinkInput:
    """One article's linking input: its profile, its vector (by ``embedder``) and its signature."""

    profile: ArticleProfile
    vector: np.ndarray  # float32, the embedder's dimension
    signature: np.ndarray | None  # MinHash values, None for a text too short to compare
    embedder: str  # the name of the embedder that made ``vector``

    def with_id(self, article_id: str) -> "LinkInput":
        """The same input for an article whose id the writer changed (a stem taken by another input)."""
        if article_id == self.profile.id:
            return self
        return replace(self, profile=replace(self.profile, id=article_id))


def link_signature(article: Article) -> np.ndarray | None:
    return minhash.signature(f"{article.title or ''}\n{article.text or article.raw_text}")


def prepare_links(articles: Sequence[Article], embedder: Embedder) -> list[LinkInput]:
    """The linking inputs of ``articles``, their vectors made in one call to ``embedder``."""
    if not articles:
        return []
    vectors = np.asarray(embedder.passages([embedding_text(a) for a in articles]), dtype=np.float32)
    return [LinkInput(build_profile(a), vectors[i], link_signature(a), embedder.name)
            for i, a in enumerate(articles)]


def embedder_named(name: str, dim: int = 384) -> Embedder:
    """A new embedder of the kind ``name`` names (a :class:`LinkIndex`'s ``embedder.name`` and ``dim``)."""
    if name == E5Embedder.name:
        return E5Embedder()
    if name == HashingEmbedder.name:
        return HashingEmbedder(dim)
    raise ValueError(f"unknown embedder {name!r}; known: {E5Embedder.name}, {HashingEmbedder.name}")
