"""Friends, family and professionals asking how to help, and people who want to stop."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, ClassVar

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.conversation_state import read_known
from actions.information_help import question_topic_offers
from actions.routing_reply import route_and_reply
from common.i18n import Translator


class _AnswersAnAsker:
    """Shared run(); a mixin, not an Action, because the SDK registers every Action."""

    asker = ""
    intro: ClassVar[Callable[[Translator], str]]
    needs: ClassVar[list[str]] = []

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        known, events = read_known(tracker)
        # The action is who is writing: a button (/ask_help_for_someone) carries no role
        # entity, and routing must not take a friend's own gender for the person at risk.
        known = dataclasses.replace(known, asker=self.asker)
        dispatcher.utter_message(text=type(self).intro(known.t))
        events += route_and_reply(dispatcher, known, extra_needs=self.needs,
                                  then=question_topic_offers(tracker, known))
        return [*events, SlotSet("asker", self.asker)]


class ActionHelpForSomeone(_AnswersAnAsker, Action):
    asker, intro, needs = "friend-family", replies.helping_someone, ["friends-family"]

    def name(self) -> str:
        return "action_help_for_someone"


class ActionProfessionalHelp(_AnswersAnAsker, Action):
    asker, intro, needs = "professional", replies.professional, ["professionals"]

    def name(self) -> str:
        return "action_professional_help"


class ActionPerpetratorHelp(_AnswersAnAsker, Action):
    asker, intro, needs = "perpetrator", replies.perpetrator, ["perpetrators"]

    def name(self) -> str:
        return "action_perpetrator_help"
