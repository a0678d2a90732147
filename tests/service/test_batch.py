"""The batch services (dragoman.service.batch): typed arguments checked before any work."""
from __future__ import annotations

import pytest

from dragoman import service
from dragoman.errors import InvalidArgument


@pytest.mark.parametrize("workers", [0, -1])
def test_ingest_refuses_fewer_than_one_worker(tmp_path, workers):
    with service.open_session(str(tmp_path / "s.db"), create=True) as session:
        with pytest.raises(InvalidArgument) as refused:
            service.ingest(session, [str(tmp_path)], max_bytes=1024, workers=workers)
    assert refused.value.field == "workers"


def test_ingest_with_one_worker_stores_in_this_process(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Astana, 12 May 2025. Kazakhstan and Uzbekistan signed a water "
                                           "agreement on Monday.", encoding="utf-8")
    with service.open_session(str(tmp_path / "s.db"), create=True) as session:
        result = service.ingest(session, [str(tmp_path / "in")], max_bytes=1 << 20, workers=1)
    assert result.report.added == 1 and result.total_articles == 1
