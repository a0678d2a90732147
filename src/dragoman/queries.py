"""Query commands of the CLI: entities, entity, events, facts, stories, story, search.

Each calls the matching function of :mod:`dragoman.service.queries` and prints its dataclasses
as tables; the filtering, validation and look-ups all happen there.
"""
from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table

from . import service
from .errors import EXIT_OK
from .safe_text import markup_safe
from .terminal import session_for

# How many participants a story row names (the most mentioned first).
STORY_PARTICIPANTS_SHOWN = 3
# How many spellings per language `dragoman entity` prints.
ENTITY_SPELLINGS_SHOWN = 12
# How many rows a listing prints unless --limit says otherwise.
DEFAULT_LIMIT = 50


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {value!r}") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {value!r}")
    return number


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("entities", help="entities by mention count")
    p.add_argument("--lang", help="only mentions in articles of this language (ISO 639-1)")
    p.add_argument("--type", choices=("person", "org", "country", "place", "other"))
    p.add_argument("--limit", type=_positive_int, default=DEFAULT_LIMIT)

    p = sub.add_parser("entity", help="one entity: its names, mentions per language, articles")
    p.add_argument("name", metavar="NAME_OR_ID")

    p = sub.add_parser("events", help="timeline of political events")
    p.add_argument("--actor", help="a participant, by any spelling or id")
    p.add_argument("--type", help="meeting, visit, phone_call, summit, agreement, negotiation, award, statement")
    p.add_argument("--since", metavar="DATE", help="ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--lang", help="only events from articles in this language")
    p.add_argument("--all", action="store_true", help="include past and planned events that articles mention")

    p = sub.add_parser("facts", help="figures with their units")
    p.add_argument("--actor", help="only articles that mention this entity")
    p.add_argument("--lang")

    p = sub.add_parser("stories", help="stories with their languages and article counts")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--actor")

    p = sub.add_parser("story", help="one story: its articles side by side, merged events, conflicts")
    p.add_argument("story_id", metavar="ID")

    p = sub.add_parser("search", help="search stories and articles in any language")
    p.add_argument("query")
    p.add_argument("--lang")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--actor")
    p.add_argument("--limit", type=_positive_int, default=20)


def _session(args, err: Console):
    return session_for(args, err)


def _out() -> Console:
    return Console(highlight=False)


def cmd_entities(args, err: Console) -> int:
    with _session(args, err) as session:
        rows = service.list_entities(session, lang=args.lang, type=args.type, limit=args.limit)
    table = Table(title="Entities by mentions", title_justify="left")
    for column in ("id", "name", "type", "mentions", "articles"):
        table.add_column(column, justify="right" if column in ("mentions", "articles") else "left")
    for row in rows:
        table.add_row(markup_safe(row.id), markup_safe(row.name), markup_safe(row.type), str(row.mentions),
                      str(row.articles))
    _out().print(table if rows else "no entities stored yet")
    return EXIT_OK


def cmd_entity(args, err: Console) -> int:
    with _session(args, err) as session:
        entity = service.entity_detail(session, args.name)
    out = _out()
    if entity.in_knowledge_base:
        out.print(f"[bold]{markup_safe(entity.name)}[/] ({markup_safe(entity.type)}, {markup_safe(entity.id)})"
                  + (f": {markup_safe(entity.role)}" if entity.role else ""))
        for lang, spellings in entity.names.items():
            out.print(f"  {markup_safe(lang)}: {markup_safe(', '.join(spellings[:ENTITY_SPELLINGS_SHOWN]))}")
    if entity.mentions_by_lang:
        out.print("mentions per language: "
                  + markup_safe(", ".join(f"{k} {v}" for k, v in entity.mentions_by_lang.items())))
    table = Table(title="Articles", title_justify="left")
    for column in ("article", "lang", "mentions", "title"):
        table.add_column(column, overflow="fold")
    for row in entity.articles:
        table.add_row(markup_safe(row.article_id), markup_safe(row.lang), str(row.mentions), markup_safe(row.title))
    out.print(table if entity.articles else "no stored article mentions it yet")
    return EXIT_OK


def cmd_events(args, err: Console) -> int:
    with _session(args, err) as session:
        found = service.list_events(session, actor=args.actor, type=args.type, since=args.since,
                                    until=args.until, lang=args.lang, include_past_and_planned=args.all)
    table = Table(title="Events", title_justify="left")
    for column in ("date", "type", "participants", "place", "status", "article", "lang"):
        table.add_column(column, overflow="fold")
    for row in found:
        event = row.event
        kind = f"{event.type} ({event.visit_kind})" if event.visit_kind else event.type
        table.add_row(*map(markup_safe, (event.date or "?", kind, ", ".join(event.participants), event.place,
                                         event.status, row.article_id, row.lang)))
    _out().print(table if found else "no events match")
    return EXIT_OK


