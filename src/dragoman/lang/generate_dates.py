"""Write the CLDR month and weekday names into every ``lang/<code>/dates.toml``.

    python -m dragoman.lang.generate_dates          # rewrite the generated sections
    python -m dragoman.lang.generate_dates --check  # fail if one is out of date

Each ``dates.toml`` has a hand-written part (``[grammar]``: date forms, relative words, the
case forms CLDR does not list) and, below :data:`MARKER`, a ``[generated]`` section that only
this script writes: month and weekday names of the locales ``[grammar] locales`` names (the
folder's code by default), from babel's CLDR data. The babel version is recorded in the section
and pinned in ``pyproject.toml``: a newer CLDR respells a name now and then, so ``--check`` is
only meaningful with the version that wrote the files (as for ``dragoman.kb.build``).
"""
from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from . import COMMON

LANG_ROOT = Path(__file__).resolve().parent
FILE_NAME = "dates.toml"
MARKER = "# ==== Generated from CLDR by `python -m dragoman.lang.generate_dates`: do not edit below. ===="
SOURCE_PACKAGE = "babel"
# Abbreviations shorter than this are too ambiguous to look for ("ma", "ko"); full names are
# kept whatever their length (Persian "مه", Hindi "मई").
MIN_ABBREVIATION_CHARS = 3


def installed_version() -> str:
    try:
        return version(SOURCE_PACKAGE)
    except PackageNotFoundError:
        return "not installed"


def _spellings(names_by_locale: Iterable[dict[int, str]], skip: dict[int, list[str]] | None = None,
               min_chars: int = 0) -> list[list[str]]:
    """Lower-cased spellings without their abbreviation dot, per number, first seen first."""
    out: dict[int, list[str]] = {}
    for names in names_by_locale:
        for number, name in sorted(names.items()):
            spelling = name.lower().rstrip(".")
            row = out.setdefault(number, [])
            if len(spelling) >= min_chars and spelling not in row and spelling not in (skip or {}).get(number, []):
                row.append(spelling)
    return [out[number] for number in sorted(out)]


def cldr_names(locales: list[str]) -> dict[str, list[list[str]]]:
    """Month (January first) and weekday (Monday first) names of ``locales``, full and abbreviated."""
    from babel.dates import get_day_names, get_month_names

    def table(getter, width: str) -> list[dict[int, str]]:
        return [getter(width, context=context, locale=locale)
                for locale in locales for context in ("format", "stand-alone")]

    months = _spellings(table(get_month_names, "wide"))
    weekdays = _spellings(table(get_day_names, "wide"))
    return {
        "months": months,
        "month_abbreviations": _spellings(table(get_month_names, "abbreviated"), dict(enumerate(months, 1)),
                                          MIN_ABBREVIATION_CHARS),
        "weekdays": weekdays,
        "weekday_abbreviations": _spellings(table(get_day_names, "abbreviated"), dict(enumerate(weekdays)),
                                            MIN_ABBREVIATION_CHARS),
    }


def _toml_list(rows: list[list[str]]) -> str:
    lines = [f"  [{', '.join(json.dumps(s, ensure_ascii=False) for s in row)}]," for row in rows]
    return "[\n" + "\n".join(lines) + "\n]"


def generated_section(locales: list[str]) -> str:
    names = cldr_names(locales)
    parts = [MARKER, "[generated]", f"{SOURCE_PACKAGE} = {json.dumps(installed_version())}",
             f"locales = {json.dumps(locales)}",
             "# Months, January first; weekdays, Monday first. Lower case, without abbreviation dots."]
    parts += [f"{key} = {_toml_list(rows)}" for key, rows in names.items()]
    return "\n".join(parts) + "\n"


def split(text: str) -> tuple[str, str]:
    """The hand-written part of a ``dates.toml`` (ending in one newline) and its generated part."""
    head, _, tail = text.partition(MARKER)
    return head.rstrip() + "\n", (MARKER + tail if tail else "")


def locales_of(code: str, hand_written: str) -> list[str]:
    return tomllib.loads(hand_written).get("grammar", {}).get("locales", [code])


def regenerated(code: str, path: Path) -> str:
    """The file's text with its generated section rebuilt from CLDR."""
    hand_written, _ = split(path.read_text(encoding="utf-8"))
    return hand_written + "\n" + generated_section(locales_of(code, hand_written))


def dates_files(root: Path = LANG_ROOT) -> dict[str, Path]:
    """``{code: path}`` for every language folder (``xx`` has no CLDR locale and no names)."""
    codes = sorted(p.name for p in root.iterdir()
                   if p.is_dir() and not p.name.startswith(("_", ".")) and p.name != COMMON)
    return {code: root / code / FILE_NAME for code in codes}


def recorded_versions(root: Path = LANG_ROOT) -> dict[str, str]:
    """The babel version each language's generated section was written with (files that have one)."""
    out = {}
    for code, path in dates_files(root).items():
        section = tomllib.loads(path.read_text(encoding="utf-8")).get("generated", {}) if path.is_file() else {}
        if SOURCE_PACKAGE in section:
            out[code] = section[SOURCE_PACKAGE]
    return out


def version_mismatch(root: Path = LANG_ROOT) -> str | None:
    """Why regenerating here cannot reproduce the files byte for byte, or None when it can."""
    installed = installed_version()
    differing = sorted({v for v in recorded_versions(root).values() if v != installed})
    if not differing:
        return None
    return f"{SOURCE_PACKAGE} {', '.join(differing)} (written) != {installed} (installed)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a generated section is out of date")
    parser.add_argument("--root", type=Path, default=LANG_ROOT, help="the lang folder (default: the package's)")
    args = parser.parse_args(argv)
    files = dates_files(args.root)
    if missing := [path for path in files.values() if not path.is_file()]:
        for path in missing:
            print(f"{path} is missing: every language folder has a {FILE_NAME}", file=sys.stderr)
        return 2
    if args.check and (why := version_mismatch(args.root)):
        print(f"cannot check the dates files: they were written with another version: {why}", file=sys.stderr)
        return 3
    stale = []
    for code, path in files.items():
        text = regenerated(code, path)
        if path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path)
        if not args.check:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if args.check:
        for path in stale:
            print(f"{path} is out of date: run python -m dragoman.lang.generate_dates", file=sys.stderr)
        if not stale:
            print("the dates files are up to date")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
