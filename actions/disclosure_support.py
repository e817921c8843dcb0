"""The first reply to a disclosure: believe, do not blame, then the right doors."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.conversation_state import read_known
from actions.information_help import question_topic_offers
from actions.routing_reply import route_and_reply


class ActionDisclosureSupport(Action):
    def name(self) -> str:
        return "action_disclosure_support"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        known, events = read_known(tracker)
        # Told about someone else (a sister, a client): help the helper; the services
        # are the ones for the person at risk (conversation_state.Known).
        intro = (replies.helping_someone(known.t) if known.asker == "friend-family"
                 else replies.professional(known.t) if known.asker == "professional"
                 else replies.believe(known.t, known.needs))
        dispatcher.utter_message(text=intro)
        return events + route_and_reply(dispatcher, known, extra_needs=["domestic-abuse"],
                                        then=question_topic_offers(tracker, known))
