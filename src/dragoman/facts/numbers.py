"""Numbers with units in running text: money, percentages, quantities and target years.

Every language's way of writing numbers is data in ``lang/<code>/numbers.toml`` (decimal and
thousands separators, scale words such as *milliárd* or *млрд*, number words, currency and unit
words with their case endings, qualifier words, target-horizon forms); ``lang/xx/numbers.toml``
adds symbols and ISO codes every language uses. A number only becomes a fact when it carries a
unit, so plain years, dates, ordinals and list numbers never do.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lang as langdata

PERCENT = "%"
# Unit value marking a word written before the number ("yüzde 50").
PREFIX_PERCENT = "%prefix"
# How far before a number a qualifier may stand (characters), and how many words may sit between.
QUALIFIER_WINDOW = 40
QUALIFIER_GAP_WORDS = 1
# A target horizon and the programme word it belongs to must sit this close (characters, either
# side): "programme of economic cooperation until 2030", "2030-ig szóló ... programot".
PROGRAM_WINDOW = 80


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as found in text."""

    start: int
    end: int
    surface: str
    value: float
    unit: str
    qualifier: str | None = None


@dataclass(frozen=True)
class Horizon:
    """A target year ("by 2030") and whether a programme or plan runs to it."""

    start: int
    end: int
    surface: str
    year: int
    program: bool


def _alternation(forms) -> str:
    return "|".join(sorted(set(forms), key=len, reverse=True))


@dataclass(frozen=True)
class NumberGrammar:
    decimal: str
    thousands: tuple[str, ...]
    scales: dict[str, float]
    words: dict[str, float]
    units: dict[str, str]  # lower-case written form (regex) -> unit / ISO currency
    symbols: dict[str, str]
    pattern: re.Pattern
    before: tuple[tuple[str, re.Pattern], ...]
    after: tuple[tuple[str, re.Pattern], ...]
    horizons: tuple[re.Pattern, ...]
    program: re.Pattern | None
    since: tuple[re.Pattern, ...] = ()  # "since 2018", "2018 óta": the year a state began

    def number(self, text: str) -> float | None:
        """Parse one written number with this language's separators or number words."""
        word = self.words.get(text.lower())
        if word is not None:
            return word
        return parse_number(text, self.decimal, self.thousands)


def parse_number(text: str, decimal: str, thousands: tuple[str, ...]) -> float | None:
    """``27,8`` -> 27.8 with a decimal comma; ``1,000,000`` -> 1e6 with a thousands comma.

    A separator followed by exactly three digits (repeated) is a thousands separator when the
    language uses it so; anything else is the decimal mark.
    """
    text = text.strip()
    for sep in thousands:
        if sep and re.fullmatch(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+(?:{re.escape(decimal)}\d+)?", text):
            text = text.replace(sep, "")
            break
    text = text.replace(decimal, ".")
    try:
        return float(text)
    except ValueError:
        return None


def _unit_key(table: dict[str, str], written: str) -> str | None:
    """The unit for a written (possibly inflected) unit word: the longest listed form it starts with."""
    low = written.lower()
    best, best_len = None, -1
    for form, unit in table.items():
        if re.match(form, low) and len(form) > best_len:
            best, best_len = unit, len(form)
    return best


def _scale(table: dict[str, float], written: str | None) -> float:
    if not written:
        return 1.0
    low = written.lower().rstrip(".")
    return table.get(low, 1.0)


@lru_cache(maxsize=None)
def grammar(code: str | None) -> NumberGrammar:
    data = langdata.load(code, "numbers") if code else {}
    common = langdata.load(langdata.COMMON, "numbers")
    decimal = data.get("decimal", ".")
    thousands = tuple(data.get("thousands", [","]))
    scales = {k.lower(): float(v) for k, v in data.get("scales", {}).items()}
    words = {k.lower(): float(v) for k, v in data.get("words", {}).items()}
    units = {k.lower(): v for k, v in {**common.get("units", {}), **common.get("currencies", {}),
                                       **data.get("units", {}), **data.get("currencies", {})}.items()}
    symbols = dict(common.get("currency_symbols", {}))
    inflection = data.get("inflection", "")
    seps = "|".join(re.escape(s) for s in thousands if s)
    dec = re.escape(decimal)
    digits = rf"\d{{1,3}}(?:(?:{seps})\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?" if seps else rf"\d+(?:{dec}\d+)?"
    word_numbers = _alternation(re.escape(w) for w in words) or r"(?!x)x"
    scale_words = _alternation(re.escape(s) for s in scales) or r"(?!x)x"
    prefix_units = [form for form, unit in units.items() if unit == PREFIX_PERCENT]
    unit_words = _alternation(form for form, unit in units.items() if unit != PREFIX_PERCENT)
    symbol_forms = _alternation(re.escape(s) for s in symbols)
    # ``word_boundaries = false``: Chinese, Japanese and Korean run number, scale and currency
    # together (410亿美元, 65억 달러): only a digit may not touch the number.
    bounded = bool(data.get("word_boundaries", True))
    word_end = r"(?!\w)" if bounded else ""
    number_start = r"(?<![\w.,])" if bounded else r"(?<![\d.,])"
    scale = rf"(?P<{{g}}>{scale_words}){word_end}\.?"
    parts = [
        # $4 billion, €115.5 million, US$ 3bn
        rf"(?P<sym>{symbol_forms})\s?(?P<n1>{digits})(?:\s?{scale.format(g='sc1')})?",
        # %0,25 (percent sign first)
        rf"%\s?(?P<n2>{digits})",
        # 27,8 milliárd dollár, one million tons, 0.25%, 50 процентов
        rf"(?P<n4>{digits}|(?:{word_numbers})(?=\s+(?:{scale_words})))(?:\s?{scale.format(g='sc4')})?\s?"
        rf"(?P<unit>(?:{unit_words})(?:{inflection})){word_end}",
    ]
    if prefix_units:
        parts.insert(2, rf"(?P<pre>{_alternation(prefix_units)})\s+(?P<n3>{digits})")
    pattern = re.compile(rf"{number_start}(?:{'|'.join(parts)})", re.IGNORECASE)
    qualifiers = data.get("qualifiers", {})
    gap = rf"(?:\W+\w+){{0,{QUALIFIER_GAP_WORDS}}}"
    before = tuple((name, re.compile(rf"(?<!\w)(?:{_alternation(forms)}){gap}\W*$", re.IGNORECASE))
                   for name, forms in qualifiers.get("before", {}).items())
    after = tuple((name, re.compile(rf"^\W{{0,2}}(?:{_alternation(forms)})(?!\w)", re.IGNORECASE))
                  for name, forms in qualifiers.get("after", {}).items())
    horizons = tuple(re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE) for p in qualifiers.get("horizon", []))
    program_words = qualifiers.get("program", [])
    program = re.compile(rf"(?<!\w)(?:{_alternation(program_words)})(?:{inflection})(?!\w)", re.IGNORECASE) \
        if program_words else None
    since = tuple(re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE) for p in qualifiers.get("since", []))
    return NumberGrammar(decimal, thousands, scales, words, units, symbols, pattern, before, after,
                         horizons, program, since)


