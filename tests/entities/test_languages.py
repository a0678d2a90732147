"""One canonical id per entity across languages, scripts and grammatical cases.

For every supported language: two sentences (written for these tests) name a head of state,
a country, an organisation and a city, each time in a different grammatical form; the
recogniser must give each the same canonical id in both.
"""
from __future__ import annotations

import re

import pytest

from dragoman.entities.recognise import Recogniser
from dragoman.kb import load_kb
from dragoman.kb.morph import inflection

TOKAYEV = "dm:kassym-jomart-tokayev"
KAZAKHSTAN = "Q232"
EU = "Q458"
MOSCOW = "dm:geo:524901"
WANTED = {TOKAYEV, KAZAKHSTAN, EU, MOSCOW}
_WRITTEN = re.compile(r"[\w ’'-]*?(?=[\s,.;:]|$)|\S+")

SENTENCES = {
    "en": ("President Kassym-Jomart Tokayev flew to Moscow to discuss Kazakhstan's talks with the European Union.",
           "Tokayev's visit showed Moscow's interest in Kazakhstan and the EU's new trade rules."),
    "tr": ("Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev, Moskova'da Avrupa Birliği temsilcileriyle görüştü.",
           "Tokayev'in Moskova'ya yaptığı ziyarette Kazakistan'ın Avrupa Birliği'ne bakışı konuşuldu."),
    "hu": ("Kaszim-Zsomart Tokajev kazah elnök Moszkvában az Európai Unió képviselőivel tárgyalt Kazahsztán jövőjéről.",
           "Tokajevet Moszkvába hívták, Kazahsztánnak pedig az Európai Unióval is jó a kapcsolata."),
    "ru": ("Президент Казахстана Касым-Жомарт Токаев прибыл в Москву для переговоров с Евросоюзом.",
           "Токаеву в Москве рассказали о позиции Европейского союза в отношении Казахстана."),
    "kk": ("Қазақстан Президенті Қасым-Жомарт Тоқаев Мәскеуге барып, Еуропалық одақ өкілдерімен кездесті.",
           "Тоқаевтың Мәскеудегі сапары Қазақстанның Еуропалық одақпен байланысына арналды."),
    "de": ("Der kasachische Präsident Kassym-Schomart Tokajew reiste nach Moskau, um mit der Europäischen Union über Kasachstan zu sprechen.",
           "Tokajews Gespräche betrafen Moskaus Rolle, Kasachstans Handel und die Europäische Union."),
    "nl": ("De Kazachse president Kasym-Zjomart Tokajev reisde naar Moskou om met de Europese Unie over Kazachstan te praten.",
           "Tokajevs gesprekken gingen over Moskous rol, Kazachstans handel en de nieuwe regels van de EU."),
    "fr": ("Le président Kassym-Jomart Tokaïev s'est rendu à Moscou pour parler du Kazakhstan et de l'Union européenne.",
           "Tokaïev a quitté Moscou ; au Kazakhstan, l'Union européenne reste un partenaire."),
    "es": ("El presidente de Kazajistán, Kasym-Zhomart Tokayev, viajó a Moscú para hablar con la Unión Europea.",
           "Tokayev dijo en Moscú que Kazajistán quiere más comercio con la UE."),
    "it": ("Il presidente del Kazakistan Kassym-Jomart Tokayev è arrivato a Mosca per discutere con l'Unione europea.",
           "Tokayev ha lasciato Mosca: il Kazakistan e l'UE firmeranno un accordo."),
    "ro": ("Președintele Kazahstanului, Kasîm-Jomart Tokaev, a sosit la Moscova pentru discuții cu Uniunea Europeană.",
           "Oficialii Moscovei l-au primit pe Tokaev, iar Kazahstanul și UE vor semna un acord."),
    "pl": ("Prezydent Kazachstanu Kasym-Żomart Tokajew przyjechał do Moskwy, by rozmawiać z Unią Europejską.",
           "Tokajewa przyjęto w Moskwie, a Kazachstan zacieśnia więzi z Unii Europejskiej."),
    "cs": ("Prezident Kazachstánu Kasym-Žomart Tokajev přiletěl do Moskvy jednat s Evropskou unií.",
           "Tokajeva přivítali v Moskvě a Kazachstán chce užší vztahy s Evropskou unií."),
    "sr": ("Predsednik Kazahstana Kasim-Žomart Tokajev doputovao je u Moskvu na razgovore sa Evropskom unijom.",
           "Председник Токајев је у Москви разговарао о Казахстану и Европској унији."),
    "hr": ("Predsjednik Kazahstana Kasim-Žomart Tokajev doputovao je u Moskvu razgovarati s Europskom unijom.",
           "Tokajeva su u Moskvi pitali o Kazahstanu i Europskoj uniji."),
    "bs": ("Predsjednik Kazahstana Kasim-Žomart Tokajev doputovao je u Moskvu na razgovore s Evropskom unijom.",
           "Tokajevu su u Moskvi govorili o Kazahstanu i Evropskoj uniji."),
    "uz": ("Qozogʻiston Prezidenti Qosim-Jomart Toqayev Moskvaga borib, Yevropa Ittifoqi vakillari bilan uchrashdi.",
           "Toqayevning Moskvadagi uchrashuvi Qozogʻistonning Yevropa Ittifoqiga munosabatiga bagʻishlandi."),
}


@pytest.fixture(scope="module")
def recognise():
    return Recogniser(load_kb(), use_models=False)


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_same_ids_in_two_grammatical_forms(recognise, lang):
    forms: dict[str, set[str]] = {}
    for sentence in SENTENCES[lang]:
        mentions, entities = recognise(sentence, lang)
        ids = {e.id for e in entities}
        assert WANTED <= ids, f"{lang}: missing {WANTED - ids} in {sentence!r}: {[(m.surface, m.entity_id) for m in mentions]}"
        for mention in mentions:
            if mention.entity_id in WANTED:
                # The word as written, with an apostrophe suffix (Tokayev'in) if any.
                written = _WRITTEN.match(sentence, mention.start).group()
                forms.setdefault(mention.entity_id, set()).add(written.lower())
    # The two sentences really use different written forms: case endings where the language
    # has them, short forms (surname, acronym) where it does not.
    varied = [i for i, surfaces in forms.items() if len(surfaces) >= 2]
    needed = 3 if inflection(lang).endings else 1
    assert len(varied) >= needed, f"{lang}: too few different forms: {forms}"


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_mention_offsets_point_into_text(recognise, lang):
    for sentence in SENTENCES[lang]:
        mentions, _ = recognise(sentence, lang)
        for mention in mentions:
            assert sentence[mention.start:mention.end] == mention.surface
