"""JSON Lines and JSON: one article per line or per object; bad lines rejected one by one."""
from __future__ import annotations

import gzip
import json

from dragoman.ingest.jsonl import iter_jsonl, parse_line


def test_good_and_bad_lines(run, data_dir, builder):
    docs, rejections, _ = run(data_dir / "articles.jsonl")
    assert len(docs) == 4
    first, turkish, russian, inert = docs
    assert first.origin == "https://news.example.com/a" and first.hints.title == "Talks in Astana"
    assert first.hints.published == "2025-04-03T09:00:00+00:00" and first.hints.source == "Example News"
    assert turkish.text == builder.PARAGRAPHS["tr"] and turkish.hints.lang == "tr"
    assert turkish.hints.title == "Ankara'da görüşme" and turkish.hints.published == "2025-04-02"
    assert russian.id.startswith("content-") and russian.origin.endswith("articles.jsonl:4")
    assert russian.hints.author == "И. Петров, А. Смирнова" and russian.hints.published.startswith("2025-04-03")
    assert "DROP TABLE" in inert.text and "<script>" in inert.text
    lines = (data_dir / "articles.jsonl").read_bytes().split(b"\n")
    assert [d.raw for d in docs] == [lines[0], lines[1], lines[3], lines[4]]
    reasons = {r.origin.rsplit(":", 1)[1]: r.reason for r in rejections}
    assert reasons["3"].startswith("not valid JSON on line 3: Expecting ',' delimiter")
    assert reasons["6"].startswith("no article text")
    assert reasons["7"] == "a JSON array, not an object with article fields"


def test_json_list_and_single_pretty_object(tmp_path, run, builder):
    items = [{"text": builder.PARAGRAPHS[lang], "url": f"https://x.example/{lang}"} for lang in ("tr", "hu")]
    (tmp_path / "list.json").write_text(json.dumps(items, ensure_ascii=False, indent=2), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(items[0], indent=2), encoding="utf-8")
    docs, rejections, _ = run(tmp_path / "list.json", tmp_path / "one.json")
    assert not rejections
    assert [d.text for d in docs] == [builder.PARAGRAPHS["tr"], builder.PARAGRAPHS["hu"], builder.PARAGRAPHS["tr"]]
    assert docs[0].id == docs[2].id  # same URL, same id


def test_html_content_becomes_text():
    raw = json.dumps({"content": "<p>One paragraph.</p><p>Another <a href='/x'>link</a>.</p>",
                      "url": "https://x.example/1"}).encode()
    assert parse_line(raw, "f.jsonl:1").text == "One paragraph.\n\nAnother link."


def test_truncated_gzip_keeps_complete_lines(run, tmp_path, builder):
    lines = [json.dumps({"text": f"{builder.PARAGRAPHS['hu']} ({n})", "url": f"https://x.example/{n}"},
                        ensure_ascii=False) for n in range(400)]
    packed = gzip.compress("\n".join(lines).encode("utf-8"), mtime=0)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    docs, rejections, _ = run(path)
    assert 0 < len(docs) < 400
    assert [d.text for d in docs] == [json.loads(line)["text"] for line in lines[: len(docs)]]
    assert len(rejections) == 1 and rejections[0].reason.startswith("truncated gzip stream")
    assert rejections[0].origin == f"{path}:{len(docs) + 1}"


def test_encodings_of_a_jsonl_file(builder):
    line = json.dumps({"text": builder.PARAGRAPHS["ru"]}, ensure_ascii=False)
    for data in (line.encode("utf-8"), b"\xef\xbb\xbf" + line.encode("utf-8"), line.encode("utf-16")):
        (doc,) = list(iter_jsonl(data, "f.jsonl"))
        assert doc.text == builder.PARAGRAPHS["ru"]


def test_not_json_at_all(run, tmp_path):
    path = tmp_path / "notes.jsonl"
    path.write_text("this is prose, not JSON\n", encoding="utf-8")
    _, rejections, _ = run(path)
    assert rejections[0].reason.startswith("not valid JSON on line 1: Expecting value")


def test_language_tags_are_reduced_to_the_language():
    for value, expected in (("en-US", "en"), ("pt_BR", "pt"), ("TR", "tr"), ("Turkish language", None)):
        raw = json.dumps({"text": "Some words.", "lang": value}).encode()
        assert parse_line(raw, "f.jsonl:1").hints.lang == expected
