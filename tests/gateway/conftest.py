from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from common.settings import Settings
from gateway.app import create_app
from gateway.resources import Resources, get_resources
from tests.gateway.fakes import FakeDirectory, FakeRasa, FakeRedis


@pytest.fixture
def resources() -> Resources:
    return Resources(
        settings=Settings(),
        rasa=FakeRasa(),  # type: ignore[arg-type]
        redis=FakeRedis(),  # type: ignore[arg-type]
        directory=FakeDirectory(),  # type: ignore[arg-type]
    )


@pytest.fixture
def client(resources: Resources) -> Iterator[TestClient]:
    # No `with`: the lifespan (real Redis, Rasa, directory) does not run in unit tests.
    app = create_app(Settings())
    app.dependency_overrides[get_resources] = lambda: resources
    yield TestClient(app)
