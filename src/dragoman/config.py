"""Settings every front end shares, read from the environment."""
from __future__ import annotations

import os

DEFAULT_DB = "dragoman.db"


def default_db() -> str:
    """The store when none is named: ``$DRAGOMAN_DB``, else ``./dragoman.db``."""
    return os.environ.get("DRAGOMAN_DB") or DEFAULT_DB
