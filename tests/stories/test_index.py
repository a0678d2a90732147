"""LinkIndex: what it keeps between processes, what it refuses, and how it says it needs a rebuild."""
from __future__ import annotations

from dataclasses import replace

from link_parts import open_stories
from sqlalchemy import delete, inspect, text

from dragoman.stories import HashingEmbedder, LinkError
from dragoman.stories.tables import SCHEMA, link_meta

import story_corpus as corpus


def _story_of(stories, article):
    return stories.reader.annotate(replace(article, conflicts=[])).story


def test_state_survives_a_new_index_and_rejects_another_embedder(tmp_path):
    first = open_stories(tmp_path, HashingEmbedder())
    june = corpus.five_language_reports()[0]
    first.linker.link([june])
    again = open_stories(tmp_path, HashingEmbedder())
    again.linker.link([corpus.late_report()])
    assert _story_of(again, corpus.late_report()) == _story_of(again, june)
    try:
        open_stories(tmp_path, HashingEmbedder(dim=64))
    except LinkError as error:
        assert "relink" in str(error)
    else:
        raise AssertionError("an index opened with another embedder must refuse its links")


def test_a_missing_vector_file_is_reported_and_relinking_repairs_it(tmp_path):
    article = corpus.late_report()
    open_stories(tmp_path, HashingEmbedder()).linker.link([article])
    for path in (tmp_path / "index").iterdir():
        path.unlink()
    stories = open_stories(tmp_path, HashingEmbedder())
    assert "missing or damaged" in stories.index.damage()
    stories.linker.relink([article])
    assert stories.index.damage() is None
    assert stories.index.count_linked() == 1


def _as_first_layout(stories) -> None:
    """Turn an index back into the first layout: participants and families packed into one
    ``keys`` JSON column of ``link_stories``, no participants table, no recorded schema."""
    with stories.index.engine.begin() as conn:
        conn.execute(text("DROP TABLE link_story_participants"))
        conn.execute(text("ALTER TABLE link_stories RENAME COLUMN families TO keys"))
        conn.execute(delete(link_meta).where(link_meta.c.key == "schema"))


def test_an_index_of_an_older_layout_is_emptied_and_asks_for_a_relink(tmp_path):
    articles = [corpus.five_language_reports()[0], corpus.late_report()]
    _as_first_layout(open_stories(tmp_path, HashingEmbedder()))  # an empty old index: nothing to say
    assert open_stories(tmp_path, HashingEmbedder()).index.damage() is None
    old = open_stories(tmp_path, HashingEmbedder())
    old.linker.link(articles)
    _as_first_layout(old)

    stories = open_stories(tmp_path, HashingEmbedder())
    assert f"now {SCHEMA}" in stories.index.damage()
    assert stories.index.count_linked() == 0 and len(stories.index.vectors) == 0
    columns = {c["name"] for c in inspect(stories.index.engine).get_columns("link_stories")}
    assert "families" in columns and "keys" not in columns
    stories.linker.relink(articles)
    assert stories.index.damage() is None
    assert len({_story_of(stories, a) for a in articles}) == 1
    assert set(stories.reader.stories()[0].participants) == {"Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"}
    # Opened again, the migrated index is current: nothing to rebuild, nothing written.
    assert open_stories(tmp_path, HashingEmbedder()).index.damage() is None


def test_participants_keep_their_counts_and_names_through_joins_and_forgetting(hashing_stories):
    june, late = corpus.five_language_reports()[0], corpus.late_report()
    index = hashing_stories.index
    hashing_stories.linker.link([june, late])
    story = _story_of(hashing_stories, june)
    with index.engine.connect() as conn:
        joined = index.story_states(conn, [story])[story]
    hashing_stories.linker.forget([late.id])
    with index.engine.connect() as conn:
        left = index.story_states(conn, [story])[story]
    assert (joined.n_articles, set(joined.keys.values())) == (2, {2})
    assert (left.n_articles, set(left.keys.values())) == (1, {1})
    names = {e.id: e.name for e in june.entities}
    assert left.names == {k: names[k] for k in left.keys}
