"""One visit reported four ways: an English agency wire, its reprint by another outlet (other
header and footer), a Russian sentence-for-sentence translation of the wire, and a Turkish report
written independently (same people, day and figures, its own layout). Texts written for these
tests; figures are illustrative."""
from __future__ import annotations

from dragoman.doc import Fact

from story_builders import event, make_article

VISIT_DAY = "2025-11-03"
# The upstream facts stage gives every version the same figures: only the layout tells a
# translation from an independent report.
FACTS = [Fact(10e9, "USD", "bilateral trade", year=2024), Fact(15e9, "USD", "trade target", year=2030),
         Fact(40, "%", "trade growth"), Fact(6e9, "USD", "Turkish investment"), Fact(4000, "companies", "Turkish firms")]

WIRE_TITLE = "Tokayev and Erdoğan agree to raise trade to 15 billion dollars"
WIRE = [
    "ASTANA, 3 November (Steppe Wire) – Kazakh President Kassym-Jomart Tokayev held talks with Turkish "
    "President Recep Tayyip Erdoğan in Astana on Monday, the first day of the Turkish leader's official visit.",
    "The two presidents signed a joint declaration and eleven agreements on transport, energy, education "
    "and the defence industry. Trade between the two countries reached 10 billion dollars last year, and "
    "the sides set a target of 15 billion dollars by 2030.",
    "\"Türkiye is one of Kazakhstan's closest partners, and our trade has grown by 40 percent in three "
    "years,\" Tokayev told reporters after the talks.",
    "Erdoğan said Turkish companies had invested about 6 billion dollars in Kazakhstan since 1991 and "
    "that 4,000 Turkish firms now work in the country.",
    "The leaders also discussed the Middle Corridor across the Caspian Sea. Erdoğan invited Tokayev to "
    "the next summit of the Organization of Turkic States.",
]
# Another outlet's page: its own header and footer around the wire text, one "he said" dropped.
REPRINT = (["Caspian Courier | World | 04.11.2025, 09:15"] + WIRE[:3]
           + [WIRE[3].replace("Erdoğan said Turkish", "Turkish")]
           + WIRE[4:] + ["This article was republished from Steppe Wire under a content agreement.",
                         "Share this story. Read more: Caspian ports expect record cargo (2 days ago)",
                         "© 2025 Caspian Courier. All rights reserved."])
RU_TITLE = "Токаев и Эрдоган договорились довести товарооборот до 15 миллиардов долларов"
RU = [
    "АСТАНА, 3 ноября (Steppe Wire) – Президент Казахстана Касым-Жомарт Токаев провёл переговоры с "
    "президентом Турции Реджепом Тайипом Эрдоганом в Астане в понедельник, в первый день официального "
    "визита турецкого лидера.",
    "Два президента подписали совместную декларацию и одиннадцать соглашений в сферах транспорта, "
    "энергетики, образования и оборонной промышленности. Товарооборот между двумя странами в прошлом "
    "году достиг 10 миллиардов долларов, и стороны поставили цель довести его до 15 миллиардов долларов "
    "к 2030 году.",
    "«Турция – один из ближайших партнёров Казахстана, и наша торговля за три года выросла на 40 "
    "процентов», – заявил Токаев журналистам после переговоров.",
    "Эрдоган сообщил, что турецкие компании с 1991 года вложили в Казахстан около 6 миллиардов долларов "
    "и что сейчас в стране работают 4 000 турецких фирм.",
    "Лидеры также обсудили Средний коридор через Каспийское море. Эрдоган пригласил Токаева на следующий "
    "саммит Организации тюркских государств.",
]
TR_TITLE = "Erdoğan Astana'da Tokayev ile görüştü"
TR = [
    "ASTANA (AA) - Cumhurbaşkanı Recep Tayyip Erdoğan, resmi ziyaret için bulunduğu Kazakistan'ın "
    "başkenti Astana'da Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev ile bir araya geldi.",
    "Görüşmenin ardından iki lider, ulaştırma, enerji, eğitim ve savunma sanayii alanlarında toplam on "
    "bir anlaşmanın imza törenine katıldı. Ortak basın toplantısında konuşan Erdoğan, Türk firmalarının "
    "1991'den bu yana Kazakistan'a yaklaşık 6 milyar dolar yatırım yaptığını söyledi. Erdoğan, ülkede "
    "4 bin Türk şirketinin faaliyet gösterdiğini belirtti.",
    "Erdoğan, iki ülke arasındaki ticaret hacminin geçen yıl 10 milyar dolara ulaştığını hatırlatarak, "
    "2030 yılına kadar 15 milyar dolar hedefini koyduklarını ifade etti. \"Orta Koridor, Asya ile Avrupa "
    "arasındaki en güvenli ve en kısa yoldur\" diyen Erdoğan, Hazar geçişli projelerin önemine dikkati çekti.",
    "Tokayev ise son üç yılda ticaretin yüzde 40 arttığını kaydetti.",
]


def _visit(aid: str, lang: str, title: str, paragraphs: list[str], published: str | None):
    return make_article(aid, lang, title, "\n\n".join(paragraphs), published=published,
                        people={"tokayev": 3, "erdogan": 4}, places=["astana"], countries=["kz", "tr"],
                        events=[event("visit", ["erdogan", "tokayev"], "astana", VISIT_DAY, visit_kind="official")],
                        facts=FACTS)


def wire(published: str | None = VISIT_DAY):
    return _visit("astana-wire-en", "en", WIRE_TITLE, WIRE, published)


def reprint():
    return _visit("astana-reprint-en", "en", WIRE_TITLE, REPRINT, "2025-11-04T09:15")


def translation():
    return _visit("astana-wire-ru", "ru", RU_TITLE, RU, "2025-11-03T18:40")


def independent_report():
    return _visit("astana-aa-tr", "tr", TR_TITLE, TR, "2025-11-03T17:05")