def cmd_facts(args, err: Console) -> int:
    with _session(args, err) as session:
        rows = service.list_facts(session, actor=args.actor, lang=args.lang)
    table = Table(title="Facts", title_justify="left")
    for column in ("value", "unit", "qualifier", "year", "what", "article", "lang"):
        table.add_column(column, overflow="fold")
    for row in rows:
        fact = row.fact
        value = f"{fact.value:,.0f}" if float(fact.value).is_integer() else f"{fact.value:,}"
        table.add_row(*map(markup_safe, (value, fact.unit, fact.qualifier, fact.year or "", fact.what,
                                         row.article_id, row.lang)))
    _out().print(table if rows else "no facts match")
    return EXIT_OK


def cmd_stories(args, err: Console) -> int:
    with _session(args, err) as session:
        summaries = service.list_stories(session, since=args.since, actor=args.actor)
    table = Table(title="Stories", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("dates", no_wrap=True)
    table.add_column("articles", no_wrap=True)
    table.add_column("story", overflow="fold", min_width=30)
    for story in summaries:
        who = ", ".join(story.participants[:STORY_PARTICIPANTS_SHOWN])
        title = markup_safe(story.title)
        table.add_row(markup_safe(story.id), markup_safe(_span(story.first_date, story.last_date)),
                      markup_safe(f"{story.n_articles} ({','.join(story.langs)})"),
                      f"{title}\n[dim]{markup_safe(who)}[/]" if who else title)
    _out().print(table if summaries else "no stories match")
    return EXIT_OK


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "?"
    if not last or last == first:
        return first
    # Same year (and month): write only what changes, as people do ("2025-11-11…12").
    shared = 8 if first[:8] == last[:8] else 5 if first[:5] == last[:5] else 0
    return f"{first}…{last[shared:]}"


def cmd_story(args, err: Console) -> int:
    with _session(args, err) as session:
        detail = service.story_detail(session, args.story_id)
    out = _out()
    out.print(f"[bold]{markup_safe(detail.title)}[/] ({markup_safe(detail.id)})")
    out.print(markup_safe(f"{_span(detail.first_date, detail.last_date)}; languages: {', '.join(detail.langs)}; "
                          f"participants: {', '.join(detail.participants)}"))
    articles = Table(title="Articles", title_justify="left")
    for column in ("article", "lang", "published", "copy of", "title"):
        articles.add_column(column, overflow="fold")
    for member in detail.articles:
        articles.add_row(*map(markup_safe, (member.id, member.lang, member.published, member.duplicate_of,
                                            member.title)))
    out.print(articles)
    events = Table(title="Events (merged across articles)", title_justify="left")
    for column in ("date", "type", "participants", "place", "status", "reported by"):
        events.add_column(column, overflow="fold")
    for event in detail.events:
        events.add_row(*map(markup_safe, (event.date or "?", event.type, ", ".join(event.participants), event.place,
                                          event.status, f"{len(event.articles)} ({', '.join(sorted(set(event.langs)))})")))
    out.print(events if detail.events else "no events")
    if detail.conflicts:
        conflicts = Table(title="Where the sources disagree", title_justify="left")
        for column in ("field", "article", "says", "other article", "says "):
            conflicts.add_column(column, overflow="fold")
        for c in detail.conflicts:
            conflicts.add_row(*map(markup_safe, (c.field, c.article, c.value, c.other, c.other_value)))
        out.print(conflicts)
    else:
        out.print("the sources agree")
    return EXIT_OK


def cmd_search(args, err: Console) -> int:
    with _session(args, err) as session:
        result = service.search(session, args.query, lang=args.lang, since=args.since, actor=args.actor,
                                limit=args.limit)
    stories, hits = result.stories, result.articles
    out = _out()
    table = Table(title="Stories", title_justify="left")
    for column in ("score", "story", "langs", "articles", "title"):
        table.add_column(column, overflow="fold")
    for hit in stories:
        table.add_row(f"{hit.score:.3f}", *map(markup_safe, (hit.story_id, ",".join(hit.langs), len(hit.articles),
                                                             hit.title)))
    out.print(table if stories else "no stories match")
    table = Table(title="Articles", title_justify="left")
    for column in ("score", "article", "lang", "published", "story", "title"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        table.add_row(f"{hit.score:.3f}", *map(markup_safe, (hit.article_id, hit.lang, hit.published,
                                                             hit.story_id, hit.title)))
    out.print(table if hits else "no articles match")
    return EXIT_OK


QUERY_COMMANDS = {"entities": cmd_entities, "entity": cmd_entity, "events": cmd_events, "facts": cmd_facts,
                  "stories": cmd_stories, "story": cmd_story, "search": cmd_search}
