"""Who and where an article names, as the event stage sees it: the article's linked mentions
(:class:`ArticleActors`), which of them can take part in an event (:func:`can_act`), the
country a person acts for (:func:`acting_country`) and which places are cities
(:func:`is_city`), all read from the knowledge base."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Article
from ..kb.normalize import fold
from ..lang.sentences import Span

# Most people taken from the article's main actors when an event names fewer than two.
MAIN_ACTORS = 2
# Knowledge-base places with this role are cities, the places an event is held in (regions,
# valleys and seas are places too, but no one meets "in Central Asia" in our sense).
CITY_ROLE = "city"


@dataclass(frozen=True)
class Actor:
    """A linked mention: where it is, its canonical name and id, its type."""

    start: int
    end: int
    name: str
    id: str | None
    type: str


def kb():
    """The knowledge base, or ``None`` when it cannot be loaded (no acting countries, no role
    checks, no cities)."""
    try:
        from ..kb import load_kb
    except ImportError:  # the knowledge base is optional for the event stage
        return None
    return load_kb()


def kb_lookup(name: str, code: str | None) -> list:
    """Knowledge-base entities named ``name`` in language ``code`` (none without a KB)."""
    base = kb()
    return base.lookup(name, code) if base is not None else []


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    # By canonical name, not id: an actor's name is the knowledge base's canonical one however
    # it was linked, and hand-made articles (tests) carry their own ids.
    base = kb()
    if base is None:
        return frozenset()
    return frozenset(fold(e.name) for e in base.entities if e.type == "place" and e.role == CITY_ROLE)


def is_city(name: str) -> bool:
    """Whether ``name`` is the canonical name of a city of the knowledge base."""
    return fold(name) in _city_names()


@lru_cache(maxsize=1)
def _not_actor_roles() -> re.Pattern | None:
    from .. import lang as langdata

    roles = langdata.load(langdata.COMMON, "events").get("participants", {}).get("not_actor_roles", [])
    return re.compile("|".join(roles), re.IGNORECASE) if roles else None


@lru_cache(maxsize=1)
def _agency_names() -> frozenset[str]:
    from .. import lang as langdata

    agencies = langdata.load(langdata.COMMON, "agencies").get("agency", [])
    return frozenset(fold(n) for a in agencies for n in [a.get("name", "")] + list(a.get("aliases", [])) if n)


def can_act(name: str, entity_id: str | None, entity_type: str) -> bool:
    """Whether a linked name can take part in an event: not a palace, broadcaster or news agency
    ("the Kremlin", "(AFP)"), and not a lone unlinked word taken for a person (a capitalised
    common noun such as a title's first word)."""
    if fold(name) in _agency_names():
        return False
    if entity_type == "person":
        return bool(entity_id) and (not entity_id.startswith("dm:name:") or len(name.split()) > 1)
    if entity_type == "org" and entity_id and (base := kb()) is not None:
        entity = base.get(entity_id)
        roles = _not_actor_roles()
        if entity is not None and roles is not None and roles.search(entity.role or ""):
            return False
    return True


@lru_cache(maxsize=1)
def _countries_by_code() -> dict[str, tuple[str, str]]:
    base = kb()
    if base is None:
        return {}
    return {e.country: (e.name, e.id) for e in base.entities if e.type == "country" and e.country}


def acting_country(entity_id: str | None) -> tuple[str, str] | None:
    """The country a known person acts for (its knowledge-base country), as (name, id)."""
    base = kb() if entity_id else None
    entity = base.get(entity_id) if base is not None else None
    if entity is None or entity.type != "person" or not entity.country:
        return None
    return _countries_by_code().get(entity.country)


class ArticleActors:
    """The article's mentions resolved to canonical names, in text order. Names that cannot act
    in an event (:func:`can_act`) are left out."""

    def __init__(self, article: Article):
        names = {e.id: e for e in article.entities}
        self.actors: list[Actor] = []
        self.dateline_start: int | None = None  # where the dateline's city starts, once known
        for m in sorted(article.mentions, key=lambda m: m.start):
            ref = names.get(m.entity_id) if m.entity_id else None
            if ref is None and m.type != "person":
                continue  # an unlinked place or country name cannot be placed or compared
            name = ref.name if ref else m.surface
            kind = ref.type if ref else m.type
            if kind in ("person", "org", "country") and not can_act(name, m.entity_id, kind):
                continue
            self.actors.append(Actor(m.start, m.end, name, m.entity_id, kind))
        counts = sorted((e for e in article.entities if e.type == "person" and can_act(e.name, e.id, e.type)),
                        key=lambda e: -e.mentions)
        self.main = [Actor(-1, -1, e.name, e.id, "person") for e in counts[:MAIN_ACTORS]]

    def within(self, span: Span, *types: str) -> list[Actor]:
        return [a for a in self.actors if span.start <= a.start and a.end <= span.end and a.type in types]

    def nearest_person_before(self, position: int, floor: int) -> Actor | None:
        before = [a for a in self.actors if a.type == "person" and floor <= a.start and a.end <= position]
        return before[-1] if before else None

    def first_person_after(self, position: int, ceiling: int) -> Actor | None:
        return next((a for a in self.actors if a.type == "person" and position <= a.start < ceiling), None)

    def city(self, span: Span) -> Actor | None:
        # The dateline's city says where the report was filed, not where the sentence's event
        # happens ("ASTANA, 5 Nov – Tokayev will travel to Russia ..."): it only ever enters
        # an event through the anchoring of reported events.
        return next((a for a in self.within(span, "place", "city")
                     if is_city(a.name) and a.start != self.dateline_start), None)


def unique(actors: list[Actor]) -> list[Actor]:
    """``actors`` without repeated names, first occurrence kept."""
    seen, out = set(), []
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out
