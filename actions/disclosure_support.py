"""The first reply to a disclosure: believe, do not blame, then the right doors."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.conversation_state import read_known
from actions.routing_reply import route_and_reply


class ActionDisclosureSupport(Action):
    def name(self) -> str:
        return "action_disclosure_support"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        known, events = read_known(tracker)
        dispatcher.utter_message(text=replies.believe(known.t, known.needs))
        events += route_and_reply(dispatcher, known, extra_needs=["domestic-abuse"])
        return [*events, SlotSet("asker", "self")]
