"""Main text and metadata of HTML news pages (dragoman.ingest.html_extract).

The pages in tests/data/html/ were written for these tests: one article per language with a
navigation bar, share buttons, a cookie banner, an in-text "read also" link, a newsletter
prompt, a related-articles box and a footer.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from dragoman import lang
from dragoman.ingest.html_extract import HtmlExtract, extract_html
from dragoman.ingest.html_furniture import strip_furniture

PAGES = Path(__file__).resolve().parents[1] / "data" / "html"


def _page(name: str) -> HtmlExtract:
    return extract_html((PAGES / name).read_text(encoding="utf-8"))


# file, lang, sentences that must stay, furniture that must go, title, published, author, source
CASES = [
    ("en_meeting.html", "en",
     ["Hakan Fidan received his Hungarian counterpart Péter Szijjártó in Ankara",
      "Visa rules and flights",  # a subheading of the article stays
      "high-level strategic cooperation council would take place in Budapest"],
     ["We use cookies", "Share on Facebook", "Read more: Hungary signs", "Sign up for our daily",
      "Related articles", "Oil prices climb", "Privacy policy", "Follow us on Twitter", "Sport"],
     "Turkish and Hungarian foreign ministers agree to expand trade",
     "2024-03-14T09:30:00+00:00", "Jane Whitfield", "Danube Herald"),
    ("tr_ziyaret.html", "tr",
     ["Péter Szijjártó'yu Ankara'da kabul etti",
      "Yüksek Düzeyli Stratejik İşbirliği Konseyi'nin bir sonraki toplantısının"],
     ["çerezler kullanılmaktadır", "Paylaş", "İlgili Haberler", "Merkez Bankası faiz",
      "Gizlilik Politikası", "takip edin"],
     "Dışişleri Bakanı Fidan, Macar mevkidaşı Szijjártó ile görüştü",
     "2024-03-13T15:45:00+03:00", "Ayşe Demir", "Anadolu Gündem"),
    ("hu_latogatas.html", "hu",
     ["szerdán Ankarában tárgyalt török kollégájával, Hakan Fidannal",
      "elérje a hatmilliárd dollárt"],
     ["sütiket használ", "Megosztás", "Kapcsolódó cikkek", "gyorsforgalmi út", "Impresszum"],
     "Szijjártó Péter Ankarában tárgyalt a kétoldalú kereskedelemről",
     "2024-03-13", "Kovács Eszter", "Pesti Krónika"),
    ("ru_peregovory.html", "ru",
     ["Сергей Лавров провёл в Москве переговоры",
      "очередное заседание которой пройдёт осенью в Будапеште"],
     ["файлы cookie", "Поделиться", "Читайте также", "Курс рубля", "Подписывайтесь",
      "Синоптики", "О проекте"],
     "Лавров и Сийярто обсудили энергетическое сотрудничество",
     "2023-07-20T11:10:00+03:00", "Иван Петров", "Вестник дня"),
    ("de_ohne_datum.html", "de",
     ["Annalena Baerbock hat bei einem Besuch in Warschau",
      "am Denkmal für die Helden des Warschauer Aufstands einen Kranz nieder"],
     ["verwendet Cookies", "Artikel teilen", "Lesen Sie auch", "Bahnstreik",
      "Newsletter", "Das könnte Sie auch interessieren", "Wanderwege", "Impressum", "©"],
     "Baerbock wirbt in Warschau für engere Zusammenarbeit",
     None, "Thomas Becker", "Rheinische Rundschau"),
    ("fr_sommet.html", "fr",
     ["a reçu mercredi à l'Élysée son homologue kazakh Kassym-Jomart Tokaïev",
      "investir davantage dans les infrastructures de son pays"],
     ["Nous utilisons des cookies", "Partager", "À lire aussi", "réforme des retraites",
      "Inscrivez-vous", "Sur le même sujet", "immobilier", "Mentions légales"],
     "Emmanuel Macron reçoit le président kazakh à l'Élysée",
     "2023-11-01T18:20:00+01:00", "Claire Martin", "Le Courrier du Matin"),
]


@pytest.mark.parametrize("name,lang,kept,gone,title,published,author,source", CASES,
                         ids=[case[1] for case in CASES])
def test_article_page(name, lang, kept, gone, title, published, author, source):
    page = _page(name)
    for sentence in kept:
        assert sentence in page.text
    for furniture in gone:
        assert furniture not in page.text, furniture
    assert page.title == title
    assert page.published == published
    assert page.author == author
    assert page.source == source
    assert page.lang == lang


@pytest.mark.parametrize("name", [case[0] for case in CASES])
def test_text_is_paragraphs_without_headline(name):
    page = _page(name)
    lines = page.text.split("\n")
    assert all(line and line == line.strip() for line in lines)
    assert len(lines) >= 4
    assert lines[0] != page.title  # the headline is the title field, not the first paragraph


def test_page_without_date_has_no_published():
    # The footer has a copyright year and a relative date: neither is a publication date.
    assert _page("de_ohne_datum.html").published is None


def test_page_without_article_has_empty_text():
    page = _page("index_no_article.html")
    assert page.text == ""
    assert page.published is None
    assert page.lang == "en"


@pytest.mark.parametrize("html", ["", "   ", "\x00\x01<<<>>>", "<html><body></body></html>"])
def test_empty_or_broken_input(html):
    page = extract_html(html)
    assert page.text == ""
    assert page.published is None


def test_xml_declaration_is_accepted():
    body = "<p>" + "The delegation arrived in Astana on Monday for two days of talks. " * 6 + "</p>"
    page = extract_html('<?xml version="1.0" encoding="utf-8"?>\n<html><body><article>'
                        f"{body}</article></body></html>")
    assert "delegation arrived in Astana" in page.text


@pytest.mark.parametrize("text,kept,gone", [
    # a trailing tags/comments section goes with everything after it
    ("A long first paragraph about the talks in Ankara that ran late into the evening.\n"
     "A second paragraph with the details of the agreements that were signed there.\n"
     "Tags\nAnkara\nDiplomacy", ["second paragraph"], ["Tags", "Diplomacy"]),
    # a link box in the middle: its heading and headlines go, the prose after it stays
    ("The ministers met on Monday in the capital and spoke for three hours.\n"
     "Don't miss\nStorm hits the coast [VIDEO]\nMarkets fall again\n"
     "They agreed to meet again in spring, the ministry said.",
     ["met on Monday", "agreed to meet again"], ["Don't miss", "Storm hits", "Markets fall"]),
    # Turkish dotted capital I in a heading
    ("Bakanlar Ankara'da bir araya geldi ve iki ülke arasındaki ilişkileri ele aldı.\n"
     "İLGİLİ HABERLER\nDolar güne yükselişle başladı", ["Bakanlar"], ["İLGİLİ", "Dolar"]),
    # a sentence that merely contains a phrase is prose, not furniture
    ("Read more about the plan, he said, and you will see why it failed.",
     ["Read more about the plan"], []),
])
def test_strip_furniture(text, kept, gone):
    result, removed = strip_furniture(text)
    for part in kept:
        assert part in result
    for part in gone:
        assert part not in result
    assert all(line.reason and line.text for line in removed)


def test_article_split_into_chunks_is_whole():
    page = _page("en_chunked.html")
    assert page.text.startswith("The presidents of Kazakhstan and Uzbekistan")
    assert page.text.endswith("supreme interstate council in Astana.")
    assert "Wheat harvest" not in page.text and "Advertisement" not in page.text
    assert page.published == "2022-12-22T10:00:00+00:00"


def test_sibling_chunks_are_added_after_the_extracted_one():
    from trafilatura.utils import load_html

    from dragoman.ingest.html_recover import add_sibling_chunks

    tree = load_html((PAGES / "en_chunked.html").read_text(encoding="utf-8"))
    first_chunk = ("The presidents of Kazakhstan and Uzbekistan, Kassym-Jomart Tokayev and Shavkat "
                   "Mirziyoyev, signed an agreement in Tashkent on Thursday on sharing the waters "
                   "of the Syr Darya river during the summer irrigation season.\n"
                   "The accord also fixes the border between the two countries along its full "
                   "length, ending three decades of negotiations that began soon after both "
                   "states became independent.")
    lines = add_sibling_chunks(tree, first_chunk).split("\n")
    assert len(lines) == 5
    assert lines[2].startswith("Officials in Astana")
    assert lines[4].startswith("Tokayev invited Mirziyoyev")
    # text the page does not contain is left as it is
    assert add_sibling_chunks(tree, "Nothing to see here.") == "Nothing to see here."


# The extraction benchmark (bench/extraction.py) on ../shared: its metric must reproduce the
# figures published for the shipped outputs, and dragoman must not fall behind trafilatura.
BENCH = Path(__file__).resolve().parents[2] / "bench" / "extraction.py"


@pytest.fixture(scope="module")
def bench():
    from script_modules import load_module

    module = load_module(BENCH, "dragoman_bench_extraction")
    if not (module.DEFAULT_DATA / "ground-truth.json").is_file():
        pytest.skip(f"{module.DEFAULT_DATA} is missing: the shared folder must sit beside the repo")
    return module


def test_benchmark_metric_reproduces_published_figures(bench):
    truth = bench.load_truth(bench.DEFAULT_DATA, None)
    shipped = bench.load_shipped(bench.DEFAULT_DATA)
    published = {"trafilatura": 0.958, "newspaper": 0.949, "news_please": 0.948,
                 "readability": 0.922, "goose3": 0.896, "justext": 0.804}
    for name, f1 in published.items():
        assert round(bench.score(name, truth, shipped[name]).f1, 3) == f1, name


def test_benchmark_metric_edge_cases(bench):
    assert bench.shingle_matching("", "") == (0.0, 0.0, 0.0)
    assert bench.shingle_matching("one two three four five", "") == (0.0, 0.0, 1.0)
    assert bench.shingle_matching("a b c d", "a b c d") == (1.0, 0.0, 0.0)
    # an empty output counts against recall only
    result = bench.score("x", {"p1": "a b c d e", "p2": "f g h i j"}, {"p1": "a b c d e", "p2": ""})
    assert (result.precision, result.recall) == (1.0, 0.5)


def test_dragoman_not_behind_trafilatura_on_benchmark_sample(bench):
    truth = bench.load_truth(bench.DEFAULT_DATA, 40)
    predicted, _ = bench.run_dragoman(bench.DEFAULT_DATA, list(truth))
    ours = bench.score("dragoman", truth, predicted)
    theirs = bench.score("trafilatura", truth, bench.load_shipped(bench.DEFAULT_DATA)["trafilatura"])
    assert ours.f1 >= theirs.f1


LEAD_PAGE = """<html lang="de"><head><title>Tokajew besucht Berlin</title></head><body>
<nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
<article>
 <h1>Tokajew besucht Berlin</h1>
 <p class="byline">Von Anna Schmidt · 20.09.2023</p>
 <p class="teaser"><strong>Berlin (dpa) – Der kasachische Präsident Kassym-Schomart Tokajew ist am
 Mittwoch zu seinem ersten offiziellen Besuch in Deutschland in Berlin eingetroffen.</strong></p>
 <p>Bundeskanzler Olaf Scholz empfing den Gast mit militärischen Ehren vor dem Kanzleramt. Im
 Mittelpunkt der Gespräche standen Rohstoffe, Energie und die Lage in Zentralasien nach dem
 Beginn des russischen Krieges gegen die Ukraine.</p>
 <p>Kasachstan liefert bereits Erdöl nach Deutschland, das über die Druschba-Leitung in die
 Raffinerie in Schwedt gelangt. Beide Seiten wollen die Zusammenarbeit bei Wasserstoff
 ausbauen.</p>
 <p>Am Freitag reist Scholz zu einem Gipfeltreffen mit den Staatschefs Zentralasiens weiter,
 das erstmals in diesem Format in Berlin stattfindet.</p>
