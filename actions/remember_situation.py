"""Build up the situation over the whole conversation, whichever turn each fact comes in.

Rasa runs `action_validate_slot_mappings` after every message, before any other
action, so a fact said in passing (on a turn answered from the FAQ or the fallback,
say) is still there when the conversation later routes. `from_entity` mappings would
replace earlier values with the latest or drop them; this adds to them: needs
accumulate, children once said stay said, and a later statement (a role, a gender, an
age) corrects an earlier one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

# Slots that say who is writing and who is at risk (bot/domain/support.yml).
SITUATION_SLOTS = ("needs", "asker", "gender", "gender_at_risk", "partner_gender", "age",
                   "children")
# Entity -> the slot it sets when said (the rule components in bot/nlu/components.py).
_LATEST_WINS = {"role": "asker", "gender": "gender", "gender_at_risk": "gender_at_risk",
                "partner_gender": "partner_gender", "age": "age"}


def merged_needs(earlier: list[str] | None, latest_entities: list[dict[str, Any]]) -> list[str]:
    """Earlier needs in order, then new ones from this message's `need` entities."""
    needs = list(earlier or [])
    for entity in latest_entities:
        value = entity.get("value")
        if entity.get("entity") == "need" and isinstance(value, str) and value not in needs:
            needs.append(value)
    return needs


def updated_situation(slots: Mapping[str, Any], entities: list[dict[str, Any]]
                      ) -> dict[str, Any]:
    """The situation slots after this message: what was known, with this turn's facts."""
    values = {name: slots.get(name) for name in SITUATION_SLOTS}
    values["needs"] = merged_needs(slots.get("needs"), entities)
    for entity in entities:
        slot, value = _LATEST_WINS.get(entity.get("entity", "")), entity.get("value")
        if slot and isinstance(value, str):
            values[slot] = value
        elif entity.get("entity") == "children":
            values["children"] = True
    return values


# The role PlaceExtractor gives another person's place (bot/domain/support.yml).
AT_RISK_ROLE = "at_risk"
# Writers asking for someone else: routing is for the person at risk, where they are.
_FOR_ANOTHER = ("friend-family", "professional")


def place_of_person_at_risk(asker: str | None, entities: list[dict[str, Any]]
                            ) -> dict[str, str | None]:
    """For a friend or professional who names both places, the person at risk's
    (`area` and `nation` slots); nothing otherwise, and the writer's place stands."""
    if asker not in _FOR_ANOTHER:
        return {}
    return {e["entity"]: e["value"] for e in entities
            if e.get("role") == AT_RISK_ROLE and e.get("entity") in ("area", "nation")
            and isinstance(e.get("value"), str)}


class RememberSituation(Action):
    """Rasa calls it by its fixed name after every message."""

    def name(self) -> str:
        return "action_validate_slot_mappings"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        slots = {name: tracker.get_slot(name) for name in SITUATION_SLOTS}
        entities = tracker.latest_message.get("entities") or []
        values = updated_situation(slots, entities)
        place = place_of_person_at_risk(values["asker"], entities)
        if "area" in place and "nation" not in place:
            place["nation"] = None  # the area then decides the nation (conversation_state)
        return [*(SlotSet(name, value) for name, value in values.items()
                  if value != slots[name] and not (name == "needs" and value == list(
                      slots[name] or []))),
                *(SlotSet(name, value) for name, value in place.items())]
