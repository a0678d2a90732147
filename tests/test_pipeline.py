"""The pipeline's build-time check: components declare what they read, and a pipeline that
runs one before what it reads is refused before any article is touched."""
from __future__ import annotations

import pytest

from dragoman.doc import Article
from dragoman.pipeline import (DEFAULT_COMPONENTS, READER_FIELDS, Pipeline, PipelineError, component,
                               default_pipeline, registered)


@component("test_plain_text", requires=("raw_text",), provides=("text", "title"))
def _plain_text():
    """A clean step that keeps the text as it is and leaves no header or removed lines."""
    def run(article: Article) -> Article:
        article.text, article.title = article.raw_text, None
        return article
    return run


def test_default_pipeline_builds_in_order():
    assert default_pipeline().names == [n for n in DEFAULT_COMPONENTS if n in registered()]


@pytest.mark.parametrize("names,complaint", [
    (["language", "clean"], "'language' needs text"),
    (["clean", "describe", "language"], "'describe' needs lang"),
    (["clean", "language", "entities", "describe", "events"], "'entities' reads author, source, published, which 'describe'"),
    (["clean", "language", "facts", "describe"], "'facts' needs published"),
    (["clean", "language", "describe", "events", "entities"], "'events' needs mentions"),
    # describe reads the header and removed lines only the clean step leaves
    (["test_plain_text", "language", "describe"], "'describe' needs header_lines, removed"),
])
def test_mis_ordered_pipeline_is_refused_at_build_time(names, complaint):
    with pytest.raises(PipelineError, match=complaint):
        Pipeline(names)


def test_a_field_used_when_present_may_be_absent():
    assert Pipeline(["clean", "language", "entities"]).names == ["clean", "language", "entities"]


def test_unknown_component_is_named():
    with pytest.raises(PipelineError, match="unknown pipeline component 'cleen'"):
        Pipeline(["cleen", "language"])


class _Recording(Article):
    """An article that notes which of its fields are read."""

    def __getattribute__(self, name):
        if name in Article.__dataclass_fields__:
            object.__getattribute__(self, "reads").add(name)
        return object.__getattribute__(self, name)


def test_every_component_declares_the_fields_it_reads():
    """Run the default pipeline on one article and compare what each component read with what
    it declares (reader fields, ``done`` and its own outputs need no declaration)."""
    pipeline = default_pipeline()
    raw = ("Politics\nTokayev meets Putin in Moscow\n\nMOSCOW, 12 November 2025 – President Kassym-Jomart "
           "Tokayev met Vladimir Putin in the Kremlin on Wednesday. Trade reached $28 billion last year.\n"
           "Share this article")
    article = _Recording(id="a", origin="a.txt", input_format="text", raw_text=raw, hash="h")
    for registration, built in zip(pipeline._registrations, pipeline.components):
        object.__setattr__(article, "reads", set())
        article = built(article)
        read = object.__getattribute__(article, "reads")
        declared = set(registration.requires) | set(registration.uses) | set(registration.provides)
        undeclared = read - declared - (READER_FIELDS - {"hints"}) - {"done"}
        assert not undeclared, f"{registration.name} reads {sorted(undeclared)} without declaring them"
