"""Case endings: the base forms a written (folded) token may stand for, per language.

Data: ``lang/<code>/suffixes.toml`` with ``endings`` (stripped), ``restore`` (base endings tried
after stripping: Москвы -> Москв + а), ``assimilated`` (Hungarian -val/-vel that copy the
stem's last consonant: Putyinnal -> Putyin) and ``min_stem``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import lang as langdata
from .normalize import fold

_VOWELS = set("aeiouyаеиоуыэюя")


@dataclass(frozen=True)
class Inflection:
    endings: tuple[str, ...]  # folded, longest first
    restore: tuple[str, ...]
    assimilated: tuple[str, ...]
    min_stem: int

    def bases(self, token: str) -> tuple[str, ...]:
        """``token`` (folded) and every base form its ending allows, most literal first."""
        out = [token]
        for ending in self.endings:
            if not token.endswith(ending) or len(token) - len(ending) < self.min_stem:
                continue
            stem = token[: len(token) - len(ending)]
            out.append(stem)
            out.extend(stem + tail for tail in self.restore)
        for ending in self.assimilated:
            stem = token[: len(token) - len(ending)]
            if (token.endswith(ending) and len(stem) > self.min_stem and stem[-1] == stem[-2]
                    and stem[-1] not in _VOWELS):
                out.append(stem[:-1])
        return tuple(dict.fromkeys(out))


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
    return Inflection(tuple(endings), tuple(fold(r) for r in data.get("restore", [])),
                      tuple(fold(a) for a in data.get("assimilated", [])), int(data.get("min_stem", 3)))


@lru_cache(maxsize=None)
def all_inflections() -> tuple[Inflection, ...]:
    return tuple(inflection(code) for code in langdata.languages())
