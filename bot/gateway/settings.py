"""Settings read once from the environment (the launcher sets them)."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    rasa_url: str = "http://127.0.0.1:5005"
    actions_url: str = "http://127.0.0.1:5055"
    redis_url: str = "redis://127.0.0.1:6379/0"
    # Seconds Redis keeps a conversation after its last message.
    record_exp: int = 1800
    # Past this, a person gets the safe fallback reply instead of waiting.
    upstream_timeout: float = 5.0
    health_timeout: float = 1.0

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        return cls(
            rasa_url=env.get("RASA_URL", cls.rasa_url).rstrip("/"),
            actions_url=env.get("ACTIONS_URL", cls.actions_url).rstrip("/"),
            redis_url=env.get("REDIS_URL", cls.redis_url),
            record_exp=int(env.get("RECORD_EXP", cls.record_exp)),
            upstream_timeout=float(env.get("UPSTREAM_TIMEOUT", cls.upstream_timeout)),
        )
