"""GET /healthz: is every part answering?"""

from __future__ import annotations

import asyncio
from typing import Literal

from fastapi import APIRouter

from gateway.conversation_store import redis_is_up
from gateway.resources import ResourcesDep
from gateway.schemas import Health

router = APIRouter()


@router.get("/healthz", response_model=Health)
async def health(resources: ResourcesDep) -> Health:
    timeout = resources.settings.health_timeout
    rasa, actions, redis = await asyncio.gather(
        resources.rasa.rasa_is_up(timeout),
        resources.rasa.actions_are_up(timeout),
        asyncio.wait_for(redis_is_up(resources.redis), timeout),
        return_exceptions=True,
    )
    parts: dict[str, Literal["ok", "down"]] = {
        name: "ok" if up is True else "down"
        for name, up in (("rasa", rasa), ("actions", actions), ("redis", redis))
    }
    status: Literal["ok", "degraded"] = (
        "ok" if all(v == "ok" for v in parts.values()) else "degraded"
    )
    return Health(status=status, **parts)
