"""Albanian, Turkmen and Uzbek names: Albanian definite and case endings (lang/sq/suffixes.toml),
Turkmen endings with the voicing of a final consonant (lang/tk/suffixes.toml ``alternations``)
and spellings of Russian names (lang/tk/translit.toml), and the Uzbek oʻ gʻ typed with any
apostrophe (lang/uz/letters.toml ``[apostrophe_letters]``)."""
from __future__ import annotations

import pytest

from dragoman.entities.recognise import Recogniser
from dragoman.kb import load_kb
from dragoman.kb.morph import inflection
from dragoman.kb.normalize import fold, name_key, spell_letters
from dragoman.kb.translit import transliterator

PUTIN, ERDOGAN, TOKAYEV, ZELENSKY = "Q7747", "dm:recep-tayyip-erdogan", "dm:kassym-jomart-tokayev", "dm:volodymyr-zelenskyy"
RUSSIA, KAZAKHSTAN, EU, UN = "Q159", "Q232", "Q458", "Q1065"
MOSCOW, TASHKENT, BISHKEK, ASHGABAT, WASHINGTON = ("dm:geo:524901", "dm:geo:1512569", "dm:geo:1528675",
                                                   "dm:geo:162183", "dm:geo:4140963")


@pytest.fixture(scope="module")
def recognise():
    return Recogniser(load_kb(), use_models=False)


@pytest.mark.parametrize("code,word,base", [
    ("sq", "Putinit", "Putin"), ("sq", "Putinin", "Putin"), ("sq", "Rusisë", "Rusi"),
    ("sq", "Ukrainës", "Ukrainë"), ("sq", "Moskë", "Moska"), ("sq", "Kazakistanit", "Kazakistan"),
    ("tk", "Bişkege", "Bişkek"), ("tk", "Daşkende", "Daşkent"), ("tk", "Modä", "Modi"),
    ("tk", "Aşgabatdaky", "Aşgabat"), ("tk", "Guramasynyň", "Guramasy"),
    ("uz", "Toshkentdagi", "Toshkent"),
])
def test_endings_reach_base_form(code, word, base):
    assert fold(base) in inflection(code).bases(fold(word))


@pytest.mark.parametrize("russian,turkmen", [
    ("Касым-Жомарт Токаев", "Kasym-Žomart Tokaýew"), ("Шавкат Мирзиёев", "Şawkat Mirziýoýew"),
    ("Сергей Лавров", "Sergeý Lawrow"), ("Михаил Мишустин", "Mihail Mişustin"), ("Киев", "Kiýew"),
])
def test_turkmen_spells_russian_names(russian, turkmen):
    assert transliterator("tk")(russian) == turkmen


@pytest.mark.parametrize("typed", ["Oʻzbekiston", "O‘zbekiston", "O'zbekiston", "O’zbekiston", "Oʼzbekiston"])
def test_uzbek_okina_in_any_form_is_one_word(typed):
    assert name_key(spell_letters(typed, "uz")) == ("o'zbekiston",)


def test_apostrophes_stay_separators_elsewhere():
    # Turkish writes case endings after an apostrophe: Kongo'da is Kongo + da.
    assert spell_letters("Kongo'da", "tr") == "Kongo'da"
    # Uzbek's own apostrophe (tutuq belgisi) after other letters separates as before.
    assert spell_letters("ta’lim", "uz") == "ta’lim"


@pytest.mark.parametrize("lang,sentence,wanted", [
    ("sq", "Kryeministri foli për Putinin dhe për sanksionet e Bashkimit Evropian ndaj Rusisë.",
     {PUTIN, EU, RUSSIA}),
    ("sq", "Delegacioni i Kazakistanit mbërriti në Moskë pas takimit me Zelenskin.",
     {KAZAKHSTAN, MOSCOW, ZELENSKY}),
    ("sq", "Ambasadori i OKB-së u kthye nga Uashingtoni.", {UN, WASHINGTON}),
    ("tk", "Prezident Tokaýew Bişkege we Daşkende iş saparyny amala aşyrdy.", {TOKAYEV, BISHKEK, TASHKENT}),
    ("tk", "Ýewropa Bileleşiginiň wekilleri Aşgabatdaky duşuşykda çykyş etdiler.", {EU, ASHGABAT}),
    ("uz", "Erdo‘g‘anning tashrifi Qozog‘iston matbuotida keng yoritildi.", {ERDOGAN, KAZAKHSTAN}),
    ("uz", "Erdo'g'an va Putin Toshkentdagi uchrashuvda so‘zga chiqishdi.", {ERDOGAN, PUTIN, TASHKENT}),
])
def test_names_in_their_case_forms(recognise, lang, sentence, wanted):
    mentions, entities = recognise(sentence, lang)
    ids = {e.id for e in entities}
    assert wanted <= ids, f"missing {wanted - ids}: {[(m.surface, m.entity_id) for m in mentions]}"
    for mention in mentions:  # surfaces are the text as written (the typed apostrophes kept)
        assert sentence[mention.start:mention.end] == mention.surface


@pytest.mark.parametrize("lang,sentence", [
    ("sq", "Qeveria dhe Kuvendi miratuan buxhetin pas një debati të gjatë."),
    ("sq", "Sot Ministria e Shëndetësisë njoftoi masa të reja."),
    ("tk", "Hökümet täze kanuny kabul etdi we Mejlis ony tassyklady."),
    ("uz", "Vazirlar Mahkamasi yig‘ilishida ta’lim masalalari muhokama qilindi."),
])
def test_ordinary_words_are_no_names(recognise, lang, sentence):
    mentions, _ = recognise(sentence, lang)
    assert not [m for m in mentions if m.how.startswith("kb")], [(m.surface, m.entity_id) for m in mentions]
