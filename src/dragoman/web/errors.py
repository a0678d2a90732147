"""Errors as a web user gets them: a status code and one clear message, never a traceback.

The service's errors (:mod:`dragoman.errors`) map to statuses here: a bad parameter is 422 and
names it, something missing 404, a store that cannot be read 503, anything else the user can fix
400, a bug 500. Under ``/api/`` the answer is JSON ``{"error": {"status", "message", "field"}}``;
elsewhere the same message as an HTML page.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.exc import DatabaseError
from starlette.exceptions import HTTPException

from ..errors import InvalidArgument, NotFound, UserError
from ..store import StoreError

log = logging.getLogger("dragoman.web")


class IngestDisabled(UserError):
    """``POST /ingest`` on a server started without ``--allow-ingest``."""

    def __init__(self):
        super().__init__("ingest is off: start the server with `dragoman serve --allow-ingest` to accept articles")


@dataclass
class ErrorDetail:
    status: int
    message: str
    field: str | None = None  # the query parameter or body field at fault


@dataclass
class ErrorBody:
    error: ErrorDetail


ERROR_RESPONSES = {status: {"model": ErrorBody, "description": what} for status, what in (
    (400, "a request the server cannot act on"), (403, "ingest is off"), (404, "no such item"),
    (422, "a bad parameter, named in `field`"), (503, "the store cannot be read"))}


def invalid_body(error: ValidationError) -> InvalidArgument:
    """A pydantic error of a JSON body as the service's error for its first field."""
    first = error.errors()[0]
    field = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
    return InvalidArgument(field, first.get("msg", "is not valid").lower())


def _status(error: Exception) -> int:
    if isinstance(error, InvalidArgument):
        return 422
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, IngestDisabled):
        return 403
    if isinstance(error, StoreError):
        return 503
    return 400


def install(app: FastAPI, render_html, headers: dict[str, str]) -> None:
    """Register the handlers; ``render_html(request, status, message)`` draws the HTML page, and
    every error answer carries ``headers`` (a 500 is answered outside the app's middleware)."""

    def answer(request: Request, status: int, message: str, field: str | None = None, extra=None):
        if request.url.path.startswith("/api/"):
            response = JSONResponse({"error": {"status": status, "message": message, "field": field}},
                                    status_code=status)
        else:
            response = render_html(request, status, message)
        response.headers.update({**headers, **(extra or {})})
        return response

    @app.exception_handler(UserError)
    async def user_error(request: Request, error: UserError):
        field = error.field if isinstance(error, InvalidArgument) else None
        return answer(request, _status(error), str(error), field)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError):
        first = (error.errors() or [{}])[0]
        location = [str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body")]
        field = ".".join(location) or None
        message = first.get("msg", "is not valid")
        text = f"{field}: {message}" if field else message
        return answer(request, 422, text, field)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException):
        message = {404: "no such page", 405: "method not allowed here"}.get(error.status_code, str(error.detail))
        return answer(request, error.status_code, message, extra=getattr(error, "headers", None))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, error: Exception):
        if isinstance(error, (StoreError, DatabaseError)):
            reason = str(getattr(error, "orig", None) or error).splitlines()[0]
            return answer(request, 503, f"the store cannot be read: {reason}")
        log.exception("internal error on %s", request.url.path)
        return answer(request, 500, f"internal error ({error.__class__.__name__}); the server log has the details")
