"""What the action tests read back: the meta message, the texts, the slots set."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from common.turn_meta import META_KEY


def entity(name: str, value: str) -> dict[str, Any]:
    """An entity as the NLU components add it (bot/nlu/components.py)."""
    return {"entity": name, "value": value, "extractor": "test"}


def meta_of(dispatcher: CollectingDispatcher) -> dict[str, Any]:
    """The one `{"meta": {...}}` custom message the action sent this turn."""
    metas = [m["custom"][META_KEY] for m in dispatcher.messages
             if META_KEY in (m.get("custom") or {})]
    assert len(metas) == 1, f"expected one meta message, got {metas}"
    return metas[0]


def services_of(dispatcher: CollectingDispatcher) -> list[str]:
    return list(meta_of(dispatcher)["services"])


def texts_of(dispatcher: CollectingDispatcher) -> list[str]:
    return [m["text"] for m in dispatcher.messages if m.get("text")]


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The slots the events set, by name (the last value wins)."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def faq_selection(topic: str) -> dict[str, Any]:
    """The ResponseSelector's pick, as it sits in the latest message for `utter_faq/<topic>`."""
    return {"faq": {"response": {"intent_response_key": f"faq/{topic}", "confidence": 0.9}}}


# The 24-hour line each nation's people are sent to (services_directory.routing).
NATIONAL_LINE = {
    "england": "national-domestic-abuse-helpline",
    "wales": "live-fear-free",
    "scotland": "scotland-domestic-abuse-helpline",
    "northern-ireland": "ni-domestic-sexual-abuse-helpline",
}
MENS_LINES = {"mens-advice-line", "mankind-initiative"}
RESPECT = "respect-phoneline"
