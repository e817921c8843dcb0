"""After an information answer: the services that act on it, for this person.

The answer itself comes from the domain (`utter_faq/<topic>`, chosen by the
ResponseSelector); this action follows it in the same turn, so every answer carries
help. The services that act on each topic are named here, in one table; what the
conversation knows (nation, area, needs, who is at risk) routes the rest.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation_state import Known, read_known
from actions.directory_access import direct_offers
from actions.routing_reply import route_and_reply
from common.normalise import normalise
from services_directory.routing import Offer

# topic -> (services that act on it, needs it implies). The nation's line is always
# offered too; a local service comes with the area where one is known.
TOPIC_HELP: dict[str, tuple[list[str], list[str]]] = {
    "what_is_domestic_abuse": ([], []),
    "abuse_without_violence": ([], []),
    "coercive_control": ([], []),
    "economic_abuse": (["surviving-economic-abuse"], ["economic-abuse"]),
    "stalking_harassment": (["national-stalking-helpline", "paladin"], ["stalking"]),
    "honour_based_abuse": (["karma-nirvana", "forced-marriage-unit"], ["honour-based-abuse"]),
    "forced_marriage": (["forced-marriage-unit", "karma-nirvana"], ["forced-marriage"]),
    "fgm": (["nspcc"], ["fgm"]),
    "image_based_abuse": (["revenge-porn-helpline"], ["image-based-abuse"]),
    "online_safety": ([], []),
    "safety_apps": (["bright-sky", "hollie-guard"], []),
    "clares_law": (["police-101"], []),
    "protective_orders": (["ncdv", "rights-of-women"], ["legal"]),
    "police_protection": (["police-101"], []),
    "housing_stay_home": ([], ["housing"]),
    "housing_leave": ([], ["housing", "refuge"]),
    "social_landlords": ([], ["housing"]),
    "helpline_what_happens": ([], []),
    "safety_plan": ([], []),
    "help_a_friend": ([], ["friends-family"]),
    "professionals_dash_marac": (["safelives"], ["professionals"]),
    # Respect is for the person who harms: offered here only when they are the writer.
    "people_who_harm": ([], []),
    "children_affected": (["childline"], []),
    "leaving_is_dangerous": ([], []),
}
TOPIC_KIND = "topic"


def topic_of(tracker: Tracker) -> str | None:
    """The FAQ topic the ResponseSelector chose for the latest message."""
    selected = ((tracker.latest_message.get("response_selector") or {}).get("faq") or {})
    key = (selected.get("response") or {}).get("intent_response_key") or ""
    return key.split("/", 1)[1] if key.startswith("faq/") else None


# A question asked inside a disclosure or a friend's message ("can i check him out with
# the police?"): its topic's services come too, after the situation's own, when the
# ResponseSelector is this sure of the topic.
QUESTION_TOPIC_CONFIDENCE = 0.8
_QUESTION = re.compile(
    r"\?|^\s*(?:can|could|how|what|who|where|when|is|are|should|will|would|does|do)\b|"
    r"\b(?:can|could|should|do) (?:i|we|she|he|they)\b|\bhow (?:do|can|does)\b|"
    r"\b(?:what|who|where) (?:can|should|do|is|are)\b|\bis there\b", re.IGNORECASE)


# Topics whose own words are unmistakable, for a question the ResponseSelector is unsure
# of because a long message round it is about something else.
_TOPIC_WORDS: dict[str, re.Pattern[str]] = {
    "clares_law": re.compile(
        r"\bclares? s? law\b|\bdisclosure scheme\b|\bright to (?:ask|know)\b|"
        r"\bcheck (?:him|her|them|his|my \w+s?) (?:out|history|past|record|background)\b|"
        r"\bcheck (?:up )?on (?:him|her|his) (?:with|through) the police\b|"
        r"\b(?:his|her|their) (?:history|record|past)\b(?:\W+\w+){0,4}\W+police\b|"
        r"\bpolice\b(?:\W+\w+){0,6}\W+(?:his|her|their) (?:history|record|past)\b|"
        r"\b(?:history|record) of (?:violence|abuse|hurting|hitting|domestic)\b"),
    "protective_orders": re.compile(
        r"\bnon ?mol\w*\b|\bnon molestation\b|\boccupation order\b|\binjunction\b|"
        r"\b(?:restraining|protective|protection) order\b"),
    "professionals_dash_marac": re.compile(r"\bmarac\b|\bdash (?:risk|checklist|form)\b"),
}


def spotted_topic(text: str) -> str | None:
    """A topic named by its own words ("can i check him out with the police?"), or None."""
    words = normalise(text)
    return next((topic for topic, words_of in _TOPIC_WORDS.items() if words_of.search(words)),
                None)


def question_topic_offers(tracker: Tracker, known: Known) -> list[Offer]:
    """The services for a question asked in passing, or none."""
    text = tracker.latest_message.get("text") or ""
    if not _QUESTION.search(text):
        return []
    selected = ((tracker.latest_message.get("response_selector") or {}).get("faq") or {})
    confidence = (selected.get("response") or {}).get("confidence") or 0.0
    topic = topic_of(tracker) if confidence >= QUESTION_TOPIC_CONFIDENCE else spotted_topic(text)
    services, _ = TOPIC_HELP.get(topic or "", ([], []))
    return direct_offers(services, nation=known.route_nation, gender=known.person_gender,
                         age=known.age, kind=TOPIC_KIND)


class ActionInformationHelp(Action):
    def name(self) -> str:
        return "action_information_help"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        known, events = read_known(tracker)
        services, needs = TOPIC_HELP.get(topic_of(tracker) or "", ([], []))
        if topic_of(tracker) == "people_who_harm" and known.asker == "perpetrator":
            services = ["respect-phoneline"]
        # route() adds the nation's line (or a 24-hour line) and the local service.
        first = direct_offers(services, nation=known.route_nation,
                              gender=known.person_gender, age=known.age, kind=TOPIC_KIND)
        return events + route_and_reply(dispatcher, known, extra_needs=needs, first=first)