def quantities(text: str, code: str | None) -> list[Quantity]:
    """Every number with a unit in ``text``, with its value fully expanded."""
    rules = grammar(code)
    found = []
    for match in rules.pattern.finditer(text):
        groups = match.groupdict()
        if groups.get("n1"):
            value, scale_word, unit = rules.number(groups["n1"]), groups.get("sc1"), rules.symbols.get(groups["sym"])
            if unit is None:
                unit = next((u for s, u in rules.symbols.items() if s.lower() == groups["sym"].lower()), None)
        elif groups.get("n2"):
            value, scale_word, unit = rules.number(groups["n2"]), None, PERCENT
        elif groups.get("n3"):
            value, scale_word, unit = rules.number(groups["n3"]), None, PERCENT
        else:
            value, scale_word = rules.number(groups["n4"]), groups.get("sc4")
            unit = _unit_key(rules.units, groups["unit"])
            # A one-letter Latin scale ("m") is only a scale after a currency symbol; elsewhere it
            # is metres. One Han or Hangul character is a whole scale word (亿, 억).
            if scale_word and len(scale_word.rstrip(".")) < 2 and scale_word.isascii():
                continue
        if value is None or unit is None:
            continue
        value *= _scale(rules.scales, scale_word)
        qualifier = _qualifier(rules, text, match.start(), match.end())
        found.append(Quantity(match.start(), match.end(), match.group(), value, unit, qualifier))
    return found


def _qualifier(rules: NumberGrammar, text: str, start: int, end: int) -> str | None:
    before = text[max(0, start - QUALIFIER_WINDOW):start]
    after = text[end:end + QUALIFIER_WINDOW]
    for name, pattern in rules.after:
        if pattern.search(after):
            return name
    for name, pattern in rules.before:
        if pattern.search(before):
            return name
    return None


def horizons(text: str, code: str | None) -> list[Horizon]:
    """Target years ("by 2030", "2030-ig", "до 2030 года") and whether a programme runs to them."""
    rules = grammar(code)
    found = []
    for pattern in rules.horizons:
        for match in pattern.finditer(text):
            near = text[max(0, match.start() - PROGRAM_WINDOW):match.end() + PROGRAM_WINDOW]
            program = bool(rules.program and rules.program.search(near))
            found.append(Horizon(match.start(), match.end(), match.group(), int(match.group("y")), program))
    found.sort(key=lambda h: h.start)
    return found


def since_years(text: str, code: str | None) -> list[Horizon]:
    """Years a state has held since ("observer since 2018", "2018 óta", "с 2018 года"); each is
    a ``year`` fact of its own, like a programme horizon."""
    found = [Horizon(m.start(), m.end(), m.group(), int(m.group("y")), True)
             for pattern in grammar(code).since for m in pattern.finditer(text)]
    return sorted(found, key=lambda h: h.start)
