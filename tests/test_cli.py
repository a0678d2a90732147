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


def test_ingest_twice_adds_nothing(tmp_path, capsys, seeds_dir):
    db = str(tmp_path / "twice.db")
    texts = str(seeds_dir / "*.txt")
    code, _, err = run(capsys, "--db", db, "ingest", texts)
    assert code == EXIT_OK and "5 added" in err
    code, _, err = run(capsys, "--db", db, "ingest", texts)
    assert code == EXIT_OK and "0 added" in err and "5 unchanged" in err and "nothing new" in err


def test_bad_inputs_are_listed_and_batch_goes_on(tmp_path, capsys, seeds_dir):
    from dragoman.cli import EXIT_REJECTED

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "broken.jsonl").write_text('{"text": "Tokajev Moszkvában."}\n{not json\n', encoding="utf-8")
    db = str(tmp_path / "bad.db")
    code, _, err = run(capsys, "--db", db, "ingest", str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt"),
                       str(tmp_path / "broken.jsonl"), str(tmp_path / "missing.txt"),
                       str(seeds_dir / "002_6f194461a102c84f.txt"))
    assert code == EXIT_REJECTED
    for name in ("empty.txt", "binary.txt", "broken.jsonl:2", "missing.txt"):
        assert name in err
    assert "2 added" in err
    code, out, _ = run(capsys, "--db", db, "stats")
    assert code == EXIT_OK and "4 rejected inputs" in out and "missing.txt" in out


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats_from_file_name(tmp_path, capsys, seeds_dir, fmt):
    db = str(tmp_path / "e.db")
    run(capsys, "--db", db, "--quiet", "ingest", str(seeds_dir / "00[12]_*.txt"))
    out = tmp_path / f"out.{fmt}"
    code, _, err = run(capsys, "--db", db, "export", "-o", str(out))
    assert code == EXIT_OK and f"wrote 2 articles to {out} ({fmt})" in err
    assert out.stat().st_size > 0


def test_export_to_stdout_is_jsonl(tmp_path, capsys, seeds_dir):
    import json

    db = str(tmp_path / "e.db")
    run(capsys, "--db", db, "--quiet", "ingest", str(seeds_dir / "001_*.txt"))
    code, out, _ = run(capsys, "--db", db, "export")
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert code == EXIT_OK and row["id"] == "001_c31b014b0eb8a9de" and row["source"] == "EU Reporter"


def test_missing_story_index_is_rebuilt_from_the_store(tmp_path, capsys, seeds_dir):
    import shutil

    db = str(tmp_path / "idx.db")
    run(capsys, "--db", db, "--quiet", "ingest", str(seeds_dir / "001_*.txt"))
    shutil.rmtree(tmp_path / "idx.db.index")
    code, out, err = run(capsys, "--db", db, "stories")
    assert code == EXIT_OK and "rebuilding it from the 1 stored articles" in err and "internal error" not in err


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_workers_must_be_a_positive_number(tmp_path, capsys, value):
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(tmp_path / "s.db"), "ingest", "--workers", value, str(tmp_path)])
    _, err = capsys.readouterr()
    assert stopped.value.code == EXIT_USAGE and "--workers" in err and "Traceback" not in err


def test_workers_default_to_one_per_core():
    from dragoman.cli import build_parser

    assert build_parser().parse_args(["ingest", "x"]).workers is None  # the service picks os.cpu_count()
    assert build_parser().parse_args(["ingest", "--workers", "3", "x"]).workers == 3
