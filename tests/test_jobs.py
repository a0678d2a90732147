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


# -- the one writer (dragoman.jobs.IngestWriter), as ingest's workers and a Ray driver use it ----

def _linker(store):
    from dragoman.stories import HashingEmbedder, LinkIndex, Linker

    return Linker(LinkIndex(store.engine, store.index_dir, HashingEmbedder()))


def test_writer_stores_prepared_inputs_and_links_them_without_a_model(store):
    from dragoman.prepare import Preparer

    linker = _linker(store)
    preparer = Preparer(Pipeline(["test_upper"]), linker.index.embedder)
    writer = jobs.IngestWriter(store, linker)
    writer.start()
    docs = _docs(5)
    assert not any(writer.known(d) for d in docs)
    writer.write(preparer.prepare(docs[:3]))
    writer.write(preparer.prepare([*docs[3:], Rejection("/in/x.txt", "empty file", "text")]))
    report = writer.finish()
    assert (report.added, len(report.rejected)) == (5, 1)
    assert store.count_pending() == 0 and linker.index.count_linked() == 5
    assert writer.known(docs[0])  # stored now


def test_writer_checks_again_what_known_let_through(store):
    """Inputs sent unprepared (known, or a copy of an earlier one) are decided when written."""
    from dragoman.prepare import PreparedArticle

    writer = jobs.IngestWriter(store, None, pipeline=Pipeline(["test_upper"]))
    doc, copy = _docs(1)[0], _docs(1)[0]
    copy.origin = "/in/copy.txt"
    assert not writer.known(doc) and writer.known(copy)  # the copy: same content as an earlier input
    writer.write([PreparedArticle(doc), PreparedArticle(copy)])
    report = writer.finish()
    assert (report.added, report.unchanged) == (1, 1)
    assert store.get_article("doc0").text == "DOC ARTICLE 0"  # analysed by the writer's pipeline


def test_interrupted_writer_leaves_marks_that_the_next_start_links(store):
    from dragoman.prepare import Preparer

    linker = _linker(store)
    writer = jobs.IngestWriter(store, linker)
    writer.write(Preparer(Pipeline(["test_upper"]), linker.index.embedder).prepare(_docs(3)))
    report = writer.interrupted()  # before finish: the last batch was never linked
    assert report.interrupted and report.unlinked == 3 == store.count_pending()
    resumed = jobs.IngestWriter(store, linker)
    resumed.start()
    assert resumed.finish().resumed == 3 and store.count_pending() == 0
    assert linker.index.count_linked() == 3


def test_default_workers_is_one_per_core(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert jobs.default_workers() == 2
    monkeypatch.setattr("os.cpu_count", lambda: None)
    assert jobs.default_workers() == 1
