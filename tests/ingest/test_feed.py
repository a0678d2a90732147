"""RSS and Atom: one article per entry, each with a one-entry feed as its raw payload."""
from __future__ import annotations

from dragoman.ingest.feed import iter_feed, read_entry


def test_rss_entries(run, data_dir):
    docs, rejections, _ = run(data_dir / "feed.rss")
    assert [d.hints.title for d in docs] == ["Story 1", "Story 2", "Story 3"]
    first = docs[0]
    assert first.origin == first.hints.url == "https://news.example.com/story/1"
    assert first.input_format == "rss" and first.id.startswith("url-")
    assert first.hints.published == "2025-05-01T06:00:00+00:00"
    assert first.hints.author == "Reporter 1" and first.hints.source == "Example News World"
    assert first.hints.lang == "en"
    assert first.text.startswith("The foreign ministers") and "\n\nSecond paragraph of story 1." in first.text
    assert "<p>" not in first.text
    # The entry without text is rejected alone.
    assert [(r.origin, r.reason) for r in rejections] == [
        ("https://news.example.com/gallery", "feed entry has no text (no summary or content)")]


def test_atom_in_cp1254(run, data_dir, builder):
    docs, rejections, _ = run(data_dir / "feed_tr.atom")
    assert not rejections
    (doc,) = docs
    assert doc.text == builder.PARAGRAPHS["tr"]
    assert doc.hints.title == "Bakanlar görüştü" and doc.hints.author == "Ayşe Yılmaz"
    assert doc.hints.source == "Örnek Haber Dış Politika" and doc.hints.lang == "tr"
    assert doc.hints.published == "2025-04-03T07:15:00+00:00"


def test_each_raw_is_a_one_entry_feed(data_dir):
    docs = [d for d in iter_feed((data_dir / "feed.rss").read_bytes(), "feed.rss") if hasattr(d, "raw")]
    for doc in docs:
        assert doc.raw.count(b"<item>") == 1 and b"<title>Example News World</title>" in doc.raw
        assert read_entry(doc.raw, doc.origin) == doc


def test_malformed_feed(run, data_dir):
    docs, rejections, _ = run(data_dir / "broken.xml")
    assert not docs and rejections[0].reason.startswith("malformed XML feed:")


def test_xml_that_is_not_a_feed(tmp_path, run):
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')
    _, rejections, _ = run(path)
    assert rejections[0].reason in ("not an RSS or Atom feed", "feed has no entries")


def test_scripts_in_summaries_are_dropped_not_run():
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>A</title><link>https://x.example/a</link>
<description><![CDATA[<p>Safe words.</p><script>alert(1)</script><img src=x onerror=alert(2)>]]></description></item>
</channel></rss>"""
    (doc,) = list(iter_feed(feed, "t.rss"))
    assert doc.text == "Safe words."


def test_undeclared_legacy_charset_still_rereads_identically(builder):
    feed = ("<rss version=\"2.0\"><channel><title>Новости</title>"
            f"<item><title>Переговоры</title><link>https://x.example/1</link>"
            f"<description>{builder.PARAGRAPHS['ru']}</description></item></channel></rss>").encode("cp1251")
    (doc,) = list(iter_feed(feed, "ru.rss"))
    assert doc.text == builder.PARAGRAPHS["ru"] and doc.hints.source == "Новости"
    assert read_entry(doc.raw, doc.origin) == doc
