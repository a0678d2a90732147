"""The entity a typed query names, once it is reduced the way recognition reduces text.

``KnowledgeBase.lookup`` takes a whole query for a name (with its case endings stripped). A
query may also carry what recognition sets aside around a name: a title written onto it
(習近平国家主席, President Erdoğan) from ``lang/<code>/titles.toml``, or a suffix after an
apostrophe (Erdoğan'ın), which tokenisation splits off as it does in articles (Astana'da).
:func:`entity_named` runs the knowledge-base matcher of recognition over the query in each
language and accepts a name when every other token of the query is one of those.
"""
from __future__ import annotations

from functools import lru_cache

from .. import lang as langdata
from ..kb.model import Entity, KnowledgeBase
from ..kb.normalize import name_key
from .gazetteer import Match, Token, find_names, resolve_overlaps, tokenise

# What glues a suffix onto the name before it (Erdoğan'ın, Kazakhstan's).
_SUFFIX_GLUE = ("'", "’")


def entity_named(kb: KnowledgeBase, query: str) -> Entity | None:
    """The entity ``query`` names with titles and apostrophe suffixes set aside, or ``None``.

    The longest name wins; languages are tried in order and the first that reduces the whole
    query answers."""
    text = query.strip()
    if not text:
        return None
    for code in langdata.languages():
        toks = tokenise(text, code)
        matches = sorted(resolve_overlaps(find_names(kb, text, toks)),
                         key=lambda m: -(m.end - m.start))
        for match in matches:
            if match.first_token >= 0 and _rest_reduces(text, toks, match, code):
                return kb.entity(match.owners[0])
    return None


def _rest_reduces(text: str, toks: list[Token], match: Match, code: str) -> bool:
    """Whether the tokens of ``toks`` outside ``match`` are titles or glued suffixes."""
    first, last = match.first_token, match.first_token + match.n_tokens
    before = [t.bases[0] for t in toks[:first]]
    after = toks[last:]
    # A suffix glued to the name by an apostrophe, as tokenisation splits it in articles.
    if after and text[toks[last - 1].end:after[0].start] in _SUFFIX_GLUE:
        after = after[1:]
    return _titles_only(tuple(before), code) and _titles_only(tuple(t.bases[0] for t in after), code)


def _titles_only(words: tuple[str, ...], code: str) -> bool:
    """``words`` (folded) split wholly into titles of language ``code`` (none is fine)."""
    if not words:
        return True
    return any(words[:len(title)] == title and _titles_only(words[len(title):], code)
               for title in _titles(code))


@lru_cache(maxsize=None)
def _titles(code: str) -> tuple[tuple[str, ...], ...]:
    data = langdata.load(code, "titles")
    titles = {name_key(title) for title in data.get("before", []) + data.get("after", [])}
    return tuple(sorted((t for t in titles if t), key=len, reverse=True))
