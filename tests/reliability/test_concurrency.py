"""Three ``dragoman ingest`` processes on one SQLite store, with an export and a search loop
beside them, ten times over: no error, nothing lost or stored twice, story counts that add up.

The folders overlap (each file is seen by two processes) and one file is a byte-identical copy
of another under a different name, so each run races on content dedupe, on ids, on schema
creation (a new store every round), on story rows and on the vector file.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dragoman.service import Session
from dragoman.store.sql import SqlStore

ROUNDS = 10
DRAGOMAN = [sys.executable, "-m", "dragoman.cli"]

# (folder, title, body): short reports written for this test.
REPORTS = [
    ("one", "Tokayev receives Japarov in Astana",
     "ASTANA, 3 March 2025 - President Kassym-Jomart Tokayev received President Sadyr Japarov."),
    ("one", "Mirziyoyev visits Dushanbe",
     "DUSHANBE, 8 March 2025 - President Shavkat Mirziyoyev arrived in Dushanbe for talks with "
     "President Emomali Rahmon."),
    ("one", "Aliyev and Pashinyan meet in Washington",
     "WASHINGTON, 8 August 2025 - President Ilham Aliyev and Prime Minister Nikol Pashinyan met."),
    ("two", "Orban calls Erdogan",
     "BUDAPEST, 2 June 2025 - Prime Minister Viktor Orban held a phone call with President "
     "Recep Tayyip Erdogan."),
    ("two", "Lula hosts Ramaphosa",
     "BRASILIA, 14 July 2025 - President Luiz Inacio Lula da Silva hosted President Cyril Ramaphosa."),
    ("three", "Modi visits Tokyo",
     "TOKYO, 29 August 2025 - Prime Minister Narendra Modi arrived in Tokyo for a summit."),
    ("three", "Macron receives Tebboune",
     "PARIS, 10 April 2025 - President Emmanuel Macron received President Abdelmadjid Tebboune."),
]


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("concurrent-inputs")
    for number, (folder, title, body) in enumerate(REPORTS):
        (root / folder).mkdir(exist_ok=True)
        (root / folder / f"r{number}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    (root / "three" / "same-as-r0.txt").write_bytes((root / "one" / "r0.txt").read_bytes())
    return {name: root / name for name in ("one", "two", "three")}


def _spawn(db: Path, *argv: str) -> subprocess.Popen:
    return subprocess.Popen([*DRAGOMAN, "--db", str(db), "--quiet", *argv],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _check_store(db: Path) -> None:
    with SqlStore(str(db), create=False) as store:
        stored = list(store.iter_articles())
        origins = [a.origin for a in stored]
        assert len(stored) == len(REPORTS), origins  # the copy is the same content as r0
        assert len(set(origins)) == len(origins)
        assert len({a.hash for a in stored}) == len(stored)
        assert store.count_pending() == 0
        session = Session(store)
        index, reader = session.link_index(), session.reader()
        assert index.damage() is None
        assert index.count_linked() == len(stored)
        summaries = reader.stories()
        assert sum(s.n_articles for s in summaries) == len(stored)
        for summary in summaries:
            assert summary.n_articles == len(reader.story(summary.id).articles)


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_three_ingests_an_export_and_a_search_share_one_store(folders, tmp_path, round_number):
    db = tmp_path / "store.db"
    ingests = [_spawn(db, "ingest", str(folders[a]), str(folders[b]))
               for a, b in (("one", "two"), ("two", "three"), ("three", "one"))]
    while any(p.poll() is None for p in ingests):
        if db.exists():
            export = _spawn(db, "export", "-o", str(tmp_path / "out.jsonl"))
            search = _spawn(db, "search", "Tokayev")
            for reader in (export, search):
                out, err = reader.communicate(timeout=300)
                # A store that exists but holds no article yet is fine; errors are not.
                assert reader.returncode == 0, err
                assert "Traceback" not in err
            for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines():
                json.loads(line)
        else:
            time.sleep(0.05)
    for process in ingests:
        out, err = process.communicate()
        assert process.returncode == 0, err
        assert "Traceback" not in err
    _check_store(db)
