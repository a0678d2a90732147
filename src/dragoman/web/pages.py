"""The HTML pages: server-rendered, readable without JavaScript.

Each page calls the service (the same functions as the API), then renders a template of
``web/templates``. Templates get their text through Jinja's autoescape and the
:func:`~dragoman.web.render.finalize` hook, so every article field is escaped and its control
characters are shown, not obeyed; every block of article text says its language (``lang=``) and
direction (``dir=``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..service import browse, views
from . import render
from .deps import SessionDep

TEMPLATES = Path(__file__).with_name("templates")
# Rows per page of the HTML listings.
HOME_STORIES = 20
LIST_ROWS = 50

environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                          finalize=render.finalize, trim_blocks=True, lstrip_blocks=True)
environment.globals.update(
    href=render.href, lang_attrs=render.lang_attrs, lang_tag=render.lang_tag, language_name=render.language_name,
    number=render.number, span=render.span, marked_text=render.marked_text, month_chart=render.month_chart, safe=render.safe)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


Text = Annotated[str | None, Query(max_length=500)]


def page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    html = environment.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return page(request, "error.html", status=status, status_code=status, message=message)


def _next_url(request: Request, cursor: str | None) -> str | None:
    return str(request.url.include_query_params(cursor=cursor)) if cursor else None


@router.get("/")
def home(request: Request, session: SessionDep, cursor: Text = None):
    stories = browse.story_page(session, cursor=cursor, limit=HOME_STORIES)
    return page(request, "home.html", stories=stories.items, next_url=_next_url(request, stories.next_cursor))


@router.get("/search")
def search(request: Request, session: SessionDep, q: Text = None, lang: Text = None, cursor: Text = None):
    if not q or not q.strip():
        return page(request, "search.html", q="", lang=lang or "", found=None, next_url=None)
    found = browse.search_page(session, q, lang=lang or None, cursor=cursor)
    return page(request, "search.html", q=q, lang=lang or "", found=found,
                next_url=_next_url(request, found.next_cursor))


def _highlights(reading: views.StoryReading) -> dict[str, list[render.Highlight]]:
    """Per article, its evidence sentences numbered by the merged event they report."""
    out: dict[str, list[render.Highlight]] = {}
    for number, event in enumerate(reading.story.events, start=1):
        what = f"{number}: {event.type}" + (f", {event.date}" if event.date else "")
        for evidence in event.evidence:
            out.setdefault(evidence.article_id, []).append(
                render.Highlight(evidence.start, evidence.end, [number], what))
    return out


def _once(conflicts: list) -> list:
    """Each disagreement once: the index records it on both articles (a says x, b says y; b
    says y, a says x)."""
    seen, out = set(), []
    for c in conflicts:
        key = (c.field, c.event_type, frozenset([(c.article, repr(c.value)), (c.other, repr(c.other_value))]))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


@router.get("/stories/{story_id}")
def story(request: Request, session: SessionDep, story_id: str):
    reading = views.story_reading(session, story_id)
    sources = {aid: (view.source or aid) for aid, view in reading.articles.items()}
    return page(request, "story.html", story=reading.story, articles=reading.articles,
                highlights=_highlights(reading), sources=sources, conflicts=_once(reading.story.conflicts))


@router.get("/articles")
def articles(request: Request, session: SessionDep, lang: Text = None, since: Text = None, until: Text = None,
             source: Text = None, q: Text = None, cursor: Text = None):
    found = browse.article_page(session, lang=lang or None, since=since or None, until=until or None,
                                source=source or None, q=q or None, cursor=cursor, limit=LIST_ROWS)
    return page(request, "articles.html", rows=found.items, next_url=_next_url(request, found.next_cursor),
                filters=dict(lang=lang or "", since=since or "", until=until or "", source=source or "", q=q or ""))


@router.get("/articles/{article_id:path}")
def article(request: Request, session: SessionDep, article_id: str):
    view = views.article_detail(session, article_id)
    highlights = [render.Highlight(ev.start, ev.end, [number], f"{number}: {event.type}")
                  for number, event in enumerate(view.events, start=1) for ev in event.evidence]
    return page(request, "article.html", article=view, highlights=highlights)


@router.get("/entities")
def entities(request: Request, session: SessionDep, type: Text = None, q: Text = None, cursor: Text = None):
    found = browse.entity_page(session, type=type or None, q=q or None, cursor=cursor, limit=LIST_ROWS)
    return page(request, "entities.html", rows=found.items, next_url=_next_url(request, found.next_cursor),
                type=type or "", q=q or "", types=browse.ENTITY_TYPES)


@router.get("/entities/{entity_id:path}")
def entity(request: Request, session: SessionDep, entity_id: str):
    profile = views.entity_profile(session, entity_id)
    return page(request, "entity.html", entity=profile)


@router.get("/timeline")
def timeline(request: Request, session: SessionDep, actor: Annotated[list[str], Query()] = [],  # noqa: B006
             since: Text = None, until: Text = None):
    actors = [a for a in actor if a.strip()][:views.MAX_TIMELINE_ACTORS]
    if not actors:
        return page(request, "timeline.html", found=None, actors=["", ""], since=since or "", until=until or "")
    found = views.timeline(session, actors, since=since or None, until=until or None)
    return page(request, "timeline.html", found=found, actors=actors + [""] * (2 - len(actors)),
                since=since or "", until=until or "")
