"""Settings read once from the environment (the launcher sets them)."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _urls(value: str) -> tuple[str, ...]:
    urls = tuple(url.strip().rstrip("/") for url in value.split(",") if url.strip())
    if not urls:
        raise ValueError("a URL list must name at least one URL")
    return urls


@dataclass(frozen=True)
class Settings:
    # One or more Rasa instances sharing one Redis (RASA_URLS, comma-separated; or
    # RASA_URL for one), and their action servers (ACTIONS_URLS or ACTIONS_URL).
    rasa_urls: tuple[str, ...] = ("http://127.0.0.1:5005",)
    actions_urls: tuple[str, ...] = ("http://127.0.0.1:5055",)
    redis_url: str = "redis://127.0.0.1:6379/0"
    # Seconds Redis keeps a conversation after its last message.
    record_exp: int = 1800
    # Past this, a person gets the safe fallback reply (999, the 24-hour line) instead
    # of waiting. In the soak at one replica's full load (200 conversations, 29
    # messages/s) the slowest of 5,226 answers took 1.8 s and p99 was 0.95 s: 3 s cuts
    # nobody's real answer short, and is 2 s less than before for someone in danger
    # while a part is down (docs/performance.md).
    upstream_timeout: float = 3.0
    health_timeout: float = 1.0

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        return cls(
            rasa_urls=_urls(env.get("RASA_URLS") or env.get("RASA_URL") or cls.rasa_urls[0]),
            actions_urls=_urls(env.get("ACTIONS_URLS") or env.get("ACTIONS_URL")
                               or cls.actions_urls[0]),
            redis_url=env.get("REDIS_URL", cls.redis_url),
            record_exp=int(env.get("RECORD_EXP", cls.record_exp)),
            upstream_timeout=float(env.get("UPSTREAM_TIMEOUT", cls.upstream_timeout)),
        )
