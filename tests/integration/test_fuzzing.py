"""Schemathesis against the running gateway's own OpenAPI schema (issue 6, point 6).

Valid and invalid requests are generated from /openapi.json and sent to the real
stack (Rasa, the action server and Redis behind the gateway). Whatever is sent, the
gateway must never answer 5xx, and every answer must match the schema it publishes.
The run is bounded (MAX_EXAMPLES per operation) to keep `make test` short.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tools.launcher import Stack

MAX_EXAMPLES = 25


@pytest.fixture(scope="module")
def gateway_schema(stack: Stack) -> schemathesis.schemas.BaseSchema:
    return schemathesis.openapi.from_url(f"{stack.url}/openapi.json")


schema = schemathesis.pytest.from_fixture("gateway_schema")


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.function_scoped_fixture])
def test_no_server_error_and_every_answer_matches_the_schema(case: schemathesis.Case,
                                                             stack: Stack) -> None:
    case.call_and_validate(base_url=stack.url, timeout=30,
                           checks=[not_a_server_error, response_schema_conformance])
