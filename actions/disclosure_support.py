"""The first reply to a disclosure: believe, do not blame, offer a door without pressure."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.helplines import NATIONAL_HELPLINE_ID, helpline_phone
from actions.turn_meta import meta_payload


def disclosure_reply(helpline: str) -> str:
    return (
        "Thank you for telling me. What is happening is not your fault, and you deserve "
        "to be safe. You don't have to decide anything now.\n"
        "The National Domestic Abuse Helpline is free, confidential and open 24 hours: "
        f"{helpline}. They can listen, talk through your options and find support near you.\n"
        "If you are ever in danger, call 999."
    )


class ActionDisclosureSupport(Action):
    def name(self) -> str:
        return "action_disclosure_support"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(text=disclosure_reply(helpline_phone()))
        dispatcher.utter_message(
            json_message=meta_payload(urgent=False, services=[NATIONAL_HELPLINE_ID])
        )
        return []
