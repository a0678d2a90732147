"""The service layer: ingest, queries and exports as functions of typed arguments that return
dataclasses. The CLI only parses and renders around them; a web API or a batch engine calls the
same functions.

    from dragoman.service import open_session, search
    with open_session("dragoman.db") as session:
        result = search(session, "Tokayev Putin gas")
"""
from __future__ import annotations

from .batch import (IngestResult, StoreStats, article_rows, corpus_passes, ingest, reprocess, stats,
                    story_rows)
from .queries import (EntityArticle, EntityCount, EntityDetail, EventRow, FactRow, SearchResult,
                      date_filter, entity_detail, find_entity, list_entities, list_events, list_facts,
                      list_stories, search, story_detail)
from .session import Reporter, Session, SilentReporter, default_db, open_session, relink_all

__all__ = ["EntityArticle", "EntityCount", "EntityDetail", "EventRow", "FactRow", "IngestResult", "Reporter",
           "SearchResult", "Session", "SilentReporter", "StoreStats", "article_rows", "corpus_passes",
           "date_filter", "default_db", "entity_detail", "find_entity", "ingest", "list_entities", "list_events",
           "list_facts", "list_stories", "open_session", "relink_all", "reprocess", "search", "stats",
           "story_detail", "story_rows"]
