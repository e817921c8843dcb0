"""What an action tells the gateway about a turn, beside the words it says.

Actions send one custom message per turn,
`{"meta": {"urgent": bool, "services": [ids], "locale": "cy"}}`. The gateway reads it
(never shows it) to fill `urgent`, `services` and `locale` in the chat API. Responses
from the domain carry `{"meta": {"locale": ...}}` only (actions/nlg.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

META_KEY = "meta"


@dataclass(frozen=True)
class Meta:
    urgent: bool = False
    services: tuple[str, ...] = ()
    locale: str | None = None


def meta_payload(*, urgent: bool, services: list[str], locale: str | None = None
                 ) -> dict[str, Any]:
    """The custom JSON an action passes to `dispatcher.utter_message(json_message=...)`."""
    meta: dict[str, Any] = {"urgent": urgent, "services": list(services)}
    if locale:
        meta["locale"] = locale
    return {META_KEY: meta}


def read_meta(custom: Any) -> Meta | None:
    """What a Rasa custom payload tells the gateway, or None if it is not ours."""
    if not isinstance(custom, dict) or not isinstance(custom.get(META_KEY), dict):
        return None
    meta = custom[META_KEY]
    services = tuple(s for s in meta.get("services", []) if isinstance(s, str))
    locale = meta.get("locale")
    return Meta(bool(meta.get("urgent", False)), services,
                locale if isinstance(locale, str) else None)
