"""Article-level event rules: who can take part, the countries people act for, a meeting that
retells a summit, what the headline adds (place, date, kind of visit, a reported statement) and
status cues, in several languages. Sentences are written for these tests."""
from __future__ import annotations

import pytest

from dragoman.events import timex
from dragoman.events.extract import TITLE_OFFSET

from .conftest import add_title, make_article

P = "person"
C = "country"
O = "org"
PL = "place"

TOKAYEV = "Kassym-Jomart Tokayev"
PUTIN = "Vladimir Putin"


# A palace standing for its occupant and the agency carrying the story are not participants.
@pytest.mark.parametrize("lang,text,names", [
    ("en", "MOSCOW (TASS) - Vladimir Putin and Kassym-Jomart Tokayev held talks in the Kremlin on Monday.",
     {"Vladimir Putin": (PUTIN, P), "Kassym-Jomart Tokayev": (TOKAYEV, P), "Kremlin": ("Kremlin", O),
      "TASS": ("TASS", O), "MOSCOW": ("Moscow", PL)}),
    ("ru", "Владимир Путин и Касым-Жомарт Токаев провели переговоры в Кремле в понедельник.",
     {"Владимир Путин": (PUTIN, P), "Касым-Жомарт Токаев": (TOKAYEV, P), "Кремле": ("Kremlin", O)}),
    ("de", "Wladimir Putin und Kassym-Schomart Tokajew führten am Montag im Kreml Gespräche.",
     {"Wladimir Putin": (PUTIN, P), "Kassym-Schomart Tokajew": (TOKAYEV, P), "Kreml": ("Kremlin", O)}),
])
def test_palace_and_agency_are_not_participants(extractor, lang, text, names):
    events = extractor(make_article(text, lang, "2025-03-03", names))
    assert events
    for event in events:
        assert "Kremlin" not in event.participants and "TASS" not in event.participants
        assert {PUTIN, TOKAYEV} <= set(event.participants)


@pytest.mark.parametrize("lang,text,names", [
    ("en", "Kassym-Jomart Tokayev met Olaf Scholz in Astana on Tuesday.",
     {"Kassym-Jomart Tokayev": (TOKAYEV, P), "Olaf Scholz": ("Olaf Scholz", P), "Astana": ("Astana", PL)}),
    ("hu", "Kaszim-Zsomart Tokajev kedden Asztanában tárgyalt Olaf Scholzcal.",
     {"Kaszim-Zsomart Tokajev": (TOKAYEV, P), "Olaf Scholz": ("Olaf Scholz", P), "Asztaná": ("Astana", PL)}),
    ("tr", "Kasım-Jomart Tokayev salı günü Astana’da Olaf Scholz ile görüştü.",
     {"Kasım-Jomart Tokayev": (TOKAYEV, P), "Olaf Scholz": ("Olaf Scholz", P), "Astana": ("Astana", PL)}),
])
def test_people_bring_the_countries_they_act_for(extractor, lang, text, names):
    events = extractor(make_article(text, lang, "2024-09-17", names))
    meeting = next(e for e in events if e.type in ("meeting", "visit"))
    assert {"Kazakhstan", "Germany"} <= set(meeting.participants)


def test_lone_unlinked_word_taken_for_a_person_is_not_a_participant(extractor):
    text = "Мемлекет басшысы Қасым-Жомарт Тоқаев Астанада Шавкат Мирзиёевпен кездесті."
    names = {"Мемлекет": ("Memleket", P), "Қасым-Жомарт Тоқаев": (TOKAYEV, P),
             "Шавкат Мирзиёев": ("Shavkat Mirziyoyev", P), "Астана": ("Astana", PL)}
    article = make_article(text, "kk", "2025-03-03", names)
    for m in article.mentions:  # as the entities stage leaves an unlinked name
        if m.surface == "Мемлекет":
            m.entity_id = "dm:name:mmlkt"
    for e in article.entities:
        if e.name == "Memleket":
            e.id = "dm:name:mmlkt"
    events = extractor(article)
    assert events and all("Memleket" not in e.participants for e in events)


