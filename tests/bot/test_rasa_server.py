"""The one patch to Rasa (bot/rasa_server.py): same answers, the schema checked once."""

from __future__ import annotations

import inspect
import threading
from collections.abc import Iterator
from unittest import mock

import jsonschema
import pytest
import rasa
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.lock_store import LockStore, RedisLockStore

from bot import rasa_server
from tests.tools.test_launcher import wait_for_redis
from tools.launcher import EmbeddedRedis, RedisAddress

SHIPPED = RemoteAction._validate_action_result
SHIPPED_REDIS_LOCK_STORE = dict(vars(RedisLockStore))
VALID = {"events": [{"event": "slot", "name": "locale", "value": "cy"}],
         "responses": [{"text": "hello"}]}
INVALID = {"events": [{"event": "slot", "name": 3}], "responses": "not a list"}


def test_rasa_still_validates_the_way_the_patch_replaces() -> None:
    # If Rasa moves or rewrites this method, the patch may no longer stand in for it:
    # this fails so that someone reads the new code before upgrading.
    assert rasa.__version__ == "3.6.21"
    assert jsonschema.__version__.startswith("4.17.")
    source = inspect.getsource(SHIPPED)
    assert rasa_server.ORIGINAL_CALL in source
    assert "Failed to validate Action server response" in source


@pytest.fixture
def patched() -> Iterator[None]:
    rasa_server.use_a_validator_built_once()
    yield
    RemoteAction._validate_action_result = SHIPPED  # type: ignore[method-assign]


def remote() -> RemoteAction:
    return RemoteAction("action_x", None)


def test_patched_accepts_and_rejects_what_rasa_does(patched: None) -> None:
    assert remote()._validate_action_result(VALID) is True
    with pytest.raises(ValidationError) as patched_error:
        remote()._validate_action_result(INVALID)
    with pytest.raises(ValidationError) as shipped_error:
        SHIPPED(remote(), INVALID)
    assert patched_error.value.message == shipped_error.value.message
    assert "Failed to validate Action server response" in patched_error.value.message


def test_patched_checks_the_schema_once_not_per_response(patched: None) -> None:
    validator = jsonschema.validators.validator_for(RemoteAction.action_response_format_spec())
    with mock.patch.object(validator, "check_schema") as check_schema:
        rasa_server._response_validator.cache_clear()
        for _ in range(5):
            remote()._validate_action_result(VALID)
        assert check_schema.call_count == 1
        for _ in range(3):
            SHIPPED(remote(), VALID)  # Rasa's own checks the schema on every response
        assert check_schema.call_count == 4


def test_patches_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_PATCHES", "off")
    assert not rasa_server.patches_enabled()
    monkeypatch.delenv("RASA_PATCHES")
    assert rasa_server.patches_enabled()


# ---- The lock store: a conversation's ticket queue changed one process at a time ------

def test_rasa_still_changes_the_ticket_queue_where_the_patch_guards_it() -> None:
    for name in rasa_server.QUEUE_CHANGES:
        assert name not in SHIPPED_REDIS_LOCK_STORE, f"RedisLockStore now has its own {name}"
    assert "self.issue_ticket(" in inspect.getsource(LockStore.lock)
    assert "self.cleanup(" in inspect.getsource(LockStore.lock)
    assert "self.update_lock(" in inspect.getsource(LockStore._acquire_lock)
    assert "self.red.set(" in inspect.getsource(RedisLockStore.save_lock)


@pytest.fixture
def redis_server() -> Iterator[RedisAddress]:
    server = EmbeddedRedis()
    process = server.start()
    wait_for_redis(server.address, process)
    yield server.address
    process.terminate()
    process.wait(timeout=10)
    server.workdir.cleanup()


@pytest.fixture
def guarded() -> Iterator[None]:
    rasa_server.serialise_lock_queue_changes()
    yield
    for name in rasa_server.QUEUE_CHANGES:
        delattr(RedisLockStore, name)


def test_two_processes_issuing_tickets_at_once_never_lose_one(
    redis_server: RedisAddress, guarded: None,
) -> None:
    # Two lock stores on one Redis, as two Rasa workers or instances have, each taking
    # messages of the same conversation from several threads at the same moment.
    stores = [RedisLockStore(host=redis_server.host, port=redis_server.port, db=redis_server.db)
              for _ in range(2)]
    tickets: list[int] = []
    start = threading.Barrier(8)

    def take(store: RedisLockStore) -> None:
        start.wait()
        for _ in range(25):
            tickets.append(store.issue_ticket("conversation"))

    threads = [threading.Thread(target=take, args=(stores[i % 2],)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lock = stores[0].get_lock("conversation")
    assert lock is not None
    assert sorted(tickets) == list(range(200))  # every ticket once
    assert len(lock.tickets) == 200  # and every one still in the queue
    # The guards are released: only the queue itself is left in Redis.
    assert [k.decode() for k in redis_server.client().keys("*")] == ["lock:conversation"]
    for ticket in tickets:
        stores[1].cleanup("conversation", ticket)
    assert redis_server.client().keys("*") == []
