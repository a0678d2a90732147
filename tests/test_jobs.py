"""Batch jobs: idempotent ingest, resume after an interruption, failures set aside."""
from __future__ import annotations

import pytest

from dragoman import jobs
from dragoman.doc import Article, RawDocument, Rejection
from dragoman.pipeline import Pipeline, component
from dragoman.store import open_store


@component("test_upper", requires=("raw_text",), provides=("text",))
class Upper:
    def __call__(self, article: Article) -> Article:
        article.text = article.raw_text.upper()
        return article


@component("test_explodes", requires=("text",), provides=("title",))
class Explodes:
    def __call__(self, article: Article) -> Article:
        if "boom" in article.raw_text:
            raise ValueError("cannot title this")
        article.title = article.text[:10]
        return article


def _docs(n: int, prefix: str = "doc") -> list[RawDocument]:
    return [RawDocument(id=f"{prefix}{i}", origin=f"/in/{prefix}{i}.txt", input_format="text",
                        raw=f"{prefix} article {i}".encode(), text=f"{prefix} article {i}") for i in range(n)]


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "jobs.db")) as s:
        yield s


def test_reingest_adds_nothing(store):
    pipeline = Pipeline(["test_upper"])
    first = jobs.ingest(store, _docs(5), pipeline=pipeline)
    second = jobs.ingest(store, _docs(5), pipeline=pipeline)
    assert (first.added, first.unchanged) == (5, 0)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 5)
    assert store.count_articles() == 5


def test_interrupted_batch_keeps_whole_articles_and_resumes(store):
    pipeline = Pipeline(["test_upper"])
    docs = _docs(10)

    def interrupted():
        for i, doc in enumerate(docs):
            if i == 6:
                raise KeyboardInterrupt
            yield doc

    report = jobs.ingest(store, interrupted(), pipeline=pipeline)
    assert report.interrupted and report.added == 6
    assert store.count_articles() == 6
    assert all(a.text == a.text.upper() and a.text for a in store.iter_articles())
    resumed = jobs.ingest(store, docs, pipeline=pipeline)
    assert (resumed.added, resumed.unchanged, resumed.interrupted) == (4, 6, False)
    assert store.count_articles() == 10


def test_component_failure_rejects_only_that_article(store):
    pipeline = Pipeline(["test_upper", "test_explodes"])
    docs = _docs(3)
    docs[1] = RawDocument(id="bad", origin="/in/bad.txt", input_format="text", raw=b"boom", text="boom")
    report = jobs.ingest(store, docs, pipeline=pipeline)
    assert report.added == 2
    (rejected,) = report.rejected
    assert rejected.origin == "/in/bad.txt"
    assert "test_explodes" in rejected.reason and "cannot title this" in rejected.reason
    assert [r.origin for r in store.iter_rejections()] == ["/in/bad.txt"]


def test_reader_rejections_are_recorded_and_batch_goes_on(store):
    items = [*_docs(1), Rejection("/in/empty.txt", "empty file", "text"), *_docs(1, prefix="more")]
    report = jobs.ingest(store, items, pipeline=Pipeline(["test_upper"]))
    assert report.added == 2 and len(report.rejected) == 1
    assert store.counts().rejected == 1


def test_same_stem_in_two_folders_keeps_both(store):
    a = RawDocument(id="report", origin="/a/report.txt", input_format="text", raw=b"one", text="one")
    b = RawDocument(id="report", origin="/b/report.txt", input_format="text", raw=b"two", text="two")
    jobs.ingest(store, [a, b], pipeline=Pipeline(["test_upper"]))
    ids = sorted(x.id for x in store.iter_articles())
    assert ids[0] == "report" and ids[1].startswith("report-") and len(ids) == 2


def test_reprocess_rebuilds_from_stored_raw(store):
    jobs.ingest(store, _docs(2), pipeline=Pipeline(["test_upper"]))

    def reread(fmt, raw, origin, id_):
        return RawDocument(id=id_, origin=origin, input_format=fmt, raw=raw, text=raw.decode())

    report = jobs.reprocess(store, reread, pipeline=Pipeline(["test_upper", "test_explodes"]))
    assert report.processed == 2
    assert {a.title for a in store.iter_articles()} == {"DOC ARTICL"}
