"""Article vectors: one append-only file of int8 rows with a per-row scale, memory-mapped,
searched by brute force.

Why not an ANN library (sqlite-vec, usearch, hnswlib)? Measured on this 2-core machine (see
``bench/stories.py``): an exact scan of 100 000 x 384 vectors takes ~15 ms as int8 blocks
converted to float32 and multiplied with BLAS, ~7 ms as float32, ~90 ms as float16 (numpy has no
fast float16 path). int8 with one float32 scale per row (max-abs quantisation) keeps the file at a
quarter of float32 (100k vectors = 39 MB, 1M = 390 MB of page cache) and changes cosines by about
0.002, which neither rankings nor the linking floors notice. Brute force needs no extra
dependency, is exact up to that rounding, never needs rebuilding after deletes, and filters
(language, date, actor) are just a row subset, which graph indexes handle poorly. Past a few
million vectors an HNSW index behind the same ``scores`` call would be the next step.

Linking itself never scans the whole file: candidates come from the entity/date index plus a
fixed window of the most recent rows, so linking cost per article stays constant as the corpus
grows. Deleted articles leave their row behind (the SQL mapping is what makes a row live).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: the store's write lock alone serialises appends
    fcntl = None

import numpy as np

# Rows converted to float32 at a time: bounds the temporary memory of a scan (~25 MB at 384 dims).
SCAN_BLOCK_ROWS = 16384
# int8 range used by the quantisation (symmetric, so 0 stays exactly 0).
INT8_MAX = 127


def _row_dtype(dim: int) -> np.dtype:
    return np.dtype([("scale", "<f4"), ("q", "i1", (dim,))])


class VectorFile:
    """Append-only matrix of L2-normalised vectors stored as int8 rows with a float32 scale."""

    def __init__(self, path: Path, dim: int):
        self.path = Path(path)
        self.dim = dim
        self.dtype = _row_dtype(dim)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            # Create only: touching an existing file would change its timestamp on every read.
            self.path.touch()
        self._map: np.memmap | None = None
        self._mapped_rows = -1

    @property
    def row_bytes(self) -> int:
        return self.dtype.itemsize

    def __len__(self) -> int:
        # A torn final row (crash mid-append) is ignored: only whole rows count.
        return os.path.getsize(self.path) // self.row_bytes

    def append(self, vectors: np.ndarray) -> int:
        """Write rows at the end; returns the row number of the first one. Durable on return."""
        data = _quantise(vectors, self.dim, self.dtype)
        with open(self.path, "r+b") as handle, _locked(handle):
            # The length is read under the lock: another writer may have appended meanwhile.
            first = len(self)
            handle.seek(first * self.row_bytes)
            handle.write(data.tobytes())
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
        return first

    def clear(self) -> None:
        """Remove every row (the index is being rebuilt)."""
        with open(self.path, "r+b") as handle, _locked(handle):
            handle.truncate(0)
            os.fsync(handle.fileno())
        self._map, self._mapped_rows = None, -1

    def _rows(self) -> np.ndarray:
        rows = len(self)
        if rows == 0:
            return np.zeros(0, dtype=self.dtype)
        if self._map is None or self._mapped_rows != rows:
            self._map = np.memmap(self.path, dtype=self.dtype, mode="r", shape=(rows,))
            self._mapped_rows = rows
        return self._map

    @staticmethod
    def _decode(block: np.ndarray) -> np.ndarray:
        return block["q"].astype(np.float32) * block["scale"][:, None]

    def get(self, rows) -> np.ndarray:
        rows = np.asarray(rows, dtype=np.int64)
        if rows.size == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._decode(self._rows()[rows])

    def scores(self, query: np.ndarray, rows: np.ndarray | None = None,
               start: int = 0, stop: int | None = None) -> np.ndarray:
        """Cosine of ``query`` (one vector or a (q, dim) matrix) with a row subset or range."""
        query = np.asarray(query, dtype=np.float32)
        data = self._rows()
        if rows is not None:
            rows = np.asarray(rows, dtype=np.int64)
            blocks = (data[rows[i:i + SCAN_BLOCK_ROWS]] for i in range(0, len(rows), SCAN_BLOCK_ROWS))
        else:
            stop = len(data) if stop is None else min(stop, len(data))
            blocks = (data[i:min(i + SCAN_BLOCK_ROWS, stop)] for i in range(max(start, 0), stop, SCAN_BLOCK_ROWS))
        # Scale after the product: one multiply per row instead of one per value.
        out = [(block["q"].astype(np.float32) @ query.T) * (block["scale"] if query.ndim == 1
                                                            else block["scale"][:, None])
               for block in blocks]
        if not out:
            shape = (0,) if query.ndim == 1 else (0, query.shape[0])
            return np.zeros(shape, dtype=np.float32)
        return np.concatenate(out, axis=0)


@contextmanager
def _locked(handle):
    """An exclusive advisory lock on the open file, for writers sharing one index folder."""
    if fcntl is not None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
    try:
        yield
    finally:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` highest scores, best first."""
    if scores.size == 0 or k <= 0:
        return np.zeros(0, dtype=np.int64)
    k = min(k, scores.size)
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


