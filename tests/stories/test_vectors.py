from __future__ import annotations

import numpy as np
import pytest
from postgres_db import POSTGRES, fresh_database_url
from sqlalchemy import create_engine

from dragoman.stories.vectors import VectorFile, VectorTable, open_vectors, top_k


@pytest.fixture(params=["file", pytest.param("postgres", marks=POSTGRES)])
def open_16(request, tmp_path):
    """Opens the 16-dimensional vectors of one store: a file (SQLite) or a table (PostgreSQL)."""
    if request.param == "file":
        engine = create_engine(f"sqlite:///{tmp_path / 'store.db'}")
    else:
        engine = create_engine(fresh_database_url())
    yield lambda: open_vectors(engine, tmp_path / "index", 16)
    engine.dispose()


def test_append_search_and_reopen(open_16):
    rng = np.random.default_rng(0)
    data = rng.standard_normal((50, 16)).astype(np.float32)
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    vf = open_16()
    assert vf.append(data[:20]) == 0
    assert vf.append(data[20:]) == 20
    again = open_16()
    assert len(again) == 50
    scores = again.scores(data[33])
    assert top_k(scores, 3)[0] == 33
    subset = again.scores(data[33], rows=np.array([1, 33, 40]))
    assert int(np.argmax(subset)) == 1
    window = again.scores(data[[5, 45]], start=30, stop=50)
    assert window.shape == (20, 2) and int(np.argmax(window[:, 1])) == 15
    assert np.allclose(again.get([7])[0], data[7], atol=1e-2)


def test_torn_last_row_is_ignored(tmp_path):
    vf = VectorFile(tmp_path / "v.i8", 8)
    vf.append(np.ones((2, 8), dtype=np.float32))
    with open(vf.path, "ab") as handle:
        handle.write(b"\x00\x01\x02")
    assert len(vf) == 2
    assert vf.append(np.zeros((1, 8), dtype=np.float32)) == 2
    assert len(vf) == 3


@pytest.mark.postgres
def test_postgres_vectors_live_in_the_database(tmp_path):
    engine = create_engine(fresh_database_url())
    vectors = open_vectors(engine, tmp_path / "index", 8)
    assert isinstance(vectors, VectorTable)
    vectors.append(np.eye(8, dtype=np.float32)[:3])
    assert len(vectors) == 3 and not (tmp_path / "index").exists()
    vectors.clear()
    assert len(open_vectors(engine, tmp_path / "index", 8)) == 0
    engine.dispose()


def test_sqlite_vectors_are_a_file_in_the_index_folder(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'store.db'}")
    vectors = open_vectors(engine, tmp_path / "index", 8)
    assert isinstance(vectors, VectorFile) and vectors.path.parent == tmp_path / "index"