</article></body></html>"""


def test_lead_styled_as_teaser_is_kept():
    page = extract_html(LEAD_PAGE)
    lines = page.text.split("\n")
    assert lines[0].startswith("Berlin (dpa) – Der kasachische Präsident")  # dateline + agency
    assert lines[1].startswith("Bundeskanzler Olaf Scholz empfing")
    assert "Tokajew besucht Berlin" not in lines  # the headline is the title


@pytest.mark.parametrize("code", sorted(lang.load_all("html_furniture")))
def test_furniture_data_is_valid(code):
    data = lang.load(code, "html_furniture")
    assert set(data) <= {"teaser_heading", "link_prefix", "prompt"}  # section ends: boilerplate footer_start
    for pattern in data.get("prompt", []):
        re.compile(pattern)
        # lines are lowercased before matching: a capital letter (not an escape) never matches
        assert not re.search(r"[A-ZÀ-ÞА-ЯЁİ]", re.sub(r"\\[A-Za-z]", "", pattern)), pattern
    for key in ("teaser_heading", "link_prefix"):
        assert all(isinstance(phrase, str) and phrase.strip() for phrase in data.get(key, []))


@pytest.mark.parametrize("code", sorted(lang.load_all("boilerplate")))
def test_html_and_plain_text_end_the_text_at_the_same_headings(code):
    """One footer phrase list per language: what ends a plain text ends an HTML page's text."""
    from dragoman.clean.patterns import furniture_patterns
    from dragoman.ingest.html_furniture import normalise, rules

    for phrase in lang.load(code, "boilerplate").get("footer_start", []):
        assert normalise(phrase) in rules().section_end, phrase
        assert phrase.lower() in furniture_patterns().footer_start, phrase


@pytest.mark.parametrize("line", ["İlgili Haberler", "Suscribete a nuestro boletin semanal", "A LIRE AUSSI"])
def test_furniture_phrases_match_folded_lines(line):
    """Lines and phrases are compared as names are, folded (kb.normalize.fold): case, accents
    and the Turkish dotted I say nothing."""
    text = "\n".join(["Astana hosted the talks between the two presidents on Monday morning."] * 4 + [line])
    _, removed = strip_furniture(text)
    assert [r.text for r in removed] == [line]
