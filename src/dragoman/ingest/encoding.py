"""Bytes to text: byte-order marks, UTF-8, declared charsets, then plausibility-checked guessing.

Detectors fail on exactly the inputs news archives are full of: short paragraphs in a
legacy single-byte code page (Turkish cp1254, Hungarian iso-8859-2, Russian koi8-r or
cp1251). charset-normalizer alone calls a Turkish cp1254 paragraph cp1252 (``Dýþiþleri``)
and a koi8-r one Shift-JIS. So every candidate decoding is scored for *plausibility*: how
many of its non-ASCII characters are letters of one known alphabet
(``lang/<code>/letters.toml``), with penalties for what only mis-decoding produces (control
characters, stray symbols, a lower-case letter followed by an upper-case one inside a word,
two scripts inside one word, long words without a vowel). The most plausible candidate wins;
ties go to the earlier candidate (declared charset, then :data:`LEGACY_CANDIDATES`, then
charset-normalizer's guesses). Also decides whether bytes are text at all.
"""
from __future__ import annotations

import codecs
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .. import lang


class NotText(ValueError):
    """The bytes are not text in any encoding we can trust (binary data)."""


DecodeError = NotText  # the name other modules may know it by

BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Single-byte code pages common in European and Eurasian news, most widespread first (the
# order breaks ties). Every byte string decodes in some of them, so detection always has an
# answer; plausibility decides whether it is a good one.
LEGACY_CANDIDATES: tuple[str, ...] = (
    "cp1252", "cp1250", "iso8859-2", "cp1251", "koi8-r", "cp1254", "cp1257", "koi8-u",
    "kz1048", "cp1253", "cp1255", "cp1256", "iso8859-15",
    # East Asian multi-byte encodings: most Western byte strings are invalid in them. Shift-JIS
    # first: it reads GB/Big5 bytes as half-width kana (penalised), not the other way round.
    # Without per-language data for these scripts, GB18030 still wins ties against EUC-KR.
    "shift_jis", "gb18030", "big5", "euc-kr", "euc-jp",
)
# Code pages still met in old files but rare in news; they, and any other guess of
# charset-normalizer's, must beat the common ones by RARE_ENCODING_PENALTY: on a short text
# some rare code page always turns a dash into a plausible letter (``–`` -> ``û`` in cp850).
RARE_CANDIDATES: tuple[str, ...] = ("iso8859-5", "cp866", "mac-cyrillic")
RARE_ENCODING_PENALTY = 0.25

# Labels that web pages declare but mean something wider (WHATWG encoding standard).
LABEL_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254",
                 "gb2312": "gb18030", "gbk": "gb18030", "x-mac-cyrillic": "mac-cyrillic",
                 "tis-620": "cp874", "iso8859-11": "cp874"}

# File signatures of common binary formats, so the rejection can say what the file is.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"), (b"PK\x03\x04", "ZIP archive or office document"), (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"), (b"7z\xbc\xaf", "7-Zip archive"), (b"Rar!", "RAR archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"), (b"BZh", "bzip2 archive"), (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"), (b"\x1f\x8b", "gzip archive"),
)

