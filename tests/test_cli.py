"""The command line: clear messages and exit codes, never a traceback."""
from __future__ import annotations

import pytest

from dragoman.cli import EXIT_OK, EXIT_USAGE, main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_no_command_prints_help(capsys):
    code, _, err = run(capsys)
    assert code == EXIT_USAGE and "ingest" in err


@pytest.mark.parametrize("command", [["export"], ["stats"], ["entities"], ["events"], ["facts"], ["reprocess"]])
def test_reading_a_missing_store_is_a_clear_error(tmp_path, capsys, command):
    code, _, err = run(capsys, "--db", str(tmp_path / "absent.db"), *command)
    assert code == EXIT_USAGE
    assert "no store at" in err and "dragoman ingest" in err


def test_db_in_missing_folder_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "no" / "x.db"), "ingest", str(tmp_path))
    assert code == EXIT_USAGE and "does not exist" in err


def test_env_var_selects_store(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DRAGOMAN_DB", str(tmp_path / "env.db"))
    code, _, err = run(capsys, "stats")
    assert code == EXIT_USAGE and "env.db" in err


@pytest.mark.parametrize("flag", ["--since", "--until"])
def test_bad_date_filter_is_explained(tmp_path, capsys, flag):
    from dragoman.store import open_store
    open_store(str(tmp_path / "s.db")).close()
    code, _, err = run(capsys, "--db", str(tmp_path / "s.db"), "events", flag, "last tuesday")
    assert code == EXIT_USAGE and "ISO date" in err


def test_stats_on_empty_store(tmp_path, capsys):
    from dragoman.store import open_store
    open_store(str(tmp_path / "s.db")).close()
    code, out, _ = run(capsys, "--db", str(tmp_path / "s.db"), "stats")
    assert code == EXIT_OK and "0 articles" in out
