"""Plain-text files: one article each, decoded but not cleaned, never interpreted."""
from __future__ import annotations

import pytest

CASES = [("tr", "cp1254"), ("tr", "iso8859-9"), ("hu", "iso8859-2"), ("hu", "cp1250"), ("ru", "koi8-r"),
         ("ru", "cp1251"), ("kk", "utf-8"), ("tr", "utf-16"), ("hu", "utf-16"), ("ru", "utf-8-sig")]


@pytest.mark.parametrize("lang,encoding", CASES)
@pytest.mark.parametrize("kind", ["PARAGRAPHS", "SENTENCES"])
def test_text_file_encodings(run, tmp_path, builder, lang, encoding, kind):
    text = getattr(builder, kind).get(lang)
    if text is None:
        pytest.skip(f"no {kind.lower()} sample for {lang}")
    path = tmp_path / f"{lang}-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    (doc,), rejections, _ = run(path)
    assert not rejections
    assert doc.text == text and doc.id == f"{lang}-{encoding}" and doc.input_format == "text"
    assert doc.raw == path.read_bytes() and doc.origin == str(path)


def test_committed_samples(run, data_dir, builder):
    docs, _, _ = run(data_dir / "text_koi8r.txt", data_dir / "text_utf16.txt", data_dir / "text_hu.txt.gz")
    assert [d.text.strip() for d in docs] == [builder.PARAGRAPHS["ru"], builder.PARAGRAPHS["hu"], builder.PARAGRAPHS["hu"]]
    assert [d.encoding for d in docs] == ["koi8-r", "utf-16-le", "cp1250"]
    assert docs[2].id == "text_hu"


def test_text_is_not_cleaned_or_interpreted(run, tmp_path):
    content = ("Headline\n\nShare on Facebook\n<script>alert('x')</script>\n"
               "'; DROP TABLE articles; --\n{{ 7*7 }} ${HOME} $(rm -rf /)\n")
    path = tmp_path / "inert.txt"
    path.write_text(content, encoding="utf-8")
    (doc,), _, _ = run(path)
    assert doc.text == content