# Plausibility is judged on the first bytes only: enough for thousands of words, and it keeps
# decoding a 20 MB file from costing 17 full decodes.
SAMPLE_BYTES = 32 * 1024
# charset-normalizer is slower still; its guesses only add candidates, so a shorter sample does.
DETECTOR_SAMPLE_BYTES = 8 * 1024
# A declared charset is kept unless another candidate is this much more plausible (0..1 scale):
# declarations are usually right, but pages that say iso-8859-1 and send cp1251 exist.
DECLARED_MARGIN = 0.15
# Bytes that are UTF-8 apart from a few broken sequences (one stray cp1252 quote pasted into a
# UTF-8 page) are still UTF-8: at most this share of the non-ASCII characters may be broken,
# and at least UTF8_MIN_VALID_CHARS must decode cleanly.
MOSTLY_UTF8_MAX_BAD_SHARE = 0.05
UTF8_MIN_VALID_CHARS = 4
# Letters of scripts we have no alphabet for (Greek, Arabic, Han, ...) count this much: probably
# right, but a hair below a confirmed letter so that ties go to a known alphabet.
UNLISTED_LETTER_CREDIT = 0.95
# Letters of a known alphabet other than the best-fitting one (names quoted from elsewhere).
OTHER_ALPHABET_CREDIT = 0.5
# An upper-case letter counts slightly less than a lower-case one: running text is mostly lower
# case, and koi8-r read as cp1251 (or the reverse) swaps the case of every Cyrillic letter.
UPPER_CASE_CREDIT = 0.9
# Typographic punctuation (quotes, dashes, euro sign) counts a little less than an upper-case
# letter: mac-cyrillic reads cp1251 capitals as quotes and dashes (``«атем`` for ``Затем``).
NEUTRAL_CREDIT = 0.8
# Each word with an impossible shape (``мИНИСТР``, ``cafй``, ``хрпхсгьт``) costs this many letters.
BAD_WORD_PENALTY = 2.0
# Words at least this long with no vowel are counted as mis-decoded.
MIN_LETTERS_FOR_VOWEL_CHECK = 3
# Below this plausibility, with at least this share of non-ASCII bytes, the bytes are not text.
MIN_PLAUSIBILITY = 0.2
MIN_NON_ASCII_FOR_BINARY = 0.3
# C0 control characters (other than tab, newlines, form feed, escape) above this share of the
# bytes mean a binary file: text editors never write them; 1 % allows a stray one.
MAX_CONTROL_SHARE = 0.01
# UTF-16 without a BOM: NUL bytes in at least this share of odd (or even) positions, and almost
# none in the others.
UTF16_NUL_SHARE = 0.3
# ...or, for text mostly outside ASCII, NULs (from spaces) in at least this share of one side and
# none in the other, and decoding gives at least this share of letters, digits, punctuation, spaces.
UTF16_SPACE_NUL_SHARE = 0.03
UTF16_MIN_LETTER_SHARE = 0.95

_TEXT_CONTROLS = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
# Punctuation, spaces and symbols real text uses outside ASCII: weak evidence (NEUTRAL_CREDIT).
_NEUTRAL_CATEGORIES = {"Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Zs", "Sc", "No", "Cf"}
_NEUTRAL_SYMBOLS = set("°©®™№€•·§")


