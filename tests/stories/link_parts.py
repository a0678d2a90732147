"""The three parts of story linking opened on one index, as a session opens them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine

from dragoman.stories import Embedder, LinkIndex, Linker, StoryReader


@dataclass
class Stories:
    index: LinkIndex
    linker: Linker
    reader: StoryReader


def open_stories(folder: Path, embedder: Embedder, name: str = "link.db") -> Stories:
    """An index in ``folder`` (SQLite file ``name``, vectors under ``index/``) and its two users."""
    index = LinkIndex(create_engine(f"sqlite:///{folder / name}"), folder / "index", embedder=embedder)
    return Stories(index, Linker(index), StoryReader(index))
