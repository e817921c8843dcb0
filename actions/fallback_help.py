"""When the model is not sure: ask again, never a dead end, and keep what was said."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.conversation_state import read_known
from actions.directory_access import directory, national_line_id, phone_of
from actions.routing_reply import route_and_reply
from actions.turn_meta import meta_payload


class ActionFallbackHelp(Action):
    def name(self) -> str:
        return "action_fallback_help"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        known, events = read_known(tracker)
        said_something = bool(tracker.latest_message.get("entities"))
        if said_something and (known.place_known or known.needs):
            # Not sure what they asked, but they told us where they are or what they
            # need: put the right doors in front of them and ask them to say more.
            dispatcher.utter_message(text=replies.NOT_SURE_BUT_HERE_IS_HELP)
            return events + route_and_reply(dispatcher, known, extra_needs=["domestic-abuse"])
        line_id = national_line_id(known.nation)
        dispatcher.utter_message(
            text=replies.not_understood(directory().get(line_id).name, phone_of(line_id)),
            buttons=replies.FALLBACK_BUTTONS,
        )
        dispatcher.utter_message(json_message=meta_payload(urgent=False, services=[line_id]))
        return events
