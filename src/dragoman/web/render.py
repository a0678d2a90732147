"""HTML pieces the templates share: languages and directions, text with its entity mentions and
evidence sentences marked, and a month chart drawn as SVG on the server.

Everything an article brings (text, titles, names) is untrusted: it reaches the page through
:func:`safe`, which shows control, bidi and zero-width characters as visible escapes (as the
terminal does) and escapes markup. Only this module builds :class:`~markupsafe.Markup` by hand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from markupsafe import Markup, escape

from ..queries import _span as span  # noqa: F401 - the CLI's way of writing a story's dates
from ..safe_text import printable

# A language tag as the store keeps it (ISO 639-1/3, optionally a region): anything else is not
# put in a lang= attribute.
LANG_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
# Chart geometry, in SVG user units.
CHART_BAR = 14
CHART_GAP = 3
CHART_HEIGHT = 120
CHART_LABELS = 28


def safe(text: object) -> Markup:
    """Untrusted text as HTML: control characters made visible, markup escaped."""
    if isinstance(text, Markup):
        return text
    return escape(printable(text))


def finalize(value: object) -> object:
    """Jinja's finalize hook: every ``{{ value }}`` of a template passes through here, so no
    field can reach the page raw, whether or not its template remembered to escape it."""
    if value is None:
        return ""
    if isinstance(value, (Markup, int, float)):
        return value
    return printable(value)  # any other object prints as its text, controls shown


def href(*parts: str) -> str:
    """A site path from raw parts (ids may hold any character): each part percent-encoded."""
    return "/" + "/".join(quote(str(p), safe="") for p in parts)


@lru_cache(maxsize=256)
def _locale(code: str):
    try:
        from babel import Locale

        return Locale.parse(code.replace("-", "_"))
    except Exception:  # noqa: BLE001 - babel raises several kinds for unknown or odd codes
        return None


def lang_tag(code: str | None) -> str:
    """The value for a ``lang=`` attribute: the code, or empty (HTML's "unknown")."""
    return code if code and LANG_TAG.match(code) else ""


def direction(code: str | None) -> str:
    """``rtl`` for right-to-left languages (Arabic, Persian, Hebrew...), per CLDR; else ``auto``
    for an unknown language and ``ltr`` for a known one."""
    locale = _locale(code) if lang_tag(code) else None
    if locale is None:
        return "auto"
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def lang_attrs(code: str | None) -> Markup:
    """``lang="ru" dir="ltr"`` for a block of text in language ``code``."""
    return Markup(' lang="{}" dir="{}"').format(lang_tag(code), direction(code))


def language_name(code: str | None) -> str:
    """``Russian`` for ``ru``; the code itself when CLDR does not know it."""
    locale = _locale(code) if lang_tag(code) else None
    if locale is None:
        return code or "unknown language"
    return locale.get_display_name("en") or code


# ---------------------------------------------------------------------------- marked text
@dataclass
class Highlight:
    """A stretch of the text to mark: an evidence sentence of the events ``labels``."""

    start: int
    end: int
    labels: list[int]
    title: str = ""


def _clean_spans(spans, length: int):
    """Mentions inside the text, sorted, overlaps dropped (the earlier wins)."""
    out, end = [], 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if 0 <= span.start < span.end <= length and span.start >= end:
            out.append(span)
            end = span.end
    return out


def _merged_highlights(highlights: list[Highlight], length: int) -> list[Highlight]:
    merged: list[Highlight] = []
    for h in sorted(highlights, key=lambda h: (h.start, h.end)):
        start, end = max(0, h.start), min(length, h.end)
        if start >= end:
            continue
        if merged and start < merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, end)
            last.labels = sorted(set(last.labels) | set(h.labels))
            last.title = "; ".join(t for t in dict.fromkeys([last.title, h.title]) if t)
        else:
            merged.append(Highlight(start, end, list(h.labels), h.title))
    return merged


def _with_mentions(text: str, start: int, end: int, mentions) -> Markup:
    out, at = [], start
    for m in mentions:
        if m.end <= start or m.start >= end:
            continue
        a, b = max(m.start, start), min(m.end, end)
        out.append(safe(text[at:a]))
        label = safe(text[a:b])
        if m.entity_id:
            out.append(Markup('<a class="mention {}" href="{}">{}</a>').format(
                m.type, href("entities", m.entity_id), label))
        else:
            out.append(Markup('<span class="mention {}">{}</span>').format(m.type, label))
        at = b
    out.append(safe(text[at:end]))
    return Markup("").join(out)


def marked_text(text: str, mentions=(), highlights: list[Highlight] | None = None) -> Markup:
    """``text`` with each mention linked to its entity's page and each evidence sentence
    wrapped in ``<mark>`` with the numbers of the events it reports."""
    text = text or ""
    mentions = _clean_spans(list(mentions), len(text))
    out, at = [], 0
    for h in _merged_highlights(list(highlights or []), len(text)):
        out.append(_with_mentions(text, at, h.start, mentions))
        badges = Markup("").join(Markup('<sup class="ev-no">{}</sup>').format(n) for n in h.labels)
        classes = " ".join(f"ev-{n}" for n in h.labels)
        out.append(Markup('<mark class="evidence {}" title="{}">{}{}</mark>').format(
            classes, safe(h.title), badges, _with_mentions(text, h.start, h.end, mentions)))
        at = h.end
    out.append(_with_mentions(text, at, len(text), mentions))
    return Markup("").join(out)


def number(value: float) -> str:
    """A figure as people read it: ``27,800,000,000``, or ``1.5``."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


# ---------------------------------------------------------------------------- chart
def month_chart(months, *, label: str = "events per month") -> Markup:
    """Counts per month (``MonthCount`` rows, consecutive months) as an SVG bar chart."""
    if not months:
        return Markup("")
    peak = max(m.events for m in months) or 1
    width = len(months) * (CHART_BAR + CHART_GAP) + CHART_GAP
    height = CHART_HEIGHT + CHART_LABELS
    parts = [Markup('<svg class="chart" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
                    'xmlns="http://www.w3.org/2000/svg"><title>{t}</title>').format(w=width, h=height, t=safe(label))]
    for i, month in enumerate(months):
        x = CHART_GAP + i * (CHART_BAR + CHART_GAP)
        bar = round(month.events / peak * (CHART_HEIGHT - 16)) if month.events else 0
        parts.append(Markup('<g><title>{m}: {n}</title><rect class="bar" x="{x}" y="{y}" width="{bw}" '
                            'height="{bh}"/>').format(m=safe(month.month), n=month.events, x=x,
                                                      y=CHART_HEIGHT - bar, bw=CHART_BAR, bh=max(bar, 0)))
        if month.events:
            parts.append(Markup('<text class="count" x="{x}" y="{y}">{n}</text>').format(
                x=x + CHART_BAR / 2, y=CHART_HEIGHT - bar - 3, n=month.events))
        if i == 0 or month.month.endswith("-01"):
            parts.append(Markup('<text class="year" x="{x}" y="{y}">{label}</text>').format(
                x=x, y=CHART_HEIGHT + 14, label=safe(month.month[:4] if i else month.month)))
        parts.append(Markup("</g>"))
    parts.append(Markup('<line class="axis" x1="0" y1="{y}" x2="{w}" y2="{y}"/></svg>').format(
        y=CHART_HEIGHT + 0.5, w=width))
    return Markup("").join(parts)
