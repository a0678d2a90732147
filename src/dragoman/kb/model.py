"""The knowledge base: canonical entities and every name they go by.

:func:`load_kb` reads the compiled ``kb.json.gz`` (built by :mod:`dragoman.kb.build`) once per
process. Names are indexed by their folded token sequence; lookups try each token's case
endings (``lang/<code>/suffixes.toml``), so ``Moszkvában``, ``Токаевым`` and ``Kasachstans``
all reach their entity.
"""
from __future__ import annotations

import gzip
import itertools
import json
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .morph import Inflection, all_inflections, inflection
from .normalize import name_key, phonetic_key, spell_letters

KB_PATH = Path(__file__).resolve().parent / "kb.json.gz"
# Name kinds, in the order a tie between them is broken.
NAME, ACRONYM, SHORT, ADJECTIVE = "name", "acronym", "short", "adjective"
# Lookups of long names try at most this many combinations of case endings.
MAX_BASE_COMBINATIONS = 64


@dataclass(frozen=True, slots=True)
class Office:
    """An office held from ``start`` to ``end`` (ISO dates, possibly only ``YYYY-MM`` or
    ``YYYY``; ``end`` empty while in office)."""

    role: str
    start: str
    end: str = ""

    def held_on(self, day: str) -> bool:
        """Whether the office was held on ``day`` (``YYYY-MM-DD``). A date known to the month or
        year covers the whole month or year, so a hand-over month has two holders."""
        return _first_day(self.start) <= day <= (_last_day(self.end) if self.end else "9999")


def _first_day(date: str) -> str:
    return date + "-01-01"[len(date) - 4:] if len(date) < 10 else date


def _last_day(date: str) -> str:
    return date + "-12-31"[len(date) - 4:] if len(date) < 10 else date


@dataclass
class Entity:
    """A canonical entity: ``names`` maps a language code (``xx``: any) to its spellings.
    ``role`` is the office or description it is best known by; people's dated ``offices``
    (``kb/data/people.jsonl``) tell which office they held on a given day."""

    id: str
    name: str
    type: str  # person, org, country, place, other
    role: str = ""
    country: str = ""
    names: dict[str, list[str]] = field(default_factory=dict)
    adjectives: dict[str, list[str]] = field(default_factory=dict)
    offices: tuple[Office, ...] = ()

    def __post_init__(self) -> None:
        self.offices = tuple(o if isinstance(o, Office) else Office(*o) for o in self.offices)

    def all_names(self) -> list[str]:
        return list(dict.fromkeys(itertools.chain.from_iterable(self.names.values())))

    def roles_on(self, day: str | None) -> list[str]:
        """The offices held on ``day``; without dated offices or without a day, ``role``."""
        if not self.offices or not day:
            return [self.role] if self.role else []
        day = _first_day(day[:10])  # an article dated to the month: its first day
        return [o.role for o in self.offices if o.held_on(day)]


@dataclass(frozen=True, slots=True)
class Entry:
    """One indexed name: its folded tokens, what kind of name it is, whose it is."""

    tokens: tuple[str, ...]
    kind: str
    owners: tuple[int, ...]


class KnowledgeBase:
    def __init__(self, data: dict):
        self.entities = [Entity(**e) for e in data["entities"]]
        self._by_id = {e.id: e for e in self.entities}
        self.tables: dict[str, dict[str, list[int]]] = {
            NAME: data["names"], SHORT: data["shorts"], ADJECTIVE: data["adjectives"]}
        self.acronyms: dict[str, list[int]] = data["acronyms"]
        # First folded token -> entries starting with it (the matcher's entry point).
        self.by_first: dict[str, list[Entry]] = {}
        # Some 90 000 names: tokens are interned and owners shared as tuples with the tables,
        # so that every process holding the knowledge base holds less of it.
        for kind, table in self.tables.items():
            for key, owners in table.items():
                toks = tuple(sys.intern(t) for t in key.split())
                table[key] = owners = tuple(owners)
                self.by_first.setdefault(toks[0], []).append(Entry(toks, kind, owners))
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e.tokens))
        # Compiled by kb.build; a knowledge base made in code (tests) computes them here.
        self._person_keys: dict[str, list[int]] = data.get("person_keys") or person_keys(data["entities"])
        self._office_holders: dict[str, list[Entity]] = {}
        for entity in self.entities:
            if entity.offices:
                self._office_holders.setdefault(entity.country, []).append(entity)

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def entity(self, index: int) -> Entity:
        return self.entities[index]

    def office_holders(self, country: str, day: str) -> list[tuple[Entity, str]]:
        """The people of ``country`` with a dated office on ``day``, each with that office."""
        return [(person, role) for person in self._office_holders.get(country, ())
                for role in person.roles_on(day)]

    def lookup(self, name: str, lang: str | None = None) -> list[Entity]:
        """Entities called ``name`` (any spelling, any case form), best first."""
        if name.strip() in self.acronyms:
            return [self.entities[i] for i in self.acronyms[name.strip()]]
        toks = name_key(spell_letters(name, lang))
        if not toks:
            return []
        inflections = (inflection(lang),) if lang else all_inflections()
        found: list[int] = []
        for kind in (NAME, SHORT, ADJECTIVE):
            table = self.tables[kind]
            for candidate in _combinations(toks, inflections):
                for index in table.get(" ".join(candidate), ()):
                    if index not in found:
                        found.append(index)
            if found:
                break
        return [self.entities[i] for i in found]

    def lookup_person_key(self, name: str, lang: str | None = None) -> list[Entity]:
        """People whose name has the same phonetic key as ``name`` (Caparov ~ Жапаров)."""
        return [self.entities[i] for i in self._person_keys.get(phonetic_key(name, lang), [])]


def person_keys(entities: list[dict]) -> dict[str, list[int]]:
    """Phonetic key -> indices of the people (compiled entity records) with a spelling, full or
    surname alone, of that key. Compiled into the knowledge base: it takes seconds."""
    keys: dict[str, list[int]] = {}
    for index, entity in enumerate(entities):
        if entity["type"] != "person":
            continue
        for code, spellings in entity.get("names", {}).items():
            for spelling in spellings:
                # Full name and surname alone: news often names people by surname.
                for form in (spelling, spelling.split()[-1]):
                    bucket = keys.setdefault(phonetic_key(form, code), [])
                    if index not in bucket:
                        bucket.append(index)
    return keys


def _combinations(toks: tuple[str, ...], inflections: tuple[Inflection, ...]):
    options = []
    for tok in toks:
        bases = [tok]
        for inf in inflections:
            bases.extend(b for b in inf.bases(tok) if b not in bases)
        options.append(bases)
    return itertools.islice(itertools.product(*options), MAX_BASE_COMBINATIONS)


@lru_cache(maxsize=1)
def load_kb(path: str | None = None) -> KnowledgeBase:
    """The knowledge base, loaded once per process (about a second)."""
    source = Path(path) if path else KB_PATH
    if not source.exists():
        raise FileNotFoundError(f"{source} is missing: build it with python -m dragoman.kb.build")
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        return KnowledgeBase(json.load(handle))
