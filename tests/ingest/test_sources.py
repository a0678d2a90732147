"""Path expansion, format detection and the rejections for unreadable inputs."""
from __future__ import annotations

import gzip
import os
import shutil

import pytest

from dragoman.ingest.sources import FEED, HTML, JSONL, TEXT, WARC, IngestStats, classify, expand, gunzip, sniff, LoadError


def test_missing_path_is_rejected_and_batch_goes_on(run, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("A short article about a meeting in Astana.", encoding="utf-8")
    docs, rejections, _ = run(tmp_path / "missing.txt", good)
    assert [d.id for d in docs] == ["a"]
    assert rejections[0].origin.endswith("missing.txt")
    assert rejections[0].reason == "no such file or directory"


def test_glob_without_matches(run, tmp_path):
    docs, rejections, _ = run(tmp_path / "*.html")
    assert not docs and rejections[0].reason == "no files match this pattern"


def test_recursive_folder_and_skipped_files(run, tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "one.txt").write_text("First article text here.", encoding="utf-8")
    (tmp_path / "x" / "y" / "two.txt").write_text("Second article text here.", encoding="utf-8")
    (tmp_path / "x" / "y" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(20))
    (tmp_path / "x" / ".hidden").mkdir()
    (tmp_path / "x" / ".hidden" / "three.txt").write_text("Hidden folders are not read.", encoding="utf-8")
    docs, rejections, stats = run(tmp_path / "x")
    assert sorted(d.id for d in docs) == ["one", "two"]
    assert not rejections
    assert stats.skipped == 1 and stats.skipped_examples[0].endswith("photo.jpg")
    assert stats.files == 2 and stats.documents == 2


def test_recursive_glob_and_each_file_once(run, tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.txt", "a/b/two.txt", "a/b/three.md"):
        (tmp_path / name).write_text(f"Text of {name}, a short article.", encoding="utf-8")
    docs, rejections, stats = run(f"{tmp_path}/**/*.txt", tmp_path / "a" / "one.txt", f"{tmp_path}/a/**/*")
    assert sorted(d.id for d in docs) == ["one", "two"]
    assert stats.skipped == 1  # three.md, met through the second glob


def test_explicit_file_with_unknown_extension_is_sniffed(run, tmp_path):
    page = tmp_path / "page.download"
    page.write_text("Plain words in a file with an odd name.", encoding="utf-8")
    docs, _, _ = run(page)
    assert docs[0].input_format == TEXT and docs[0].id == "page.download"


@pytest.mark.parametrize("head,expected", [
    (b"WARC/1.1\r\nWARC-Type: warcinfo", WARC),
    (b'\xef\xbb\xbf{"text": "x"}', JSONL),
    (b'<?xml version="1.0"?><rss version="2.0">', FEED),
    (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', FEED),
    (b"<!DOCTYPE html><html>", HTML),
    (b"Just words.", TEXT),
    (gzip.compress(b"<!doctype html><p>x</p>"), HTML),
])
def test_sniff(head, expected):
    assert sniff(head) == expected


@pytest.mark.parametrize("name,fmt,stem", [
    ("a.txt", TEXT, "a"), ("b.HTM", HTML, "b"), ("c.jsonl.gz", JSONL, "c"), ("d.warc.gz", WARC, "d"),
    ("e.atom", FEED, "e"), ("f.json", JSONL, "f"), ("g.pdf", None, "g.pdf"), ("2025.04.03.txt", TEXT, "2025.04.03"),
])
def test_classify_by_extension(tmp_path, name, fmt, stem):
    source = classify(tmp_path / name, explicit=True)
    assert source.format == fmt and source.stem == stem


def test_empty_file(run, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    _, rejections, _ = run(tmp_path / "empty.txt", tmp_path / "blank.txt")
    assert [r.reason for r in rejections] == ["empty file", "no text (only white space)"]


def test_over_the_size_limit(run, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)  # 1.5 MB
    _, rejections, _ = run(big, max_bytes=1024 * 1024)
    assert rejections[0].reason == "file is 1.4 MB, over the 1.0 MB limit (--max-size)"


def test_gzip_bomb_is_bounded(run, tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * (3 * 1024 * 1024)))
    _, rejections, _ = run(bomb, max_bytes=1024 * 1024)
    assert "decompresses to more than the 1.0 MB limit" in rejections[0].reason


def test_binary_file(run, data_dir):
    _, rejections, _ = run(data_dir / "binary.txt")
    assert rejections[0].reason.startswith("binary file (not text)")


def test_truncated_and_fake_gzip(run, data_dir, tmp_path):
    fake = tmp_path / "fake.txt.gz"
    fake.write_text("not compressed at all", encoding="utf-8")
    _, rejections, _ = run(data_dir / "text_truncated.txt.gz", fake)
    assert [r.reason for r in rejections] == ["truncated gzip stream",
                                              "not a gzip file although its name ends in .gz"]


def test_gunzip_keeps_what_was_read():
    data = gzip.compress(b"line one\nline two\n" * 2000)
    with pytest.raises(LoadError) as error:
        gunzip(data[: len(data) // 2], 10**6)
    assert error.value.reason == "truncated gzip stream" and error.value.partial.startswith(b"line one")
    assert gunzip(gzip.compress(b"first ") + gzip.compress(b"second"), 100) == b"first second"


def test_unreadable_file(run, tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret article.", encoding="utf-8")
    os.chmod(locked, 0)
    try:
        if os.geteuid() == 0:
            pytest.skip("root reads files whatever their mode")
        _, rejections, _ = run(locked)
        assert rejections[0].reason == "permission denied"
    finally:
        os.chmod(locked, 0o644)


def test_directory_named_like_a_file(run, tmp_path):
    folder = tmp_path / "looks_like.txt"
    folder.mkdir()
    docs, rejections, stats = run(folder)
    assert not docs and not rejections  # walked as a folder: nothing inside


def test_expand_yields_sources_in_order(tmp_path):
    for name in ("b.txt", "a.txt", "c.html"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    stats = IngestStats()
    assert [s.path.name for s in expand([str(tmp_path)], stats)] == ["a.txt", "b.txt", "c.html"]


def test_seed_articles_read_as_text(run, seeds_dir, tmp_path):
    for path in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(path, tmp_path / path.name)
    docs, rejections, stats = run(tmp_path)
    assert not rejections
    assert sorted(d.id for d in docs) == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    for doc in docs:
        original = (seeds_dir / f"{doc.id}.txt").read_bytes()
        assert doc.raw == original and doc.encoding == "utf-8"
        assert doc.text == original.decode("utf-8").replace("\r\n", "\n")


def test_permission_error_is_a_clear_rejection_even_as_root(run, tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret article.", encoding="utf-8")
    real_open = open

    def refusing_open(path, *args, **kwargs):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("dragoman.ingest.sources.open", refusing_open, raising=False)
    _, rejections, _ = run(locked)
    assert rejections[0].reason == "permission denied"


def test_named_binary_file_of_unknown_type(run, tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    _, rejections, _ = run(pdf)
    assert rejections[0].reason == "binary file (PDF document, not text)"


def test_gzip_without_gz_extension_is_sniffed(run, tmp_path, builder):
    path = tmp_path / "download"
    path.write_bytes(gzip.compress(builder.PARAGRAPHS["hu"].encode("iso8859-2")))
    docs, _, _ = run(path)
    assert docs[0].text == builder.PARAGRAPHS["hu"]


def test_reader_bug_becomes_a_rejection(run, tmp_path, monkeypatch):
    def broken_reader(*args, **kwargs):
        raise RuntimeError("unexpected")

    monkeypatch.setattr("dragoman.ingest.read_text", broken_reader)
    (tmp_path / "a.txt").write_text("One article.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>not reached by the bug</p>", encoding="utf-8")
    _, rejections, stats = run(tmp_path)
    assert rejections[0].reason == "could not be read: RuntimeError: unexpected"
    assert stats.files == 2  # the batch went on


def test_broken_symlink(run, tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing-target.txt")
    _, rejections, _ = run(link)
    assert rejections[0].reason == "no such file or directory (or a broken link)"


def test_named_pipe_is_rejected_without_blocking(run, tmp_path):
    for name in ("stream.txt", "stream"):  # the second would be sniffed
        pipe = tmp_path / name
        os.mkfifo(pipe)
        _, rejections, _ = run(pipe)
        assert rejections[0].reason == "not a regular file (a device, pipe or socket)"


def test_unreadable_folder_is_a_rejection_with_its_reason(tmp_path, monkeypatch):
    """Issue 11: a folder that cannot be listed (chmod 000) was skipped silently, exit 0.
    We run as root in CI, where chmod 000 does not stop reading, so listing is made to fail."""
    import os

    from dragoman.doc import Rejection
    from dragoman.ingest import iter_inputs

    (tmp_path / "ok.txt").write_text("President Erdoğan met President Putin in Sochi on Monday.\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("Never read.\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(iter_inputs([str(tmp_path)]))
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert [r.origin for r in rejections] == [str(locked)]
    assert "cannot read folder: permission denied" in rejections[0].reason
    assert [i.origin for i in items if not isinstance(i, Rejection)] == [str(tmp_path / "ok.txt")]
