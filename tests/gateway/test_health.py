from fastapi.testclient import TestClient

from gateway.resources import Resources


def test_all_parts_up(client: TestClient) -> None:
    assert client.get("/healthz").json() == {
        "status": "ok", "rasa": "ok", "actions": "ok", "redis": "ok",
    }


def test_any_part_down_is_degraded(client: TestClient, resources: Resources) -> None:
    resources.rasa.actions_up = False
    resources.redis.up = False
    assert client.get("/healthz").json() == {
        "status": "degraded", "rasa": "ok", "actions": "down", "redis": "down",
    }