class VectorTable:
    """The same int8 rows in a table of the store's own database (PostgreSQL), so several
    machines share them and no index folder is needed; read into memory once, then only the
    rows appended since. Same calls as :class:`VectorFile`."""

    def __init__(self, engine, dim: int):
        from sqlalchemy import Column, Float, Integer, LargeBinary, MetaData, Table

        from ..store.transactions import ensure_tables

        self.engine = engine
        self.dim = dim
        self.dtype = _row_dtype(dim)
        self.table = Table(f"story_vectors_{dim}", MetaData(),
                           Column("row", Integer, primary_key=True, autoincrement=False),
                           Column("scale", Float(precision=24), nullable=False),
                           Column("q", LargeBinary, nullable=False))
        # Like the link tables (LinkIndex opens both, outside any write): two ingests opening a
        # new store at once would both create it, and PostgreSQL's IF NOT EXISTS is no guard.
        ensure_tables(engine, self.table.metadata)
        self.path = f"table {self.table.name} in {engine.url.render_as_string(hide_password=True)}"
        self._cache = np.zeros(0, dtype=self.dtype)

    def __len__(self) -> int:
        from sqlalchemy import func, select
        with self.engine.connect() as conn:
            highest = conn.execute(select(func.max(self.table.c.row))).scalar()
        return 0 if highest is None else highest + 1

    def append(self, vectors: np.ndarray) -> int:
        """Insert rows after the last one (in their own committed transaction: like the file,
        vectors are durable before the links that point at them); returns the first row."""
        from sqlalchemy import func, insert, select, text
        data = _quantise(vectors, self.dim, self.dtype)
        with self.engine.begin() as conn:
            # Not the store's write lock: the linker holds that on another connection.
            conn.execute(text(f"LOCK TABLE {self.table.name} IN EXCLUSIVE MODE"))
            highest = conn.execute(select(func.max(self.table.c.row))).scalar()
            first = 0 if highest is None else highest + 1
            if len(data):
                conn.execute(insert(self.table), [
                    dict(row=first + i, scale=float(item["scale"]), q=item["q"].tobytes())
                    for i, item in enumerate(data)])
        return first

    def clear(self) -> None:
        from sqlalchemy import delete
        with self.engine.begin() as conn:
            conn.execute(delete(self.table))
        self._cache = np.zeros(0, dtype=self.dtype)

    def _rows(self) -> np.ndarray:
        from sqlalchemy import select
        rows = len(self)
        if rows < len(self._cache):  # cleared by another process: read again from the start
            self._cache = np.zeros(0, dtype=self.dtype)
        if rows > len(self._cache):
            query = (select(self.table.c.row, self.table.c.scale, self.table.c.q)
                     .where(self.table.c.row >= len(self._cache)).order_by(self.table.c.row))
            with self.engine.connect() as conn:
                fetched = conn.execute(query).all()
            block = np.zeros(rows - len(self._cache), dtype=self.dtype)
            for number, scale, q in fetched:
                position = number - len(self._cache)
                if 0 <= position < len(block):
                    block[position]["scale"] = scale
                    block[position]["q"] = np.frombuffer(bytes(q), dtype=np.int8)
            self._cache = np.concatenate([self._cache, block])
        return self._cache

    get = VectorFile.get
    scores = VectorFile.scores
    _decode = staticmethod(VectorFile._decode)


def _quantise(vectors: np.ndarray, dim: int, dtype: np.dtype) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, dim)
    peak = np.abs(vectors).max(axis=1) if len(vectors) else np.zeros(0, dtype=np.float32)
    scale = np.where(peak > 0, peak / INT8_MAX, 1.0).astype(np.float32)
    data = np.empty(len(vectors), dtype=dtype)
    data["scale"] = scale
    data["q"] = np.clip(np.rint(vectors / scale[:, None]), -INT8_MAX, INT8_MAX).astype(np.int8)
    return data


def open_vectors(engine, index_dir: Path, dim: int) -> "VectorFile | VectorTable":
    """The story vectors of a store: in its database on PostgreSQL (shared by every machine
    using it), else a file in the index folder beside the SQLite store."""
    if engine.dialect.name == "postgresql":
        return VectorTable(engine, dim)
    return VectorFile(Path(index_dir) / f"vectors-{dim}.i8", dim)
