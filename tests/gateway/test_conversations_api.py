from fastapi.testclient import TestClient

from gateway.conversation_ids import new_conversation_id
from gateway.resources import Resources


def test_delete_forgets_tracker_and_lock(client: TestClient, resources: Resources) -> None:
    conversation_id = new_conversation_id()
    response = client.delete(f"/api/conversations/{conversation_id}")
    assert response.status_code == 204
    assert resources.redis.deleted == [f"tracker:{conversation_id}", f"lock:{conversation_id}"]


def test_malformed_ids_never_reach_redis(client: TestClient, resources: Resources) -> None:
    for bad in ["abc", "*", "x" * 40]:
        assert client.delete(f"/api/conversations/{bad}").status_code == 404
    assert resources.redis.deleted == []


def test_redis_down_is_a_clear_retryable_error(client: TestClient, resources: Resources) -> None:
    resources.redis.up = False
    response = client.delete(f"/api/conversations/{new_conversation_id()}")
    assert response.status_code == 503
