"""Recognition, linking and light coreference of the entities of one article.

1. Knowledge-base names, acronyms and country adjectives (:mod:`.gazetteer`).
2. Names it does not know (:mod:`.finders`): a title next to them, a packaged NER model, or
   capitalisation. Each is linked to the knowledge base by its spelling or lemma, then by the
   phonetic key of a person's name; a name still unknown gets ``dm:name:<phonetic key>``, so the
   same unknown person written ``Caparov`` and ``Жапаров`` gets one id.
3. Bare surnames and role phrases resolved to the people already found (:mod:`.coref`).
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from ..doc import EntityRef, Mention
from ..kb.model import ADJECTIVE, KnowledgeBase
from ..kb.normalize import is_cyrillic, phonetic_key
from ..kb.translit import transliterator
from . import coref
from .finders import CapitalisedFinder, NameFinder, Span, TitleFinder, dictionary, model_finder
from .gazetteer import Match, Token, find_acronyms, find_names, resolve_overlaps, tokenise

# A name found only by capitalisation is kept when the article names it at least this often
# (surname mentions included): real subjects recur, bylines and one-off captions do not.
MIN_MENTIONS_CAPITALISED = 2
UNKNOWN_PREFIX = "dm:name:"
_SENTENCE_END = (".", "!", "?", "\n", ":", "\"", "“", "«")


@dataclass
class _Found:
    mention: Mention
    name: str
    weak: bool = False  # found by capitalisation only


class Recogniser:
    def __init__(self, kb: KnowledgeBase, finders: list[NameFinder] | None = None,
                 use_models: bool = True) -> None:
        self.kb = kb
        self.finders = finders
        self.use_models = use_models

    def finders_for(self, lang: str) -> list[NameFinder]:
        if self.finders is not None:
            return self.finders
        found: list[NameFinder] = [TitleFinder()]
        model = model_finder(lang) if self.use_models else None
        if model is not None:
            found.append(model)
        found.append(CapitalisedFinder())
        return found

    def __call__(self, text: str, lang: str | None) -> tuple[list[Mention], list[EntityRef]]:
        lang = lang or "en"
        toks = tokenise(text, lang)
        matches = resolve_overlaps(find_names(self.kb, text, toks) + find_acronyms(self.kb, text))
        matches = [m for m in matches if not self._common_word(text, toks, m, lang)]
        found: list[_Found] = []
        taken = [False] * len(toks)
        for match in matches:
            entity = self.kb.entity(match.owners[0])
            found.append(_Found(Mention(match.start, match.end, text[match.start:match.end], entity.id,
                                        entity.type, f"kb-{match.kind}"), entity.name))
            self._take(toks, taken, match.start, match.end)
        self._unknown_names(text, lang, toks, taken, found)
        self._merge_surnames(found, lang)
        people = self._people(found)
        for i, person in coref.surname_matches(toks, taken, people):
            tok = toks[i]
            ref = next(f for f in found if f.mention.entity_id == person.id)
            found.append(_Found(Mention(tok.start, tok.end, tok.text, person.id, "person", "coref"),
                                ref.name, ref.weak))
            taken[i] = True
        found.extend(self._roles(text, toks, matches, people, lang))
        return self._finish(found)

    # -- steps --------------------------------------------------------------------------
    @staticmethod
    def _take(toks: list[Token], taken: list[bool], start: int, end: int) -> None:
        """Mark the tokens overlapping ``start..end`` as part of a name already found."""
        i = bisect.bisect_right([t.end for t in toks], start)
        while i < len(toks) and toks[i].start < end:
            taken[i] = True
            i += 1

    def _common_word(self, text: str, toks: list[Token], match: Match, lang: str) -> bool:
        """A one-word place name that is also a dictionary word, opening a sentence (Nice ...)."""
        if match.n_tokens != 1 or match.first_token < 0:
            return False
        if self.kb.entity(match.owners[0]).type != "place":
            return False
        before = text[:match.start].rstrip()
        if before and not before.endswith(_SENTENCE_END):
            return False
        known = dictionary(lang)
        return bool(known and known(toks[match.first_token].text.lower()))

    def _unknown_names(self, text: str, lang: str, toks: list[Token], taken: list[bool],
                       found: list[_Found]) -> None:
        claimed = [(f.mention.start, f.mention.end) for f in found]
        for finder in self.finders_for(lang):
            for span in finder.find(text, lang):
                span = _trim(span, claimed)
                if span is None:
                    continue
                entity_id, name, etype = self._link(span, lang)
                if entity_id is None:
                    continue
                weak = span.source == "caps"
                found.append(_Found(Mention(span.start, span.end, span.text, entity_id, etype,
                                            span.source), name, weak))
                claimed.append((span.start, span.end))
                self._take(toks, taken, span.start, span.end)

    def _link(self, span: Span, lang: str) -> tuple[str | None, str, str]:
        for form in filter(None, (span.normal, span.text)):
            hits = self.kb.lookup(form, lang)
            if hits and (span.label == "other" or hits[0].type in _COMPATIBLE[span.label]):
                return hits[0].id, hits[0].name, hits[0].type
        if span.label == "person":
            hits = self.kb.lookup_person_key(span.normal or span.text, lang)
            if len(hits) == 1:
                return hits[0].id, hits[0].name, "person"
        base = span.normal or span.text
        key = phonetic_key(base, lang)
        if not key or len(key.replace("-", "")) < 3:
            return None, "", ""
        # The canonical name is English: a Cyrillic name is given its English spelling.
        english = transliterator("en")
        name = english(base) if english is not None and is_cyrillic(base) else base
        return UNKNOWN_PREFIX + key, name, span.label

    def _merge_surnames(self, found: list[_Found], lang: str) -> None:
        """An unknown one-word person (Абдыкадыров) who is the surname of a person the article
        names in full takes that person's id."""
        surname_keys: dict[str, set[tuple[str, str]]] = {}
        for f in found:
            m = f.mention
            if m.type != "person":
                continue
            entity = self.kb.get(m.entity_id)
            forms = [(n, c) for c, names in entity.names.items() for n in names] if entity else [(f.name, lang)]
            for form, code in forms:
                parts = phonetic_key(form, code).split("-")
                if len(parts) >= 2:
                    surname_keys.setdefault(parts[-1], set()).add((m.entity_id, f.name))
        for f in found:
            m = f.mention
            if m.type != "person" or not m.entity_id.startswith(UNKNOWN_PREFIX) or "-" in m.entity_id[len(UNKNOWN_PREFIX):]:
                continue
            owners = surname_keys.get(m.entity_id[len(UNKNOWN_PREFIX):], set())
            if len(owners) == 1:
                m.entity_id, f.name = next(iter(owners))
                m.how += "+surname"

    def _people(self, found: list[_Found]) -> list[coref.Person]:
        people: dict[str, coref.Person] = {}
        for f in found:
            m = f.mention
            if m.type != "person" or m.entity_id in people:
                continue
            entity = self.kb.get(m.entity_id)
            if entity is not None:
                names = entity.all_names()
                people[m.entity_id] = coref.Person(entity.id, entity.country, entity.role,
                                                   coref.surnames_of(names))
            else:
                people[m.entity_id] = coref.Person(m.entity_id, "", "", coref.surnames_of([f.name, m.surface]))
        return list(people.values())

    def _roles(self, text: str, toks: list[Token], matches: list[Match], people: list[coref.Person],
               lang: str) -> list[_Found]:
        out = []
        for match in matches:
            if match.kind != ADJECTIVE or match.first_token < 0:
                continue
            country = self.kb.entity(match.owners[0]).country
            role = coref.role_at(toks, match.first_token, match.first_token + match.n_tokens - 1, lang)
            if role is None:
                continue
            first, last, cls = role
            person = coref.resolve_role(country, cls, people)
            if person is None:
                continue
            entity = self.kb.get(person.id)
            start, end = toks[first].start, toks[last].end
            out.append(_Found(Mention(start, end, text[start:end], person.id, "person", "role"),
                              entity.name if entity else person.id))
        return out

    @staticmethod
    def _finish(found: list[_Found]) -> tuple[list[Mention], list[EntityRef]]:
        counts = Counter(f.mention.entity_id for f in found)
        kept = [f for f in found if not (f.weak and counts[f.mention.entity_id] < MIN_MENTIONS_CAPITALISED)]
        kept.sort(key=lambda f: (f.mention.start, f.mention.end))
        refs: dict[str, EntityRef] = {}
        for f in kept:
            m = f.mention
            if m.entity_id in refs:
                refs[m.entity_id].mentions += 1
            else:
                refs[m.entity_id] = EntityRef(m.entity_id, f.name, m.type, 1)
        return [f.mention for f in kept], list(refs.values())


def _trim(span: Span, claimed: list[tuple[int, int]]) -> Span | None:
    """``span`` cut short before a name already found inside it (Abdıkadır Caparkulov |
    Ankara'ya), or ``None`` when it starts inside one or too little is left."""
    end = span.end
    for s, e in claimed:
        if span.start < e and end > s:
            if s <= span.start:
                return None
            end = s
    if end == span.end:
        return span
    surface = span.text[: end - span.start].rstrip(" -'’")
    # One word left before a known name is a title or a first name glued to it, not a name.
    if len(surface.split()) < 2:
        return None
    return Span(span.start, span.start + len(surface), surface, span.label, None, span.source)


_COMPATIBLE = {"person": {"person"}, "place": {"place", "country"}, "org": {"org", "other"},
               "other": {"person", "org", "place", "country", "other"}}
