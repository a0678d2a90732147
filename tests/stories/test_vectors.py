from __future__ import annotations

import numpy as np

from dragoman.stories.vectors import VectorFile, top_k


def test_append_search_and_reopen(tmp_path):
    rng = np.random.default_rng(0)
    data = rng.standard_normal((50, 16)).astype(np.float32)
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    vf = VectorFile(tmp_path / "v.i8", 16)
    assert vf.append(data[:20]) == 0
    assert vf.append(data[20:]) == 20
    again = VectorFile(tmp_path / "v.i8", 16)
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
