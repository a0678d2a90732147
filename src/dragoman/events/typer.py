"""Type one sentence on its own: triggers propose, the example bank decides.

Used where there is no article around the sentence (``bench/plover.py``, interactive checks;
:func:`type_sentences` types many in one embedding call):
every trigger type the sentence matches is scored by the bank and the best one wins (strong
triggers before weak ones); a statement verb only wins when nothing else matched ("X said they agreed" is an agreement);
with no trigger, the bank's nearest examples decide, and may say ``none``.
"""
from __future__ import annotations

from collections.abc import Sequence

from .candidates import WEAK_MARGIN, find_candidates
from .embed import NONE, ExampleBank, TypeGuess
from .lexicon import Lexicon, lexicon


def type_sentence(text: str, code: str | None, bank: ExampleBank) -> str:
    """The event type of ``text`` (one of the event types, or ``none``)."""
    return type_sentences([text], code, bank)[0]


def type_sentences(texts: Sequence[str], code: str | None, bank: ExampleBank) -> list[str]:
    """The event type of each of ``texts``, all embedded in one call to the bank."""
    lex = lexicon(code)
    return [_decide(text, guess, lex) for text, guess in zip(texts, bank.guess(texts))]


def _decide(text: str, guess: TypeGuess, lex: Lexicon) -> str:
    kinds: dict[str, bool] = {}
    for c in find_candidates(text, lex):
        kinds[c.type] = kinds.get(c.type, True) and c.weak
    confirmed = [k for k, weak in kinds.items()
                 if not weak or (guess.scores.get(k, 0.0) >= guess.scores.get(NONE, 0.0)
                                 and guess.scores.get(k, 0.0) >= guess.score - WEAK_MARGIN)]
    if len(confirmed) > 1 and "statement" in confirmed:
        confirmed.remove("statement")
    # A strong trigger outranks weak ones ("reached a consensus" over "the meeting's chairman").
    strong = [k for k in confirmed if not kinds[k]]
    confirmed = strong or confirmed
    if confirmed:
        return max(confirmed, key=lambda k: guess.scores.get(k, 0.0))
    return guess.type
