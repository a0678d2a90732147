"""Query commands: entities, entity, events, facts, stories, story, search.

They read the store (and the knowledge base and story index where installed) and print
tables; nothing here writes.
"""
from __future__ import annotations

import argparse
import datetime
import re
from collections import Counter
from collections.abc import Iterable

from rich.console import Console
from rich.table import Table

from .cli import EXIT_OK, UserError, _db_default
from .doc import Article
from .safe_text import markup_safe
from .store import SqlStore, open_store

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# How many participants a story row names (the most mentioned first).
STORY_PARTICIPANTS_SHOWN = 3
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


def _store(args) -> SqlStore:
    return open_store(args.db or _db_default(), create=False)


def _date_arg(value: str | None, flag: str) -> str | None:
    if value is None:
        return None
    if not ISO_DATE.match(value) or not _real_date(value):
        raise UserError(f"{flag} takes a real ISO date such as 2025, 2025-04 or 2025-04-03, not {value!r}")
    return value


def _real_date(value: str) -> bool:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _kb():
    try:
        from .kb import load_kb
    except ImportError:
        return None
    return load_kb()


def resolve_entity(name_or_id: str) -> tuple[str, str] | None:
    """(id, canonical name) for any spelling or id, via the knowledge base when installed."""
    kb = _kb()
    if kb is None:
        return None
    entity = kb.get(name_or_id)
    if entity is None:
        found = kb.lookup(name_or_id)
        entity = found[0] if found else None
    return (entity.id, entity.name) if entity else None


def _actor_filter(actor: str | None):
    """A predicate on an article's entity ids, plus the ids it accepts."""
    if not actor:
        return None
    resolved = resolve_entity(actor)
    wanted = {resolved[0]} if resolved else set()
    folded = actor.casefold()

    def accepts(article: Article) -> bool:
        return any(e.id in wanted or e.name.casefold() == folded for e in article.entities)

    return accepts


def _out() -> Console:
    return Console(highlight=False)


def cmd_entities(args, err: Console) -> int:
    with _store(args) as store:
        rows = store.entity_counts(lang=args.lang, type=args.type, limit=args.limit)
    table = Table(title="Entities by mentions", title_justify="left")
    for column in ("id", "name", "type", "mentions", "articles"):
        table.add_column(column, justify="right" if column in ("mentions", "articles") else "left")
    for entity_id, name, type_, mentions, n_articles in rows:
        table.add_row(markup_safe(entity_id), markup_safe(name), markup_safe(type_), str(mentions), str(n_articles))
    _out().print(table if rows else "no entities stored yet")
    return EXIT_OK


def cmd_entity(args, err: Console) -> int:
    kb = _kb()
    entity = None
    if kb is not None:
        entity = kb.get(args.name) or next(iter(kb.lookup(args.name)), None)
    with _store(args) as store:
        entity_id = entity.id if entity else args.name
        rows = store.articles_mentioning(entity_id)
        if entity is None and not rows:
            raise UserError(f"no entity called {args.name!r} in the knowledge base or the store")
    out = _out()
    if entity is not None:
        out.print(f"[bold]{markup_safe(entity.name)}[/] ({markup_safe(entity.type)}, {markup_safe(entity.id)})"
                  + (f": {markup_safe(entity.role)}" if getattr(entity, "role", None) else ""))
        names = getattr(entity, "names", {}) or {}
        for lang in sorted(names):
            out.print(f"  {markup_safe(lang)}: {markup_safe(', '.join(sorted(set(names[lang]))[:12]))}")
    per_lang = Counter()
    for _id, lang, _title, mentions in rows:
        per_lang[lang or "unknown"] += mentions
    if per_lang:
        out.print("mentions per language: " + markup_safe(", ".join(f"{k} {v}" for k, v in per_lang.most_common())))
    table = Table(title="Articles", title_justify="left")
    for column in ("article", "lang", "mentions", "title"):
        table.add_column(column, overflow="fold")
    for article_id, lang, title, mentions in rows:
        table.add_row(markup_safe(article_id), markup_safe(lang), str(mentions), markup_safe(title))
    out.print(table if rows else "no stored article mentions it yet")
    return EXIT_OK


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    if not since and not until:
        return True
    if not date:
        return False
    # Compare at the shorter precision so 2025-04 is within --since 2025-04-03's month.
    if since and date[:len(since)] < since[:len(date)]:
        return False
    if until and date[:len(until)] > until[:len(date)]:
        return False
    return True


def _iter_events(articles: Iterable[Article], args):
    actor_ids = set()
    folded = None
    if args.actor:
        resolved = resolve_entity(args.actor)
        actor_ids = {resolved[0]} if resolved else set()
        folded = args.actor.casefold()
    for article in articles:
        for event in article.events:
            if args.type and event.type != args.type:
                continue
            if not getattr(args, "all", False) and event.status == "planned":
                continue
            if args.actor and not (actor_ids & set(event.participant_ids)
                                   or any(p.casefold() == folded for p in event.participants)):
                continue
            if not _in_range(event.date, args.since, args.until):
                continue
            yield article, event


def cmd_events(args, err: Console) -> int:
    _date_arg(args.since, "--since")
    _date_arg(args.until, "--until")
    with _store(args) as store:
        found = list(_iter_events(store.iter_articles(lang=args.lang), args))
    found.sort(key=lambda pair: (pair[1].date or "9999", pair[1].type, pair[0].id))
    table = Table(title="Events", title_justify="left")
    for column in ("date", "type", "participants", "place", "status", "article", "lang"):
        table.add_column(column, overflow="fold")
    for article, event in found:
        kind = f"{event.type} ({event.visit_kind})" if event.visit_kind else event.type
        table.add_row(*map(markup_safe, (event.date or "?", kind, ", ".join(event.participants), event.place,
                                         event.status, article.id, article.lang)))
    _out().print(table if found else "no events match")
    return EXIT_OK


def cmd_facts(args, err: Console) -> int:
    accepts = _actor_filter(args.actor)
    with _store(args) as store:
        rows = [(a, f) for a in store.iter_articles(lang=args.lang) if accepts is None or accepts(a)
                for f in a.facts]
    table = Table(title="Facts", title_justify="left")
    for column in ("value", "unit", "qualifier", "year", "what", "article", "lang"):
        table.add_column(column, overflow="fold")
    for article, fact in rows:
        value = f"{fact.value:,.0f}" if float(fact.value).is_integer() else f"{fact.value:,}"
        table.add_row(*map(markup_safe, (value, fact.unit, fact.qualifier, fact.year or "", fact.what,
                                         article.id, article.lang)))
    _out().print(table if rows else "no facts match")
    return EXIT_OK


def _linker_or_fail(store: SqlStore):
    from .commands import _linker

    linker = _linker(store)
    if linker is None:
        raise UserError("this command needs the stories stage, which is not installed")
    return linker


def cmd_stories(args, err: Console) -> int:
    _date_arg(args.since, "--since")
    with _store(args) as store:
        summaries = _linker_or_fail(store).stories(since=args.since, actor=args.actor)
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
    with _store(args) as store:
        detail = _linker_or_fail(store).story(args.story_id)
    if detail is None:
        raise UserError(f"no story {args.story_id!r}; `dragoman stories` lists them")
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
    _date_arg(args.since, "--since")
    if not args.query.strip():
        raise UserError("search needs a query")
    with _store(args) as store:
        linker = _linker_or_fail(store)
        stories = linker.search_stories(args.query, lang=args.lang, since=args.since, actor=args.actor, k=args.limit)
        hits = linker.search(args.query, lang=args.lang, since=args.since, actor=args.actor, k=args.limit)
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
