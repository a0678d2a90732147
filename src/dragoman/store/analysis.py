"""Events, facts and mentions in their own indexed tables, written in the article's transaction.

The whole article stays in ``articles.data`` (JSON); these rows repeat what queries filter on
(event type, date, participants; fact unit; mention entity) so ``events --actor X --since D``
and ``facts --actor X`` are index look-ups, not a scan that deserialises every article. Each row
also carries its item as JSON, so a query answers without loading the article.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict

from sqlalchemy import (Boolean, Column, Float, Integer, MetaData, String, Table, Text, delete, insert, or_,
                        select)

from ..doc import Article, Event, Fact, event_from_dict, fact_from_dict

# Ids per IN list: well under SQLite's bound-parameter limit.
IN_BATCH = 500


def define_tables(metadata: MetaData) -> tuple[Table, Table, Table, Table]:
    events = Table(
        "article_events", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("article_id", String(255), nullable=False, index=True),
        Column("position", Integer, nullable=False),  # order within the article
        Column("type", String(32), nullable=False, index=True),
        Column("date", String(32), index=True),  # ISO, at its precision
        Column("status", String(16), nullable=False, index=True),
        Column("place_id", String(255), index=True),
        Column("lang", String(8)),
        Column("data", Text, nullable=False),  # the Event as JSON
    )
    participants = Table(
        "event_participants", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("event_id", Integer, nullable=False, index=True),
        Column("article_id", String(255), nullable=False, index=True),
        Column("entity_id", String(255), index=True),
        Column("name_folded", String(255), nullable=False, index=True),
    )
    facts = Table(
        "article_facts", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("article_id", String(255), nullable=False, index=True),
        Column("position", Integer, nullable=False),
        Column("unit", String(16), nullable=False, index=True),
        Column("value", Float, nullable=False),
        Column("lang", String(8)),
        Column("data", Text, nullable=False),  # the Fact as JSON
    )
    mentions = Table(
        "article_mentions", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("article_id", String(255), nullable=False, index=True),
        Column("entity_id", String(255), index=True),
        Column("in_title", Boolean, nullable=False, default=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("surface", Text, nullable=False),
        Column("type", String(16), nullable=False),
    )
    return events, participants, facts, mentions


class AnalysisTables:
    """Writes and reads the per-item tables; the store calls it inside its transactions.
    ``articles`` is the store's article table: results come in its ingest order."""

    def __init__(self, metadata: MetaData, articles: Table):
        self.events, self.participants, self.facts, self.mentions = define_tables(metadata)
        self.articles = articles

    def forget(self, conn, article_id: str) -> None:
        for table in (self.participants, self.events, self.facts, self.mentions):
            conn.execute(delete(table).where(table.c.article_id == article_id))

    def write(self, conn, article: Article) -> None:
        """Replace the article's rows (call inside the article's write transaction)."""
        self.forget(conn, article.id)
        for position, event in enumerate(article.events):
            event_id = conn.execute(insert(self.events).values(
                article_id=article.id, position=position, type=event.type, date=event.date,
                status=event.status, place_id=event.place_id, lang=article.lang,
                data=json.dumps(asdict(event), ensure_ascii=False))).inserted_primary_key[0]
            ids = list(event.participant_ids) + [None] * (len(event.participants) - len(event.participant_ids))
            rows = [dict(event_id=event_id, article_id=article.id, entity_id=entity_id, name_folded=name.casefold())
                    for name, entity_id in zip(event.participants, ids)]
            if rows:
                conn.execute(insert(self.participants), rows)
        if article.facts:
            conn.execute(insert(self.facts), [
                dict(article_id=article.id, position=position, unit=fact.unit, value=float(fact.value),
                     lang=article.lang, data=json.dumps(asdict(fact), ensure_ascii=False))
                for position, fact in enumerate(article.facts)])
        mentions = [(m, False) for m in article.mentions] + [(m, True) for m in getattr(article, "title_mentions", [])]
        if mentions:
            conn.execute(insert(self.mentions), [
                dict(article_id=article.id, entity_id=m.entity_id, in_title=in_title, start=m.start, end=m.end,
                     surface=m.surface, type=m.type) for m, in_title in mentions])

    def find_events(self, conn, *, entity_ids: Iterable[str] = (), name_folded: str | None = None,
                    type: str | None = None, since: str | None = None, until: str | None = None,
                    lang: str | None = None, statuses: Iterable[str] | None = None
                    ) -> Iterator[tuple[str, str | None, Event]]:
        """(article id, article language, event) for events matching every filter given.

        Dates are narrowed by year here (an index range); the caller compares at the precision
        of each date, which SQL string order cannot."""
        query = select(self.events.c.article_id, self.events.c.lang, self.events.c.data)
        entity_ids = list(entity_ids)
        if entity_ids or name_folded:
            who = []
            if entity_ids:
                who.append(self.participants.c.entity_id.in_(entity_ids))
            if name_folded:
                who.append(self.participants.c.name_folded == name_folded)
            query = query.where(self.events.c.id.in_(select(self.participants.c.event_id).where(or_(*who))))
        if type:
            query = query.where(self.events.c.type == type)
        if lang:
            query = query.where(self.events.c.lang == lang)
        if statuses is not None:
            query = query.where(self.events.c.status.in_(list(statuses)))
        if since:
            query = query.where(self.events.c.date >= since[:4])
        if until:
            query = query.where(self.events.c.date < str(int(until[:4]) + 1))
        query = query.order_by(self.events.c.date, self.events.c.type, self.events.c.article_id,
                               self.events.c.position)
        for article_id, lang_, data in conn.execute(query):
            yield article_id, lang_, event_from_dict(json.loads(data))

    def find_facts(self, conn, *, article_ids: Iterable[str] | None = None, lang: str | None = None
                   ) -> Iterator[tuple[str, str | None, Fact]]:
        """(article id, article language, fact), in ingest order then position."""
        query = (select(self.facts.c.article_id, self.facts.c.lang, self.facts.c.data)
                 .join(self.articles, self.articles.c.id == self.facts.c.article_id))
        if lang:
            query = query.where(self.facts.c.lang == lang)
        order = (self.articles.c.ingested_at, self.facts.c.article_id, self.facts.c.position)
        if article_ids is None:
            for article_id, lang_, data in conn.execute(query.order_by(*order)):
                yield article_id, lang_, fact_from_dict(json.loads(data))
            return
        ids = sorted(set(article_ids))
        rows = []  # batches of ids, merged back into one ingest order
        for start in range(0, len(ids), IN_BATCH):
            chunk = query.add_columns(*order).where(self.facts.c.article_id.in_(ids[start:start + IN_BATCH]))
            rows.extend(conn.execute(chunk))
        for article_id, lang_, data, *_ in sorted(rows, key=lambda row: tuple(row[3:])):
            yield article_id, lang_, fact_from_dict(json.loads(data))
