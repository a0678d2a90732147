"""Separate an article's text from site furniture, line by line.

Three places hold furniture: the *head* (site names, section labels and breadcrumbs, scraper
metadata, ``Section :: date ::`` headers, dates and bylines on lines of their own; the headline
is the first line below them that reads like one), the *body* (captions, disclaimers, lone list
bullets, "Read also" links) and the *tail* (a footer that starts with "Share this article", and
link lists of related articles with relative dates). Phrases and patterns are data
(:mod:`dragoman.clean.patterns`); this module holds the structure: where each kind may occur and
how long its lines may be.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..describe.agencies import canonical_agency
from ..describe.author import BYLINE_MAX_CHARS, byline_in_line
from ..describe.dates import grammar
from ..doc import Removed
from ..kb.normalize import fold
from ..lang.sentences import ends_sentence, several_sentences, rules as sentence_rules
from .patterns import FurniturePatterns, furniture_patterns

# Longest line that can be a headline; a longer first line is body text and the title stays unknown.
TITLE_MAX_CHARS = 250
# A section label above the headline: at most this many words and characters, no final punctuation.
SECTION_MAX_WORDS = 3
SECTION_MAX_CHARS = 40
# Header, label and date lines are short; longer lines are prose that mentions a date.
HEADER_MAX_CHARS = 100
DATE_LINE_MAX_CHARS = 60
# Words besides the date (and weekday names) a date-only line may carry ("Updated", "Friday").
DATE_LINE_MAX_EXTRA_WORDS = 2
# "Advertisement" and its kin are removed wherever they stand alone (with at most this many words).
AD_LABEL_MAX_WORDS = 3
# A short line ending in a comma at the top is a cut-off list of section labels.
DANGLING_LABEL_MAX_WORDS = 4
CAPTION_MAX_CHARS = 200
# Non-blank lines examined before the headline, and after it for bylines and dates.
HEAD_SCAN_LINES = 6
AFTER_TITLE_SCAN_LINES = 4
# A label line ("Politics", "World | Central Asia", a site name) is header when a headline-like
# line comes within this many non-blank lines below it, with only furniture (dates,
# breadcrumbs, bylines, other labels) in between.
HEADLINE_LOOKAHEAD_LINES = 4
# A label with separators ("World | Central Asia") has at most this many parts.
LABEL_MAX_PARTS = 4
# A headline-like line: this many words at least and at most, not ending with a full stop
# (news headlines do not; the paragraph under a short headline does) and one sentence only.
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 30
# A site name ("Steppe Herald") names an outlet with at least this many words; a single word
# only counts when it is a known agency or publisher ("Ақорда", "Reuters").
SITE_NAME_MIN_WORDS = 2
# A footer marker line is short ("Share this article:"); longer lines are sentences that start alike.
FOOTER_LINE_MAX_CHARS = 60
RELATED_LINE_MAX_CHARS = 160
# A footer marker with this many story paragraphs below it is a heading inside the text, not
# the start of the footer; a story paragraph is a line of at least PROSE_LINE_MIN_CHARS.
FOOTER_MAX_PROSE_BELOW = 3
PROSE_LINE_MIN_CHARS = 80
# Body lines that must precede a footer marker, so a marker is never mistaken at the very top.
MIN_BODY_LINES_BEFORE_FOOTER = 1
# A link-list line: short and not ending like a sentence.
LINK_LINE_MAX_CHARS = 120
# A trailing run of link-like lines is a link list when it shows related-article cues: a
# relative date ("4 days ago") or at least this many lone bullet lines. Short lines alone are
# no cue: tour dates, lists of teams or of signed documents end real articles too.
LINK_LIST_MIN_BULLETS = 2
# Bylines at the end of the text are looked for in this many last lines.
BYLINE_TAIL_LINES = 2

_SEPARATOR_START = tuple(":：-–—»>|")
# Reasons some head lines are removed with; describe reads them from ``removed``: the site name
# can name the source, and an update timestamp gives the year a yearless dateline lacks.
SITE_NAME_REASON = "site name"
UPDATED_REASON = "updated"


@dataclass
class Cleaned:
    """The outcome of cleaning one text."""

    text: str
    title: str | None = None
    section: str | None = None
    site: str | None = None  # the site name line at the top ("Steppe Herald")
    removed: list[Removed] = field(default_factory=list)
    header_lines: list[str] = field(default_factory=list)  # metadata, header, date and byline lines


def _normalise(raw: str) -> list[str]:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    return [line.rstrip() for line in text.split("\n")]


def _comparable(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


def _phrase_line(line: str, phrases: tuple[str, ...], max_chars: int) -> bool:
    """``line`` opens with one of ``phrases`` and is a label, not a sentence that starts alike."""
    stripped = line.strip()
    lower = stripped.lower()
    for phrase in phrases:
        if not lower.startswith(phrase):
            continue
        rest = stripped[len(phrase):]
        if rest[:1].isalnum() and phrase[-1:].isalnum():
            continue  # "Shared" is not "Share"
        rest = rest.strip()
        if not rest or rest.startswith(_SEPARATOR_START) or phrase.endswith(":") or re.fullmatch(r"[\W\d]*", rest):
            return True
        return len(stripped) <= max_chars and not ends_sentence(stripped)
    return False


class FurnitureRemover:
    """Cleans texts with the merged furniture patterns of every language."""

    def __init__(self, patterns: FurniturePatterns | None = None):
        self.p = patterns or furniture_patterns()
        self.dates = grammar()

    # ---- single-line tests -------------------------------------------------------------
    def _has_date_line(self, text: str, extra_words: int = DATE_LINE_MAX_EXTRA_WORDS) -> bool:
        return bool(text.strip()) and self.dates.is_date_line(text, extra_words) is not None

    def metadata_prefix(self, line: str) -> tuple[str, str] | None:
        """``(metadata, remainder)`` when ``line`` opens with scraper metadata."""
        for pattern in self.p.metadata:
            match = pattern.match(line)
            if match:
                return line[:match.end()].strip(), line[match.end():].strip()
        return None

    def header(self, line: str) -> str | None:
        """The section named by a ``Section :: date ::`` header line ('' if none), else ``None``."""
        if len(line.strip()) > HEADER_MAX_CHARS:
            return None
        for pattern in self.p.header:
            match = pattern.match(line)
            if match and self._has_date_line(match["date"]):
                section = (match.groupdict().get("section") or "").strip()
                if not self._has_date_line(section, 0):
                    return section
        return None

    def head_kind(self, line: str) -> str | None:
        """Why a head line (around the headline) is furniture, or ``None`` if it is not."""
        stripped = line.strip()
        published = self.p.published_label.match(stripped)
        if published and len(stripped) <= HEADER_MAX_CHARS and self._has_date_line(published["rest"]):
            return "published"
        updated = self.p.updated_label.match(stripped)
        if updated and len(stripped) <= HEADER_MAX_CHARS and self._has_date_line(updated["rest"]):
            return UPDATED_REASON
        if len(stripped) <= DATE_LINE_MAX_CHARS and self._has_date_line(stripped):
            return "date"
        if not any(c.isalpha() for c in stripped):
            return "counter"  # view and comment counts, a lone separator: never a headline
        if stripped.endswith((",", "،", "、")) and len(stripped.split()) <= DANGLING_LABEL_MAX_WORDS:
            return "section label"  # "Politics ," a label list cut off: a headline never ends so
        if self.p.breadcrumb.match(stripped):
            return "breadcrumb"
        if len(stripped) <= BYLINE_MAX_CHARS and byline_in_line(stripped):
            return "byline"
        return self.body_kind(stripped)

    def body_kind(self, line: str) -> str | None:
        """Why a line anywhere in the text is furniture, or ``None``."""
        stripped = line.strip()
        if self.p.bullet.match(stripped):
            return "bullet"
        if stripped.lower().rstrip(" .:|›»>") in self.p.navigation:
            return "navigation"
        if len(stripped) <= CAPTION_MAX_CHARS and self.p.caption.search(stripped):
            return "caption"
        if self.p.disclaimer.search(stripped):
            return "disclaimer"
        if self.link_like(stripped) and self.p.relative_date.search(stripped):
            return "relative date"  # "Business4 days ago"; a sentence saying "2 days ago" stays
        if _phrase_line(stripped, self.p.ad_label, len(stripped)) and len(stripped.split()) <= AD_LABEL_MAX_WORDS:
            return "advertisement"
        return None

    def is_footer_start(self, line: str) -> bool:
        return _phrase_line(line, self.p.footer_start, FOOTER_LINE_MAX_CHARS)

    def is_related(self, line: str) -> bool:
        return _phrase_line(line, self.p.related, RELATED_LINE_MAX_CHARS)

    @staticmethod
    def link_like(line: str) -> bool:
        stripped = line.strip()
        return bool(stripped) and len(stripped) <= LINK_LINE_MAX_CHARS and not ends_sentence(stripped)

    def section_label(self, line: str) -> bool:
        stripped = line.strip()
        return (0 < len(stripped) <= SECTION_MAX_CHARS and len(stripped.split()) <= SECTION_MAX_WORDS
                and not stripped.endswith(tuple(".!?:;,")) and not any(ch.isdigit() for ch in stripped))

    def label_like(self, line: str) -> bool:
        """A section label, site name or separated label ("World | Central Asia", "Новости / В мире")."""
        stripped = line.strip()
        if self.section_label(stripped):
            return True
        parts = self.p.label_separator.split(stripped)
        return 1 < len(parts) <= LABEL_MAX_PARTS and all(self.section_label(part) for part in parts)

    def site_part(self, line: str) -> str | None:
        """The site name a top label line opens with: the whole line ("Steppe Herald") or its
        first part ("Вестник Евразии | Политика"), or ``None`` when it names no outlet."""
        parts = self.p.label_separator.split(line.strip())
        return parts[0].strip() if self.site_name(parts[0]) else None

    def site_name(self, line: str) -> bool:
        """A label line that names the outlet: a known agency or publisher, or outlet-like words.

        A section label is not a site name: a line holding a section word ("World News") is not one.
        """
        stripped = line.strip()
        if not self.section_label(stripped):
            return False
        if canonical_agency(stripped):
            return True
        words = {w.casefold() for w in re.findall(r"[^\W\d_]+", stripped)}
        return (len(stripped.split()) >= SITE_NAME_MIN_WORDS and bool(words & self.p.outlet_words)
                and not words & self.p.section_words)

    def _head_furniture(self, line: str) -> bool:
        """A head line that is furniture on its own: metadata, site header, date, breadcrumb, byline."""
        meta = self.metadata_prefix(line)
        return bool((meta and not meta[1]) or self.header(line) is not None or self.head_kind(line))

    def headline_like(self, line: str) -> bool:
        """A line that reads like a headline rather than a label, a date or a paragraph."""
        stripped = line.strip()
        words = len(stripped.split())
        if len(self.p.label_separator.split(stripped)) > 1 and self.label_like(stripped):
            return False  # "Новости / В мире" is a label, whatever its word count
        return (HEADLINE_MIN_WORDS <= words <= HEADLINE_MAX_WORDS and len(stripped) <= TITLE_MAX_CHARS
                and not stripped.rstrip(sentence_rules().closing).endswith((".", "…"))
                and not several_sentences(stripped) and not self._head_furniture(stripped))

    def label_above_headline(self, lines: list[str], index: int, hint: str = "") -> bool:
        """``lines[index]`` is a label (section or site name) over the headline, so it is header.

        A short line is only a label when a headline-like line, longer than it and with text
        below it, follows within HEADLINE_LOOKAHEAD_LINES lines, past furniture only. A short
        headline over its first paragraph ("Talks in Tashkent", then a sentence) stays the title.
        """
        line = lines[index].strip()
        if not self.label_like(line) or (hint and _comparable(line) == hint):
            return False
        position = index + 1
        for _ in range(HEADLINE_LOOKAHEAD_LINES):
            following = _next_content(lines, position)
            if following is None:
                return False
            candidate = lines[following]
            if hint and _comparable(candidate) == hint:
                return True
            if self._head_furniture(candidate) or (self.label_like(candidate) and not self.headline_like(candidate)):
                position = following + 1
                continue
            return (self.headline_like(candidate) and len(candidate.strip()) > len(line)
                    and _next_content(lines, following + 1) is not None)
        return False

    # ---- the whole text ------------------------------------------------------------------
    def clean(self, raw: str, hint_title: str | None = None) -> Cleaned:
        lines = _normalise(raw)
        out = Cleaned(text="")

        def drop(reason: str, line: str) -> None:
            out.removed.append(Removed(reason, line.strip()))

        position = self._clean_head(lines, out, drop, hint_title)
        body = lines[position:]
        body = self._after_title(body, out, drop)
        body = self._cut_footer(body, drop)
        body = self._drop_body_furniture(body, drop)
        body = self._cut_link_list(body, drop)
        body = self._tail_bylines(body, out, drop)
        out.text = _join(body)
        return out

    def _clean_head(self, lines: list[str], out: Cleaned, drop, hint_title: str | None) -> int:
        """Remove furniture above the headline and take the headline; return where the body starts."""
        hint = _comparable(hint_title) if hint_title else ""
        seen = 0
        i = 0
        while i < len(lines) and seen < HEAD_SCAN_LINES:
            line = lines[i]
            if not line.strip():
                i += 1
                continue
            seen += 1
            meta = self.metadata_prefix(line)
            if meta:
                out.header_lines.append(meta[0])
                drop("metadata", meta[0])
                if meta[1]:
                    lines[i] = meta[1]  # the headline glued after the metadata
                else:
                    i += 1
                continue
            section = self.header(line)
            if section is not None:
                out.header_lines.append(line.strip())
                out.section = out.section or section or None
                drop("header", line)
                i += 1
                continue
            if self._take_head_line(line, out, drop):
                i += 1
                continue
            if self.label_above_headline(lines, i, hint):
                # The first line may be the site's name; later labels are sections.
                site = self.site_part(line) if seen == 1 else None
                if site:
                    out.site = site
                    drop(SITE_NAME_REASON, site)
                    parts = self.p.label_separator.split(line.strip(), maxsplit=1)
                    if len(parts) > 1:  # "Steppe Herald | Politics": the section after the site name
                        out.section = out.section or parts[1].strip()
                        drop("section label", parts[1])
                else:
                    out.section = out.section or line.strip()
                    drop("section label", line)
                i += 1
                continue
            break
        if i >= len(lines):
            out.title = hint_title
            return i
        first = lines[i].strip()
        has_more = _next_content(lines, i + 1) is not None
        if hint_title:
            out.title = hint_title.strip()
            if hint and (_comparable(first) == hint or (hint.startswith(_comparable(first)) and len(first) > 20)):
                return i + 1
            return i
        if len(first) <= TITLE_MAX_CHARS and has_more:
            out.title = first
            return i + 1
        return i

    def _after_title(self, body: list[str], out: Cleaned, drop) -> list[str]:
        """Bylines, dates and metadata between the headline and the first paragraph."""
        kept: list[str] = []
        seen = 0
        for index, line in enumerate(body):
            if not line.strip():
                kept.append(line)
                continue
            seen += 1
            if seen > AFTER_TITLE_SCAN_LINES:
                return kept + body[index:]
            meta = self.metadata_prefix(line)
            if meta and not meta[1]:
                out.header_lines.append(meta[0])
                drop("metadata", line)
                continue
            if self._take_head_line(line, out, drop):
                continue
            return kept + body[index:]
        return kept

    def _take_head_line(self, line: str, out: Cleaned, drop) -> bool:
        """Drop a header line (date, byline, metadata); keep the ones describe reads from."""
        kind = self.head_kind(line)
        if not kind:
            return False
        if kind in ("published", "date", "byline"):
            out.header_lines.append(line.strip())
        drop(kind, line)
        return True

    def _prose(self, line: str) -> bool:
        """A paragraph of the story: long, ending like a sentence, not a disclaimer."""
        stripped = line.strip()
        return (len(stripped) >= PROSE_LINE_MIN_CHARS and ends_sentence(stripped)
                and not self.p.disclaimer.search(stripped))

    def _cut_footer(self, body: list[str], drop) -> list[str]:
        """Everything from the first footer marker on (after some body) is furniture.

        A marker with story paragraphs still below it is a sidebar heading inside the text
        ("Most read in world news"): only that line goes.
        """
        content = 0
        kept: list[str] = []
        for index, line in enumerate(body):
            if not line.strip():
                kept.append(line)
                continue
            if content >= MIN_BODY_LINES_BEFORE_FOOTER and self.is_footer_start(line):
                if sum(1 for later in body[index + 1:] if self._prose(later)) >= FOOTER_MAX_PROSE_BELOW:
                    drop("footer marker inside the text", line)
                    continue
                for gone in body[index:]:
                    if gone.strip():
                        drop("footer", gone)
                return kept
            content += 1
            kept.append(line)
        return kept

    def _drop_body_furniture(self, body: list[str], drop) -> list[str]:
        kept: list[str] = []
        for index, line in enumerate(body):
            if not line.strip():
                kept.append(line)
                continue
            if self.is_related(line):
                rest = [ln for ln in body[index + 1:] if ln.strip()]
                if all(self.link_like(ln) or self.body_kind(ln) for ln in rest):
                    for gone in [line, *rest]:
                        drop("related links", gone)
                    return kept
                drop("related link", line)
                continue
            kind = self.body_kind(line)
            if kind:
                drop(kind, line)
                continue
            kept.append(line)
        return kept

    def _cut_link_list(self, body: list[str], drop) -> list[str]:
        """A trailing run of short link-like lines (related articles) is furniture."""
        start = len(body)
        while start > 0 and (not body[start - 1].strip() or self.link_like(body[start - 1])
                             or self.body_kind(body[start - 1])):
            start -= 1
        run = [line for line in body[start:] if line.strip()]
        if not run or start == 0:
            return body
        relative = any(self.p.relative_date.search(line) for line in run)
        bullets = sum(1 for line in run if self.p.bullet.match(line.strip()))
        if relative or bullets >= LINK_LIST_MIN_BULLETS:
            for line in run:
                drop("link list", line)
            return body[:start]
        return body

    def _tail_bylines(self, body: list[str], out: Cleaned, drop) -> list[str]:
        content = [i for i, line in enumerate(body) if line.strip()]
        for index in content[-BYLINE_TAIL_LINES:]:
            line = body[index]
            if len(line.strip()) <= BYLINE_MAX_CHARS and byline_in_line(line) and len(content) > 1:
                out.header_lines.append(line.strip())
                drop("byline", line)
                body = body[:index] + [""] + body[index + 1:]
        return body


def _next_content(lines: list[str], start: int) -> int | None:
    for index in range(start, len(lines)):
        if lines[index].strip():
            return index
    return None


def _join(lines: list[str]) -> str:
    text = "\n".join(line.strip() if not line.strip() else line for line in lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
