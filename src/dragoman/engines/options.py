"""How an ingest runs: the engine, the Ray cluster to join, how many processes prepare."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import InvalidArgument

ENGINES = ("local", "ray")


@dataclass(frozen=True)
class EngineOptions:
    """How to run an ingest: ``engine`` (one of :data:`ENGINES`), the Ray cluster to join
    (``address``: ``auto``, ``ray://host:port``, or None to start a local Ray), and how many
    processes prepare articles (``workers``: None lets the engine choose)."""

    engine: str = "local"
    address: str | None = None
    workers: int | None = None

    def check(self) -> None:
        if self.engine not in ENGINES:
            raise InvalidArgument("engine", f"must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.address is not None and self.engine != "ray":
            raise InvalidArgument("address", "is for --engine ray (the Ray cluster to join)")
        if self.workers is not None and self.workers < 1:
            raise InvalidArgument("workers", f"must be at least 1, not {self.workers}")


