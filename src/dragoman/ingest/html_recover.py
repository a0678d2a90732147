"""Article text the main-text extractor left out: the lead and later chunks of the body.

* The lead paragraph is often marked up as ``<p class="teaser|lead|intro">`` in bold, which
  extractors take for a related-article teaser. It carries the dateline and the agency
  ("Moskau (dpa) – ..."), so it is put back: sentence-like paragraphs just before the first
  extracted one, in the same container, after the headline.
* Some sites cut the article body into chunks (``<div class="body__container">`` repeated
  between ad slots and inline media); the extractor then keeps the first chunk only. The
  paragraphs of look-alike containers (same tag, same class) that follow the article's start
  are added in document order.
"""
from __future__ import annotations

import re
from collections import Counter

from dragoman.lang.sentences import ends_sentence

_WORD = re.compile(r"\w+")

# Paragraphs shorter than this are not used to locate the article's container (too generic).
ANCHOR_MIN_WORDS = 8
# How far up from the article's container its look-alikes may sit (chunks are usually
# siblings, sometimes wrapped one or two levels deeper in a grid).
MAX_LEVELS_UP = 3
# A look-alike container is article text only with at least this many words of paragraphs...
CHUNK_MIN_WORDS = 25
# ... and with at most this share of its paragraph text inside links (teasers are links).
CHUNK_MAX_LINK_SHARE = 0.3
# Paragraph-like elements taken from a look-alike container.
_PARAGRAPH_TAGS = ("p", "h2", "h3", "h4", "blockquote")
# A lead paragraph is a sentence of at least this many words (bylines, datelines and kickers
# are shorter or do not end like a sentence) ...
LEAD_MIN_WORDS = 12
# ... with at most this share of its text in links, and at most this many of them are put back.
LEAD_MAX_LINK_SHARE = 0.2
LEAD_MAX_PARAGRAPHS = 2
# Elements a lead may be: paragraphs and the bare divs some templates use for them.
_LEAD_TAGS = ("p", "div")
# The headline or any section heading ends the search for a lead.
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "header", "figure", "ul", "ol", "table")
# A div holding any of these is a container, not a paragraph.
_BLOCKS = ("p", "div", "article", "section", "ul", "ol", "table")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _link_share(element) -> float:
    total = len(_text(element))
    if not total:
        return 1.0
    return sum(len(_text(a)) for a in element.iter("a")) / total


def add_sibling_chunks(tree, text: str) -> str:
    """``text`` with the paragraphs of look-alike sibling containers added in place."""
    lines = text.split("\n")
    anchors = {_key(line): i for i, line in enumerate(lines)
               if len(_WORD.findall(line)) >= ANCHOR_MIN_WORDS}
    if not anchors:
        return text
    order = {element: i for i, element in enumerate(tree.iter())}
    matched = [p for p in tree.iter("p") if _key(_text(p)) in anchors]
    if not matched:
        return text
    container = Counter(p.getparent() for p in matched).most_common(1)[0][0]
    css = (container.get("class") or "").strip() if container is not None else ""
    if not css:
        return text
    scope = container
    for _ in range(MAX_LEVELS_UP):
        if scope.getparent() is not None:
            scope = scope.getparent()
    known = set(anchors)
    additions: list[tuple[int, list[str]]] = []  # (line index to insert after, paragraphs)
    for other in scope.iter(container.tag):
        if other is container or (other.get("class") or "").strip() != css:
            continue
        if other in container.iterancestors() or container in other.iterancestors():
            continue
        paragraphs = [el for el in other.iter(*_PARAGRAPH_TAGS)
                      if _text(el) and _key(_text(el)) not in known]
        if any(_key(_text(p)) in known for p in other.iter("p")):
            continue  # already (partly) extracted
        words = sum(len(_WORD.findall(_text(p))) for p in paragraphs)
        if words < CHUNK_MIN_WORDS or _link_share(other) > CHUNK_MAX_LINK_SHARE:
            continue
        position = order[other]
        before = [anchors[_key(_text(p))] for p in matched if order[p] < position]
        if not before:
            continue  # a box ahead of the article (summary, quote) is not its continuation
        after_line = max(before)
        additions.append((after_line, [_text(p) for p in paragraphs]))
        known.update(_key(_text(p)) for p in paragraphs)
    if not additions:
        return text
    # Insert from the end so earlier indices stay valid; chunks after the same line keep
    # their document order.
    for _, (after_line, paragraphs) in sorted(enumerate(additions),
                                              key=lambda a: (a[1][0], a[0]), reverse=True):
        lines[after_line + 1:after_line + 1] = paragraphs
    return "\n".join(lines)


def add_lead(tree, text: str) -> str:
    """``text`` with the lead paragraphs the extractor dropped put back in front."""
    lines = text.split("\n")
    paragraphs: dict[str, object] = {}
    for p in tree.iter("p"):
        paragraphs.setdefault(_key(_text(p)), p)
    # The first extracted line that is a paragraph of the page (not the headline).
    first, start = next(((line, paragraphs[_key(line)]) for line in lines
                         if len(_WORD.findall(line)) >= ANCHOR_MIN_WORDS
                         and _key(line) in paragraphs), (None, None))
    if start is None:
        return text
    known = " ".join(_key(line) for line in lines)
    leads: list[str] = []
    for sibling in start.itersiblings(preceding=True):
        if not isinstance(sibling.tag, str):
            continue  # comments, processing instructions
        if sibling.tag in _HEADINGS or len(leads) == LEAD_MAX_PARAGRAPHS:
            break
        content = _text(sibling)
        words = _key(content).split()
        if (sibling.tag not in _LEAD_TAGS or len(words) < LEAD_MIN_WORDS
                or not ends_sentence(content)
                or _link_share(sibling) > LEAD_MAX_LINK_SHARE):
            continue  # bylines, dates, share bars sit between headline and lead
        if " ".join(words[:LEAD_MIN_WORDS]) in known:
            continue  # an excerpt of the text already there
        if sibling.tag == "div" and next(sibling.iterdescendants(*_BLOCKS), None) is not None:
            continue  # a container, not a paragraph
        leads.append(content)
    if not leads:
        return text
    index = lines.index(first)
    lines[index:index] = reversed(leads)
    return "\n".join(lines)