# "The leaders met" / "the meeting was chaired by" retell the summit: one event, not two.
@pytest.mark.parametrize("lang,text,names", [
    ("en", "Leaders of the Organization of Turkic States held an informal summit in Budapest on Wednesday. "
           "Recep Tayyip Erdoğan, Ilham Aliyev and Sadyr Japarov attended the meeting.",
     {"Organization of Turkic States": ("Organization of Turkic States", O), "Budapest": ("Budapest", PL),
      "Recep Tayyip Erdoğan": ("Recep Tayyip Erdoğan", P), "Ilham Aliyev": ("Ilham Aliyev", P),
      "Sadyr Japarov": ("Sadyr Japarov", P)}),
    ("hu", "Szerdán Budapesten tartották a Türk Államok Szervezetének informális csúcstalálkozóját. "
           "A találkozón részt vett Recep Tayyip Erdoğan, Ilham Aliyev és Szadir Zsaparov.",
     {"Türk Államok Szervezeté": ("Organization of Turkic States", O), "Budapest": ("Budapest", PL),
      "Recep Tayyip Erdoğan": ("Recep Tayyip Erdoğan", P), "Ilham Aliyev": ("Ilham Aliyev", P),
      "Szadir Zsaparov": ("Sadyr Japarov", P)}),
    ("ru", "В среду в Будапеште прошел неформальный саммит Организации тюркских государств. "
           "Во встрече приняли участие Реджеп Тайип Эрдоган, Ильхам Алиев и Садыр Жапаров.",
     {"Организации тюркских государств": ("Organization of Turkic States", O), "Будапеште": ("Budapest", PL),
      "Реджеп Тайип Эрдоган": ("Recep Tayyip Erdoğan", P), "Ильхам Алиев": ("Ilham Aliyev", P),
      "Садыр Жапаров": ("Sadyr Japarov", P)}),
])
def test_meeting_that_retells_the_summit_is_the_summit(extractor, lang, text, names):
    events = [e for e in extractor(make_article(text, lang, "2025-05-21", names)) if e.status == "reported"]
    summits = [e for e in events if e.type == "summit"]
    assert len(summits) == 1 and not [e for e in events if e.type == "meeting"]
    assert {"Recep Tayyip Erdoğan", "Sadyr Japarov"} <= set(summits[0].participants)
    assert summits[0].place == "Budapest"


def test_bilateral_meeting_beside_a_summit_stays_its_own_event(extractor):
    text = ("Olaf Scholz held talks with Kassym-Jomart Tokayev in Astana on Tuesday. Later that day Scholz "
            "attended a summit with the leaders of Kazakhstan and Uzbekistan.")
    names = {"Olaf Scholz": ("Olaf Scholz", P), "Scholz": ("Olaf Scholz", P),
             "Kassym-Jomart Tokayev": (TOKAYEV, P), "Astana": ("Astana", PL),
             "Kazakhstan": ("Kazakhstan", C), "Uzbekistan": ("Uzbekistan", C)}
    events = extractor(make_article(text, "en", "2024-09-17", names))
    assert {e.type for e in events if e.status == "reported"} >= {"meeting", "summit"}


# The headline is not part of the text: a city only the headline names places the main event,
# and its evidence is marked as the headline's. Its names are the entities stage's
# ``title_mentions`` (offsets into the title).
@pytest.mark.parametrize("lang,title,text,names,title_names", [
    ("en", "Tokayev and Xi sign friendship treaty in Astana",
     "Kassym-Jomart Tokayev and Xi Jinping signed a treaty of friendship on Tuesday.",
     {"Kassym-Jomart Tokayev": (TOKAYEV, P), "Xi Jinping": ("Xi Jinping", P)},
     {"Tokayev": (TOKAYEV, P), "Astana": ("Astana", PL)}),
    ("ru", "В Астане Токаев и Си Цзиньпин подписали договор о дружбе",
     "Касым-Жомарт Токаев и Си Цзиньпин во вторник подписали договор о дружбе.",
     {"Касым-Жомарт Токаев": (TOKAYEV, P), "Си Цзиньпин": ("Xi Jinping", P)},
     {"Астане": ("Astana", PL), "Токаев": (TOKAYEV, P), "Си Цзиньпин": ("Xi Jinping", P)}),
    ("kk", "Астанада Тоқаев пен Си Цзиньпин достық туралы шартқа қол қойды",
     "Қасым-Жомарт Тоқаев пен Си Цзиньпин сейсенбіде достық туралы шартқа қол қойды.",
     {"Қасым-Жомарт Тоқаев": (TOKAYEV, P), "Си Цзиньпин": ("Xi Jinping", P)},
     {"Астанада": ("Astana", PL), "Тоқаев": (TOKAYEV, P), "Си Цзиньпин": ("Xi Jinping", P)}),
])
def test_headline_city_places_the_main_event(extractor, lang, title, text, names, title_names):
    article = add_title(make_article(text, lang, "2025-06-17", names), title, title_names)
    event = next(e for e in extractor(article) if e.type == "agreement")
    assert event.place == "Astana"
    title_evidence = [x for x in event.evidence if x.start == TITLE_OFFSET]
    assert title_evidence and title_evidence[0].text == title
    assert all(article.text[x.start:x.end] == x.text for x in event.evidence if x.start != TITLE_OFFSET)


