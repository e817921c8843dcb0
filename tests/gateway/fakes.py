"""Stand-ins for Rasa, Redis and the directory, for unit tests of the gateway's own code."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from gateway.rasa_client import RasaUnavailable


@dataclass
class FakeRasa:
    messages: list[dict[str, Any]] = field(default_factory=list)
    unavailable: bool = False
    rasa_up: bool = True
    actions_up: bool = True
    sent: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)

    async def send(
        self, conversation_id: str, message: str, metadata: dict[str, Any], timeout: float
    ) -> list[dict[str, Any]]:
        self.sent.append((conversation_id, message, metadata))
        if self.unavailable:
            raise RasaUnavailable("ReadTimeout")
        return self.messages

    async def rasa_is_up(self, timeout: float) -> bool:
        return self.rasa_up

    async def actions_are_up(self, timeout: float) -> bool:
        return self.actions_up


@dataclass
class FakeRedis:
    up: bool = True
    deleted: list[str] = field(default_factory=list)

    async def delete(self, *keys: str) -> int:
        if not self.up:
            raise ConnectionError("redis down")
        self.deleted.extend(keys)
        return len(keys)

    async def ping(self) -> bool:
        if not self.up:
            raise ConnectionError("redis down")
        return True


class FakeDirectory:
    def card(self, service_id: str, now: datetime, locale: str = "en",
             gettext: Any = None) -> dict[str, Any]:
        if service_id != "a-line":
            raise KeyError(service_id)
        return {
            "id": "a-line", "name": "A line", "phone": "0808 2000 247", "text": None,
            "url": None, "hours": "24 hours, every day", "open_now": True, "webchat": None,
            "email": None, "channels": [
                {"channel": "phone", "label": None, "value": "0808 2000 247",
                 "href": "tel:+44-808-200-0247", "hours": "24 hours, every day",
                 "open_now": True, "hours_url": None},
            ],
        }
