"""The PostgreSQL server the tests marked ``postgres`` run against.

``.ci/run`` (or ``scripts/throwaway_postgres.sh`` locally) starts a throwaway cluster and sets
``DRAGOMAN_TEST_DB_URL``; without it those tests skip and say why.
"""
from __future__ import annotations

import os

import pytest

URL_VARIABLE = "DRAGOMAN_TEST_DB_URL"


def unavailable_reason() -> str | None:
    """Why the postgres tests cannot run here, or None when they can."""
    if not os.environ.get(URL_VARIABLE):
        return (f"{URL_VARIABLE} is not set: run scripts/throwaway_postgres.sh "
                "(or .ci/run) to start a throwaway PostgreSQL server")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed: pip install -e '.[postgres]'"
    return None


def fresh_database_url() -> str:
    """The test server's URL with dragoman's tables dropped; skips when there is no server."""
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    from sqlalchemy import create_engine, text
    url = os.environ[URL_VARIABLE]
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            # Everything in the public schema is the tests' own: start each test from nothing.
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    except Exception as error:  # the server went away: say so rather than erroring every test
        pytest.skip(f"PostgreSQL at {url} is not usable: {error.__class__.__name__}: {error}")
    finally:
        engine.dispose()
    return url


# A pytest param that runs only against PostgreSQL: `pytest.param("postgres", marks=POSTGRES)`.
POSTGRES = pytest.mark.postgres
