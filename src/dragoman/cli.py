"""The ``dragoman`` command line.

Every failure a user can cause ends in one clear line on standard error and a non-zero exit
status, never a traceback (``--debug`` shows one for bug reports).

Exit status: 0 success; 1 some inputs were rejected (the rest was stored); 2 usage or store
errors; 70 an internal error; 130 interrupted (what was stored stays stored).
"""
from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Sequence

from rich.console import Console

from . import __version__
from .errors import (EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_REJECTED, EXIT_USAGE, InvalidArgument,
                     UserError)
from .safe_text import markup_safe
from .config import DEFAULT_DB

DEFAULT_MAX_MB = 20.0

__all__ = ["EXIT_INTERNAL", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_REJECTED", "EXIT_USAGE", "UserError",
           "build_parser", "main"]


def _user_message(error: UserError) -> str:
    """A service error as a command-line user reads it: parameters are spelled as options."""
    if isinstance(error, InvalidArgument):
        return f"--{error.field.replace('_', '-')} {error.problem}"
    return str(error)


def _positive_megabytes(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of megabytes, not {value!r}") from None
    if not math.isfinite(number) or number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive, finite number of megabytes, not {value!r}")
    return number


def _workers(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of processes, not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value!r}")
    return number


def _seconds(value: str, *, zero_ok: bool = False) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of seconds, not {value!r}") from None
    if not math.isfinite(number) or number < 0 or (number == 0 and not zero_ok):
        raise argparse.ArgumentTypeError(f"must be a {'non-negative' if zero_ok else 'positive'}, finite "
                                         f"number of seconds, not {value!r}")
    return number


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a port number, not {value!r}") from None
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port number from 1 to 65535, not {value!r}")
    return number


def _store_failure_message(error: BaseException) -> str | None:
    """A clear message for failures of the store itself (a missing driver, a damaged file)."""
    if isinstance(error, ModuleNotFoundError) and (error.name or "").split(".")[0] in (
            "psycopg", "psycopg2", "asyncpg", "pg8000"):
        return ("the PostgreSQL driver is not installed: pip install 'dragoman[postgres]'")
    try:
        from sqlalchemy.exc import DatabaseError
    except ImportError:  # pragma: no cover - sqlalchemy is a dependency
        return None
    if isinstance(error, DatabaseError):
        reason = str(getattr(error, "orig", None) or "the database reported an error").splitlines()[0]
        return (f"the store is damaged ({reason}): restore it from a backup, or ingest the inputs "
                "again into a new store with --db NEW_PATH")
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dragoman",
        description="Turn multilingual news into a searchable knowledge base of international relations.")
    parser.add_argument("--version", action="version", version=f"dragoman {__version__}")
    parser.add_argument("--db", default=None, metavar="PATH",
                        help=f"store: a SQLite file or SQLAlchemy URL (default: $DRAGOMAN_DB or ./{DEFAULT_DB})")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary chatter")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", help="read files, folders, globs, feeds, JSON Lines, WARC into the store")
    p.add_argument("paths", nargs="+", metavar="PATH_OR_GLOB")
    p.add_argument("--max-size", type=_positive_megabytes, default=DEFAULT_MAX_MB, metavar="MB",
                   help=f"set aside input files larger than this (default {DEFAULT_MAX_MB:g} MB)")
    p.add_argument("--workers", type=_workers, default=None, metavar="N",
                   help="processes that analyse articles, beside the one that stores them "
                        "(default: one per core; 1: no extra process)")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="where articles are analysed: this machine's processes, or a Ray cluster "
                        "(pip install -e '.[ray]'; default local)")
    p.add_argument("--address", default=None, metavar="ADDRESS",
                   help="with --engine ray: the cluster to join (auto, or ray://HOST:PORT; "
                        "default: start a local Ray)")

    p = sub.add_parser("export", help="write the store's articles as JSON Lines, CSV or Parquet")
    p.add_argument("-o", "--output", default=None, metavar="FILE", help="output file (default: standard output)")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default=None,
                   help="output format (default: from the file name, else jsonl)")
    p.add_argument("--stories", action="store_true", help="one line per story instead of per article")

    sub.add_parser("stats", help="counts per language, source, month; rejected inputs with reasons")

    p = sub.add_parser("reprocess", help="re-run the pipeline on the stored raw inputs")
    p.add_argument("ids", nargs="*", metavar="ID", help="only these articles (default: all)")

    p = sub.add_parser("serve", help="serve the web UI and the JSON API (/api/v1) over the store")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=_port, default=8765, help="port (default 8765)")
    p.add_argument("--allow-ingest", action="store_true", help="accept articles on POST /api/v1/ingest (off by default)")

    from .watch import defaults as watching
    p = sub.add_parser("watch", help="poll RSS/Atom feeds; ingest and link each new entry's page as it arrives")
    p.add_argument("feeds", nargs="+", metavar="FEEDS_OR_URL",
                   help="feed URLs, or files listing one feed URL a line (# starts a comment)")
    p.add_argument("--once", action="store_true",
                   help="one pass over the feeds that are due, then exit (for cron); exit status 1 when "
                        "a feed failed or an entry was rejected")
    p.add_argument("--force", action="store_true", help="poll every feed now, whatever its schedule or back-off")
    p.add_argument("--interval", type=_seconds, default=float(watching.DEFAULT_INTERVAL_SECONDS), metavar="SECONDS",
                   help="seconds between polls of a feed that does not declare its own "
                        f"(default {watching.DEFAULT_INTERVAL_SECONDS:g})")
    p.add_argument("--timeout", type=_seconds, default=watching.READ_TIMEOUT_SECONDS, metavar="SECONDS",
                   help=f"give up on a server silent this long (default {watching.READ_TIMEOUT_SECONDS:g})")
    p.add_argument("--host-delay", type=lambda v: _seconds(v, zero_ok=True),
                   default=watching.DEFAULT_HOST_DELAY_SECONDS, metavar="SECONDS",
                   help="at least this long between two requests to one host (default "
                        f"{watching.DEFAULT_HOST_DELAY_SECONDS:g}; robots.txt Crawl-delay may ask for more)")
    p.add_argument("--max-size", type=_positive_megabytes, default=watching.MAX_BYTES / 2**20, metavar="MB",
                   help=f"refuse feeds and pages larger than this (default {watching.MAX_BYTES / 2**20:g} MB)")

    from .queries import register as register_queries
    register_queries(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        from .commands import COMMANDS
        from .queries import QUERY_COMMANDS

        handler = COMMANDS.get(args.command) or QUERY_COMMANDS[args.command]
        return handler(args, err)
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/]: what was stored stays stored; run the same command again to resume")
        return EXIT_INTERRUPTED
    except UserError as error:
        err.print(f"[red]error:[/] {markup_safe(_user_message(error))}", markup=True, soft_wrap=True)
        return EXIT_USAGE
    except BrokenPipeError:
        # `dragoman export | head` closes the pipe early: not an error for the user.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - last line of defence: no traceback for users
        from .export import ExportError
        from .store import StoreError
        user_errors: tuple[type[Exception], ...] = (StoreError, ExportError)
        try:
            from .stories import LinkError
            user_errors += (LinkError,)
        except ImportError:
            pass
        if isinstance(error, user_errors):
            err.print(f"[red]error:[/] {markup_safe(error)}", soft_wrap=True)
            return EXIT_USAGE
        user_message = _store_failure_message(error)
        if user_message:
            err.print(f"[red]error:[/] {markup_safe(user_message)}", soft_wrap=True)
            return EXIT_USAGE
        if args.debug:
            raise
        err.print(f"[red]internal error:[/] {error.__class__.__name__}: {markup_safe(error)}. "
                  "Run again with --debug for details and please report it.", soft_wrap=True)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