def test_body_city_wins_over_headline_city(extractor):
    article = make_article("Vladimir Putin met Kassym-Jomart Tokayev in Moscow on Monday.", "en", "2025-03-03",
                           {"Vladimir Putin": (PUTIN, P), "Kassym-Jomart Tokayev": (TOKAYEV, P),
                            "Moscow": ("Moscow", PL)})
    add_title(article, "From Astana to Moscow: Tokayev meets Putin",
              {"Astana": ("Astana", PL), "Moscow": ("Moscow", PL), "Tokayev": (TOKAYEV, P), "Putin": (PUTIN, P)})
    event = extractor(article)[0]
    assert event.place == "Moscow" and all(x.start != TITLE_OFFSET for x in event.evidence)


@pytest.mark.parametrize("lang,title,text,names", [
    ("en", "Putin on state visit: talks with Tokayev",
     "Vladimir Putin arrived in Astana on Wednesday and held talks with Kassym-Jomart Tokayev.",
     {"Vladimir Putin": (PUTIN, P), "Kassym-Jomart Tokayev": (TOKAYEV, P), "Astana": ("Astana", PL)}),
    ("hu", "Állami látogatáson Asztanában Putyin",
     "Vlagyimir Putyin szerdán kétnapos látogatásra érkezett Asztanába, ahol Kaszim-Zsomart Tokajevvel tárgyalt.",
     {"Vlagyimir Putyin": (PUTIN, P), "Kaszim-Zsomart Tokajev": (TOKAYEV, P), "Asztaná": ("Astana", PL)}),
])
def test_headline_names_the_kind_of_visit(extractor, lang, title, text, names):
    article = add_title(make_article(text, lang, "2024-11-27", names), title)
    visit = next(e for e in extractor(article) if e.type == "visit")
    assert visit.visit_kind == "state"


# What a participant says belongs to the meeting, unless the headline reports it.
@pytest.mark.parametrize("lang,title,text,names,title_names", [
    ("en", "Tokayev says the region needs peace, after talks with Scholz",
     "Kassym-Jomart Tokayev held talks with Olaf Scholz in Astana on Tuesday. "
     "After the talks Tokayev said the region needed a lasting peace.",
     {"Kassym-Jomart Tokayev": (TOKAYEV, P), "Tokayev": (TOKAYEV, P), "Olaf Scholz": ("Olaf Scholz", P),
      "Astana": ("Astana", PL)},
     {"Tokayev": (TOKAYEV, P), "Scholz": ("Olaf Scholz", P)}),
    ("ru", "Токаев заявил, что региону нужен мир",
     "Касым-Жомарт Токаев провел переговоры с Олафом Шольцем в Астане во вторник. "
     "После переговоров Токаев заявил, что региону нужен прочный мир.",
     {"Касым-Жомарт Токаев": (TOKAYEV, P), "Токаев": (TOKAYEV, P), "Олафом Шольцем": ("Olaf Scholz", P),
      "Астане": ("Astana", PL)},
     {"Токаев": (TOKAYEV, P)}),
    ("de", "Tokajew hält dauerhaften Frieden für dringend",
     "Kassym-Schomart Tokajew traf am Dienstag in Astana Olaf Scholz. "
     "Nach dem Gespräch sagte Tokajew, die Region brauche einen dauerhaften Frieden.",
     {"Kassym-Schomart Tokajew": (TOKAYEV, P), "Tokajew": (TOKAYEV, P), "Olaf Scholz": ("Olaf Scholz", P),
      "Astana": ("Astana", PL)},
     {"Tokajew": (TOKAYEV, P)}),
])
def test_statement_the_headline_reports_is_kept(extractor, lang, title, text, names, title_names):
    article = make_article(text, lang, "2024-09-17", names)
    without = extractor(article)
    assert not [e for e in without if e.type == "statement"]
    add_title(article, title, title_names)
    statements = [e for e in extractor(article) if e.type == "statement"]
    assert len(statements) == 1 and statements[0].participants == [TOKAYEV]
    assert statements[0].place == "Astana"  # said where the talks were held


