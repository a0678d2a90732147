"""The JSON API, versioned under ``/api/v1`` and described by its OpenAPI schema.

Every route is one call to :mod:`dragoman.service` and returns the dataclass it gets back
(FastAPI turns it into JSON and documents its shape). Listings take a ``cursor`` and a
``limit``, answer with ``next_cursor`` (also sent as a ``Link: <...>; rel="next"`` header) and
give CSV instead of JSON with ``format=csv``. A bad parameter is a 422 naming it; see
:mod:`dragoman.web.errors` for every error's shape.
"""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field, ValidationError
from starlette.datastructures import UploadFile

from ..errors import InvalidArgument
from ..service import browse, views
from ..service.paging import DEFAULT_PAGE, MAX_PAGE
from ..service.queries import ENTITY_TYPES
from ..service.uploads import IngestOutcome, ingest_record, ingest_upload
from .deps import SessionDep
from .errors import ERROR_RESPONSES, IngestDisabled, invalid_body
from .formats import csv_response, json_response, next_link

# What ``POST /ingest`` accepts per request.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024

router = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES)

Format = Annotated[Literal["json", "csv"], Query(description="json (default) or csv")]
Cursor = Annotated[str | None, Query(max_length=2048, description="next_cursor of the page before")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="rows per page")]
Lang = Annotated[str | None, Query(max_length=16, description="ISO 639 language code (en, ru, tr...)")]
Since = Annotated[str | None, Query(max_length=10, description="ISO date: YYYY, YYYY-MM or YYYY-MM-DD")]
Until = Since
Actor = Annotated[str | None, Query(max_length=200, description="an entity by any spelling or id")]
Text = Annotated[str | None, Query(max_length=200)]
CSV_RESPONSE = {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}




def _listing(request: Request, page, rows: list, fmt: str):
    """The page as JSON (its dataclass) or its rows as CSV, with a Link header to the next page."""
    link = next_link(request, page.next_cursor)
    answer = csv_response(rows) if fmt == "csv" else json_response(page)
    if link:
        answer.headers["Link"] = link
    return answer


# ---------------------------------------------------------------------------- articles
@router.get("/articles", response_model=browse.ArticlePage, responses=CSV_RESPONSE, tags=["articles"])
def list_articles(request: Request, session: SessionDep, lang: Lang = None, since: Since = None,
                  until: Until = None, source: Text = None,
                  q: Annotated[str | None, Query(max_length=200, description="words of the title")] = None,
                  cursor: Cursor = None, limit: Limit = DEFAULT_PAGE, format: Format = "json"):
    """Articles, latest published first."""
    page = browse.article_page(session, lang=lang, since=since, until=until, source=source, q=q, cursor=cursor,
                               limit=limit)
    return _listing(request, page, page.items, format)


@router.get("/articles/{article_id:path}", response_model=views.ArticleView, tags=["articles"])
def get_article(session: SessionDep, article_id: str):
    """One article: its text, entities with offsets, events, facts, story, copies and conflicts."""
    return json_response(views.article_detail(session, article_id))


# ---------------------------------------------------------------------------- stories
@router.get("/stories", response_model=browse.StoryPage, responses=CSV_RESPONSE, tags=["stories"])
def list_stories(request: Request, session: SessionDep, since: Since = None, until: Until = None,
                 actor: Actor = None, lang: Lang = None, cursor: Cursor = None, limit: Limit = DEFAULT_PAGE,
                 format: Format = "json"):
    """Stories, latest first, with their languages, dates and participants."""
    page = browse.story_page(session, since=since, until=until, actor=actor, lang=lang, cursor=cursor, limit=limit)
    return _listing(request, page, page.items, format)


@router.get("/stories/{story_id}", response_model=views.StoryView, tags=["stories"])
def get_story(session: SessionDep, story_id: Annotated[str, Path(max_length=200)]):
    """One story: its articles by language, merged events with evidence, conflicts, timeline."""
    return json_response(views.story_view(session, story_id))


# ---------------------------------------------------------------------------- entities
EntityType = Annotated[Literal[ENTITY_TYPES] | None, Query(description="person, org, country, place, other")]


@router.get("/entities", response_model=browse.EntityPage, responses=CSV_RESPONSE, tags=["entities"])
def list_entities(request: Request, session: SessionDep, type: EntityType = None, lang: Lang = None,
                  q: Annotated[str | None, Query(max_length=200, description="part of the name")] = None,
                  cursor: Cursor = None, limit: Limit = DEFAULT_PAGE, format: Format = "json"):
    """Entities by mention count."""
    page = browse.entity_page(session, type=type, lang=lang, q=q, cursor=cursor, limit=limit)
    return _listing(request, page, page.items, format)


@router.get("/entities/{entity_id:path}", response_model=views.EntityProfile, tags=["entities"])
def get_entity(session: SessionDep, entity_id: str):
    """One entity (any spelling or id): names per language, mention counts, the entities it
    appears with, its stories and the timeline of its events."""
    return json_response(views.entity_profile(session, entity_id))


