"""Remember every need the person mentions, whichever turn it comes in.

Rasa runs `action_validate_slot_mappings` after every message, before any other
action, so a need said in passing (on a turn answered from the FAQ, say) is still
there when the conversation later routes. A `from_entity` mapping would replace
earlier needs with the latest ones; this adds to them.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction


def merged_needs(earlier: list[str] | None, latest_entities: list[dict[str, Any]]) -> list[str]:
    """Earlier needs in order, then new ones from this message's `need` entities."""
    needs = list(earlier or [])
    for entity in latest_entities:
        value = entity.get("value")
        if entity.get("entity") == "need" and isinstance(value, str) and value not in needs:
            needs.append(value)
    return needs


class RememberNeeds(ValidationAction):
    """Rasa calls it by its fixed name, action_validate_slot_mappings."""

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: dict[str, Any]) -> list[str]:
        return ["needs"]

    async def extract_needs(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                            domain: dict[str, Any]) -> dict[str, Any]:
        earlier = tracker.get_slot("needs")
        needs = merged_needs(earlier, tracker.latest_message.get("entities") or [])
        return {} if needs == list(earlier or []) else {"needs": needs}

    async def validate_needs(self, value: Any, dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: dict[str, Any]) -> dict[str, Any]:
        return {"needs": value}
