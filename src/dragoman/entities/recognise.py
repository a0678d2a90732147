"""Recognition, linking and light coreference of the entities of one article.

1. Knowledge-base names, acronyms and country adjectives (:mod:`.gazetteer`).
2. Names it does not know (:mod:`.finders`): a title next to them, a packaged NER model, or
   capitalisation. Each is linked to the knowledge base by its spelling or lemma, then by the
   phonetic key of a person's name; a name still unknown gets ``dm:name:<phonetic key>``, so the
   same unknown person written ``Caparov`` and ``Жапаров`` gets one id.
3. Bare surnames and role phrases resolved to the people already found (:mod:`.coref`).

Not kept as entities: unknown names that are ordinary words (``[ner] common_words`` of
``lang/<code>/titles.toml``, or the language's dictionary for a model's one-word names), a news
agency credited in brackets or on a line of its own, a country adjective in a phrase that names
a people (``[not_country]`` of ``demonyms.toml``), and regions (``REGION_ROLE``), which are
recognised but not listed.
"""
from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .. import lang as langdata
from ..doc import EntityRef, Mention
from ..kb.model import ADJECTIVE, NAME, SHORT, Entity, KnowledgeBase
from ..kb.morph import inflection
from ..kb.normalize import fold, is_cyrillic, phonetic_key, spell_letters
from ..kb.translit import transliterator
from ..lang.sentences import opens_sentence
from . import coref
from .finders import (CapitalisedFinder, NameFinder, Span, TitleFinder, dictionary, marked_lower,
                      marks_tell_words_apart, model_finder)
from .gazetteer import Match, Token, find_acronyms, find_names, resolve_overlaps, tokenise

