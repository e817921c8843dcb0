"""The reply to danger now: short, 999 first, then the 24-hour line."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.helplines import NATIONAL_HELPLINE_ID, helpline_phone
from actions.turn_meta import meta_payload


def urgent_reply(helpline: str) -> str:
    return (
        "If you are in danger now, call 999.\n"
        "If you can't speak, call 999 from a mobile and press 55 when you are asked: "
        "the police will know it is an emergency (Silent Solution).\n"
        f"When you can, the National Domestic Abuse Helpline is free and open 24 hours: {helpline}."
    )


class ActionUrgentHelp(Action):
    def name(self) -> str:
        return "action_urgent_help"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(text=urgent_reply(helpline_phone()))
        dispatcher.utter_message(
            json_message=meta_payload(urgent=True, services=[NATIONAL_HELPLINE_ID])
        )
        return []
