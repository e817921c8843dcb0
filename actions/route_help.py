"""After the person says where they are (or that they'd rather not): route again."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.conversation_state import read_known
from actions.routing_reply import route_and_reply

_DECLINING = re.compile(r"\b(?:rather not|prefer not|don'?t want to say|not say|no thanks)\b",
                        re.IGNORECASE)
# What the asker needs routed for, by who they said they are.
ASKER_NEEDS = {
    "friend-family": ["friends-family"],
    "professional": ["professionals"],
    "perpetrator": ["perpetrators"],
}


class ActionRouteHelp(Action):
    def name(self) -> str:
        return "action_route_help"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        known, events = read_known(tracker)
        declined = (tracker.latest_message.get("intent", {}).get("name") == "decline_place"
                    or bool(_DECLINING.search(tracker.latest_message.get("text") or "")))
        if declined and not known.place_known:
            known.place_declined = True
            events.append(SlotSet("place_declined", True))
            dispatcher.utter_message(text=replies.declined_place(known.t))
        asker = tracker.get_slot("asker") or "self"
        extra = ASKER_NEEDS.get(asker, ["domestic-abuse"])
        events += route_and_reply(dispatcher, known, extra_needs=extra)
        return events