@pytest.mark.parametrize("lang,text,names", [
    ("fr", "Kassym-Jomart Tokaïev se rendra à Moscou pour rencontrer Vladimir Poutine.",
     {"Kassym-Jomart Tokaïev": (TOKAYEV, P), "Vladimir Poutine": (PUTIN, P), "Moscou": ("Moscow", PL)}),
    ("fr", "Plusieurs accords devraient être signés par Kassym-Jomart Tokaïev et Vladimir Poutine.",
     {"Kassym-Jomart Tokaïev": (TOKAYEV, P), "Vladimir Poutine": (PUTIN, P)}),
    ("en", "Vladimir Putin is due to attend a summit in Astana with Kassym-Jomart Tokayev.",
     {"Vladimir Putin": (PUTIN, P), "Kassym-Jomart Tokayev": (TOKAYEV, P), "Astana": ("Astana", PL)}),
])
def test_future_forms_make_an_event_planned(extractor, lang, text, names):
    events = extractor(make_article(text, lang, "2025-11-05", names))
    assert events and all(e.status == "planned" for e in events)


def test_kazakh_participle_held_is_not_a_past_cue(extractor):
    text = "Қасым-Жомарт Тоқаев Будапештте өткен Түркі мемлекеттері ұйымының саммитіне қатысты."
    names = {"Қасым-Жомарт Тоқаев": (TOKAYEV, P), "Будапешт": ("Budapest", PL),
             "Түркі мемлекеттері ұйымының": ("Organization of Turkic States", O)}
    summit = next(e for e in extractor(make_article(text, "kk", "2025-05-21", names)) if e.type == "summit")
    assert summit.status == "reported" and summit.place == "Budapest"


def test_undated_earlier_event_naming_its_counterpart_is_kept(extractor):
    text = ("Wladimir Putin und Kassym-Schomart Tokajew unterzeichneten am Mittwoch in Moskau eine Erklärung. "
            "Tokajew war in der Vorwoche zu Gesprächen in den USA.")
    names = {"Wladimir Putin": (PUTIN, P), "Kassym-Schomart Tokajew": (TOKAYEV, P), "Tokajew": (TOKAYEV, P),
             "Moskau": ("Moscow", PL), "USA": ("United States", C)}
    events = extractor(make_article(text, "de", "2025-11-12", names))
    past = [e for e in events if e.status == "past"]
    assert len(past) == 1 and {TOKAYEV, "United States"} <= set(past[0].participants)
    assert PUTIN not in past[0].participants


@pytest.mark.parametrize("lang,text", [
    ("en", "They met in July this year."),
    ("hu", "Idén júliusban is találkoztak."),
    ("ru", "Они встречались в июле этого года."),
    ("kk", "Олар биыл шілдеде кездесті."),
    ("tr", "Bu yıl temmuzda görüştüler."),
    ("de", "Sie trafen sich im Juli dieses Jahres."),
    ("hr", "Sastali su se u srpnju ove godine."),
    ("bs", "Sastali su se u julu ove godine."),
    ("cs", "Setkali se v červenci letošního roku."),
])
def test_month_of_this_year(lang, text):
    found = timex.find(text, lang)
    assert found
    resolved = timex.resolve(found[0], timex.parse_reference("2024-11-27"))
    assert resolved is not None and resolved.iso == "2024-07"


def test_hungarian_tavaly_with_a_month_is_that_month_last_year():
    found = timex.find("Tavaly júliusban találkoztak.", "hu")
    assert timex.resolve(found[0], timex.parse_reference("2025-11-27")).iso == "2024-07"


def test_hungarian_weekday_with_front_rounded_ending():
    found = timex.find("Putyin csütörtökön érkezik.", "hu")
    assert found and found[0].weekday == 3


@pytest.mark.parametrize("lang,text,names", [
    ("en", "Kassym-Jomart Tokayev called for negotiations on a ceasefire.", {"Kassym-Jomart Tokayev": (TOKAYEV, P)}),
    ("de", "Kassym-Schomart Tokajew warb für Verhandlungen über eine Waffenruhe.",
     {"Kassym-Schomart Tokajew": (TOKAYEV, P)}),
    ("ru", "Касым-Жомарт Токаев призвал к переговорам о прекращении огня.", {"Касым-Жомарт Токаев": (TOKAYEV, P)}),
    ("fr", "Kassym-Jomart Tokaïev a appelé à des négociations sur un cessez-le-feu.",
     {"Kassym-Jomart Tokaïev": (TOKAYEV, P)}),
    ("hr", "Kasim-Žomart Tokajev pozvao je na pregovore o prekidu vatre.", {"Kasim-Žomart Tokajev": (TOKAYEV, P)}),
    ("bs", "Kasim-Žomart Tokajev pozvao je na pregovore o prekidu vatre.", {"Kasim-Žomart Tokajev": (TOKAYEV, P)}),
    ("cs", "Kasym-Žomart Tokajev vyzval k jednání o příměří.", {"Kasym-Žomart Tokajev": (TOKAYEV, P)}),
])
def test_appeal_for_talks_is_not_an_event(extractor, lang, text, names):
    events = extractor(make_article(text, lang, "2024-09-17", names))
    assert not [e for e in events if e.type == "negotiation"]


