"""Main text and metadata of one HTML news page.

trafilatura finds the main text (in its precision mode, which keeps less site furniture; the
balanced mode is the fallback when precision keeps nothing useful). What it wrongly left out,
a lead paragraph styled as a teaser or later chunks of a body cut into several containers, is
put back by :mod:`dragoman.ingest.html_recover`. Furniture that survives inside the article
block ("Read more: ...", link boxes, newsletter prompts, a trailing "Tags" section) is taken
off by :mod:`dragoman.ingest.html_furniture`, and the headline is dropped from the start of
the text since it is returned as ``title``.

On the article-extraction benchmark (``bench/extraction.py``, 181 pages) this scores F1 0.978
(precision 0.973, recall 0.983) against 0.958 for the shipped trafilatura output.

Metadata comes from the page's own markup (JSON-LD, ``<meta>``, ``<time>``, ``<html lang>``),
read by trafilatura and htmldate. A page without a date gets ``published=None``: htmldate runs
without its opportunistic text search, so it never guesses from a copyright line, a calendar
widget or the crawl date.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime

import trafilatura
from trafilatura.utils import load_html

from dragoman.doc import Removed
from dragoman.ingest.html_furniture import strip_furniture
from dragoman.ingest.html_recover import add_lead, add_sibling_chunks

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# htmldate: the original (publication) date, from markup only; no upper bound at "today", so the
# result never depends on when the page is read.
DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2100-12-31"}
# Below this many words the precision extraction found no article (a reprint notice, a photo
# caption) and the balanced extraction is tried.
MIN_ARTICLE_WORDS = 25
# A first line that starts like the title (one a word prefix of the other, at least this many
# words) is the headline repeated: the title field already carries it ...
TITLE_PREFIX_MIN_WORDS = 4
# ... unless the line runs this many words past the title: then it is the article itself
# glued to its headline (table layouts), not a headline line.
HEADLINE_MAX_EXTRA_WORDS = 4
# The headline is looked for in the first lines, past short kicker lines only.
HEADLINE_SEARCH_LINES = 3
KICKER_MAX_WORDS = 6

_WORD = re.compile(r"\w+")
_LANG_CODE = re.compile(r"^[a-z]{2}$")


@dataclass
class HtmlExtract:
    """What one HTML page yields: main text plus the metadata the page declares."""

    text: str  # main text, paragraphs separated by "\n"
    title: str | None
    published: str | None  # ISO 8601 date or date-time from the page's metadata, never today's
    author: str | None
    source: str | None  # site name / publisher
    lang: str | None  # declared language (html lang / og:locale), ISO 639-1
    removed: list[Removed] = field(default_factory=list)  # furniture taken off the text, with why


def _declared_lang(tree) -> str | None:
    """ISO 639-1 code from ``<html lang>``, ``og:locale`` or ``content-language``."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath('//meta[@property="og:locale" or @name="og:locale"]/@content')
    candidates += tree.xpath('//meta[translate(@http-equiv, "CONTENTLAG", "contentlag")'
                             '="content-language"]/@content')
    candidates += tree.xpath('//meta[@name="language" or @name="lang"]/@content')
    for value in candidates:
        code = (value or "").strip().replace("_", "-").split("-")[0].lower()
        if _LANG_CODE.match(code):
            return code
    return None


# Where pages state the publication time in full; htmldate gives the day only.
_DATE_XPATHS = (
    '//meta[@property="article:published_time" or @name="article:published_time"'
    ' or @property="og:published_time" or @itemprop="datePublished"'
    ' or @name="pubdate" or @name="publishdate" or @name="date"]/@content',
    '//*[@itemprop="datePublished"]/@datetime',
    '//time/@datetime',
)


def _json_ld_dates(tree) -> list[str]:
    found = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                value = item.get("datePublished")
                if isinstance(value, str):
                    found.append(value)
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                stack.extend(item)
    return found


