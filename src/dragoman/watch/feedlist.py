"""The feeds to watch: URLs given as arguments, or files listing one URL a line.

In a list file, blank lines are skipped and ``#`` starts a comment when it opens a line or
follows a space (a ``#`` inside a URL is its fragment). Every problem names the file and line.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import UserError

_COMMENT = re.compile(r"(^|\s)#.*$")
FEED_SCHEMES = ("http", "https")


def _check_url(url: str, where: str) -> str:
    parts = urlsplit(url)
    if parts.scheme.lower() not in FEED_SCHEMES or not parts.netloc:
        raise UserError(f"{where}: {url!r} is not an http:// or https:// feed URL")
    return url


def read_feed_list(path: Path) -> list[str]:
    """The feed URLs listed in a file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"no feed list at {path} (give a file of feed URLs, or the URLs themselves)") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a file of feed URLs") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} is not a UTF-8 text file of feed URLs") from None
    except OSError as error:
        raise UserError(f"cannot read the feed list {path}: {error.strerror or error}") from None
    urls = []
    for number, line in enumerate(text.splitlines(), 1):
        line = _COMMENT.sub("", line).strip()
        if line:
            urls.append(_check_url(line, f"{path}, line {number}"))
    return urls


def feed_urls(arguments: Sequence[str]) -> list[str]:
    """Every feed URL the arguments name (URLs, list files), in order, each once."""
    urls: list[str] = []
    for argument in arguments:
        if "://" in argument:
            urls.append(_check_url(argument.strip(), "feed"))
        else:
            urls.extend(read_feed_list(Path(argument)))
    if not urls:
        raise UserError("no feeds to watch: give feed URLs, or a file listing one URL a line")
    return list(dict.fromkeys(urls))
