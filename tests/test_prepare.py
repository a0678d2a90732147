"""The store-free half of ingest (dragoman.prepare): what a worker process or a Ray task runs."""
from __future__ import annotations

import pickle

from dragoman.doc import Article, RawDocument, Rejection
from dragoman.pipeline import component
from dragoman.prepare import PreparedArticle, prepare_batch, preparer_for


@component("test_prepare_text", requires=("raw_text",), provides=("text", "title"))
class Text:
    def __call__(self, article: Article) -> Article:
        if "boom" in article.raw_text:
            raise ValueError("cannot read this")
        article.text = article.raw_text
        article.title = article.raw_text.split(".")[0]
        return article


def _raw(name: str, text: str) -> RawDocument:
    return RawDocument(id=name, origin=f"/in/{name}.txt", input_format="text", raw=text.encode(), text=text)


ITEMS = [_raw("a", "Water talks in Tashkent. The ministers of five countries met on Monday."),
         Rejection("/in/empty.txt", "empty file", "text"),
         _raw("b", "boom")]


def test_a_batch_comes_back_in_order_with_linking_inputs():
    prepared = prepare_batch(ITEMS, embedder="hashing", dim=32, components=["test_prepare_text"])
    assert [p.item for p in prepared] == ITEMS
    first, rejected, failed = prepared
    assert isinstance(first.result, Article) and first.result.title == "Water talks in Tashkent"
    assert first.link.vector.shape == (32,) and first.link.profile.id == "a"
    assert rejected.result is ITEMS[1] and rejected.link is None  # passed through untouched
    assert isinstance(failed.result, Rejection) and "test_prepare_text" in failed.result.reason
    assert failed.link is None


def test_prepared_articles_pickle_to_cross_a_process_boundary():
    prepared = prepare_batch(ITEMS[:1], embedder="hashing", dim=16, components=["test_prepare_text"])[0]
    again = pickle.loads(pickle.dumps(prepared))
    assert isinstance(again, PreparedArticle) and again.result.text == prepared.result.text
    assert (again.link.vector == prepared.link.vector).all()


def test_models_are_built_once_per_process():
    one = preparer_for("hashing", 16, ["test_prepare_text"])
    assert preparer_for("hashing", 16, ["test_prepare_text"]) is one
    assert preparer_for(None, 16, ["test_prepare_text"]) is not one
    assert preparer_for(None, 16, ["test_prepare_text"]).embedder is None