def _precise_date(tree, day: str | None) -> str | None:
    """The page's full publication date-time when it agrees with htmldate's ``day``."""
    if not day:
        return None
    candidates = _json_ld_dates(tree)
    for xpath in _DATE_XPATHS:
        candidates += tree.xpath(xpath)
    for value in candidates:
        value = value.strip()
        if not value.startswith(day) or len(value) <= len(day):
            continue
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            continue
        return parsed.isoformat()
    return day


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _is_headline(line: str, title: str | None) -> bool:
    """Whether ``line`` repeats the page title (possibly without its " | Site" tail)."""
    if not title:
        return False
    line_words, title_words = _words(line), _words(title)
    if not line_words:
        return False
    if line_words == title_words:
        return True
    if len(line_words) > len(title_words) + HEADLINE_MAX_EXTRA_WORDS:
        return False
    shorter, longer = sorted((line_words, title_words), key=len)
    return len(shorter) >= TITLE_PREFIX_MIN_WORDS and longer[:len(shorter)] == shorter


def _main_text(tree, extracted: str | None, title: str | None) -> tuple[str, list[Removed]]:
    """The extractor's text with what it missed put back and furniture and headline taken off;
    also the removed lines, each with its reason."""
    text = add_lead(tree, add_sibling_chunks(tree, extracted or ""))
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if _WORD.search(line)]  # drop rules and table borders
    removed = []
    # The headline comes first, or after a kicker or section label ("International · Asia").
    for index, line in enumerate(lines[:HEADLINE_SEARCH_LINES]):
        if _is_headline(line, title):
            removed.append(Removed("headline", line))
            del lines[index]
            break
        if len(_WORD.findall(line)) > KICKER_MAX_WORDS:
            break
    kept, furniture = strip_furniture("\n".join(lines))
    return kept, removed + furniture


def _trafilatura(tree, url: str | None, *, precision: bool, metadata: bool):
    return trafilatura.bare_extraction(
        tree, url=url, with_metadata=metadata, include_comments=False, include_tables=True,
        favor_precision=precision, date_extraction_params=dict(DATE_PARAMS))


# libxml2 stops building the tree at this depth (its default limit) and drops what lies deeper,
# so a page nested deeper lost its article ("no main text found"); such pages are parsed again
# with the limit lifted (huge_tree).
LIBXML_DEPTH_LIMIT = 250


def _load(html: str):
    tree = load_html(html)
    if tree is None or html.count("<") < LIBXML_DEPTH_LIMIT or not _too_deep(tree):
        return tree
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(html, parser=lxml_html.HTMLParser(huge_tree=True))
    except Exception:  # lxml raises several types on malformed input; keep the first tree
        return tree


def _too_deep(tree) -> bool:
    stack = [(tree, 0)]
    while stack:
        element, depth = stack.pop()
        if depth >= LIBXML_DEPTH_LIMIT:
            return True
        stack.extend((child, depth + 1) for child in element)
    return False


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text and metadata of ``html`` (``url`` helps date and site-name detection)."""
    tree = _load(html) if html and html.strip() else None
    if tree is None:
        return HtmlExtract("", None, None, None, None, None)
    lang = _declared_lang(tree)
    doc = _trafilatura(tree, url, precision=True, metadata=True)
    if doc is None:  # nothing extractable; metadata alone is still worth having
        meta = trafilatura.extract_metadata(tree, url, dict(DATE_PARAMS))
        return HtmlExtract("", meta.title or None, _precise_date(tree, meta.date),
                           meta.author or None, meta.sitename or None, lang)
    title = doc.title or None
    text, removed = _main_text(tree, doc.text, title)
    if len(_words(text)) < MIN_ARTICLE_WORDS:
        balanced = _trafilatura(tree, url, precision=False, metadata=False)
        if balanced is not None:
            other, other_removed = _main_text(tree, balanced.text, title)
            if len(_words(other)) > len(_words(text)):
                text, removed = other, other_removed
    return HtmlExtract(text=text, title=title, published=_precise_date(tree, doc.date),
                       author=doc.author or None, source=doc.sitename or None, lang=lang,
                       removed=removed)
