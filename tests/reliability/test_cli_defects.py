"""Smaller CLI defects of issue 11, met as a user meets them: through `dragoman`, with real files."""
from __future__ import annotations

import sqlite3
import sys

import pytest

from dragoman.cli import EXIT_USAGE, main

ARTICLE = ("Berlin, 3 April 2025. The foreign ministers of Germany and France met in Berlin on Thursday "
           "to discuss trade. They signed two agreements worth 40 million euros.\n")


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse usage errors
        code = stop.code
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def store(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "s.db")
    code, _, _ = run(capsys, "--db", db, "-q", "ingest", str(tmp_path / "a.txt"))
    assert code == 0
    return db


@pytest.mark.parametrize("size", ["nan", "inf", "-inf", "0", "-3", "many"])
def test_max_size_must_be_a_positive_finite_number(tmp_path, capsys, size):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "--db", str(tmp_path / "s.db"), "ingest", "--max-size", size,
                       str(tmp_path / "a.txt"))
    assert code == EXIT_USAGE and "--max-size" in err
    assert not (tmp_path / "s.db").exists() or size in ("0", "-3")


@pytest.mark.parametrize("command,flag,value", [
    ("events", "--until", "2025-13-45"), ("events", "--since", "2025-99"), ("events", "--since", "2025-02-30"),
    ("stories", "--since", "2025-00"), ("search", "--since", "2025-04-31")])
def test_impossible_dates_are_rejected_naming_the_option(store, capsys, command, flag, value):
    extra = ["Berlin"] if command == "search" else []
    code, _, err = run(capsys, "--db", store, command, *extra, flag, value)
    assert code == EXIT_USAGE
    assert flag in err and value in err


@pytest.mark.parametrize("value", ["2025", "2025-04", "2024-02-29"])
def test_real_dates_are_accepted(store, capsys, value):
    code, _, _ = run(capsys, "--db", store, "events", "--since", value)
    assert code == 0


@pytest.mark.parametrize("argv", [["entities", "--limit", "-5"], ["entities", "--limit", "0"],
                                  ["search", "x", "--limit", "-1"]])
def test_negative_limits_are_rejected(store, capsys, argv):
    code, _, err = run(capsys, "--db", store, *argv)
    assert code == EXIT_USAGE and "--limit" in err


def test_reprocess_of_unknown_ids_names_them(store, capsys):
    code, _, err = run(capsys, "--db", store, "reprocess", "NOSUCHID", "OTHERMISSING")
    assert code == EXIT_USAGE
    assert "NOSUCHID" in err and "OTHERMISSING" in err


def test_postgres_url_without_its_driver_says_what_to_install(tmp_path, capsys, monkeypatch):
    for name in ("psycopg", "psycopg2"):
        monkeypatch.setitem(sys.modules, name, None)  # makes `import psycopg` fail
    code, _, err = run(capsys, "--db", "postgresql+psycopg://u:p@localhost/db", "stats")
    assert code == EXIT_USAGE
    assert "pip install 'dragoman[postgres]'" in err


def test_store_damaged_after_opening_is_a_store_error(store, capsys):
    # Damage a table the store's open-time check does not read: corruption met later.
    con = sqlite3.connect(store)
    con.execute("PRAGMA writable_schema=ON")
    pages = [r[0] for r in con.execute("SELECT rootpage FROM sqlite_master WHERE type='table'")]
    con.close()
    raw = bytearray(open(store, "rb").read())
    page_size = int.from_bytes(raw[16:18], "big")
    for page in pages[1:]:
        start = (page - 1) * page_size
        raw[start:start + page_size] = b"\xff" * page_size
    open(store, "wb").write(bytes(raw))
    for command in (["stats"], ["export"], ["entities"]):
        code, _, err = run(capsys, "--db", store, *command)
        assert code == EXIT_USAGE, (command, err)
        assert "internal error" not in err and "SELECT" not in err
        assert "backup" in err or "cannot open store" in err


def test_corruption_met_while_reading_is_a_store_error(store, capsys, monkeypatch):
    from sqlalchemy.exc import DatabaseError

    from dragoman.store.sql import SqlStore

    def damaged(self, *args, **kwargs):
        raise DatabaseError("SELECT articles.id FROM articles", {}, sqlite3.DatabaseError("file is not a database"))

    monkeypatch.setattr(SqlStore, "counts", damaged)
    code, _, err = run(capsys, "--db", store, "stats")
    assert code == EXIT_USAGE
    assert "file is not a database" in err and "backup" in err
    assert "SELECT" not in err and "internal error" not in err
