"""A property-based fuzz of the API from its own OpenAPI schema (schemathesis): whatever
parameters the schema allows, or not, no answer is a 500, and every answer has the documented
status and shape."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed: pip install -e '.[test]'")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import (not_a_server_error, response_schema_conformance,  # noqa: E402
                                 status_code_conformance)

from dragoman.web import create_app  # noqa: E402

# Examples per operation: search embeds every query, so more would be slow on two cores.
EXAMPLES = 40
CALLS: list[str] = []


@pytest.fixture(scope="module")
def api_schema(store_db):
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(store_db))


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_request_the_schema_allows_gets_a_server_error(case):
    CALLS.append(case.operation.path)
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance, status_code_conformance])


def test_the_fuzz_called_every_operation():
    paths = set(CALLS)
    assert {"/api/v1/articles", "/api/v1/stories", "/api/v1/entities/{entity_id}", "/api/v1/search",
            "/api/v1/ingest"} <= paths, paths
