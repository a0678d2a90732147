"""Numbers with units in every supported language: separators, scale words, currencies,
percentages, qualifiers and target horizons."""
from __future__ import annotations

import pytest

from dragoman.facts.numbers import grammar, horizons, parse_number, quantities

# (lang, text, value, unit, qualifier)
QUANTITIES = [
    ("en", "Trade reached $4 billion last year.", 4e9, "USD", None),
    ("en", "The fund paid €115.5 million to the programme.", 115.5e6, "EUR", None),
    ("en", "Output exceeded 1,200,000 tonnes.", 1.2e6, "t", "over"),
    ("en", "Estimates point to around one million tons of ore.", 1e6, "t", "about"),
    ("en", "The rate rose to 0.25%.", 0.25, "%", None),
    ("en", "Almost 50 percent of exports go east.", 50, "%", "almost"),
    ("en", "A record $3bn deal was signed.", 3e9, "USD", "record"),
    ("tr", "Ticaret hacmi 3 milyar dolara ulaştı.", 3e9, "USD", None),
    ("tr", "Yaklaşık bir milyon ton cevher bulundu.", 1e6, "t", "about"),
    ("tr", "Oran %0,25 seviyesine çıktı.", 0.25, "%", None),
    ("tr", "Seviyeler %0,1’i aşan değerler gösterdi.", 0.1, "%", "over"),
    ("tr", "Yatırımlar 1.500 milyon dolar oldu.", 1.5e9, "USD", None),
    ("tr", "Enflasyon yüzde 45 oldu.", 45, "%", None),
    ("hu", "Az áruforgalom elérte a 27,8 milliárd dollárt.", 27.8e9, "USD", None),
    ("hu", "Az arány meghaladja a 90 százalékot.", 90, "%", "over"),
    ("hu", "A befektetések mintegy 9 milliárd dollárt tesznek ki.", 9e9, "USD", "about"),
    ("hu", "A forgalom csaknem 50 százalékkal nőtt.", 50, "%", "almost"),
    ("hu", "A termelés 2 500 tonnára nőtt.", 2500, "t", None),
    ("ru", "Товарооборот составил 27,8 млрд долларов.", 27.8e9, "USD", None),
    ("ru", "Доля превысила 50 процентов.", 50, "%", "over"),
    ("ru", "Инвестиции составили около 9 млрд долларов.", 9e9, "USD", "about"),
    ("ru", "Более 90% расчетов ведется в рублях.", 90, "%", "over"),
    ("ru", "Добыча выросла почти до 1,5 млн тонн.", 1.5e6, "t", "almost"),
    ("kk", "Тауар айналымы 2,5 млрд доллар болды.", 2.5e9, "USD", None),
    ("kk", "Үлес 90 пайыздан астам.", 90, "%", "over"),
    ("kk", "Шамамен 300 мың тонна астық экспортталды.", 3e5, "t", "about"),
    ("de", "Der Handel erreichte 27,8 Milliarden Dollar.", 27.8e9, "USD", None),
    ("de", "Rund 9 Mrd. Euro wurden investiert.", 9e9, "EUR", "about"),
    ("de", "Der Anteil liegt bei fast 50 Prozent.", 50, "%", "almost"),
    ("de", "Es wurden 1.200.000 Tonnen geliefert.", 1.2e6, "t", None),
    ("fr", "Les échanges ont atteint 27,8 milliards de dollars.", 27.8e9, "USD", None),
    ("fr", "Près de 9 milliards d’euros ont été investis.", 9e9, "EUR", "about"),
    ("fr", "La part dépasse 50 %.", 50, "%", "over"),
    ("es", "El comercio alcanzó 9.000 millones de dólares.", 9e9, "USD", None),
    ("it", "L'interscambio ha superato 5 miliardi di euro.", 5e9, "EUR", "over"),
    ("pl", "Obroty wyniosły ponad 2 mld dolarów.", 2e9, "USD", "over"),
    ("sr", "Trgovina je dostigla 2,5 milijardi dolara.", 2.5e9, "USD", None),
    ("sr", "Робна размена премашила је 3 милијарде долара.", 3e9, "USD", "over"),
    ("uz", "Tovar ayirboshlash 90 foizdan ortiq o‘sdi.", 90, "%", "over"),
    ("uz", "Savdo hajmi taxminan 1,5 milliard dollarni tashkil etdi.", 1.5e9, "USD", "about"),
]


