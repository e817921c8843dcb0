"""Conversation ids: random, unguessable, and checked before anything else sees them."""

from __future__ import annotations

import re
import secrets

# 24 random bytes = 192 bits, written as 32 URL-safe characters.
_ID_BYTES = 24
_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{32}")


def new_conversation_id() -> str:
    return secrets.token_urlsafe(_ID_BYTES)


def is_conversation_id(value: str) -> bool:
    return _ID_PATTERN.fullmatch(value) is not None
