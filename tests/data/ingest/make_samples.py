"""Write the reader test samples in this folder: ``python tests/data/ingest/make_samples.py``.

Every sentence here was written for these tests. The tests import the builder functions too,
so a sample and the expectation about it come from one place.
"""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Short news paragraphs per language (2-4 sentences): where charset detectors fail.
PARAGRAPHS: dict[str, str] = {
    "tr": ("Dışişleri Bakanı, Ankara'da Macar mevkidaşıyla görüştü. İki ülke arasındaki ticaretin "
           "geçen yıl arttığı belirtildi. Görüşmede enerji, ulaşım ve göç konuları ele alındı."),
    "hu": ("A külügyminiszter szerdán Budapesten tárgyalt török kollégájával. A két ország közötti "
           "kereskedelem tavaly jelentősen nőtt. Szó esett az energiaügyi együttműködésről is."),
    "ru": ("Министр иностранных дел встретился в среду с коллегой из Казахстана. Стороны обсудили "
           "торговлю, транспорт и энергетику. Переговоры продолжатся в следующем месяце."),
    "kk": ("Президент Астанада Еуропалық кеңес төрағасымен кездесті. Тараптар сауда мен көлік "
           "саласындағы ынтымақтастықты талқылады."),
}
# One-sentence versions: the hardest case for detection.
SENTENCES: dict[str, str] = {
    "tr": "Görüşme iki saat sürdü ve işbirliği anlaşması imzalandı.",
    "hu": "Az ülés két órán át tartott, a miniszter szerint erősödik az együttműködés.",
    "ru": "Встреча длилась два часа, министр заявил о росте сотрудничества.",
}
# (language, legacy encoding) pairs the readers must decode to the right Unicode text.
LEGACY_CASES = [("tr", "cp1254"), ("tr", "iso8859-9"), ("hu", "iso8859-2"), ("hu", "cp1250"),
                ("ru", "koi8-r"), ("ru", "cp1251")]

ARTICLE_PARAGRAPHS = [
    "The foreign ministers of Kazakhstan and Hungary met in Budapest on Wednesday to discuss "
    "trade, energy and transport links between Central Asia and Central Europe.",
    "According to the Hungarian foreign ministry, the two sides agreed to expand direct flights "
    "and to study a new rail freight corridor across the Caspian Sea.",
    "Trade between the two countries grew by about a fifth last year, officials said, driven by "
    "agricultural machinery, pharmaceuticals and grain.",
    "The ministers also signed a memorandum on cooperation in higher education, which will allow "
    "more students to study at universities in both countries.",
    "A follow-up meeting of the intergovernmental commission is planned for the autumn in Astana.",
]


def article_html(paragraphs: list[str] | None = None, *, title: str = "Ministers discuss trade and transport",
                 charset: str = "utf-8", date: str | None = "2025-04-03", http_equiv: bool = False,
                 lang: str = "en") -> str:
    """A small but complete news page (head metadata, navigation, article, footer)."""
    paragraphs = ARTICLE_PARAGRAPHS if paragraphs is None else paragraphs
    meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if http_equiv
            else f'<meta charset="{charset}">')
    date_meta = f'<meta property="article:published_time" content="{date}T09:30:00+00:00">' if date else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head>{meta}<title>{title} | Example News</title>'
            f'<meta property="og:site_name" content="Example News">{date_meta}'
            f'<meta name="author" content="Anna Example"></head>\n<body>'
            '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>'
            f'<article><h1>{title}</h1>\n{body}\n</article>'
            '<footer>Copyright Example News. All rights reserved.</footer></body></html>')


def empty_html() -> str:
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Menu</title></head><body>'
            '<nav><a href="/">Home</a></nav><script>var x = 1;</script></body></html>')


def rss_feed() -> bytes:
    items = []
    for number, paragraph in enumerate(ARTICLE_PARAGRAPHS[:3], start=1):
        items.append(f"""<item><title>Story {number}</title><link>https://news.example.com/story/{number}</link>
<pubDate>Thu, 0{number} May 2025 08:00:00 +0200</pubDate><dc:creator>Reporter {number}</dc:creator>
<description>&lt;p&gt;{paragraph}&lt;/p&gt;&lt;p&gt;Second paragraph of story {number}.&lt;/p&gt;</description></item>""")
    items.append("<item><title>Photo gallery</title><link>https://news.example.com/gallery</link></item>")
    return ("""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Example News World</title><link>https://news.example.com/</link><language>en-GB</language>
""" + "\n".join(items) + "\n</channel></rss>\n").encode("utf-8")


