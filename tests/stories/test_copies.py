"""Translations and near copies versus independent reports of the same event.

Reports of one visit written independently in two languages share people, day and figures;
only the layout a translation keeps (paragraphs, sentences, quotes, figures in order) tells
them apart. A reprint under another outlet's header and footer is a near copy of the wire.
"""
from __future__ import annotations

from dataclasses import replace

import copies_corpus as corpus
import pytest

from dragoman.stories import E5Embedder
from dragoman.stories.cluster import confirm_copy, structure_agrees
from dragoman.stories.profile import build_profile, text_structure

FLOORS = E5Embedder.floors
# A cosine above every E5 floor: the decision is left to the language-independent checks.
CLOSE = 0.93


def _annotated(stories, articles):
    return {a.id: stories.reader.annotate(replace(a, conflicts=[])) for a in articles}


def test_translation_keeps_the_layout_an_independent_report_does_not():
    wire, ru, tr = (build_profile(a) for a in (corpus.wire(), corpus.translation(), corpus.independent_report()))
    assert structure_agrees(wire.structure, ru.structure) is True
    assert structure_agrees(wire.structure, tr.structure) is False
    assert structure_agrees(ru.structure, tr.structure) is False
    # Entities, day and figures agree for all three: the layout decides.
    assert confirm_copy(ru, wire, CLOSE, FLOORS)
    assert not confirm_copy(tr, wire, CLOSE, FLOORS)
    assert not confirm_copy(tr, ru, CLOSE, FLOORS)


def test_layout_is_unknown_for_short_bodies():
    assert structure_agrees(text_structure("x"), text_structure(corpus.WIRE[0] * 3)) is None


@pytest.mark.parametrize("wire_published", [corpus.VISIT_DAY, None], ids=["dated", "undated"])
def test_reprint_with_other_furniture_is_a_near_copy_of_the_wire(hashing_stories, wire_published):
    wire, reprint = corpus.wire(wire_published), corpus.reprint()
    hashing_stories.linker.link([reprint])  # the reprint is ingested first
    report = hashing_stories.linker.link([wire])
    assert report.near_copies == 1
    got = _annotated(hashing_stories, [wire, reprint])
    # The wire is the original: published the day of the visit, or undated while the reprint
    # came out the day after the day its own text gives.
    assert got[reprint.id].duplicate_of == wire.id and got[wire.id].duplicate_of is None
    assert got[wire.id].story == got[reprint.id].story


def test_independent_report_in_another_language_is_not_a_duplicate_but_a_translation_is(e5_stories):
    wire, ru, tr = corpus.wire(), corpus.translation(), corpus.independent_report()
    e5_stories.linker.link([tr, wire])
    e5_stories.linker.link([ru])
    got = _annotated(e5_stories, [wire, ru, tr])
    assert got[ru.id].duplicate_of == wire.id
    assert got[wire.id].duplicate_of is None and got[tr.id].duplicate_of is None
    assert len({got[a.id].story for a in (wire, ru, tr)}) == 1
    assert not any(got[a.id].conflicts for a in (wire, ru, tr))


def test_bands_of_an_older_banding_are_rebuilt_from_stored_signatures(tmp_path):
    from link_parts import open_stories
    from sqlalchemy import delete, func, select

    from dragoman.stories import HashingEmbedder
    from dragoman.stories.tables import link_lsh_bands, link_meta

    first = open_stories(tmp_path, HashingEmbedder())
    first.linker.link([corpus.wire()])
    with first.index.engine.begin() as conn:  # as an index from before the banding was recorded
        conn.execute(delete(link_meta).where(link_meta.c.key == "minhash"))
        conn.execute(delete(link_lsh_bands))
    again = open_stories(tmp_path, HashingEmbedder())
    with again.index.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(link_lsh_bands)).scalar() > 0
    assert again.linker.link([corpus.reprint()]).near_copies == 1
