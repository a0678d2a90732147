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
    ("nl", "De handel bereikte vorig jaar 27,8 miljard dollar.", 27.8e9, "USD", None),
    ("nl", "Er werd ruim 9 mld. euro geïnvesteerd.", 9e9, "EUR", "over"),
    ("nl", "Het aandeel van de export ligt op bijna 50 procent.", 50, "%", "almost"),
    ("nl", "De inflatie daalde naar 3,4%.", 3.4, "%", None),
    ("nl", "Er werd 1.200.000 ton graan geleverd.", 1.2e6, "t", None),
    ("nl", "De haven verwerkte zo'n 300 duizend tonnen lading.", 3e5, "t", "about"),
    ("nl", "Het fonds keerde ongeveer een miljoen euro uit.", 1e6, "EUR", "about"),
    ("nl", "Het bedrijf boekte een recordwinst van 4 miljard euro.", 4e9, "EUR", "record"),
    ("fr", "Les échanges ont atteint 27,8 milliards de dollars.", 27.8e9, "USD", None),
    ("fr", "Près de 9 milliards d’euros ont été investis.", 9e9, "EUR", "about"),
    ("fr", "La part dépasse 50 %.", 50, "%", "over"),
    ("es", "El comercio alcanzó 9.000 millones de dólares.", 9e9, "USD", None),
    ("it", "L'interscambio ha superato 5 miliardi di euro.", 5e9, "EUR", "over"),
    ("ro", "Schimburile comerciale au atins 27,8 miliarde de dolari.", 27.8e9, "USD", None),
    ("ro", "Investițiile au depășit 27 de miliarde de euro.", 27e9, "EUR", "over"),
    ("ro", "Bugetul proiectului este de aproximativ 2,5 mld. lei.", 2.5e9, "RON", "about"),
    ("ro", "Aproape 50 la sută din exporturi merg spre Uniunea Europeană.", 50, "%", "almost"),
    ("ro", "Inflația a coborât la 5,6%.", 5.6, "%", None),
    ("ro", "Au fost livrate peste 1.200.000 de tone de cereale.", 1.2e6, "t", "over"),
    ("ro", "Portul a manipulat circa 300 de mii de tone de marfă.", 3e5, "t", "about"),
    ("ro", "Compania a raportat un profit record de 3 miliarde de lei.", 3e9, "RON", "record"),
    ("pl", "Obroty wyniosły ponad 2 mld dolarów.", 2e9, "USD", "over"),
    ("sr", "Trgovina je dostigla 2,5 milijardi dolara.", 2.5e9, "USD", None),
    ("sr", "Робна размена премашила је 3 милијарде долара.", 3e9, "USD", "over"),
    ("uz", "Tovar ayirboshlash 90 foizdan ortiq o‘sdi.", 90, "%", "over"),
    ("uz", "Savdo hajmi taxminan 1,5 milliard dollarni tashkil etdi.", 1.5e9, "USD", "about"),
    ("hr", "Robna razmjena dosegnula je 2,5 milijardi eura.", 2.5e9, "EUR", None),
    ("hr", "Vrijednost izvoza premašila je 1.200.000 eura.", 1.2e6, "EUR", "over"),
    ("hr", "Ulaganja su iznosila oko 300 milijuna dolara.", 3e8, "USD", "about"),
    ("hr", "Udio je narastao na gotovo 50 posto.", 50, "%", "almost"),
    ("hr", "Izvezeno je više od 12 500 tona pšenice.", 12500, "t", "over"),
    ("hr", "Tvrtka je ostvarila rekordnih 3,2 milijarde kuna prihoda.", 3.2e9, "HRK", "record"),
    ("hr", "Proračun projekta iznosi 20 milijuna američkih dolara.", 2e7, "USD", None),
    ("hr", "Inflacija je pala na 3,4 postotka.", 3.4, "%", None),
    ("hr", "Dug je smanjen za 2,5 mil. eura.", 2.5e6, "EUR", None),
    ("bs", "Vanjskotrgovinska razmjena iznosila je 1,8 milijardi konvertibilnih maraka.", 1.8e9, "BAM", None),
    ("bs", "Investicije su dostigle skoro 500 miliona eura.", 5e8, "EUR", "almost"),
    ("bs", "Izvoz je porastao za više od 10 posto.", 10, "%", "over"),
    ("bs", "Udio stranih ulaganja iznosi oko 25 procenata.", 25, "%", "about"),
    ("bs", "Isporučeno je 2.500 tona robe.", 2500, "t", None),
    ("bs", "Kredit Svjetske banke iznosi 100 miliona dolara.", 1e8, "USD", None),
    ("cs", "Obchodní výměna dosáhla 2,5 miliardy eur.", 2.5e9, "EUR", None),
    ("cs", "Investice přesáhly 300 milionů dolarů.", 3e8, "USD", "over"),
    ("cs", "Vývoz vzrostl téměř o 12 procent.", 12, "%", "almost"),
    ("cs", "Stát zaplatí přibližně 1,2 mld. Kč.", 1.2e9, "CZK", "about"),
    ("cs", "Dodáno bylo 12 500 tun obilí.", 12500, "t", None),
    ("cs", "Firma vykázala rekordních 4 miliardy korun.", 4e9, "CZK", "record"),
    ("cs", "Podíl činí více než 60 %.", 60, "%", "over"),
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
    ("hr", "Na 7. sjednici održanoj 12. studenoga 2025. sudjelovalo je 15 izaslanstava."),
    ("bs", "Na 7. sjednici održanoj 12. novembra 2025. učestvovalo je 15 delegacija i 5 knjiga."),
    ("cs", "Dne 12. listopadu 2025 se konalo 7. zasedání, zúčastnilo se 15 delegací a stavba má 3 tunely."),
    ("nl", "In 2024 vond op 3 april de 7e bijeenkomst plaats; er kwamen 15 delegaties en 2 waarnemers."),
    ("ro", "În 2024, a 7-a reuniune a avut loc pe 12 noiembrie, cu 15 delegații și 2 observatori."),
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
    ("nl", "een programma voor economische samenwerking tot 2030", 2030, True),
    ("nl", "we willen de handel tegen 2030 verdubbelen", 2030, False),
    ("fr", "une feuille de route d'ici 2030", 2030, True),
    ("ro", "un program de cooperare economică până în 2030", 2030, True),
    ("ro", "vrem să dublăm schimburile comerciale până în anul 2030", 2030, False),
    ("sr", "program ekonomske saradnje do 2030. godine", 2030, True),
    ("uz", "2030-yilgacha iqtisodiy hamkorlik dasturi", 2030, True),
    ("hr", "program gospodarske suradnje do 2030. godine", 2030, True),
    ("hr", "robnu razmjenu želimo udvostručiti do 2030.", 2030, False),
    ("bs", "strategija razvoja saradnje do 2030. godine", 2030, True),
    ("cs", "program hospodářské spolupráce do roku 2030", 2030, True),
    ("cs", "vývoz chceme zdvojnásobit do roku 2030", 2030, False),
])
def test_horizons(lang, text, year, program):
    (found,) = horizons(text, lang)
    assert (found.year, found.program) == (year, program)


# "od 2018. do 2022." is a range, not the year a state began.
@pytest.mark.parametrize("lang,text", [
    ("hr", "Od 2018. do 2022. bio je veleposlanik u Beču."),
    ("bs", "Od 2018. godine do 2022. bio je ambasador u Beču."),
    ("cs", "Od roku 2018 do roku 2022 byl velvyslancem ve Vídni."),
])
def test_start_of_a_range_is_not_a_since_year(lang, text):
    from dragoman.facts.numbers import since_years

    assert since_years(text, lang) == []


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
    ("nl", "Hongarije is sinds 2018 waarnemer bij de organisatie."),
    ("fr", "La Hongrie est observatrice depuis 2018."),
    ("ro", "Ungaria este observator în organizație din 2018."),
    ("hr", "Mađarska je od 2018. promatrač u organizaciji."),
    ("bs", "Mađarska je od 2018. godine posmatrač u organizaciji."),
    ("cs", "Maďarsko je od roku 2018 pozorovatelem v organizaci."),
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
