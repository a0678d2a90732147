"""Every language folder holds the same data file names (``dragoman.lang``): code asks for a
file by name and finds it in every language, empty when nothing is known there yet."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import dragoman.lang

ROOT = Path(dragoman.lang.__file__).parent
FOLDERS = sorted(p for p in ROOT.iterdir() if p.is_dir() and p.name != "__pycache__")


def _names(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*.toml")}


def test_every_language_folder_has_the_same_file_names():
    every = set().union(*(_names(f) for f in FOLDERS))
    missing = {f.name: sorted(every - _names(f)) for f in FOLDERS if every - _names(f)}
    assert not missing, f"add these files (a comment alone if nothing is known yet): {missing}"


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_every_data_file_is_valid_toml(folder):
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as handle:
            tomllib.load(handle)  # raises on a broken file, naming nothing else
