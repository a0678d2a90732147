"""Untrusted text made safe for a terminal: no Rich markup, no control characters.

Titles, names, file paths and reasons come from the inputs. On output (never in the store)
control characters become visible escapes such as ``\\x1b``, so no CSI/OSC sequence, bidi
override or zero-width character reaches the terminal, and Rich markup is escaped.
"""
from __future__ import annotations

import re

from rich.markup import escape

# C0 (except tab and newline), DEL, C1, bidi marks/embeddings/overrides/isolates, zero-width
# chars. Not U+200C/U+200D (ZWNJ, ZWJ): Persian and Indic words are spelled with them.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` as plain characters: every control character replaced by a visible escape."""
    return _CONTROL.sub(_visible, "" if text is None else str(text))


def markup_safe(text: object) -> str:
    """:func:`printable`, then escaped so Rich prints it literally inside markup."""
    return escape(printable(text))
