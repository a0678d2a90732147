"""Calendar days in any supported language, for publication dates and page furniture.

The grammar itself is :mod:`dragoman.lang.dates`, the one date grammar event dates use too;
this module only keeps the import path the clean stage uses (``describe.dates.grammar``).
"""
from __future__ import annotations

from ..lang.dates import DateGrammar, grammar

__all__ = ["DateGrammar", "grammar"]
