"""Linking inputs made ahead of the decisions (stories.prepare), as ingest's workers make them."""
from __future__ import annotations

import pickle

import numpy as np
import pytest
from link_parts import open_stories
from story_builders import event, make_article

from dragoman.stories import E5Embedder, HashingEmbedder
from dragoman.stories.embed import embedding_text
from dragoman.stories.prepare import LinkInput, embedder_named, prepare_links

TEXT = ("Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev in Tashkent on "
        "Monday. The two leaders discussed water sharing on the Syr Darya and new rail links.")


def _articles():
    meeting = event("meeting", ["tokayev", "mirziyoyev"], "tashkent", "2025-05-12")
    return [make_article("a1", "en", "Tokayev meets Mirziyoyev in Tashkent", TEXT, published="2025-05-12",
                         people={"tokayev": 2, "mirziyoyev": 2}, places=["tashkent"], events=[meeting]),
            make_article("a2", "en", "Leaders meet in Tashkent", TEXT + " Both sides called it a success.",
                         published="2025-05-12", people={"tokayev": 1, "mirziyoyev": 1}, places=["tashkent"],
                         events=[meeting]),
            make_article("a3", "en", "Short", "Too short.")]


def test_inputs_hold_profile_vector_and_signature_of_each_article():
    embedder = HashingEmbedder(64)
    articles = _articles()
    inputs = prepare_links(articles, embedder)
    assert [i.profile.id for i in inputs] == ["a1", "a2", "a3"]
    assert all(i.embedder == "hashing" and i.vector.shape == (64,) for i in inputs)
    np.testing.assert_allclose(inputs[0].vector, embedder.passages([embedding_text(articles[0])])[0])
    assert inputs[0].signature is not None and inputs[2].signature is None  # too short to compare
    again = pickle.loads(pickle.dumps(inputs[0]))
    assert again.profile == inputs[0].profile and np.array_equal(again.vector, inputs[0].vector)


def test_with_id_renames_the_profile_only():
    link = prepare_links(_articles()[:1], HashingEmbedder(16))[0]
    renamed = link.with_id("a1-2")
    assert renamed.profile.id == "a1-2" and renamed.vector is link.vector
    assert link.with_id("a1") is link


def test_embedders_are_rebuilt_by_name():
    assert isinstance(embedder_named(E5Embedder.name), E5Embedder)
    assert embedder_named("hashing", 32).dim == 32
    with pytest.raises(ValueError, match="unknown embedder"):
        embedder_named("word2vec")


def test_prepared_linking_decides_as_linking_does(tmp_path):
    plain = open_stories(tmp_path, HashingEmbedder(), name="plain.db")
    plain.linker.link(_articles())
    ahead = open_stories(tmp_path, HashingEmbedder(), name="ahead.db")
    articles = _articles()
    inputs = prepare_links(articles, ahead.index.embedder)
    # One input made by another model, one missing: both are made again by the index's embedder.
    inputs[1] = LinkInput(inputs[1].profile, np.zeros(8, dtype=np.float32), None, "another-model")
    ahead.linker.link_prepared(zip(articles, [inputs[0], inputs[1], None]))
    stories = [(plain.reader.annotate(a).story, ahead.reader.annotate(a).story) for a in _articles()]
    assert all(x == y for x, y in stories)
    assert stories[0][0] is not None and stories[0][0] == stories[1][0]
