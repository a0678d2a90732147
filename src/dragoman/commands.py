"""The batch commands of the CLI: ingest, export, stats, reprocess. Each parses nothing and
decides nothing: it calls :mod:`dragoman.service` and renders the dataclass it returns
(queries live in :mod:`dragoman.queries`)."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import service
from .doc import Rejection
from .errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_REJECTED, UserError
from .safe_text import markup_safe, printable
from .terminal import session_for

# Origins longer than this are shortened in progress lines so the bar stays on one line.
PROGRESS_ORIGIN_CHARS = 48


def _short(origin: str) -> str:
    return origin if len(origin) <= PROGRESS_ORIGIN_CHARS else "…" + origin[-(PROGRESS_ORIGIN_CHARS - 1):]


def cmd_ingest(args, err: Console) -> int:
    with session_for(args, err, create=True) as session:
        session.linker()  # repair a damaged index before the bar starts
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

            result = service.ingest(session, args.paths, max_bytes=int(args.max_size * 1024 * 1024),
                                    on_item=on_item, workers=args.workers,
                                    engine=args.engine, address=args.address)
    report = result.report
    if not args.quiet or report.interrupted:
        parts = [f"{report.added} added", f"{report.updated} updated", f"{report.unchanged} unchanged",
                 f"{len(report.rejected)} rejected"]
        err.print(f"{', '.join(parts)}; the store now holds {result.total_articles} articles", highlight=False)
        if result.skipped_files:
            examples = markup_safe(", ".join(result.skipped_examples[:3]))
            err.print(f"skipped {result.skipped_files} files of unsupported types in folders (e.g. {examples})",
                      highlight=False)
        if report.resumed:
            err.print(f"linked {report.resumed} articles an interrupted run had stored but not linked",
                      highlight=False)
        if report.unchanged and not report.stored and not report.rejected:
            err.print("nothing new: every input was already stored", highlight=False)
    if report.interrupted:
        waiting = f"; {report.unlinked} stored articles wait to be linked" if report.unlinked else ""
        err.print(f"[yellow]interrupted[/]: whole articles were kept{waiting}; "
                  "run the same command again to resume")
        return EXIT_INTERRUPTED
    return EXIT_REJECTED if report.rejected else EXIT_OK


def cmd_export(args, err: Console) -> int:
    from .export import write_export

    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output and args.output != "-" else ""
        fmt = suffix if suffix in ("jsonl", "csv", "parquet") else "jsonl"
    if args.stories and fmt != "jsonl":
        raise UserError("stories are nested records: export them with --format jsonl")
    with session_for(args, err) as session:
        rows = service.story_rows(session) if args.stories else service.article_rows(session)
        count = write_export(rows, fmt, args.output)
    if not args.quiet and args.output not in (None, "-"):
        err.print(f"wrote {count} {'stories' if args.stories else 'articles'} to {markup_safe(args.output)} ({fmt})",
                  highlight=False)
    return EXIT_OK


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
    with session_for(args, err) as session:
        result = service.stats(session)
    counts = result.counts
    out.print(f"[bold]{counts.articles}[/] articles ({counts.rewrites} machine rewrites), "
              f"[bold]{counts.rejected}[/] rejected inputs")
    if counts.articles:
        out.print(f"{counts.entities} entities, {counts.events} events, {counts.facts} facts; "
                  f"{result.stories} stories ({result.multilingual_stories} reported in more than one language)")
        if result.unlinked:
            out.print(f"[yellow]{result.unlinked} stored articles wait to be linked[/]: "
                      "the next `dragoman ingest` links them first")
        out.print(_table("By language", counts.by_lang, "lang"))
        out.print(_table("By source", counts.by_source, "source", limit=25))
        out.print(_table("By month", counts.by_month, "month", sort_by_key=True))
        out.print(_table("By input format", counts.by_format, "format"))
        if result.top_entities:
            table = Table(title="Most mentioned entities", title_justify="left")
            for column in ("entity", "type", "mentions", "articles"):
                table.add_column(column, justify="right" if column in ("mentions", "articles") else "left")
            for entity in result.top_entities:
                table.add_row(markup_safe(entity.name), markup_safe(entity.type), str(entity.mentions),
                              str(entity.articles))
            out.print(table)
    if result.rejections:
        table = Table(title="Rejected inputs", title_justify="left")
        table.add_column("input", overflow="fold")
        table.add_column("reason", overflow="fold")
        for record in result.rejections:
            table.add_row(markup_safe(record.origin), markup_safe(record.reason))
        out.print(table)
    return EXIT_OK


def cmd_reprocess(args, err: Console) -> int:
    with session_for(args, err) as session:
        report = service.reprocess(session, args.ids or ())
    for failure in report.failed:
        err.print(f"[yellow]failed[/] {markup_safe(failure.origin)}: {markup_safe(failure.reason)}", soft_wrap=True)
    if not args.quiet:
        err.print(f"reprocessed {report.processed} articles, {len(report.failed)} failed", highlight=False)
    if report.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_REJECTED if report.failed else EXIT_OK


def cmd_serve(args, err: Console) -> int:
    try:
        import uvicorn

        from .web import create_app
    except ModuleNotFoundError as error:
        raise UserError(f"the web server needs {error.name}: pip install 'dragoman[web]'") from None
    loopback = args.host in ("127.0.0.1", "localhost", "::1")
    with session_for(args, err, create=args.allow_ingest) as session:
        session.reader()  # open (and if need be rebuild) the story index before the first request
        app = create_app(session=session, allow_ingest=args.allow_ingest,
                         allowed_hosts=["127.0.0.1", "localhost", "[::1]"] if loopback else None)
        if not loopback:
            err.print(f"[yellow]warning[/]: listening on {markup_safe(args.host)}: anyone who can reach this "
                      "machine can read the store", highlight=False)
        shown = f"[{args.host}]" if ":" in args.host else args.host
        err.print(f"serving {markup_safe(session.store.url)} at http://{markup_safe(shown)}:{args.port}/ "
                  f"(API at /api/v1; ingest {'on' if args.allow_ingest else 'off'}); Ctrl-C stops",
                  highlight=False)
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning" if args.quiet else "info")
    return EXIT_OK


class _WatchLines:
    """What a watch does, one line per event on standard error (remote text made safe)."""

    def __init__(self, err: Console, *, quiet: bool):
        self.err, self.quiet = err, quiet
        self.counts = {"added": 0, "updated": 0, "unchanged": 0, "rejected": 0}

    def _line(self, text: str) -> None:
        self.err.print(text, highlight=False, soft_wrap=True)

    def event(self, event) -> None:
        from .watch.poller import Fault, Moved, Settled, duration

        if isinstance(event, Settled):
            self.counts[event.outcome] += 1
            where = markup_safe(event.url)
            if event.outcome == "rejected":
                self._line(f"[yellow]rejected[/] {where}: {markup_safe(event.problem)}")
            elif not self.quiet:
                instead = f" (feed text: {markup_safe(event.problem)})" if event.problem else ""
                self._line(f"{event.outcome} {where}{instead}")
        elif isinstance(event, Fault):
            kind = "feed failed" if event.url == event.feed_url else "page waits"
            retry = f"; again in {duration(event.retry_in)}" if event.retry_in is not None else ""
            self._line(f"[yellow]{kind}[/] {markup_safe(event.url)}: {markup_safe(event.reason)}{retry}")
        elif isinstance(event, Moved):
            self._line(f"[yellow]moved[/] {markup_safe(event.feed_url)} now redirects for good to "
                       f"{markup_safe(event.moved_to)}: update the feed list")

    def report(self, report) -> None:
        if self.quiet:
            return
        parts = [f"{report.polled} of {report.feeds} feeds polled"]
        parts += [f"{n} {what}" for n, what in ((report.not_modified, "not modified"), (report.failed, "failed"),
                                                (report.new_entries, "new entries"), (report.added, "added"),
                                                (report.updated, "updated"), (report.unchanged, "unchanged"),
                                                (report.rejected, "rejected"), (report.waiting, "waiting"))
                  if n]
        self._line("pass: " + ", ".join(parts))

    def stopped(self, passes: int) -> None:
        done = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        self._line(f"stopped watching after {passes} passes ({done}); run the same command again to go on")


def cmd_watch(args, err: Console) -> int:
    import signal
    import threading

    from .service import watch as watching
    from .watch.defaults import CONNECT_TIMEOUT_SECONDS
    from .watch.feedlist import feed_urls
    from .watch.fetch import FetchOptions
    from .watch.poller import WatchOptions

    feeds = feed_urls(args.feeds)
    options = WatchOptions(interval=args.interval, host_delay=args.host_delay, force=args.force,
                           fetch=FetchOptions(connect_timeout=min(args.timeout, CONNECT_TIMEOUT_SECONDS),
                                              read_timeout=args.timeout, max_bytes=int(args.max_size * 2**20)))
    lines = _WatchLines(err, quiet=args.quiet)
    with session_for(args, err, create=True) as session:
        session.linker()  # repair a damaged index before the first entry arrives
        if args.once:
            report = watching.watch_once(session, feeds, options, on_event=lines.event)
            lines.report(report)
            return EXIT_REJECTED if report.failed or report.rejected else EXIT_OK
        # SIGTERM (systemd, docker stop) ends the watch after the entry at hand, like a finished run.
        stop = threading.Event()
        try:
            previous = signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
        except ValueError:  # not the main thread: no handler, Ctrl-C still works
            previous = None
        totals = watching.WatchTotals()
        if not args.quiet:
            err.print(f"watching {len(feeds)} feeds into {markup_safe(session.store.url)}; Ctrl-C stops",
                      highlight=False)
        try:
            watching.watch(session, feeds, options, clocks=watching.Clocks(sleep=stop.wait), on_event=lines.event,
                           on_pass=lines.report, should_stop=stop.is_set, totals=totals)
        except KeyboardInterrupt:
            lines.stopped(totals.passes)
            return EXIT_INTERRUPTED
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
    lines.stopped(totals.passes)
    return EXIT_OK


COMMANDS = {"ingest": cmd_ingest, "export": cmd_export, "stats": cmd_stats, "reprocess": cmd_reprocess,
            "serve": cmd_serve, "watch": cmd_watch}
