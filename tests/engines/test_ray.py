"""The Ray engine: the same store as the local engine, and a rerun after a worker died loses and
doubles nothing. Runs on a local Ray instance started once for this module (``ray.init``); skips,
saying why, when Ray is not installed (``pip install -e '.[ray]'``)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from repo_paths import REPO, SAMPLES, SEEDS

from dragoman import service
from dragoman.cli import main
from dragoman.engines.ray import RAY_MISSING, PrepareBatches, _import_ray
from dragoman.errors import EXIT_USAGE, UserError
from dragoman.export import write_export
from dragoman.service.session import open_session

INPUTS = [str(SAMPLES / "corpus"), str(SEEDS)]
MAX_BYTES = 20 * 1024 * 1024


def test_without_ray_the_engine_names_the_extra_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` meets when Ray is not installed
    with pytest.raises(UserError) as caught:
        _import_ray()
    assert str(caught.value) == RAY_MISSING and "pip install -e '.[ray]'" in RAY_MISSING


def test_without_ray_the_cli_says_so_and_exits_with_a_usage_error(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "ray", None)
    code = main(["--db", str(tmp_path / "store.db"), "--quiet", "ingest", "--engine", "ray",
                 str(SAMPLES / "corpus" / "01_en_moscow_visit_wire.txt")])
    assert code == EXIT_USAGE
    assert "pip install -e '.[ray]'" in capsys.readouterr().err


@pytest.fixture(scope="module")
def local_ray():
    """One local Ray for the module (the engine joins a running one and leaves it running)."""
    try:
        import ray
    except ModuleNotFoundError as error:
        print(f"skipping the Ray engine tests: {error}")
        pytest.skip(f"Ray is not installed ({error}): pip install -e '.[ray]'")
    import logging

    # The failing preparer below lives in this test module: the workers import it as pytest did.
    path = os.pathsep.join([str(REPO), str(REPO / "tests" / "support"), os.environ.get("PYTHONPATH", "")])
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    ray.init(num_cpus=3, include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False,
             runtime_env={"env_vars": {"PYTHONPATH": path.rstrip(os.pathsep)}})
    yield ray
    ray.shutdown()


def _ingest(db: Path, paths, **engine):
    with open_session(str(db), create=True) as session:
        return service.ingest(session, paths, max_bytes=MAX_BYTES, **engine).report


def _sorted_export(db: Path, out: Path) -> list[str]:
    with open_session(str(db)) as session:
        write_export(service.article_rows(session), "jsonl", str(out))
    return sorted(out.read_text(encoding="utf-8").splitlines())


def _origins(db: Path) -> list[str]:
    with open_session(str(db)) as session:
        return [article.origin for article in session.store.iter_articles()]


@pytest.fixture(scope="module")
def local_export(tmp_path_factory):
    root = tmp_path_factory.mktemp("local-engine")
    report = _ingest(root / "store.db", INPUTS, engine="local", workers=1)
    assert report.added > 0
    return _sorted_export(root / "store.db", root / "export.jsonl")


def test_ray_engine_stores_what_the_local_engine_stores(local_ray, local_export, tmp_path):
    report = _ingest(tmp_path / "store.db", INPUTS, engine="ray", workers=2)
    assert report.added == len(local_export) and not report.interrupted
    assert _sorted_export(tmp_path / "store.db", tmp_path / "export.jsonl") == local_export


class DiesOnce(PrepareBatches):
    """A preparer whose worker process dies on its second batch, the first time only."""

    flag: str = ""

    def __init__(self, embedder, dim):
        super().__init__(embedder, dim)
        self.batches = 0

    def __call__(self, batch):
        self.batches += 1
        if self.batches == 2 and not os.path.exists(self.flag):
            Path(self.flag).touch()
            os._exit(1)  # as a killed worker: no clean-up, no exception
        return super().__call__(batch)


def test_a_worker_killed_mid_batch_loses_and_doubles_nothing(local_ray, local_export, tmp_path, monkeypatch):
    import dragoman.engines.ray as ray_engine

    monkeypatch.setattr(ray_engine, "PrepareBatches", type("DiesOnceHere", (DiesOnce,), {"flag": str(tmp_path / "died")}))
    db = tmp_path / "store.db"
    try:
        first_added = _ingest(db, INPUTS, engine="ray", workers=2).added  # Ray retried the batch
    except UserError as error:  # Ray gave up on the batch: the run stops, the rerun resumes
        assert "run the same command again" in str(error)
        first_added = len(_origins(db))
    assert (tmp_path / "died").exists(), "the worker was meant to die"
    monkeypatch.undo()
    rerun = _ingest(db, INPUTS, engine="ray", workers=2)
    origins = _origins(db)
    assert len(origins) == len(set(origins)) == len(local_export)
    assert first_added + rerun.added == len(local_export)
    assert _sorted_export(db, tmp_path / "export.jsonl") == local_export