# A name found only by capitalisation is kept when the article names it at least this often
# (surname mentions included): real subjects recur, bylines and one-off captions do not.
MIN_MENTIONS_CAPITALISED = 2
UNKNOWN_PREFIX = "dm:name:"
# Knowledge-base entities with this role (Central Asia, the Middle East) are recognised, so no
# finder takes their words for an unknown name, but they are not listed as the article's
# entities: a region is where things happen, not a party to them.
REGION_ROLE = "region"
# The ``role`` of the knowledge base's news agencies (``kb/data/orgs.jsonl``).
AGENCY_ROLE = "news agency"
# Finders whose one-word names are checked against the language's dictionary and its
# ``[ner] common_words`` (titles.toml): statistical models tag capitalised ordinary words
# (Publié, État, Мемлекет) as names, most of all in a language they were not trained on.
MODEL_SOURCES = frozenset({"natasha", "spacy"})
# Characters around an agency's name when it credits a report rather than names a party:
# (AFP), /ТАСС/, [Reuters].
_CREDIT_OPEN, _CREDIT_CLOSE = "(/[", ")/]"


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

    def __call__(self, text: str, lang: str | None, day: str | None = None
                 ) -> tuple[list[Mention], list[EntityRef]]:
        """Mentions and entities of ``text``; ``day`` (the article's date, ISO) tells which
        office each person held, for role phrases (``the Kazakh president``)."""
        lang = lang or name_languages()["unknown_language"]
        # Apostrophes that write a letter (Uzbek Erdo‘g‘an) as that letter, one for one: the
        # offsets hold, and the surfaces are taken from the text as written at the end.
        written, text = text, spell_letters(text, lang)
        toks = tokenise(text, lang)
        matches = resolve_overlaps(find_names(self.kb, text, toks) + find_acronyms(self.kb, text))
        matches = [m for m in matches if not self._common_word(text, toks, m, lang)
                   and not _people_not_country(toks, m, lang) and not self._other_marks(text, m, lang)
                   and not self._foreign_adjective(toks, m, lang)
                   and not _credited_agency(text, self.kb.entity(m.owners[0]), m.start, m.end)]
        matches = self._without_past_surnames(matches, day)
        found: list[_Found] = []
        taken = [False] * len(toks)
        for match in matches:
            entity = self.kb.entity(match.owners[0])
            found.append(_Found(Mention(match.start, match.end, text[match.start:match.end], entity.id,
                                        entity.type, f"kb-{match.kind}"), entity.name))
            self._take(toks, taken, match.start, match.end)
        self._unknown_names(text, lang, toks, taken, found)
        self._merge_surnames(found, lang)
        people = self._people(found, day)
        for i, person in coref.surname_matches(toks, taken, people):
            tok = toks[i]
            ref = next(f for f in found if f.mention.entity_id == person.id)
            found.append(_Found(Mention(tok.start, tok.end, tok.text, person.id, "person", "coref"),
                                ref.name, ref.weak))
            taken[i] = True
        found.extend(self._roles(text, toks, matches, people, lang, day))
        mentions, refs = self._finish(found)
        if text != written:
            for m in mentions:
                m.surface = written[m.start:m.end]
        return mentions, refs

    # -- steps --------------------------------------------------------------------------
    @staticmethod
    def _take(toks: list[Token], taken: list[bool], start: int, end: int) -> None:
        """Mark the tokens overlapping ``start..end`` as part of a name already found."""
        i = bisect.bisect_right(toks, start, key=lambda t: t.end)  # no list per call: was O(n²)
        while i < len(toks) and toks[i].start < end:
            taken[i] = True
            i += 1

    def _common_word(self, text: str, toks: list[Token], match: Match, lang: str) -> bool:
        """A one-word place name that is also a dictionary word, opening a sentence (Nice ...)."""
        if match.n_tokens != 1 or match.first_token < 0:
            return False
        if self.kb.entity(match.owners[0]).type != "place":
            return False
        # The doubt is about a capital the sentence start imposes; a script without case
        # (Devanagari, Arabic) writes a name the same wherever it stands.
        first = toks[match.first_token].text[:1]
        if first.lower() == first.upper():
            return False
        if not opens_sentence(text[:match.start]):
            return False
        known = dictionary(lang)
        return bool(known and not dictionary_lists_names(lang) and known(toks[match.first_token].text.lower()))

    def _other_marks(self, text: str, match: Match, lang: str) -> bool:
        """A one-word name written with marks its entity's names do not have, in a language whose
        marks tell words apart (``letters.toml`` ``marks_tell_words_apart``: Vietnamese Bí, Bỉ)."""
        if match.n_tokens != 1 or not marks_tell_words_apart(lang):
            return False
        written = marked_lower(text[match.start:match.end])
        marked = [i for i, c in enumerate(written)
                  if any(unicodedata.combining(d) for d in unicodedata.normalize("NFD", c))]
        if not marked:
            return False
        # Up to its last marked letter, so that case endings may follow (Serbian Vučića: Vučić).
        stem = written[:marked[-1] + 1]
        # A one-word match may be a surname or a short name (Erdoğan, Tập): any word of a name.
        entity = self.kb.entity(match.owners[0])
        spelled = (word for name in itertools.chain(entity.all_names(), *entity.adjectives.values())
                   for word in _WORDS.findall(marked_lower(name)))
        return not any(word.startswith(stem) for word in spelled)

    def _without_past_surnames(self, matches: list[Match], day: str | None) -> list[Match]:
        """Without surnames alone (``short``) of people out of office on the article's date whom
        it does not name in full: news names a former office-holder in full, and a word that
        spells like an old surname (Turkish Nişanı "order", Nishani) is no mention of them."""
        if not day:
            return matches
        named = {m.owners[0] for m in matches if m.kind == NAME}
        out = []
        for m in matches:
            entity = self.kb.entity(m.owners[0])
            if m.kind == SHORT and m.owners[0] not in named and entity.offices and not entity.roles_on(day):
                continue
            out.append(m)
        return out

    def _foreign_adjective(self, toks: list[Token], match: Match, lang: str) -> bool:
        """A one-word country adjective that only another language's ``demonyms.toml`` lists
        (Romanian azer in Hungarian Azért): demonyms are per-language data, so in a language that
        has its own list an adjective counts only in that list's forms."""
        if match.kind != ADJECTIVE or match.n_tokens != 1 or match.first_token < 0:
            return False
        if not has_demonyms(lang):
            return False
        entity = self.kb.entity(match.owners[0])
        own = {fold(word) for word in entity.adjectives.get(lang, ())}
        return not own.intersection(toks[match.first_token].bases)

    def _unknown_names(self, text: str, lang: str, toks: list[Token], taken: list[bool],
                       found: list[_Found]) -> None:
        claimed = _Claims((f.mention.start, f.mention.end) for f in found)
        for finder in self.finders_for(lang):
            for span in finder.find(text, lang):
                span = _strip_punctuation(span)
                span = _trim(span, claimed.near(span.start, span.end))
                if span is None:
                    continue
                entity_id, name, etype = self._link(span, lang)
                if entity_id is None:
                    continue
                if entity_id.startswith(UNKNOWN_PREFIX) and (
                        _ordinary_word(span, lang) or _agency_credit(text, span)):
                    continue
                if _credited_agency(text, self.kb.get(entity_id), span.start, span.end):
                    continue
                # The knowledge base vouches for a capitalised run it links to a known entity
                # (Доналд Тръмп by its phonetic key): only unknown ones must recur.
                weak = span.source == "caps" and entity_id.startswith(UNKNOWN_PREFIX)
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
        # A Cyrillic name is given the spelling of the canonical names' language (English).
        canonical = transliterator(name_languages()["canonical_language"])
        name = canonical(base) if canonical is not None and is_cyrillic(base) else base
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

    def _people(self, found: list[_Found], day: str | None) -> list[coref.Person]:
        people: dict[str, coref.Person] = {}
        for f in found:
            m = f.mention
            if m.type != "person" or m.entity_id in people:
                continue
            entity = self.kb.get(m.entity_id)
            if entity is not None:
                names = entity.all_names()
                people[m.entity_id] = coref.Person(entity.id, entity.country, tuple(entity.roles_on(day)),
                                                   coref.surnames_of(names))
            else:
                people[m.entity_id] = coref.Person(m.entity_id, "", (), coref.surnames_of([f.name, m.surface]))
        return list(people.values())

    def _roles(self, text: str, toks: list[Token], matches: list[Match], people: list[coref.Person],
               lang: str, day: str | None) -> list[_Found]:
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
            if person is not None:
                entity = self.kb.get(person.id)
                entity_id, name = person.id, entity.name if entity else person.id
            else:
                holder = self._office_holder(country, cls, day)
                if holder is None:
                    continue
                entity_id, name = holder.id, holder.name
            start, end = toks[first].start, toks[last].end
            out.append(_Found(Mention(start, end, text[start:end], entity_id, "person", "role"), name))
        return out

    def _office_holder(self, country: str, cls: str, day: str | None) -> Entity | None:
        """The one person of the knowledge base who held an office of class ``cls`` in
        ``country`` on ``day``."""
        if not day or cls not in coref.OFFICE_CLASSES:
            return None
        holders = {e.id: e for e, office in self.kb.office_holders(country, day) if coref.fits(cls, [office])}
        return next(iter(holders.values())) if len(holders) == 1 else None

    def _finish(self, found: list[_Found]) -> tuple[list[Mention], list[EntityRef]]:
        regions = {f.mention.entity_id for f in found
                   if (e := self.kb.get(f.mention.entity_id)) is not None and e.role == REGION_ROLE}
        counts = Counter(f.mention.entity_id for f in found)
        kept = [f for f in found if not (f.weak and counts[f.mention.entity_id] < MIN_MENTIONS_CAPITALISED)]
        kept.sort(key=lambda f: (f.mention.start, f.mention.end))
        refs: dict[str, EntityRef] = {}
        for f in kept:
            m = f.mention
            if m.entity_id in regions:
                continue
            if m.entity_id in refs:
                refs[m.entity_id].mentions += 1
            else:
                refs[m.entity_id] = EntityRef(m.entity_id, f.name, m.type, 1)
        return [f.mention for f in kept], list(refs.values())