# ---------------------------------------------------------------------------- events, facts
@router.get("/events", response_model=browse.EventPage, responses=CSV_RESPONSE, tags=["events"])
def list_events(request: Request, session: SessionDep, actor: Actor = None,
                type: Annotated[str | None, Query(max_length=32, description="meeting, visit, phone_call, summit, "
                                                  "agreement, negotiation, award, statement")] = None,
                since: Since = None, until: Until = None, lang: Lang = None,
                all: Annotated[bool, Query(description="also past and planned events articles mention")] = False,
                cursor: Cursor = None, limit: Limit = DEFAULT_PAGE, format: Format = "json"):
    """Political events in date order (undated last)."""
    page = browse.event_page(session, actor=actor, type=type, since=since, until=until, lang=lang,
                             include_past_and_planned=all, cursor=cursor, limit=limit)
    return _listing(request, page, page.items, format)


@router.get("/facts", response_model=browse.FactPage, responses=CSV_RESPONSE, tags=["facts"])
def list_facts(request: Request, session: SessionDep, actor: Actor = None, lang: Lang = None,
               cursor: Cursor = None, limit: Limit = DEFAULT_PAGE, format: Format = "json"):
    """Figures with their units, from the articles that name ``actor``."""
    page = browse.fact_page(session, actor=actor, lang=lang, cursor=cursor, limit=limit)
    return _listing(request, page, page.items, format)


@router.get("/timeline", response_model=views.Timeline, responses=CSV_RESPONSE, tags=["events"])
def get_timeline(session: SessionDep,
                 actor: Annotated[list[str], Query(min_length=1, max_length=views.MAX_TIMELINE_ACTORS,
                                                   description="one to four actors, each by any spelling or id")],
                 since: Since = None, until: Until = None, lang: Lang = None, format: Format = "json"):
    """The events an actor, or several actors together, took part in, with counts per month."""
    found = views.timeline(session, actor, since=since, until=until, lang=browse.lang_code(lang))
    return csv_response(found.events) if format == "csv" else json_response(found)


# ---------------------------------------------------------------------------- search
@router.get("/search", response_model=browse.SearchPage, responses=CSV_RESPONSE, tags=["search"])
def search(request: Request, session: SessionDep,
           q: Annotated[str, Query(min_length=1, max_length=500, description="words in any language")],
           lang: Lang = None, since: Since = None, actor: Actor = None, cursor: Cursor = None,
           limit: Annotated[int, Query(ge=1, le=100)] = 20, format: Format = "json"):
    """Articles and stories in any language, ranked by meaning: a Russian query finds English reports."""
    page = browse.search_page(session, q, lang=lang, since=since, actor=actor, cursor=cursor, limit=limit)
    return _listing(request, page, page.articles, format)


# ---------------------------------------------------------------------------- ingest
class IngestRecord(BaseModel):
    text: str = Field(min_length=1, description="the article's text")
    url: str | None = Field(None, max_length=2000, description="where it was published (not fetched)")
    title: str | None = Field(None, max_length=2000)
    lang: str | None = Field(None, max_length=16)
    published: str | None = Field(None, max_length=40)
    source: str | None = Field(None, max_length=300)
    author: str | None = Field(None, max_length=300)


def _ingest_allowed(request: Request) -> None:
    if not request.app.state.allow_ingest:
        raise IngestDisabled()


@router.post("/ingest", response_model=IngestOutcome, tags=["ingest"], dependencies=[Depends(_ingest_allowed)],
             openapi_extra={"requestBody": {"content": {
                 "application/json": {"schema": IngestRecord.model_json_schema()},
                 "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                     "file": {"type": "string", "format": "binary"}}}}}}})
async def post_ingest(request: Request):
    """Store one article: a file upload (``file``, any format ``dragoman ingest`` reads) or a
    JSON body with its ``text`` (and ``url``, ``title``...). Only with ``--allow-ingest``."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if int(request.headers.get("content-length") or 0) > MAX_UPLOAD_BYTES + 64 * 1024:
        raise InvalidArgument("body", f"is over the {MAX_UPLOAD_BYTES} bytes an input may have")
    sessions = request.app.state.sessions
    if kind == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=10)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InvalidArgument("file", "is missing: send the article as the form field `file`")
        data = await upload.read(MAX_UPLOAD_BYTES + 1)
        return await sessions.write(lambda session: ingest_upload(session, upload.filename, data,
                                                                  max_bytes=MAX_UPLOAD_BYTES))
    if kind == "application/json":
        try:
            record = IngestRecord.model_validate_json(await request.body())
        except ValidationError as error:
            raise invalid_body(error) from None
        return await sessions.write(lambda session: ingest_record(session, **record.model_dump()))
    raise InvalidArgument("body", "must be a JSON object (application/json) or a file upload (multipart/form-data)")


__all__ = ["router"]
