"""Per-language knowledge, kept as data files: ``lang/<code>/<name>.toml``.

Every language folder uses the same file names (``boilerplate.toml``, ``header.toml``,
``byline.toml``, ``rewrite.toml``, ``dates.toml``, ``titles.toml``, ``suffixes.toml``,
``numbers.toml``, ``events.toml``, ...), so code asks for *what* it needs and never branches
on a language code. ``lang/xx/`` holds knowledge that applies to every language. Adding a
language means adding a folder, not changing code; a file holding only a comment says nothing
is known there yet and reads as no data (``tests/lang/test_folders.py`` checks the names).
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

COMMON = "xx"


def _root():
    return resources.files(__name__)


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    """Language codes that have a data folder (``xx`` excluded)."""
    return tuple(sorted(p.name for p in _root().iterdir()
                        if p.is_dir() and not p.name.startswith(("_", ".")) and p.name != COMMON))


@lru_cache(maxsize=None)
def load(code: str, name: str) -> dict[str, Any]:
    """The parsed ``lang/<code>/<name>.toml``, or ``{}`` when that language has no such file."""
    path = _root() / code / f"{name}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        try:
            return tomllib.load(handle)
        except tomllib.TOMLDecodeError as error:
            raise ValueError(f"lang/{code}/{name}.toml: {error}") from None


def load_all(name: str, *, include_common: bool = True) -> dict[str, dict[str, Any]]:
    """``{code: data}`` for every language (and ``xx``) that has ``<name>.toml``."""
    codes = list(languages()) + ([COMMON] if include_common else [])
    return {code: data for code in codes if (data := load(code, name))}
