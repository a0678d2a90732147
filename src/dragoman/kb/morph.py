"""Case endings: the base forms a written (folded) token may stand for, per language.

Data: ``lang/<code>/suffixes.toml`` with ``endings`` (stripped), ``restore`` (base endings tried
after stripping: Москвы -> Москв + а), ``assimilated`` (Hungarian -val/-vel that copy the
stem's last consonant: Putyinnal -> Putyin), ``alternations`` (``[changed, base]``: a stem-final
letter an ending changes, tried back in its base form after stripping: Turkmen Bişkege ->
Bişkeg -> Bişkek), ``prefixes`` (proclitics written onto the word,
as ``[prefix, replacement]``: Arabic و "and" in والصين, لل for ل + ال), ``min_stem``, and
``min_length``: tokens shorter than this are only matched as written (4 letters by default;
fewer in a syllabic script such as Hangul, where 푸틴은 is three).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import lang as langdata
from .normalize import fold

_VOWELS = set("aeiouyаеиоуыэюя")
# Tokens shorter than this (folded) are matched only as written, unless the language says less.
DEFAULT_MIN_LENGTH = 4


@dataclass(frozen=True)
class Inflection:
    endings: tuple[str, ...]  # folded, longest first
    restore: tuple[str, ...]
    assimilated: tuple[str, ...]
    min_stem: int
    prefixes: tuple[tuple[str, str], ...] = ()
    min_length: int = DEFAULT_MIN_LENGTH
    alternations: tuple[tuple[str, str], ...] = ()

    def bases(self, token: str) -> tuple[str, ...]:
        """``token`` (folded) and every base form its ending allows, most literal first."""
        out = [token]
        for prefix, replacement in self.prefixes:
            if token.startswith(prefix) and len(token) - len(prefix) >= self.min_stem:
                out.append(replacement + token[len(prefix):])
        for form in tuple(out):
            out.extend(self._without_ending(form))
        return tuple(dict.fromkeys(out))

    def _without_ending(self, token: str) -> list[str]:
        out: list[str] = []
        for ending in self.endings:
            if not token.endswith(ending) or len(token) - len(ending) < self.min_stem:
                continue
            stem = token[: len(token) - len(ending)]
            out.append(stem)
            out.extend(stem + tail for tail in self.restore)
            out.extend(stem[: len(stem) - len(changed)] + base for changed, base in self.alternations
                       if stem.endswith(changed))
        for ending in self.assimilated:
            stem = token[: len(token) - len(ending)]
            if (token.endswith(ending) and len(stem) > self.min_stem and stem[-1] == stem[-2]
                    and stem[-1] not in _VOWELS):
                out.append(stem[:-1])
        return out


_NONE = Inflection((), (), (), 3)


@lru_cache(maxsize=None)
def inflection(code: str | None) -> Inflection:
    """The endings of language ``code`` (none for unknown or missing)."""
    if not code:
        return _NONE
    data = langdata.load(code, "suffixes")
    if not data:
        return _NONE
    endings = sorted({fold(e) for e in data.get("endings", [])}, key=len, reverse=True)
    prefixes = tuple(sorted(((fold(p), fold(r)) for p, r in data.get("prefixes", [])),
                            key=lambda pair: -len(pair[0])))
    alternations = tuple((fold(changed), fold(base)) for changed, base in data.get("alternations", []))
    return Inflection(tuple(endings), tuple(fold(r) for r in data.get("restore", [])),
                      tuple(fold(a) for a in data.get("assimilated", [])), int(data.get("min_stem", 3)),
                      prefixes, int(data.get("min_length", DEFAULT_MIN_LENGTH)), alternations)


@lru_cache(maxsize=None)
def all_inflections() -> tuple[Inflection, ...]:
    return tuple(inflection(code) for code in langdata.languages())
