"""Hindi and Urdu names: Devanagari and Perso-Arabic spellings generated from Russian names,
folding of spelling variants, the press's own country and city names (lang/<code>/kb.toml),
and place names at the start of a sentence in a script without case."""
from __future__ import annotations

import pytest

from dragoman.entities.recognise import Recogniser
from dragoman.kb import load_kb
from dragoman.kb.normalize import fold
from dragoman.kb.translit import variants


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def recognise(kb):
    return Recogniser(kb, use_models=False)


@pytest.mark.parametrize("russian,lang,expected", [
    ("Токаев", "hi", "तोकायेव"),
    ("Песков", "hi", "पेस्कोव"),
    ("Астана", "hi", "अस्ताना"),
    ("Дмитрий", "hi", "द्मित्री"),
    ("Сергей", "hi", "सेर्गेई"),
    ("Токаев", "ur", "توکایف"),
    ("Жапаров", "ur", "جاپاروف"),
    ("Медведев", "ur", "میدویدیف"),
    ("Сергей", "ur", "سیرگئی"),
    ("Ушаков", "ur", "اوشاکوف"),
])
def test_transliteration_rules(russian, lang, expected):
    assert variants(russian)[lang] == expected


@pytest.mark.parametrize("one,other", [
    ("अलीयेव", "अलियेव"),        # vowel length
    ("पहुँचे", "पहुंचे"),          # candrabindu, anusvara
    ("मॉस्को", "मोस्को"),          # candra o
    ("ज़ापारोव", "जापारोव"),      # nukta
    ("लाव्रोव", "लावरोव"),        # virama
    ("تہران", "تهران"),          # Urdu and Arabic heh
    ("كيف", "کیف"),              # Arabic kaf and yeh
])
def test_spelling_variants_fold_together(one, other):
    assert fold(one) == fold(other)


@pytest.mark.parametrize("lang,spelling,entity_id", [
    ("hi", "वॉशिंगटन", "dm:geo:4140963"),
    ("hi", "नई दिल्ली", "dm:geo:1261481"),    # not Delhi, which GeoNames gives it too
    ("hi", "दिल्ली", "dm:geo:1273294"),
    ("hi", "अमेरिका", "Q30"),
    ("hi", "तुर्की", "Q43"),
    ("hi", "तोकायेव", "dm:kassym-jomart-tokayev"),
    ("ur", "واشنگٹن", "dm:geo:4140963"),
    ("ur", "نئی دہلی", "dm:geo:1261481"),
    ("ur", "امریکہ", "Q30"),
    ("ur", "قازقستان", "Q232"),
    ("ur", "جاپاروف", "dm:sadyr-japarov"),
])
def test_lookup(kb, lang, spelling, entity_id):
    found = kb.lookup(spelling, lang)
    assert found and found[0].id == entity_id, (spelling, [e.id for e in found])


@pytest.mark.parametrize("lang,text,wanted", [
    # A city opening the sentence is no less a name in a script without capitals, though the
    # Hindi dictionary lists it.
    ("hi", "मॉस्को में शुक्रवार को पेस्कोव ने पत्रकारों के सवालों के जवाब दिए।",
     {"dm:geo:524901", "dm:dmitry-peskov"}),
    ("hi", "बिश्केक लौटने से पहले जापारोव ने अमेरिका के राजदूत से मुलाकात की।",
     {"dm:geo:1528675", "dm:sadyr-japarov", "Q30"}),
    ("ur", "تاشقند میں پیسکوف نے صحافیوں کو بتایا کہ امریکہ سے بات چیت جاری ہے۔",
     {"dm:geo:1512569", "dm:dmitry-peskov", "Q30"}),
    ("ur", "واشنگٹن میں ترکی کے سفیر نے ایک بیان جاری کیا۔",
     {"dm:geo:4140963", "Q43"}),
])
def test_recognised_in_running_text(recognise, lang, text, wanted):
    found = {e.id for e in recognise(text, lang)[1]}
    assert wanted <= found, (wanted - found, found)
