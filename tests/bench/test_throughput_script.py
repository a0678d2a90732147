"""bench/throughput.py's corpus: every repeat of an input is a distinct, still readable article."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from repo_paths import REPO
from script_modules import load_module

throughput = load_module(REPO / "bench" / "throughput.py", "dragoman_bench_throughput")

# Written for this test.
HTML = b"<html><body><p>The ministers met.</p><p>They signed a protocol.</p><footer>x</footer></body></html>"
FEED = (b"<rss><channel><link>https://news.example/</link><item><link>https://news.example/a</link>"
        b"<description>Talks held.</description><content:encoded><![CDATA[<p>Talks were held.</p>]]>"
        b"</content:encoded></item></channel></rss>")
RECORDS = (json.dumps({"url": "https://news.example/b", "text": "Переговоры прошли в Астане."}, ensure_ascii=False)
           + "\n").encode("utf-8")
CP1251 = "Переговоры прошли в Бишкеке.\n".encode("cp1251")


@pytest.mark.parametrize("name, data", [("a.html", HTML), ("f.xml", FEED), ("r.jsonl", RECORDS), ("t.txt", CP1251)])
def test_each_copy_is_distinct_and_the_first_is_the_original(name, data):
    copies = [throughput.edited(Path(name), data, copy) for copy in range(3)]
    assert copies[0] == data
    assert len(set(copies)) == 3


def test_edits_land_in_the_text_and_keep_the_encoding():
    assert b"They signed a protocol. (1)</p>" in throughput.edited(Path("a.html"), HTML, 1)
    feed = throughput.edited(Path("f.xml"), FEED, 2)
    assert b"<p>Talks were held. (2)</p>]]>" in feed and b"https://news.example/a?copy=2</link>" in feed
    record = json.loads(throughput.edited(Path("r.jsonl"), RECORDS, 1))
    assert record["url"].endswith("?copy=1") and record["text"].endswith(" (1)")
    assert throughput.edited(Path("t.txt"), CP1251, 1).decode("cp1251") == "Переговоры прошли в Бишкеке. (1)\n"


def test_inputs_are_counted_per_record_and_feed_entry():
    assert throughput._inputs_in(Path("r.jsonl"), RECORDS * 3) == 3
    assert throughput._inputs_in(Path("f.xml"), FEED) == 1
    assert throughput._inputs_in(Path("a.html"), HTML) == 1
