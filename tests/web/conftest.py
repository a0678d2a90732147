"""The web tests' store (``tests/support/sample_store.py``), app and test client."""
from __future__ import annotations

import warnings

import pytest
from sample_store import sample_store

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[test]'")

with warnings.catch_warnings():
    # Newer Starlette prefers another HTTP client for its TestClient; httpx still works.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from dragoman.web import create_app  # noqa: E402


@pytest.fixture(scope="session")
def store_db(tmp_path_factory) -> str:
    return sample_store(tmp_path_factory)


@pytest.fixture(scope="session")
def client(store_db):
    with TestClient(create_app(store_db), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def moscow_story(client) -> str:
    """The id of the story told in English, Russian, Kazakh, German and Turkish."""
    stories = client.get("/api/v1/stories", params={"lang": "tr"}).json()["items"]
    (story,) = [s for s in stories if {"en", "ru", "tr"} <= set(s["langs"])]
    return story["id"]
