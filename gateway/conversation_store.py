"""The gateway's only direct use of Redis: forgetting a conversation, and health.

Key names follow Rasa's Redis tracker store and lock store defaults.
"""

from __future__ import annotations

from redis.asyncio import Redis

TRACKER_KEY_PREFIX = "tracker:"
LOCK_KEY_PREFIX = "lock:"


def tracker_key(conversation_id: str) -> str:
    return TRACKER_KEY_PREFIX + conversation_id


async def delete_conversation(redis: Redis, conversation_id: str) -> None:
    await redis.delete(tracker_key(conversation_id), LOCK_KEY_PREFIX + conversation_id)


async def redis_is_up(redis: Redis) -> bool:
    try:
        return bool(await redis.ping())
    except Exception:  # any failure means down; health must never raise
        return False
