"""A small hand-written corpus: one meeting in five languages, a later meeting of the same
leaders, a preview, a feature, a translation pair and a reprint. Texts written for these tests."""
from __future__ import annotations

from dragoman.doc import Fact

from story_builders import PEOPLE, event, make_article

PEOPLE.setdefault("nurlanova", ("dm:aliya-nurlanova", "Aliya Nurlanova"))
PEOPLE.setdefault("rakhimov", ("dm:bekzod-rakhimov", "Bekzod Rakhimov"))

TASHKENT_MEETING = event("meeting", ["tokayev", "mirziyoyev"], "tashkent", "2025-06-10", visit_kind="state")
TRADE = Fact(4.5e9, "USD", "bilateral trade", year=2024)
TARGET = Fact(10e9, "USD", "trade target", year=2030)

FIVE_LANGUAGES = {
    "en": ("Tokayev and Mirziyoyev agree to double trade during Tashkent talks",
           "Kazakh President Kassym-Jomart Tokayev held talks with Uzbek President Shavkat Mirziyoyev in "
           "Tashkent on 10 June. The two leaders discussed water management, transit corridors and "
           "industrial cooperation. Mirziyoyev said bilateral trade reached 4.5 billion dollars last year "
           "and the sides aim for 10 billion dollars by 2030. Agreements on energy and logistics were "
           "signed after the talks.", [TRADE, TARGET]),
    "ru": ("Токаев и Мирзиёев провели переговоры в Ташкенте",
           "Президент Казахстана Касым-Жомарт Токаев 10 июня провёл переговоры с президентом Узбекистана "
           "Шавкатом Мирзиёевым в Ташкенте. Стороны обсудили водные ресурсы, транзитные коридоры и "
           "промышленную кооперацию. По словам Мирзиёева, товарооборот в прошлом году составил "
           "4,5 миллиарда долларов. По итогам встречи подписан ряд соглашений.", [TRADE]),
    "tr": ("Tokayev ile Mirziyoyev Taşkent'te görüştü",
           "Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev, 10 Haziran'da Taşkent'te Özbekistan "
           "Cumhurbaşkanı Şevket Mirziyoyev ile bir araya geldi. Görüşmede su yönetimi ve transit "
           "koridorlar ele alındı. İki lider, 2030 yılına kadar ticaret hacmini 10 milyar dolara "
           "çıkarma hedefini teyit etti.", [TARGET]),
    "de": ("Tokajew und Mirsijojew vereinbaren in Taschkent engere Zusammenarbeit",
           "Der kasachische Präsident Kassym-Schomart Tokajew ist am 10. Juni in Taschkent mit dem "
           "usbekischen Präsidenten Schawkat Mirsijojew zusammengetroffen. Im Mittelpunkt standen "
           "Wasserwirtschaft, Verkehrswege und die gemeinsame Industrie. Im Anschluss wurden Abkommen "
           "über Energie und Logistik unterzeichnet.", []),
    "fr": ("Tokaïev et Mirziyoyev renforcent leur coopération à Tachkent",
           "Le président kazakh Kassym-Jomart Tokaïev s'est entretenu le 10 juin à Tachkent avec le "
           "président ouzbek Chavkat Mirziyoyev. Les deux dirigeants ont abordé la gestion de l'eau et "
           "les corridors de transit. Les échanges commerciaux ont atteint 4,5 milliards de dollars "
           "l'an dernier, selon la partie ouzbèke.", [TRADE]),
}


def five_language_reports():
    out = []
    for lang, (title, text, facts) in FIVE_LANGUAGES.items():
        out.append(make_article(f"tashkent-{lang}", lang, title, text, published="2025-06-10",
                                people={"tokayev": 3, "mirziyoyev": 3}, places=["tashkent"], countries=["kz", "uz"],
                                events=[TASHKENT_MEETING], facts=facts))
    return out


def november_meeting():
    return make_article(
        "astana-nov-en", "en", "Mirziyoyev and Tokayev meet again, this time in Astana",
        "Uzbek President Shavkat Mirziyoyev arrived in Astana on 20 November for talks with Kazakh President "
        "Kassym-Jomart Tokayev. The leaders reviewed water sharing on the Syr Darya and signed a treaty on "
        "the demarcation of a border section. Tokayev said the countries would open a new rail crossing.",
        published="2025-11-20", people={"tokayev": 3, "mirziyoyev": 3}, places=["astana"], countries=["kz", "uz"],
        events=[event("meeting", ["tokayev", "mirziyoyev"], "astana", "2025-11-20")])


