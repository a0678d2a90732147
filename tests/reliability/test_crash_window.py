"""SIGKILL at 20 points of an ingest: after each rerun every input is stored once, linked once
and searchable (issue: the window between storing and linking).

Each killed run is a real ``dragoman ingest`` process (``crash_runner.py``) that kills itself
with SIGKILL at one named moment: just after an article's commit, inside its transaction, after
the vector append, after a link commit, and so on. The rerun is the command a user would type.
"""
from __future__ import annotations

import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dragoman.cli import main
from dragoman.service import Session
from dragoman.store.sql import SqlStore

RUNNER = Path(__file__).with_name("crash_runner.py")

# (title, body): short reports written for this test, one per input file.
REPORTS = [
    ("Tokayev and Mirziyoyev meet in Tashkent",
     "TASHKENT, 14 March 2025 - President Kassym-Jomart Tokayev met President Shavkat Mirziyoyev "
     "in Tashkent and agreed to share water from the Syr Darya."),
    ("Erdogan receives Aliyev in Ankara",
     "ANKARA, 2 April 2025 - President Recep Tayyip Erdogan received President Ilham Aliyev in "
     "Ankara. The two leaders signed an agreement on a gas pipeline."),
    ("Orban visits Astana",
     "ASTANA, 9 May 2025 - Prime Minister Viktor Orban arrived in Astana for talks with President "
     "Kassym-Jomart Tokayev on uranium supplies worth 1.2 billion dollars."),
    ("Macron and Scholz hold talks in Paris",
     "PARIS, 21 June 2025 - President Emmanuel Macron and Chancellor Olaf Scholz held talks in "
     "Paris on the European defence budget."),
    ("Japarov calls Rahmon",
     "BISHKEK, 3 July 2025 - President Sadyr Japarov held a phone call with President Emomali "
     "Rahmon about the border agreement."),
    ("Путин и Токаев провели переговоры в Москве",
     "МОСКВА, 12 ноября 2024 года - Президент России Владимир Путин и президент Казахстана "
     "Касым-Жомарт Токаев провели переговоры в Кремле."),
    ("Lula meets Xi in Brasilia",
     "BRASILIA, 20 November 2024 - President Luiz Inacio Lula da Silva met President Xi Jinping "
     "in Brasilia and signed 37 agreements."),
    ("Ruto visits Addis Ababa",
     "ADDIS ABABA, 5 February 2025 - President William Ruto of Kenya visited Addis Ababa for talks "
     "with Prime Minister Abiy Ahmed on a railway line."),
    ("Modi and Albanese meet in Sydney",
     "SYDNEY, 24 May 2023 - Prime Minister Narendra Modi and Prime Minister Anthony Albanese met in "
     "Sydney and agreed on a migration pact."),
]

# Where each killed run dies, and on which arrival there: 20 points over the batch, most of them
# in the window between an article's commit and its links (see crash_runner.POINTS).
KILL_POINTS = [
    ("stored", 1), ("stored", 2), ("stored", 4), ("stored", 6), ("stored", 8), ("stored", 9),
    ("storing", 1), ("storing", 5), ("storing", 9),
    ("vectors", 1), ("vectors", 2), ("vectors", 3),
    ("linked", 1), ("linked", 2), ("linked", 3),
    ("cleared", 1), ("cleared", 3),
    ("linking", 1), ("linking", 2), ("linking", 3),
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """Nine reports in ten files: one is byte-identical in a second folder, and two files in
    different folders share a stem."""
    root = tmp_path_factory.mktemp("crash-inputs")
    (root / "a").mkdir()
    (root / "b").mkdir()
    for number, (title, body) in enumerate(REPORTS[:8]):
        (root / "a" / f"report{number}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    (root / "b" / "report0.txt").write_text(f"{REPORTS[8][0]}\n\n{REPORTS[8][1]}\n", encoding="utf-8")
    (root / "b" / "copy.txt").write_bytes((root / "a" / "report3.txt").read_bytes())
    return root


def _killed_run(db: Path, inputs: Path, point: str, hit: int) -> tuple[int, str]:
    argv = [sys.executable, str(RUNNER), point, str(hit), "--", "--db", str(db), "--quiet",
            "ingest", str(inputs / "a"), str(inputs / "b")]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stderr


@pytest.fixture(scope="module")
def killed_stores(inputs, tmp_path_factory) -> dict[tuple[str, int], tuple[Path, tuple[int, str]]]:
    """One store per kill point, each left behind by a killed ingest (two at a time: two cores)."""
    root = tmp_path_factory.mktemp("crash-stores")
    jobs = {(point, hit): root / f"{point}-{hit}.db" for point, hit in KILL_POINTS}
    with ThreadPoolExecutor(max_workers=2) as pool:
        codes = dict(zip(jobs, pool.map(lambda key: _killed_run(jobs[key], inputs, *key), jobs)))
    return {key: (jobs[key], codes[key]) for key in jobs}


def _check_complete(db: Path) -> None:
    with SqlStore(str(db), create=False) as store:
        stored = list(store.iter_articles())
        assert len(stored) == len(REPORTS), [a.origin for a in stored]
        assert len({a.hash for a in stored}) == len(REPORTS)
        assert store.count_pending() == 0
        session = Session(store)
        index, reader = session.link_index(), session.reader()
        assert index.damage() is None
        assert index.count_linked() == len(REPORTS)
        assert index.unlinked(a.id for a in stored) == []
        assert sum(s.n_articles for s in reader.stories()) == len(REPORTS)
        for article in stored:
            hits = reader.search(article.title, k=5)
            assert article.id in [hit.article_id for hit in hits], article.title


@pytest.mark.parametrize("point,hit", KILL_POINTS, ids=[f"{p}-{h}" for p, h in KILL_POINTS])
def test_rerun_after_sigkill_stores_and_links_everything_once(killed_stores, inputs, point, hit, capsys):
    db, (code, err) = killed_stores[(point, hit)]
    assert code == -signal.SIGKILL, f"the run should have been killed at {point} #{hit}: {err}"
    rerun = main(["--db", str(db), "--quiet", "ingest", str(inputs / "a"), str(inputs / "b")])
    assert rerun == 0
    _check_complete(db)
    # A second rerun finds nothing to do and changes nothing.
    assert main(["--db", str(db), "--quiet", "ingest", str(inputs / "a"), str(inputs / "b")]) == 0
    _check_complete(db)


def test_kill_during_the_resume_itself(inputs, tmp_path):
    """The rerun that links what the first run left is killed too; the third run finishes."""
    db = tmp_path / "store.db"
    assert _killed_run(db, inputs, "stored", 7)[0] == -signal.SIGKILL
    assert _killed_run(db, inputs, "vectors", 1)[0] == -signal.SIGKILL
    assert main(["--db", str(db), "--quiet", "ingest", str(inputs / "a"), str(inputs / "b")]) == 0
    _check_complete(db)
