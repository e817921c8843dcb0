"""Turning Rasa's messages for one turn into the chat API's replies, flag and services."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from common.i18n import DEFAULT_LOCALE, Translator
from common.turn_meta import read_meta
from gateway.schemas import Button, Reply, ServiceCard
from services_directory import Directory

logger = logging.getLogger(__name__)


@dataclass
class Turn:
    replies: list[Reply] = field(default_factory=list)
    urgent: bool = False
    service_ids: list[str] = field(default_factory=list)
    locale: str | None = None  # the language the bot answered in, when it said


def read_turn(messages: list[dict[str, Any]]) -> Turn:
    turn = Turn()
    for message in messages:
        meta = read_meta(message.get("custom"))
        if meta is not None:
            turn.urgent = turn.urgent or meta.urgent
            turn.service_ids.extend(s for s in meta.services if s not in turn.service_ids)
            turn.locale = meta.locale or turn.locale
            continue
        text = message.get("text")
        if isinstance(text, str) and text.strip():
            turn.replies.append(Reply(text=text, buttons=_buttons(message.get("buttons"))))
    return turn


def _buttons(raw: Any) -> list[Button]:
    if not isinstance(raw, list):
        return []
    return [
        Button(title=str(b["title"]), payload=str(b["payload"]))
        for b in raw
        if isinstance(b, dict) and "title" in b and "payload" in b
    ]


def service_cards(directory: Directory, service_ids: list[str], now: datetime,
                  locale: str = DEFAULT_LOCALE) -> list[ServiceCard]:
    t = Translator(locale)
    cards = []
    for service_id in service_ids:
        try:
            cards.append(ServiceCard.parse_obj(directory.card(
                service_id, now, t.locale, lambda m: t.translate(m, "directory"))))
        except KeyError:
            # An id is not personal data; naming it helps a maintainer fix the action.
            logger.warning("action named unknown service id %s", service_id)
    return cards