def november_preview():
    return make_article(
        "astana-preview-en", "en", "Mirziyoyev to travel to Astana next week",
        "Uzbek President Shavkat Mirziyoyev will pay a visit to Astana on 20 November, the Kazakh presidential "
        "press office said. Talks with Kassym-Jomart Tokayev are expected to focus on water sharing and a "
        "border treaty. The programme is still being finalised.",
        published="2025-11-14", people={"tokayev": 2, "mirziyoyev": 2}, places=["astana"], countries=["kz", "uz"],
        events=[event("visit", ["mirziyoyev", "tokayev"], "astana", "2025-11-20", status="planned")])


def water_feature():
    return make_article(
        "water-feature-en", "en", "Central Asia's rivers are running dry",
        "Farmers along the Syr Darya say this summer was the driest they remember. Hydrologist Aliya "
        "Nurlanova says glaciers feeding the river have lost a third of their mass. Bekzod Rakhimov, who "
        "runs an irrigation cooperative, has switched to drip lines. Nurlanova warns that canals lose half "
        "their water. Rakhimov wants cheaper loans. Presidents Tokayev and Mirziyoyev discussed water when "
        "they met in Tashkent on 10 June, but Nurlanova and Rakhimov doubt that talks alone will help.",
        published="2025-06-11", people={"nurlanova": 4, "rakhimov": 3, "tokayev": 1, "mirziyoyev": 1},
        places=["tashkent"], countries=["kz", "uz"],
        events=[event("meeting", ["tokayev", "mirziyoyev"], "tashkent", "2025-06-10")])


def late_report():
    return make_article(
        "tashkent-late-en", "en", "Kazakhstan and Uzbekistan sign energy and logistics deals",
        "Kazakhstan and Uzbekistan signed agreements on electricity exchange and a joint logistics hub on "
        "10 June, after talks between presidents Kassym-Jomart Tokayev and Shavkat Mirziyoyev in Tashkent. "
        "The logistics hub will be built near the border crossing at Zhibek Zholy.",
        published="2025-06-11", people={"tokayev": 2, "mirziyoyev": 2}, places=["tashkent"], countries=["kz", "uz"],
        events=[event("agreement", ["tokayev", "mirziyoyev"], "tashkent", "2025-06-10"), TASHKENT_MEETING])


SAMARKAND_EN = (
    "Tokayev and von der Leyen discuss visas and rare earths",
    "Kazakh President Kassym-Jomart Tokayev met European Commission President Ursula von der Leyen in "
    "Samarkand on 3 April, on the sidelines of the first Central Asia and European Union summit. The "
    "leaders welcomed progress towards talks on easier visas. Von der Leyen congratulated Tokayev on the "
    "discovery of an estimated one million tonnes of rare earth metals near Karaganda, and both sides "
    "stressed the Trans-Caspian transport route.")
SAMARKAND_TR = (
    "Tokayev ile von der Leyen vizeleri ve nadir toprak elementlerini görüştü",
    "Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev, 3 Nisan'da Astana'da, ilk Orta Asya ve Avrupa Birliği "
    "zirvesi kapsamında Avrupa Komisyonu Başkanı Ursula von der Leyen ile görüştü. Liderler, vizelerin "
    "kolaylaştırılmasına yönelik müzakerelerdeki ilerlemeyi memnuniyetle karşıladı. Von der Leyen, "
    "Tokayev'i Karaganda yakınlarında tahminen bir milyon ton nadir toprak metali keşfinden dolayı tebrik "
    "etti ve iki taraf Hazar ötesi ulaşım rotasının önemini vurguladı.")


def translation_pair():
    """An English report and its Turkish translation, which misplaces the meeting in Astana."""
    facts = [Fact(1e6, "t", "rare earth metals")]
    common = dict(people={"tokayev": 3, "vdl": 3}, countries=["kz", "eu"], facts=facts)
    en = make_article("samarkand-en", "en", *SAMARKAND_EN, places=["samarkand", "karaganda"],
                      events=[event("meeting", ["tokayev", "vdl"], "samarkand", "2025-04-03")], **common)
    tr = make_article("samarkand-tr", "tr", *SAMARKAND_TR, places=["astana", "karaganda"],
                      events=[event("meeting", ["tokayev", "vdl"], "astana", "2025-04-03")], **common)
    return en, tr


def kallas_meeting():
    """Same country pair and topics as the Samarkand meeting, another EU leader, no date."""
    return make_article(
        "almaty-kallas-en", "en", "Kazakhstan and the EU discuss visa facilitation in Almaty",
        "Kazakh President Kassym-Jomart Tokayev received EU foreign policy chief Kaja Kallas in Almaty. "
        "They discussed closer cooperation, the Middle Corridor transport route and the launch of talks "
        "on easier visas for Kazakh citizens. Kallas praised Kazakhstan's role in regional connectivity.",
        people={"tokayev": 3, "kallas": 3}, places=["almaty"], countries=["kz", "eu"],
        events=[event("meeting", ["tokayev", "kallas"], "almaty", None)])
