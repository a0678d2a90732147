"""Which places are cities (the knowledge base's), and the headline's mentions surviving the
store's round trip of an article."""
from __future__ import annotations

import pytest

from dragoman.doc import Article, Mention
from dragoman.events.actors import is_city


@pytest.mark.parametrize("name,city", [
    ("Astana", True), ("moscow", True),
    ("Brasília", True), ("Brasilia", True),  # names compare folded (kb.normalize.fold), accents and all
    ("Karaganda", True),  # the knowledge base's English name (GeoNames says Karagandy)
    ("Almaty Region", False), ("Kazakhstan", False), ("Central Asia", False),
])
def test_cities_are_the_knowledge_base_cities(name, city):
    assert is_city(name) is city


def test_title_mentions_survive_the_round_trip():
    article = Article(id="a", origin="a.txt", input_format="text", raw_text="", hash="", title="Tokayev in Astana",
                      title_mentions=[Mention(11, 17, "Astana", "dm:geo:1526273", "place", "kb-name")])
    assert Article.from_dict(article.to_dict()).title_mentions == article.title_mentions
    stored = article.to_dict()
    del stored["title_mentions"]  # stored before the field existed
    assert Article.from_dict(stored).title_mentions == []
