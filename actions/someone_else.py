"""Friends, family and professionals asking how to help, and people who want to stop."""

from __future__ import annotations

from typing import Any, ClassVar

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.conversation_state import read_known
from actions.routing_reply import route_and_reply


class _AnswersAnAsker:
    """Shared run(); a mixin, not an Action, because the SDK registers every Action."""

    asker = ""
    intro = ""
    needs: ClassVar[list[str]] = []

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        known, events = read_known(tracker)
        dispatcher.utter_message(text=self.intro)
        events += route_and_reply(dispatcher, known, extra_needs=self.needs)
        return [*events, SlotSet("asker", self.asker)]


class ActionHelpForSomeone(_AnswersAnAsker, Action):
    asker, intro, needs = "friend-family", replies.HELPING_SOMEONE, ["friends-family"]

    def name(self) -> str:
        return "action_help_for_someone"


class ActionProfessionalHelp(_AnswersAnAsker, Action):
    asker, intro, needs = "professional", replies.PROFESSIONAL, ["professionals"]

    def name(self) -> str:
        return "action_professional_help"


class ActionPerpetratorHelp(_AnswersAnAsker, Action):
    asker, intro, needs = "perpetrator", replies.PERPETRATOR, ["perpetrators"]

    def name(self) -> str:
        return "action_perpetrator_help"
