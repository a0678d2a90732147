"""What each ``dragoman`` command does: ingest, export, stats, reprocess (queries live in
:mod:`dragoman.queries`). Kept apart from argument parsing so tests can call them directly."""
from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import jobs
from .cli import EXIT_INTERRUPTED, EXIT_OK, EXIT_REJECTED, UserError, _db_default
from .doc import Rejection
from .safe_text import markup_safe, printable
from .store import SqlStore, open_store

# How many entities `dragoman stats` lists.
STATS_TOP_ENTITIES = 10
# Origins longer than this are shortened in progress lines so the bar stays on one line.
PROGRESS_ORIGIN_CHARS = 48


def _store(args, *, create: bool) -> SqlStore:
    return open_store(args.db or _db_default(), create=create)


def _linker(store: SqlStore):
    """The corpus-level linking stage, when installed (``dragoman.stories``)."""
    try:
        from .stories.linker import StoryLinker
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("dragoman.stories"):
            return None
        raise
    return StoryLinker(store.engine, store.index_dir)


def _corpus_passes(store: SqlStore, linker) -> None:
    """What needs the whole corpus: years for year-less dates (see :mod:`dragoman.corpus`)."""
    from .corpus import settle_year_less_dates

    changed = settle_year_less_dates(store, linker)
    if changed and linker is not None:
        linker.link(changed)  # their dates changed: let the story index see the new ones


def _short(origin: str) -> str:
    return origin if len(origin) <= PROGRESS_ORIGIN_CHARS else "…" + origin[-(PROGRESS_ORIGIN_CHARS - 1):]


def cmd_ingest(args, err: Console) -> int:
    with _store(args, create=True) as store:
        from .ingest import IngestOptions, IngestStats, iter_inputs

        reading = IngestStats()
        options = IngestOptions(max_bytes=int(args.max_size * 1024 * 1024))
        linker = _linker(store)
        progress = Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(bar_width=None),
                            TextColumn("{task.fields[counts]}"), TextColumn("{task.fields[origin]}"),
                            TimeElapsedColumn(), console=err, disable=args.quiet, transient=True)
        counts = {"added": 0, "updated": 0, "unchanged": 0, "rejected": 0}

        with progress:
            task = progress.add_task("ingest", total=None, counts="", origin="")

            def on_item(outcome: str, item) -> None:
                counts[outcome] += 1
                if isinstance(item, Rejection):
                    # One clear line per rejected input, printed above the bar.
                    progress.console.print(f"[yellow]rejected[/] {markup_safe(item.origin)}: {markup_safe(item.reason)}",
                                           soft_wrap=True, markup=True, highlight=False)
                progress.update(task, advance=1, origin=markup_safe(_short(printable(item.origin))),
                                counts=" ".join(f"{k} {v}" for k, v in counts.items() if v))

            report = jobs.ingest(store, iter_inputs(args.paths, options, stats=reading),
                                 linker=linker, on_item=on_item)
        if report.stored and not report.interrupted:
            _corpus_passes(store, linker)
        total = store.count_articles()

    if not args.quiet or report.interrupted:
        parts = [f"{report.added} added", f"{report.updated} updated", f"{report.unchanged} unchanged",
                 f"{len(report.rejected)} rejected"]
        err.print(f"{', '.join(parts)}; the store now holds {total} articles", highlight=False)
        if reading.skipped:
            examples = markup_safe(", ".join(reading.skipped_examples[:3]))
            err.print(f"skipped {reading.skipped} files of unsupported types in folders (e.g. {examples})",
                      highlight=False)
        if report.unchanged and not report.stored and not report.rejected:
            err.print("nothing new: every input was already stored", highlight=False)
    if report.interrupted:
        err.print("[yellow]interrupted[/]: whole articles were kept; run the same command again to resume")
        return EXIT_INTERRUPTED
    return EXIT_REJECTED if report.rejected else EXIT_OK


def cmd_export(args, err: Console) -> int:
    from .export import iter_rows, write_export

    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output and args.output != "-" else ""
        fmt = suffix if suffix in ("jsonl", "csv", "parquet") else "jsonl"
    with _store(args, create=False) as store:
        linker = _linker(store)
        if args.stories:
            if linker is None:
                raise UserError("story export needs the stories stage, which is not installed")
            if fmt != "jsonl":
                raise UserError("stories are nested records: export them with --format jsonl")
            count = write_export(story_rows(linker), fmt, args.output)
        else:
            annotate = linker.annotate if linker is not None else None
            count = write_export(iter_rows(store.iter_articles(), annotate), fmt, args.output)
    if not args.quiet and args.output not in (None, "-"):
        err.print(f"wrote {count} {'stories' if args.stories else 'articles'} to {markup_safe(args.output)} ({fmt})",
                  highlight=False)
    return EXIT_OK