@dataclass
class Candidate:
    encoding: str
    score: float


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding used)``, the BOM removed and newlines as ``\\n``.

    ``declared`` is a charset the container named (HTTP header, ``<meta charset>``, XML
    declaration); it is preferred unless the text it gives is clearly implausible. Raises
    :class:`NotText` for binary data.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _finish(data[len(bom):].decode(encoding)), encoding
            except UnicodeDecodeError as error:
                raise NotText(f"starts with a {encoding} byte-order mark but is not {encoding}: "
                              f"{error.reason} at byte {error.start + len(bom)}") from None
    reason = binary_reason(data)
    if reason:
        raise NotText(reason)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _finish(data.decode(utf16)), utf16
        except UnicodeDecodeError:
            raise NotText("binary file (not text): contains NUL bytes") from None
    try:
        return _finish(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly = data.decode("utf-8", errors="replace")
    broken = mostly.count("\ufffd")
    valid = sum(1 for ch in mostly if ord(ch) > 127) - broken
    if valid >= UTF8_MIN_VALID_CHARS and broken <= MOSTLY_UTF8_MAX_BAD_SHARE * (valid + broken):
        return _finish(mostly), "utf-8"
    best = _choose(data, normalise_label(declared))
    sample = data[:SAMPLE_BYTES]
    non_ascii = sum(1 for b in sample if b >= 0x80) / max(1, len(sample))
    if best.score < MIN_PLAUSIBILITY and non_ascii >= MIN_NON_ASCII_FOR_BINARY:
        raise NotText("binary file (not text): no encoding gives readable text")
    return _finish(_decode_all(data, best.encoding)), best.encoding


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text (``"binary file (PDF document, not text)"``), or None.
    Data starting with a UTF-16/32 byte-order mark, or shaped like BOM-less UTF-16, is text."""
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None
    for magic, what in MAGIC:
        if data.startswith(magic):
            return f"binary file ({what}, not text)"
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample:
        return None if _utf16_without_bom(sample) else "binary file (not text): contains NUL bytes"
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    if controls > MAX_CONTROL_SHARE * len(sample):
        return "binary file (not text): contains control characters"
    return None


def normalise_label(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when the label is unknown or cannot
    apply (a UTF-16 declaration on bytes without a BOM or NUL pattern)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None
    return LABEL_ALIASES.get(name, name)


def plausibility(text: str) -> float:
    """How much ``text`` looks like correctly decoded writing, from below 0 to 1 (only
    non-ASCII characters are judged: ASCII reads the same in every candidate encoding)."""
    alphabets = _alphabets()
    hits = {code: 0.0 for code in alphabets}
    in_any = 0.0
    unlisted = 0.0
    neutral = 0.0
    judged = 0
    # Judge each distinct character once: a text uses a few dozen, thousands of times.
    for char, count in Counter(c for c in text if c >= "\x80").items():
        category = unicodedata.category(char)
        judged += count
        if category in _NEUTRAL_CATEGORIES or char in _NEUTRAL_SYMBOLS:
            # Currency signs are as sure as letters: news quotes euros more often than any
            # code page puts a rare letter (Serbian ``Ђ`` in cp1251) where cp1252 has ``€``.
            neutral += count * (1.0 if category == "Sc" else NEUTRAL_CREDIT)
            continue
        if not category.startswith(("L", "M")) or _is_compatibility_form(char):
            continue  # control characters, stray symbols, half-width kana: misses
        lower = char.lower()
        credit = count * (UPPER_CASE_CREDIT if char != lower else 1.0)
        known = False
        for code, letters in alphabets.items():
            if lower in letters:
                hits[code] += credit
                known = True
        if known:
            in_any += credit
        elif not _in_listed_script(char):
            unlisted += credit * UNLISTED_LETTER_CREDIT
        # A letter of a listed script (Latin, Cyrillic) in no known alphabet is a miss:
        # ``ð``, ``þ`` are what cp1252 makes of Turkish ``ğ``, ``ş``.
    if judged == 0:
        return 1.0
    # Judge by the best single alphabet, with part credit for letters of other known alphabets
    # (a Spanish text quoting ``Müller``).
    best = max((h + OTHER_ALPHABET_CREDIT * (in_any - h) for h in hits.values()), default=0.0)
    return (best + unlisted + neutral - BAD_WORD_PENALTY * _bad_words(text)) / judged


def _bad_words(text: str) -> int:
    """Words no correct decoding produces: case flipping inside the word, mixed scripts, or
    no vowel at all in a long word of a script whose vowels we know."""
    tokens = Counter(token for token in text.split() if not token.isascii())
    return sum(count for token, count in tokens.items() if _is_bad_word(token))


def _is_bad_word(token: str) -> bool:
    # Letters and combining marks only (``\\w`` would split a word at a stray Arabic mark).
    word = "".join(c for c in token if unicodedata.category(c)[0] in "LM")
    if word.isascii():
        return False
    scripts = {_script(c) for c in word}
    scripts.discard("COMBINING")
    if len(scripts) > 1:
        return True
    if any(left.islower() and right.isupper() and not (left.isascii() and right.isascii())
           for left, right in zip(word, word[1:])):
        return True
    letters = [c for c in word if c.isalpha()]
    vowels = _vowels()
    return (len(letters) >= MIN_LETTERS_FOR_VOWEL_CHECK and all(_in_listed_script(c) for c in letters)
            and not any(c.lower()[0] in vowels for c in letters))


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """A coarse script name from the Unicode character name (LATIN, CYRILLIC, CJK, ...)."""
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "?"


@lru_cache(maxsize=None)
def _alphabets() -> dict[str, frozenset[str]]:
    """Per-language non-ASCII lower-case letters from ``lang/<code>/letters.toml``."""
    return {code: frozenset(data.get("letters", "")) for code, data in lang.load_all("letters").items()}


@lru_cache(maxsize=None)
def _vowels() -> frozenset[str]:
    return frozenset(c for data in lang.load_all("letters").values() for c in data.get("vowels", ""))


@lru_cache(maxsize=None)
def _listed_scripts() -> frozenset[str]:
    return frozenset(_script(c) for letters in _alphabets().values() for c in letters)


def _in_listed_script(char: str) -> bool:
    return _script(char) in _listed_scripts()


def _is_compatibility_form(char: str) -> bool:
    # Half-width katakana and private-use characters: what Shift-JIS makes of Cyrillic bytes.
    return 0xFF61 <= ord(char) <= 0xFF9F or unicodedata.category(char) == "Co"


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:SAMPLE_BYTES - SAMPLE_BYTES % 2]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nuls >= UTF16_NUL_SHARE and even_nuls < UTF16_NUL_SHARE / 10:
        return "utf-16-le"
    if even_nuls >= UTF16_NUL_SHARE and odd_nuls < UTF16_NUL_SHARE / 10:
        return "utf-16-be"
    # Mostly non-ASCII text (Russian): NULs only from spaces, digits and punctuation, so fewer,
    # but still all on one side; trust it when that order decodes to letters and spaces.
    for encoding, nuls, other in (("utf-16-le", odd_nuls, even), ("utf-16-be", even_nuls, odd)):
        if nuls >= UTF16_SPACE_NUL_SHARE and other.count(0) == 0 and _reads_as_letters(sample, encoding):
            return encoding
    return None


def _reads_as_letters(sample: bytes, encoding: str) -> bool:
    text = _decode_sample(sample, encoding, whole=False)  # may end inside a surrogate pair
    if not text:
        return False
    good = 0
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cn", "Cs", "Co") or (category == "Cc" and char not in "\t\n\r"):
            return False
        good += category[0] in "LMNPZ" or char in "\t\n\r"
    return good / len(text) >= UTF16_MIN_LETTER_SHARE


def _choose(data: bytes, declared: str | None) -> Candidate:
    sample = data[:SAMPLE_BYTES]
    whole = len(sample) == len(data)
    names: list[str] = [declared] if declared else []
    names.extend(LEGACY_CANDIDATES)
    names.extend(RARE_CANDIDATES)
    names.extend(_detector_guesses(sample[:DETECTOR_SAMPLE_BYTES]))
    common = {codecs.lookup(n).name for n in (*LEGACY_CANDIDATES, *([declared] if declared else []))}
    candidates: list[Candidate] = []
    seen: set[str] = set()
    for name in names:
        try:
            name = codecs.lookup(name).name
        except LookupError:
            continue
        if name in seen or name.startswith("utf"):
            continue
        seen.add(name)
        text = _decode_sample(sample, name, whole=whole)
        if text is not None:
            penalty = 0.0 if name in common else RARE_ENCODING_PENALTY
            candidates.append(Candidate(name, plausibility(text) - penalty))
    if not candidates:
        return Candidate("cp1252", -1.0)  # unreachable in practice: iso8859-5 decodes every byte
    best = max(candidates, key=lambda c: c.score)  # max keeps the first of equal scores
    first = candidates[0]
    if declared and first.encoding == codecs.lookup(declared).name and first.score >= best.score - DECLARED_MARGIN:
        return first
    return best


def _detector_guesses(sample: bytes) -> list[str]:
    from charset_normalizer import from_bytes

    try:
        return [match.encoding for match in from_bytes(sample)][:3]
    except Exception:  # noqa: BLE001 - a detector failure only removes candidates
        return []


def _decode_sample(sample: bytes, encoding: str, *, whole: bool) -> str | None:
    """Strictly decode the sample; a multi-byte character cut at the sample's end is fine."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        return decoder.decode(sample, final=whole)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_all(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        # Chosen on the sample, but a stray byte later on must not lose the whole article.
        return data.decode(encoding, errors="replace")


def _finish(text: str) -> str:
    """Newlines as ``\\n`` and no BOM character: every later step can rely on both."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")
