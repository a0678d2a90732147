"""What the CLI's commands share for the terminal: the service session they open, and the
progress reporter that draws on standard error."""
from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from . import service
from .safe_text import markup_safe


class ConsoleReporter:
    """The service's :class:`~dragoman.service.Reporter` drawn on the terminal: notices as
    lines, work as a transient progress bar (none with ``--quiet``)."""

    def __init__(self, err: Console, *, quiet: bool = False):
        self.err = err
        self.quiet = quiet
        self._progress: Progress | None = None
        self._task = None

    def notice(self, message: str) -> None:
        self.err.print(f"[yellow]{markup_safe(message)}[/]", highlight=False, soft_wrap=True)

    def start(self, label: str, total: int | None) -> None:
        self.finish()
        self._progress = Progress(SpinnerColumn(), TextColumn(f"[bold]{markup_safe(label)}[/]"),
                                  BarColumn(bar_width=None), TextColumn("{task.completed}/{task.total}"),
                                  TimeElapsedColumn(), console=self.err, disable=self.quiet, transient=True)
        self._progress.start()
        self._task = self._progress.add_task(label, total=total)

    def advance(self, count: int = 1, **fields: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, advance=count)

    def finish(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def session_for(args, err: Console, *, create: bool = False):
    """The service session for a command's ``--db`` and ``--quiet``."""
    return service.open_session(args.db, create=create, reporter=ConsoleReporter(err, quiet=args.quiet))
