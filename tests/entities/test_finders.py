"""Per-language models and dictionaries load once, and only when an article of their language
arrives: an English-only run never loads the Russian or French ones."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from dragoman.entities.finders import model_finder

# Written for this test: one short article in each language, run in this order.
ARTICLES = {
    "en": ("Tokayev meets Mirziyoyev in Astana",
           "Astana, 14 May 2025 - Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat "
           "Mirziyoyev in Astana on Wednesday. The two leaders discussed water sharing and new rail "
           "links between the two countries, the presidential press service said."),
    "ru": ("Токаев встретился с Мирзиёевым",
           "Астана, 14 мая 2025 года. Президент Казахстана Касым-Жомарт Токаев провёл переговоры с "
           "Президентом Узбекистана Шавкатом Мирзиёевым в Астане. Стороны обсудили водные ресурсы "
           "и железнодорожное сообщение между двумя странами."),
    "fr": ("Tokaïev reçoit Mirziyoyev à Astana",
           "Astana, le 14 mai 2025 - Le président kazakh Kassym-Jomart Tokaïev a reçu mercredi à "
           "Astana le président ouzbek Chavkat Mirziyoyev. Les deux dirigeants ont évoqué le partage "
           "de l'eau et de nouvelles liaisons ferroviaires entre les deux pays."),
}

# Runs the default pipeline on the articles one language after another and reports, after each,
# which model packages are imported and which dictionaries are loaded.
SCRIPT = textwrap.dedent("""
    import json, sys
    from dragoman.doc import Article, Hints, RawDocument
    from dragoman.entities.dictionaries import loaded_languages
    from dragoman.pipeline import default_pipeline

    pipeline = default_pipeline()
    seen = {}
    for lang, (title, text) in json.loads(sys.argv[1]).items():
        raw = RawDocument(id=lang, origin=lang + ".txt", input_format="text", raw=text.encode(),
                          text=text, hints=Hints(title=title, lang=lang))
        article = pipeline(Article.from_raw(raw))
        seen[lang] = {"lang": article.lang, "dictionaries": sorted(loaded_languages()),
                      "natasha": "natasha" in sys.modules, "spacy": "spacy" in sys.modules}
    print(json.dumps(seen))
""")


@pytest.fixture(scope="module")
def loads():
    """What a fresh process has loaded after each article (English, then Russian, then French)."""
    done = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(ARTICLES)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_an_english_article_loads_no_russian_or_french_model(loads):
    after = loads["en"]
    assert after["lang"] == "en"
    assert not after["natasha"] and not after["spacy"]
    assert "ru" not in after["dictionaries"] and "fr" not in after["dictionaries"]


@pytest.mark.parametrize("lang, package", [("ru", "natasha"), ("fr", "spacy")])
def test_a_language_model_loads_when_its_first_article_arrives(loads, lang, package):
    if model_finder(lang) is None:
        pytest.skip(f"the {lang} model is not installed")
    assert loads[lang]["lang"] == lang
    assert loads[lang][package]
    assert lang in loads[lang]["dictionaries"]


def test_languages_that_name_the_same_model_share_one_instance():
    if model_finder("ru") is None:
        pytest.skip("natasha is not installed")
    assert model_finder("kk") is model_finder("ru")
