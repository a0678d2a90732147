"""The story index beside a SQLite store (``<db>.index/``) is derived data: when it is missing
or damaged every command rebuilds it from the store, and none refuses to export the articles."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dragoman.cli import main
from dragoman.service import Session
from dragoman.store.sql import SqlStore

REPORTS = {
    "water.txt": "Tokayev and Mirziyoyev discuss water\n\nTASHKENT, 14 March 2025 - President "
                 "Kassym-Jomart Tokayev and President Shavkat Mirziyoyev met in Tashkent.\n",
    "gas.txt": "Erdogan receives Aliyev\n\nANKARA, 2 April 2025 - President Recep Tayyip Erdogan "
               "received President Ilham Aliyev in Ankara and signed a gas agreement.\n",
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("index-rebuild")
    (folder / "inputs").mkdir()
    for name, text in REPORTS.items():
        (folder / "inputs" / name).write_text(text, encoding="utf-8")
    assert main(["--db", str(folder / "store.db"), "--quiet", "ingest", str(folder / "inputs")]) == 0
    return folder


@pytest.fixture
def store(pristine, tmp_path) -> Path:
    """A copy of the ingested store, with its index, to damage."""
    for path in pristine.iterdir():
        target = tmp_path / path.name
        (shutil.copytree if path.is_dir() else shutil.copy2)(path, target)
    return tmp_path / "store.db"


def _remove(db: Path) -> None:
    shutil.rmtree(db.with_name(db.name + ".index"))


def _truncate(db: Path) -> None:
    for path in db.with_name(db.name + ".index").glob("vectors-*"):
        path.write_bytes(path.read_bytes()[:100])


def _assert_whole(db: Path) -> None:
    with SqlStore(str(db), create=False) as store:
        session = Session(store)
        index = session.link_index()
        assert index.damage() is None
        assert index.count_linked() == len(REPORTS)
        assert {h.title for h in session.reader().search("Erdogan Aliyev gas", k=5)} >= {"Erdogan receives Aliyev"}


@pytest.mark.parametrize("damage", [_remove, _truncate], ids=["missing", "truncated"])
@pytest.mark.parametrize("command", [
    ["export", "-o", "{tmp}/out.jsonl"], ["stats"], ["stories"], ["search", "water"],
    ["ingest", "{tmp}/none-new"], ["reprocess"],
], ids=lambda argv: argv[0])
def test_every_command_rebuilds_a_missing_or_damaged_index(store, tmp_path, capsys, damage, command):
    (tmp_path / "none-new").mkdir()
    damage(store)
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    assert main(["--db", str(store), *argv]) == 0
    if command[0] != "reprocess":  # reprocess relinks everything anyway and says so itself
        assert "rebuilding it from the 2 stored articles" in capsys.readouterr().err
    _assert_whole(store)


def test_export_after_rebuild_keeps_every_article_and_its_story(store, tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["--db", str(store), "--quiet", "export", "-o", str(out)]) == 0
    before = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    _remove(store)
    assert main(["--db", str(store), "--quiet", "export", "-o", str(out)]) == 0
    after = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(after) == len(before) == len(REPORTS)
    assert all(row["story"] for row in after)
    # Story ids are new after a rebuild; the grouping of articles into stories is the same.
    group = lambda rows: sorted(sorted(r["id"] for r in rows if r["story"] == s) for s in {r["story"] for r in rows})
    assert group(after) == group(before)
