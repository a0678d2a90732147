"""Several ingests sharing one PostgreSQL store: idempotent, and safe when they run at once."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from postgres_db import fresh_database_url
from repo_paths import SAMPLES
from sqlalchemy import func, select

from dragoman.store import open_store
from dragoman.store.sql import raw_inputs

pytestmark = pytest.mark.postgres

INGEST = "import sys; from dragoman.cli import main; sys.exit(main(sys.argv[1:]))"
# Seconds one ingest of half the sample corpus may take on a busy 2-core machine.
INGEST_TIMEOUT = 600


def _start_ingest(url: str, paths: list[str]) -> subprocess.Popen:
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    return subprocess.Popen([sys.executable, "-c", INGEST, "--db", url, "--quiet", "ingest", *paths],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_two_concurrent_ingests_of_overlapping_inputs_store_each_once():
    url = fresh_database_url()
    files = sorted(str(p) for p in (SAMPLES / "corpus").iterdir())
    first, second = files[:14], files[6:]  # 8 inputs in both
    runs = [_start_ingest(url, first), _start_ingest(url, second)]
    outcomes = [(run.wait(timeout=INGEST_TIMEOUT), *run.communicate()) for run in runs]
    for code, _out, err in outcomes:
        assert code in (0, 1), f"ingest failed with exit status {code}: {err[-2000:]}"
        assert "Traceback" not in err and "IntegrityError" not in err, err[-2000:]
    assert outcomes[0][0] == 0 or outcomes[1][0] == 0 or "set aside" in outcomes[0][2] + outcomes[1][2]
    with open_store(url) as store:
        stored = store.count_articles()
        with store.engine.connect() as conn:
            repeated = conn.execute(select(raw_inputs.c.hash).group_by(raw_inputs.c.hash)
                                    .having(func.count() > 1)).scalars().all()
        assert stored > 0 and repeated == []
    # Everything is stored: one more pass over all the inputs adds nothing.
    rerun = _start_ingest(url, files)
    code, _out, err = rerun.wait(timeout=INGEST_TIMEOUT), *rerun.communicate()
    assert code in (0, 1), err[-2000:]
    with open_store(url) as store:
        assert store.count_articles() == stored
        assert store.count_pending() == 0