# Punctuation a model may leave at the end of a name (Telegram!, Astana.).
_TRAILING_PUNCTUATION = ".,;:!?…)»”\"'"


def _strip_punctuation(span: Span) -> Span:
    surface = span.text.rstrip(_TRAILING_PUNCTUATION + " ")
    if surface == span.text or not surface:
        return span
    normal = span.normal.rstrip(_TRAILING_PUNCTUATION + " ") if span.normal else span.normal
    return Span(span.start, span.start + len(surface), surface, span.label, normal, span.source)


def _ordinary_word(span: Span, lang: str) -> bool:
    """A name that ``lang/<code>/titles.toml`` lists as an ordinary word (alone or followed by
    lower-case words), or one word a statistical model found that the language's dictionary
    knows."""
    words = [w.strip(".,;:!?\"'«»“”()") for w in span.text.split()]
    if not words or not words[0]:
        return True
    word = words[0]
    bases = {fold(word), *inflection(lang).bases(fold(word))}
    # Listed as not a name (whichever finder found it), alone or before lower-case words
    # (Мемлекет басшысы "head of state").
    if bases & common_words(lang) and all(not w[:1].isupper() for w in words[1:]):
        return True
    if len(words) != 1:
        return False
    if span.source not in MODEL_SOURCES:
        return False
    known = dictionary(lang)
    # An all-capital word is an acronym or a dateline (AFP, ASTANA), not a dictionary word.
    return bool(known and not word.isupper() and known(word.lower()))