@pytest.mark.parametrize("lang,text,names", [
    ("en", "Kassym-Jomart Tokayev met Ursula von der Leyen on the sidelines of the Central Asia summit in Samarkand.",
     {"Kassym-Jomart Tokayev": (TOKAYEV, P), "Ursula von der Leyen": ("Ursula von der Leyen", P),
      "Samarkand": ("Samarkand", PL)}),
    ("tr", "Kasım-Jomart Tokayev, Semerkant’taki Orta Asya zirvesinin marjında Ursula von der Leyen ile görüştü.",
     {"Kasım-Jomart Tokayev": (TOKAYEV, P), "Ursula von der Leyen": ("Ursula von der Leyen", P),
      "Semerkant": ("Samarkand", PL)}),
])
def test_bilateral_meeting_on_summit_sidelines_is_kept(extractor, lang, text, names):
    events = extractor(make_article(text, lang, "2025-04-04", names))
    meetings = [e for e in events if e.type == "meeting"]
    assert meetings and {TOKAYEV, "Ursula von der Leyen"} <= set(meetings[0].participants)


def test_earlier_meeting_at_a_summit_is_that_summit(extractor):
    text = ("Kaszim-Zsomart Tokajev Vlagyimir Putyinnal tavaly júliusban találkozott Asztanában, "
            "a Sanghaji Együttműködési Szervezet csúcstalálkozóján.")
    names = {"Kaszim-Zsomart Tokajev": (TOKAYEV, P), "Vlagyimir Putyin": (PUTIN, P), "Asztaná": ("Astana", PL),
             "Sanghaji Együttműködési Szervezet": ("Shanghai Cooperation Organisation", O)}
    events = [e for e in extractor(make_article(text, "hu", "2025-11-27", names)) if e.status == "past"]
    assert [e.type for e in events] == ["summit"] and events[0].date == "2024-07"  # tavaly: last year


def test_headline_names_come_from_the_entities_stage(extractor):
    from dragoman.doc import Article
    from dragoman.entities.component import Entities
    from dragoman.pipeline import registered

    assert "title_mentions" in registered()["entities"].provides
    assert "title_mentions" in registered()["events"].requires
    article = Article(id="a", origin="a.txt", input_format="text", raw_text="", hash="", lang="en",
                      published="2025-06-17", title="Tokayev and Xi sign friendship treaty in Astana",
                      text="Kassym-Jomart Tokayev and Xi Jinping signed a treaty of friendship on Tuesday.")
    article = Entities()(article)
    assert [(article.title[m.start:m.end], m.type) for m in article.title_mentions if m.type == "place"] == \
        [("Astana", "place")]
    event = next(e for e in extractor(article) if e.type == "agreement")
    assert event.place == "Astana" and [x.text for x in event.evidence if x.start == TITLE_OFFSET] == [article.title]


# A page dated only to the month still dates the events it never dates itself.
@pytest.mark.parametrize("lang,text,names", [
    ("en", "Vladimir Putin and Kassym-Jomart Tokayev held talks in Astana.",
     {"Vladimir Putin": (PUTIN, P), "Kassym-Jomart Tokayev": (TOKAYEV, P), "Astana": ("Astana", PL)}),
    ("ru", "Владимир Путин и Касым-Жомарт Токаев провели переговоры в Астане.",
     {"Владимир Путин": (PUTIN, P), "Касым-Жомарт Токаев": (TOKAYEV, P), "Астане": ("Astana", PL)}),
])
@pytest.mark.parametrize("published, precision", [("2024-09", timex.MONTH), ("2024", timex.YEAR)])
def test_month_dated_page_dates_its_undated_events(extractor, lang, text, names, published, precision):
    event = next(e for e in extractor(make_article(text, lang, published, names)) if e.type == "meeting")
    assert (event.date, event.date_precision, event.date_basis) == (published, precision, "published")
