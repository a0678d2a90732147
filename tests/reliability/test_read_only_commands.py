"""Commands that only read leave the story index untouched (not even its timestamps)."""
from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.cli import main

ARTICLE = ("Tokayev and Mirziyoyev discuss water sharing\n\n"
           "TASHKENT, 14 March 2025 - President Kassym-Jomart Tokayev and President Shavkat "
           "Mirziyoyev met in Tashkent on Friday and agreed to share water from the Syr Darya.\n")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("read-only")
    (folder / "inputs").mkdir()
    (folder / "inputs" / "water.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(folder / "store.db")
    assert main(["--db", db, "--quiet", "ingest", str(folder / "inputs")]) == 0
    return db


def _index_stamps(db: str) -> dict[str, int]:
    index = Path(db + ".index")
    files = [path for path in index.rglob("*") if path.is_file()] if index.exists() else []
    return {str(path): path.stat().st_mtime_ns for path in files}


@pytest.mark.parametrize("command", [
    ["stats"], ["stories"], ["search", "water sharing"], ["export", "-o", "{tmp}/out.jsonl"],
    ["entities"], ["events"], ["facts"],
])
def test_read_only_command_leaves_the_index_untouched(store, command, tmp_path):
    before = _index_stamps(store)
    assert before, "the ingest should have written a story index"
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    assert main(["--db", store, "--quiet", *argv]) == 0
    assert _index_stamps(store) == before