def _agency_credit(text: str, span: Span) -> bool:
    """A news agency's name credited in brackets or slashes (``(AFP)``, ``/ТАСС/``): the source
    of the report, not an entity it is about. ``told Reuters`` still counts."""
    return fold(span.text) in agency_names() and _credit_position(text, span.start, span.end)


def _credited_agency(text: str, entity: Entity | None, start: int, end: int) -> bool:
    """A news agency of the knowledge base credited as the report's source (``(MTI)``),
    whichever finder found it: ``according to Xinhua`` names an entity, the credit does not."""
    return entity is not None and entity.role == AGENCY_ROLE and _credit_position(text, start, end)


def _credit_position(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start..end`` stands as a credit: in brackets or slashes, or alone
    on its line."""
    before = text[:start].rstrip(" ")
    after = text[end:].lstrip(" ")
    bracketed = bool(before) and before[-1] in _CREDIT_OPEN and after[:1] in _CREDIT_CLOSE
    own_line = before[-1:] in ("", "\n") and after[:1] in ("", "\n")  # a credit line: "MTI"
    return bracketed or own_line


def _people_not_country(toks: list[Token], match: Match, lang: str) -> bool:
    """A country adjective that names a people or a family of languages in this phrase
    (Türk dünyası "the Turkic world"): ``[not_country]`` of ``lang/<code>/demonyms.toml``."""
    if match.kind != ADJECTIVE or match.first_token < 0:
        return False
    after = match.first_token + match.n_tokens
    if after >= len(toks):
        return False
    followers = not_country_words(lang).get(fold(toks[match.first_token].text))
    return bool(followers and followers.intersection(toks[after].bases))


@lru_cache(maxsize=None)
def not_country_words(lang: str) -> dict[str, frozenset[str]]:
    table = langdata.load(lang, "demonyms").get("not_country", {})
    return {fold(adjective): frozenset(fold(w) for w in words) for adjective, words in table.items()}


@lru_cache(maxsize=None)
def dictionary_lists_names(lang: str) -> bool:
    """``lang/<code>/titles.toml`` ``[ner] dictionary_lists_names``: the language's dictionary
    lists place names among its words (Armenian: մոսկվա, թեհրան), so knowing a word there says
    nothing against a place name at a sentence start."""
    return bool(langdata.load(lang, "titles").get("ner", {}).get("dictionary_lists_names", False))


@lru_cache(maxsize=None)
def has_demonyms(lang: str) -> bool:
    """Whether ``lang/<code>/demonyms.toml`` lists this language's country adjectives."""
    return bool(langdata.load(lang, "demonyms").get("adjectives"))


# The words of a name: what spaces, hyphens and punctuation separate (marks stay on their letter).
_WORDS = re.compile(r"[^\s\-‐–.,;:()\"“”«»]+")


@lru_cache(maxsize=None)
def common_words(lang: str) -> frozenset[str]:
    """``lang/<code>/titles.toml`` ``[ner] common_words``, folded."""
    words = langdata.load(lang, "titles").get("ner", {}).get("common_words", [])
    return frozenset(fold(w) for w in words)


@lru_cache(maxsize=1)
def name_languages() -> dict[str, str]:
    """``canonical_language`` (of entity names) and ``unknown_language`` (read when an article's
    language is not known): ``lang/xx/translit.toml`` ``[names]``."""
    return dict(langdata.load(langdata.COMMON, "translit")["names"])


@lru_cache(maxsize=1)
def agency_names() -> frozenset[str]:
    """Folded names and aliases of the news agencies of ``lang/xx/agencies.toml``."""
    agencies = langdata.load(langdata.COMMON, "agencies").get("agency", [])
    return frozenset(fold(a) for agency in agencies for a in [agency.get("name", "")] + agency.get("aliases", []) if a)


class _Claims:
    """Stretches already claimed by a name, bucketed by position so that finding those near a
    span does not scan them all (a scan per span was quadratic on long articles). ``_trim``'s
    result does not depend on the order of the stretches it is given."""

    BUCKET = 64

    def __init__(self, stretches=()) -> None:
        self.buckets: dict[int, list[tuple[int, int]]] = {}
        for s, e in stretches:
            self.append((s, e))

    def append(self, stretch: tuple[int, int]) -> None:
        s, e = stretch
        for b in range(s // self.BUCKET, max(s, e - 1) // self.BUCKET + 1):
            self.buckets.setdefault(b, []).append(stretch)

    def near(self, start: int, end: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for b in range(start // self.BUCKET, max(start, end - 1) // self.BUCKET + 1):
            out.extend(self.buckets.get(b, ()))
        return out


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
