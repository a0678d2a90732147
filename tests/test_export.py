"""Exports: JSON Lines with the FORMAT.md fields, CSV and Parquet with the flat ones, atomic files."""
from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from dragoman.doc import Article, Conflict, EntityRef, Event, Fact
from dragoman.export import FLAT_FIELDS, ExportError, article_row, iter_rows, write_export

FORMAT_FIELDS = ("id", "origin", "lang", "published", "title", "source", "author", "story", "duplicate_of",
                 "rewrite", "entities", "events", "facts", "conflicts")


def _article(i: int, lang: str, title: str) -> Article:
    article = Article(id=f"a{i}", origin=f"/in/a{i}.txt", input_format="text", raw_text="", hash=str(i),
                      text=f"{title}\nsecond line, with \"quotes\", commas", title=title, lang=lang,
                      published="2025-04-03", source="EU Reporter", author="Aida Haidar", rewrite=i == 2)
    article.entities = [EntityRef("Q1", "Kassym-Jomart Tokayev", "person", 3)]
    article.events = [Event(type="meeting", participants=["Kassym-Jomart Tokayev", "Ursula von der Leyen"],
                            place="Samarkand", date="2025-04-03")]
    article.facts = [Fact(value=1e6, unit="t", what="rare earth metals")]
    article.conflicts = [Conflict("place", "Astana", "a9", "Samarkand")]
    return article


ARTICLES = [_article(1, "en", "Key takeaways"), _article(2, "tr", "Ana noktalar"), _article(3, "hu", "Tokajev Moszkvában")]


def test_row_has_every_format_field():
    row = article_row(ARTICLES[0])
    assert set(FORMAT_FIELDS) <= set(row)
    assert row["events"][0]["participants"] == ["Kassym-Jomart Tokayev", "Ursula von der Leyen"]
    assert row["facts"][0]["value"] == 1e6 and row["conflicts"][0]["other"] == "a9"


def test_jsonl_round_trip(tmp_path):
    out = tmp_path / "out.jsonl"
    assert write_export(iter_rows(ARTICLES), "jsonl", str(out)) == 3
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["title"] for r in rows] == ["Key takeaways", "Ana noktalar", "Tokajev Moszkvában"]


def test_csv_carries_flat_fields(tmp_path):
    out = tmp_path / "out.csv"
    write_export(iter_rows(ARTICLES), "csv", str(out))
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(FLAT_FIELDS)
    assert rows[2]["title"] == "Tokajev Moszkvában" and '"quotes"' in rows[2]["text"]


def test_parquet_carries_flat_fields(tmp_path):
    out = tmp_path / "out.parquet"
    write_export(iter_rows(ARTICLES), "parquet", str(out))
    table = pq.read_table(out)
    assert table.column_names == list(FLAT_FIELDS)
    assert table.column("rewrite").to_pylist() == [False, True, False]


def test_empty_parquet_is_valid(tmp_path):
    out = tmp_path / "empty.parquet"
    assert write_export(iter([]), "parquet", str(out)) == 0
    assert pq.read_table(out).num_rows == 0


def test_failed_export_leaves_no_file(tmp_path):
    out = tmp_path / "out.jsonl"

    def broken():
        yield article_row(ARTICLES[0])
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_export(broken(), "jsonl", str(out))
    assert not out.exists()
    assert not list(tmp_path.iterdir())


def test_clear_errors():
    with pytest.raises(ExportError, match="binary format"):
        write_export(iter([]), "parquet", None)
    with pytest.raises(ExportError, match="does not exist"):
        write_export(iter([]), "jsonl", "/no/such/folder/out.jsonl")