def atom_feed() -> bytes:
    return f"""<?xml version="1.0" encoding="windows-1254"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="tr"><title>Örnek Haber Dış Politika</title>
<id>urn:example:feed</id><updated>2025-04-03T12:00:00Z</updated>
<entry><title>Bakanlar görüştü</title><id>urn:example:1</id><link href="https://haber.example.com.tr/a/1"/>
<published>2025-04-03T10:15:00+03:00</published><updated>2025-04-03T11:00:00+03:00</updated>
<author><name>Ayşe Yılmaz</name></author>
<content type="html">&lt;p&gt;{PARAGRAPHS["tr"]}&lt;/p&gt;</content></entry>
</feed>
""".encode("cp1254")


def jsonl_lines() -> list[bytes]:
    good = [
        {"url": "https://news.example.com/a", "title": "Talks in Astana", "text": ARTICLE_PARAGRAPHS[0],
         "published": "2025-04-03T09:00:00Z", "lang": "en", "author": "Anna Example", "source": "Example News"},
        {"link": "https://haber.example.com.tr/b", "headline": "Ankara'da görüşme", "body": PARAGRAPHS["tr"],
         "date": "2025-04-02", "language": "tr"},
        {"content": PARAGRAPHS["ru"], "published_at": 1743670800, "authors": ["И. Петров", "А. Смирнова"]},
        {"text": "x'); DROP TABLE articles; -- <script>alert(1)</script> stays plain text.",
         "url": "https://news.example.com/inert"},
    ]
    lines = [json.dumps(item, ensure_ascii=False).encode("utf-8") for item in good]
    lines.insert(2, b'{"text": "broken line" "url": "https://news.example.com/x"}')  # line 3: bad JSON
    lines.append(b'{"title": "No text here", "url": "https://news.example.com/empty"}')  # line 6: no text
    lines.append(b"[1, 2, 3]")  # line 7: not an object
    return lines


def warc_records(*, gzip_records: bool = True) -> bytes:
    """A small crawl: two HTML articles (one cp1251 without meta date), a request record, an
    image, a redirect, and a page with no article text."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)

    def response(uri: str, body: bytes, content_type: str, status: str = "200 OK", date="2025-04-04T06:00:00Z"):
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": date}))

    writer.write_record(writer.create_warc_record("https://news.example.com/world/1", "request",
                                                  payload=io.BytesIO(b"GET /world/1 HTTP/1.1\r\n\r\n")))
    response("https://news.example.com/world/1", article_html().encode("utf-8"), "text/html; charset=utf-8")
    russian = article_html([PARAGRAPHS["ru"], SENTENCES["ru"], PARAGRAPHS["ru"].replace("среду", "пятницу")],
                           title="Переговоры министров", charset="windows-1251", date=None, lang="ru")
    response("https://novosti.example.ru/politika/2", russian.encode("cp1251"), "text/html")
    response("https://news.example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
    response("https://news.example.com/old", b"", "text/html", status="301 Moved Permanently")
    response("https://news.example.com/menu", empty_html().encode("utf-8"), "text/html")
    return buffer.getvalue()


def write_all() -> None:
    (HERE / "article.html").write_text(article_html(), encoding="utf-8")
    (HERE / "article_cp1254.html").write_bytes(
        article_html([PARAGRAPHS["tr"], SENTENCES["tr"], PARAGRAPHS["tr"].replace("Ankara", "İstanbul")],
                     title="Bakanlar görüştü", charset="windows-1254", http_equiv=True, lang="tr").encode("cp1254"))
    (HERE / "no_text.html").write_text(empty_html(), encoding="utf-8")
    (HERE / "feed.rss").write_bytes(rss_feed())
    (HERE / "feed_tr.atom").write_bytes(atom_feed())
    (HERE / "broken.xml").write_bytes(b'<?xml version="1.0"?><rss><channel><title>Cut</tit')
    (HERE / "articles.jsonl").write_bytes(b"\n".join(jsonl_lines()) + b"\n")
    (HERE / "crawl.warc.gz").write_bytes(warc_records())
    (HERE / "crawl_plain.warc").write_bytes(warc_records(gzip_records=False))
    whole = warc_records()
    (HERE / "crawl_truncated.warc.gz").write_bytes(whole[: len(whole) * 2 // 3])
    (HERE / "text_koi8r.txt").write_bytes(PARAGRAPHS["ru"].encode("koi8-r"))
    (HERE / "text_utf16.txt").write_bytes(PARAGRAPHS["hu"].encode("utf-16"))  # with BOM
    packed = gzip.compress((PARAGRAPHS["hu"] + "\n").encode("iso8859-2"), mtime=0)
    (HERE / "text_hu.txt.gz").write_bytes(packed)
    (HERE / "text_truncated.txt.gz").write_bytes(gzip.compress((PARAGRAPHS["tr"] * 20).encode("utf-8"), mtime=0)[:-30])
    (HERE / "binary.txt").write_bytes(bytes(range(256)) * 4)


if __name__ == "__main__":
    write_all()
    print(f"wrote samples to {HERE}")
