"""Hand-built articles, filled as the upstream stages (entities, events, facts) would fill them."""
from __future__ import annotations

from dragoman.doc import Article, EntityRef, Event, Fact, content_hash

# Canonical ids as the entities stage gives them (Wikidata QIDs where known).
PEOPLE = {
    "tokayev": ("Q3266461", "Kassym-Jomart Tokayev"),
    "mirziyoyev": ("Q1380556", "Shavkat Mirziyoyev"),
    "putin": ("Q7747", "Vladimir Putin"),
    "vdl": ("Q60772", "Ursula von der Leyen"),
    "kallas": ("Q46790", "Kaja Kallas"),
    "erdogan": ("Q39723", "Recep Tayyip Erdoğan"),
}
PLACES = {
    "tashkent": ("Q269", "Tashkent"), "astana": ("Q1520", "Astana"), "samarkand": ("Q5753", "Samarkand"),
    "moscow": ("Q649", "Moscow"), "almaty": ("Q35493", "Almaty"), "karaganda": ("Q165237", "Karaganda"),
    "ankara": ("Q3640", "Ankara"),
}
COUNTRIES = {"kz": ("Q232", "Kazakhstan"), "uz": ("Q265", "Uzbekistan"), "ru": ("Q159", "Russia"),
             "eu": ("Q458", "European Union"), "tr": ("Q43", "Turkey")}


def event(type_: str, people: list[str], place: str | None = None, date: str | None = None,
          status: str = "reported", visit_kind: str | None = None, place_name: str | None = None) -> Event:
    pid, pname = PLACES[place] if place else (None, None)
    return Event(type=type_, participants=[PEOPLE[p][1] for p in people],
                 participant_ids=[PEOPLE[p][0] for p in people], place=place_name or pname, place_id=pid,
                 date=date, status=status, visit_kind=visit_kind)


def make_article(aid: str, lang: str, title: str, text: str, *, published: str | None = None,
                 people: dict[str, int] | None = None, places: list[str] = (), countries: list[str] = (),
                 events: list[Event] = (), facts: list[Fact] = ()) -> Article:
    entities = [EntityRef(PEOPLE[p][0], PEOPLE[p][1], "person", n) for p, n in (people or {}).items()]
    entities += [EntityRef(*PLACES[p], "place", 1) for p in places]
    entities += [EntityRef(*COUNTRIES[c], "country", 2) for c in countries]
    body = f"{title}\n\n{text}"
    return Article(id=aid, origin=f"test://{aid}", input_format="text", raw_text=body,
                   hash=content_hash(body), text=text, title=title, lang=lang, published=published,
                   entities=entities, events=list(events), facts=list(facts))
