"""What an action tells the gateway about a turn, beside the words it says.

Actions send one custom message per turn, `{"meta": {"urgent": bool, "services": [ids]}}`.
The gateway reads it (never shows it) to fill `urgent` and `services` in the chat API.
"""

from __future__ import annotations

from typing import Any

META_KEY = "meta"


def meta_payload(*, urgent: bool, services: list[str]) -> dict[str, Any]:
    """The custom JSON an action passes to `dispatcher.utter_message(json_message=...)`."""
    return {META_KEY: {"urgent": urgent, "services": list(services)}}


def read_meta(custom: Any) -> tuple[bool, list[str]] | None:
    """Urgent flag and service ids from a Rasa custom payload, or None if it is not ours."""
    if not isinstance(custom, dict) or not isinstance(custom.get(META_KEY), dict):
        return None
    meta = custom[META_KEY]
    services = [s for s in meta.get("services", []) if isinstance(s, str)]
    return bool(meta.get("urgent", False)), services
