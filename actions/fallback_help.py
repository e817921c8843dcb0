"""When the model is not sure: ask again, never a dead end, and keep what was said.

A message in a language the model was not trained on (common/i18n MODEL_LOCALES) also
lands here: the language detector sends it to nlu_fallback. Then the reply believes
them, in their language, and names services they can talk to, interpreters first.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.conversation_state import read_known
from actions.directory_access import directory, national_line_id, phone_of
from actions.routing_reply import route_and_reply
from common.i18n import MODEL_LOCALES
from common.turn_meta import meta_payload


class ActionFallbackHelp(Action):
    def name(self) -> str:
        return "action_fallback_help"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        known, events = read_known(tracker)
        t = known.t
        if known.locale not in MODEL_LOCALES:
            return events + route_and_reply(dispatcher, known, extra_needs=["domestic-abuse"],
                                            intro=replies.other_language(t))
        # The language detector tags nearly every message; that is not something said.
        said_something = any(e.get("entity") != "language"
                             for e in tracker.latest_message.get("entities") or [])
        if said_something and (known.place_known or known.needs):
            # Not sure what they asked, but they told us where they are or what they
            # need: put the right doors in front of them and ask them to say more.
            dispatcher.utter_message(text=replies.not_sure_but_here_is_help(t))
            return events + route_and_reply(dispatcher, known, extra_needs=["domestic-abuse"])
        line_id = national_line_id(known.route_nation)
        dispatcher.utter_message(
            text=replies.not_understood(t, directory().get(line_id).name, phone_of(line_id)),
            buttons=replies.fallback_buttons(t),
        )
        dispatcher.utter_message(json_message=meta_payload(urgent=False, services=[line_id],
                                                           locale=known.locale))
        return events
