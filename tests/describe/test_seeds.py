"""Acceptance: the five shared seed articles through clean, language, describe and rewrite."""
from __future__ import annotations

from dragoman.doc import Article, RawDocument
from dragoman.pipeline import Pipeline

FIELDS = ("id", "origin", "lang", "published", "title", "source", "author", "rewrite", "text")


def _articles(seeds_dir):
    pipe = Pipeline(["clean", "language", "describe", "rewrite"])
    for path in sorted(seeds_dir.glob("*.txt")):
        raw = path.read_bytes()
        doc = RawDocument(id=path.stem, origin=str(path), input_format="text", raw=raw, text=raw.decode("utf-8"))
        yield pipe(Article.from_raw(doc))


def test_seed_scores(seeds_dir, scorer):
    rows = [{field: getattr(a, field) for field in FIELDS} for a in _articles(seeds_dir)]
    result = scorer.score(scorer.load(str(seeds_dir / "gold.jsonl")), rows)
    for metric in ("lang_acc", "published_acc", "title_acc", "rewrite_acc", "source_acc", "author_acc"):
        assert result[metric] == 1.0, (metric, result[metric])


def test_seed_001_text_ends_with_its_last_paragraph(seeds_dir):
    article = next(a for a in _articles(seeds_dir) if a.id.startswith("001_"))
    assert article.text.endswith("discussed pressing regional and international issues.")
    assert "Share this article" not in article.text
    assert any("Share this article" in r.text for r in article.removed)
