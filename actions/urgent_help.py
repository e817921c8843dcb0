"""The reply to danger now: short, 999 first, then the 24-hour line for their nation."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.conversation_state import read_known
from actions.directory_access import (
    EMERGENCY_ID,
    SAMARITANS_ID,
    direct_offers,
    directory,
    national_line_id,
    phone_of,
)
from actions.routing_reply import MAX_SERVICES, offers_for_situation
from common.turn_meta import meta_payload
from services_directory.routing import shortlist

SOMEONE_ELSE_INTENTS = {"ask_help_for_someone", "professional_referral"}
# Signs of danger (common/urgency_rules.py) that also say what the situation is: its
# specialist belongs in the urgent reply even if no need was heard (suicidal: below).
SIGN_NEEDS: dict[str, str] = {"forced_marriage_imminent": "forced-marriage"}
# The specialist for the situation, named in the urgent reply beside 999 and the line.
URGENT_SPECIALISTS: dict[str, list[str]] = {
    "forced-marriage": ["forced-marriage-unit", "karma-nirvana"],
    "honour-based-abuse": ["karma-nirvana", "forced-marriage-unit"],
    "fgm": ["nspcc"],
    "stalking": ["national-stalking-helpline", "paladin"],
    "suicidal-crisis": ["samaritans", "shout"],
}
# For the writer who fears what they are about to do (bot/nlu/role_rules.about_to_harm):
# only by who is writing, never by a need word, so no survivor is sent there.
PERPETRATOR_LINE = "respect-phoneline"


def _about_someone_else(tracker: Tracker) -> bool:
    """The model's own guess, kept in the ranking under the safety net's urgent_danger."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    runner_up = ranking[1]["name"] if len(ranking) > 1 else None
    return runner_up in SOMEONE_ELSE_INTENTS and ranking[1].get("confidence", 0) > 0.5


class ActionUrgentHelp(Action):
    def name(self) -> str:
        return "action_urgent_help"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        known, events = read_known(tracker)
        signs = {e["value"] for e in tracker.latest_message.get("entities", [])
                 if e.get("entity") == "urgency_sign"}
        suicidal = "suicidal" in signs or "suicidal-crisis" in known.needs
        line_id = national_line_id(known.route_nation)
        line = directory().get(line_id)
        services = [EMERGENCY_ID, line_id]
        samaritans = phone_of(SAMARITANS_ID) if SAMARITANS_ID in directory() else None
        if suicidal and samaritans:
            services.append(SAMARITANS_ID)
        t = known.t
        dispatcher.utter_message(text=replies.urgent(
            t, line.name, phone_of(line_id), suicidal, samaritans,
            known.about_another or _about_someone_else(tracker)))
        # Then, second and apart, the specialist for the situation and the other doors
        # that fit what they said.
        needs = [*known.routing_needs(), *(["suicidal-crisis"] if suicidal else []),
                 *(SIGN_NEEDS[sign] for sign in sorted(signs) if sign in SIGN_NEEDS)]
        named = [sid for need in needs for sid in URGENT_SPECIALISTS.get(need, [])]
        if known.asker == "perpetrator":
            named.insert(0, PERPETRATOR_LINE)
        first = direct_offers(list(dict.fromkeys(named)), nation=known.route_nation,
                              gender=known.person_gender, age=known.age, kind="urgent")
        offers = offers_for_situation(known, first=first)
        others = shortlist([o for o in offers if o.id not in services], MAX_SERVICES)
        if others:
            dispatcher.utter_message(text=replies.services_list(t, others, replies.when_safe(t)))
        dispatcher.utter_message(json_message=meta_payload(
            urgent=True, services=services + [o.id for o in others], locale=known.locale))
        return events