@pytest.mark.parametrize("lang,text,value,unit,qualifier", QUANTITIES,
                         ids=[f"{q[0]}-{i}" for i, q in enumerate(QUANTITIES)])
def test_quantities(lang, text, value, unit, qualifier):
    found = quantities(text, lang)
    assert found, text
    q = found[0]
    assert q.unit == unit and q.value == pytest.approx(value) and q.qualifier == qualifier


@pytest.mark.parametrize("lang,text", [
    ("en", "In 2024 the 7th meeting was held on 3 April; 15 delegations and 2 observers came."),
    ("tr", "2024 yılında 7. toplantı 3 Nisan’da yapıldı, Dos 2 sahasında."),
    ("hu", "A 7. ülést 2025. november 12-én tartották, 65 éves korában."),
    ("ru", "12 ноября 2025 года прошло 7-е заседание, в нем участвовали 15 делегаций."),
])
def test_plain_numbers_years_dates_and_ordinals_are_not_quantities(lang, text):
    assert quantities(text, lang) == []


@pytest.mark.parametrize("text,decimal,thousands,value", [
    ("27,8", ",", (" ", "."), 27.8), ("1.000.000", ",", (".",), 1e6), ("1,000,000", ".", (",",), 1e6),
    ("0.25", ".", (",",), 0.25), ("12 500", ",", (" ",), 12500), ("1,5", ",", (".",), 1.5),
])
def test_parse_number_separators(text, decimal, thousands, value):
    assert parse_number(text, decimal, thousands) == pytest.approx(value)


@pytest.mark.parametrize("lang,text,year,program", [
    ("en", "an economic cooperation programme to run by 2030", 2030, True),
    ("tr", "ticaret hacmini 2030 yılına kadar artırmayı hedefliyoruz", 2030, False),
    ("hu", "egy 2030-ig szóló gazdasági együttműködési programot", 2030, True),
    ("ru", "программа экономического сотрудничества до 2030 года", 2030, True),
    ("kk", "2030 жылға дейінгі экономикалық ынтымақтастық бағдарламасы", 2030, True),
    ("de", "ein Programm für die Zusammenarbeit bis 2030", 2030, True),
    ("fr", "une feuille de route d'ici 2030", 2030, True),
    ("sr", "program ekonomske saradnje do 2030. godine", 2030, True),
    ("uz", "2030-yilgacha iqtisodiy hamkorlik dasturi", 2030, True),
])
def test_horizons(lang, text, year, program):
    (found,) = horizons(text, lang)
    assert (found.year, found.program) == (year, program)


def test_unknown_language_still_reads_symbols():
    (q,) = quantities("Budget: $12.5 and more.", None)
    assert (q.value, q.unit) == (12.5, "USD")
    assert grammar(None).decimal == "."


# "since 2018" is a year fact of its own, like a programme horizon (written for these tests).
@pytest.mark.parametrize("lang,text", [
    ("en", "Hungary has been an observer in the organisation since 2018."),
    ("hu", "Magyarország 2018 óta megfigyelő a szervezetben."),
    ("ru", "Венгрия с 2018 года является наблюдателем в организации."),
    ("kk", "Венгрия 2018 жылдан бері ұйымда бақылаушы."),
    ("tr", "Macaristan 2018'den bu yana teşkilatta gözlemci."),
    ("de", "Ungarn ist seit 2018 Beobachter der Organisation."),
    ("fr", "La Hongrie est observatrice depuis 2018."),
])
def test_since_year_is_a_year_fact(lang, text):
    from dragoman.facts.component import extract_facts

    facts = extract_facts(text, lang)
    assert [(f.value, f.unit) for f in facts] == [(2018.0, "year")]


@pytest.mark.parametrize("text,expected", [
    ("Taraflar 2030'a kadar geçerli ekonomik işbirliği programını imzaladı.", [(2030.0, "year")]),
    ("Yatırımlar 2024'te 4 milyar dolarla rekor kırdı.", [(4e9, "USD")]),
    ("İki ülke 2025'e kadar geçerli yol haritasını kabul etti.", [(2025.0, "year")]),
])
def test_turkish_case_endings_on_years_and_currencies(text, expected):
    from dragoman.facts.component import extract_facts

    assert [(f.value, f.unit) for f in extract_facts(text, "tr")] == expected
