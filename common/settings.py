"""Every setting of every process, in one object read from the environment.

Each field is read from the variable of the same name in capitals (RASA_URLS for
`rasa_urls`); README.md's configuration table lists exactly these fields, and a test
holds the two together. The launcher passes the settings its children need through
their environment, so the gateway and the action server read this same object.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseSettings, Field, validator

# An origin is a scheme, a host and maybe a port: no path, no wildcard.
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:\d+)?")
# Fields given as comma-separated lists in the environment.
_LISTS = {"rasa_urls", "actions_urls", "cors_origins", "frame_ancestors"}


class Settings(BaseSettings):
    # ---- the stack (tools/launcher.py) ----
    # The gateway's interface and port, the only public one.
    port: int = 8000
    host: str = "127.0.0.1"
    # Loopback ports of the first Rasa instance and its action server.
    rasa_port: int = 5005
    actions_port: int = 5055
    # Rasa's Sanic worker processes: two use both cores of the machine this was measured
    # on, 1.4 times the messages per second of one (docs/performance.md). More than one
    # needs the Redis lock store, which bot/endpoints.yml configures.
    rasa_workers: int = 2
    # Rasa + action server pairs the launcher starts on the one Redis.
    rasa_instances: int = 1
    # Off runs Rasa exactly as shipped, without bot/rasa_server.py's two fixes.
    rasa_patches: bool = True

    # ---- Redis ----
    # An external Redis; unset, the launcher starts an embedded one and tells the others.
    redis_url: str | None = None
    # Seconds Redis keeps a conversation after its last message. Rasa's tracker store
    # applies it (bot/endpoints.yml); the launcher passes it on.
    record_exp: int = 1800

    # ---- the gateway (gateway/) ----
    # One or more Rasa instances sharing one Redis, and their action servers; the
    # launcher sets both. RASA_URL and ACTIONS_URL name a single one.
    rasa_urls: tuple[str, ...] = Field(
        default=("http://127.0.0.1:5005",), env=["RASA_URLS", "RASA_URL"]
    )
    actions_urls: tuple[str, ...] = Field(
        default=("http://127.0.0.1:5055",), env=["ACTIONS_URLS", "ACTIONS_URL"]
    )
    # Past this, a person gets the safe fallback reply (999, the 24-hour line) instead
    # of waiting. In the soak at one replica's full load (200 conversations, 29
    # messages/s) the slowest of 5,226 answers took 1.8 s and p99 was 0.95 s: 3 s cuts
    # nobody's real answer short, and is 2 s less than before for someone in danger
    # while a part is down (docs/performance.md).
    upstream_timeout: float = 3.0
    # Seconds /healthz waits for each part before calling it down.
    health_timeout: float = 1.0
    # Council sites allowed to call the API from the browser, e.g. https://www.hackney.gov.uk.
    cors_origins: tuple[str, ...] = ()
    # Who may frame the gateway's own pages; none by default (the widget is a script).
    frame_ancestors: tuple[str, ...] = ()
    # Generous per client: a refuge, a library or a phone network may put many people
    # behind one address, and a person typing fast must never be told to wait.
    rate_limit_per_minute: float = 30
    rate_limit_burst: int = 15
    # Requests to the chat API in flight at once; past this Rasa would only queue them.
    max_concurrent_requests: int = 32
    busy_retry_after: int = 10
    # A 2,000-character message is at most 8 KB of UTF-8 (12 KB as JSON escapes).
    max_body_bytes: int = 16_384

    # ---- the directory (services_directory/) ----
    # A council's folder of services laid over the shipped directory (docs/directory.md).
    directory_overlay: Path | None = None

    # ---- the action server (actions/) ----
    # Its log level; message text is never logged at any level.
    log_level: str = "INFO"
    # Its interface: loopback, since only Rasa on the same machine calls it; a container
    # sets 0.0.0.0. (Sanic's own name; rasa_sdk's server has no flag for it.)
    sanic_host: str = "127.0.0.1"

    class Config:
        frozen = True

        @classmethod
        def parse_env_var(cls, field_name: str, raw_value: str) -> Any:
            if field_name in _LISTS:
                return tuple(part for part in re.split(r"[,\s]+", raw_value) if part)
            return cls.json_loads(raw_value)  # type: ignore[attr-defined]

    @validator("rasa_urls", "actions_urls", "cors_origins", "frame_ancestors", each_item=True)
    def _no_trailing_slash(cls, value: str) -> str:
        return value.strip().rstrip("/")

    @validator("rasa_urls", "actions_urls")
    def _at_least_one(cls, urls: tuple[str, ...]) -> tuple[str, ...]:
        if not urls:
            raise ValueError("a URL list must name at least one URL")
        return urls

    @validator("cors_origins", "frame_ancestors", each_item=True)
    def _origin(cls, origin: str) -> str:
        if not _ORIGIN.fullmatch(origin):
            raise ValueError(
                f"{origin!r} is not an origin like https://www.example.gov.uk "
                "(no paths, no wildcards)"
            )
        return origin

    @validator("redis_url", "directory_overlay", pre=True)
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value
