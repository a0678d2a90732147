"""The web front end: server-rendered pages and a JSON API (``/api/v1``) over the service layer.

    from dragoman.web import create_app
    app = create_app("dragoman.db")        # any ASGI server; `dragoman serve` runs uvicorn

Needs the ``web`` extra (``pip install 'dragoman[web]'``): FastAPI, uvicorn, Jinja2.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