def story_rows(linker):
    """One export row per story: title, span, languages, articles, merged events, conflicts."""
    from dataclasses import asdict

    for summary in linker.stories():
        detail = linker.story(summary.id)
        if detail is None:
            continue
        yield {"id": detail.id, "title": detail.title, "first_date": detail.first_date,
               "last_date": detail.last_date, "langs": detail.langs, "participants": detail.participants,
               "articles": [asdict(a) for a in detail.articles], "events": [asdict(e) for e in detail.events],
               "conflicts": [asdict(c) for c in detail.conflicts]}


def _table(title: str, counts: dict[str, int], key: str, *, limit: int | None = None, sort_by_key=False) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(key)
    table.add_column("articles", justify="right")
    items = sorted(counts.items(), key=(lambda kv: kv[0]) if sort_by_key else (lambda kv: (-kv[1], kv[0])))
    for name, count in items[:limit]:
        table.add_row(markup_safe(name), str(count))
    if limit and len(items) > limit:
        table.add_row(f"… {len(items) - limit} more", "")
    return table


def cmd_stats(args, err: Console) -> int:
    out = Console(highlight=False)
    with _store(args, create=False) as store:
        counts = store.counts()
        rejections = list(store.iter_rejections())
        top_entities = store.entity_counts(limit=STATS_TOP_ENTITIES)
        linker = _linker(store) if counts.articles else None
        stories = linker.stories() if linker is not None else []
    out.print(f"[bold]{counts.articles}[/] articles ({counts.rewrites} machine rewrites), "
              f"[bold]{counts.rejected}[/] rejected inputs")
    if counts.articles:
        multilingual = sum(1 for s in stories if len(s.langs) > 1)
        out.print(f"{counts.entities} entities, {counts.events} events, {counts.facts} facts; "
                  f"{len(stories)} stories ({multilingual} reported in more than one language)")
        out.print(_table("By language", counts.by_lang, "lang"))
        out.print(_table("By source", counts.by_source, "source", limit=25))
        out.print(_table("By month", counts.by_month, "month", sort_by_key=True))
        out.print(_table("By input format", counts.by_format, "format"))
        if top_entities:
            table = Table(title="Most mentioned entities", title_justify="left")
            for column in ("entity", "type", "mentions", "articles"):
                table.add_column(column, justify="right" if column in ("mentions", "articles") else "left")
            for _id, name, type_, mentions, n_articles in top_entities:
                table.add_row(markup_safe(name), markup_safe(type_), str(mentions), str(n_articles))
            out.print(table)
    if rejections:
        table = Table(title="Rejected inputs", title_justify="left")
        table.add_column("input", overflow="fold")
        table.add_column("reason", overflow="fold")
        for record in rejections:
            table.add_row(markup_safe(record.origin), markup_safe(record.reason))
        out.print(table)
    return EXIT_OK


def cmd_reprocess(args, err: Console) -> int:
    with _store(args, create=False) as store:
        from .ingest import reread

        total = store.count_articles()
        if args.ids:
            unknown = [i for i in dict.fromkeys(args.ids) if store.origin_of(i) is None]
            if unknown:
                raise UserError("no stored article with id " + ", ".join(map(repr, unknown))
                                + "; `dragoman export` lists the ids")
        progress = Progress(SpinnerColumn(), TextColumn("[bold]reprocess[/]"), BarColumn(bar_width=None),
                            TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(),
                            console=err, disable=args.quiet, transient=True)
        with progress:
            task = progress.add_task("reprocess", total=len(args.ids) if args.ids else total)
            report = jobs.reprocess(store, reread, ids=args.ids or None,
                                    on_item=lambda _id: progress.update(task, advance=1))
        linker = _linker(store)
        if linker is not None and not report.interrupted:
            linker.relink(store.iter_articles())
        if not report.interrupted:
            _corpus_passes(store, linker)
    for failure in report.failed:
        err.print(f"[yellow]failed[/] {markup_safe(failure.origin)}: {markup_safe(failure.reason)}", soft_wrap=True)
    if not args.quiet:
        err.print(f"reprocessed {report.processed} articles, {len(report.failed)} failed", highlight=False)
    if report.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_REJECTED if report.failed else EXIT_OK


COMMANDS = {"ingest": cmd_ingest, "export": cmd_export, "stats": cmd_stats, "reprocess": cmd_reprocess}


def run_command(args: argparse.Namespace, err: Console) -> int:
    from .queries import QUERY_COMMANDS

    handler = COMMANDS.get(args.command) or QUERY_COMMANDS[args.command]
    return handler(args, err)
