"""action_help_for_someone, action_professional_help, action_perpetrator_help.

The NLU's RoleGuard puts a `role` entity on these intents when it reads the message
(bot/nlu/components.py), so the realistic tracker carries it; a button payload such as
`/ask_help_for_someone` carries no entities (Rasa's RegexMessageHandler replaces them).
"""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.directory_access import directory
from actions.someone_else import ActionHelpForSomeone, ActionPerpetratorHelp, ActionProfessionalHelp
from common.i18n import Translator
from tests.actions.conftest import RunAction, TrackerFactory
from tests.actions.helpers import (
    MENS_LINES,
    NATIONAL_LINE,
    RESPECT,
    entity,
    services_of,
    slot_events,
    texts_of,
)

EN = Translator("en")
FRIEND = {"intent": "ask_help_for_someone", "entities": [entity("role", "friend-family")]}
PROFESSIONAL = {"intent": "professional_referral", "entities": [entity("role", "professional")]}
PERPETRATOR = {"intent": "perpetrator_seeking_help",
               "entities": [entity("role", "perpetrator")]}


def test_friend_is_told_how_to_help_and_remembered_as_a_friend(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    events = run(ActionHelpForSomeone(), tracker_for(slots={"nation": "england"}, **FRIEND))
    assert texts_of(dispatcher)[0] == replies.helping_someone(EN)
    assert slot_events(events)["asker"] == "friend-family"


@pytest.mark.parametrize("nation", ["england", "wales"])
def test_friend_gets_the_nations_line_which_also_talks_to_friends_and_family(
        nation: str, run: RunAction, tracker_for: TrackerFactory,
        dispatcher: CollectingDispatcher) -> None:
    run(ActionHelpForSomeone(), tracker_for(slots={"nation": nation}, **FRIEND))
    services = services_of(dispatcher)
    assert services == [NATIONAL_LINE[nation]]
    assert "friends-family" in directory().get(services[0]).needs


def test_friend_asking_about_a_man_gets_the_mens_lines(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionHelpForSomeone(), tracker_for(
        slots={"nation": "england", "gender": "women"},
        intent=FRIEND["intent"],
        entities=[entity("role", "friend-family"), entity("gender_at_risk", "men")]))
    assert services_of(dispatcher) == [
        "national-domestic-abuse-helpline", "mens-advice-line", "mankind-initiative"]


def test_a_male_friend_asking_about_a_woman_gets_no_mens_lines(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionHelpForSomeone(), tracker_for(
        slots={"nation": "england", "gender": "men"},
        intent=FRIEND["intent"],
        entities=[entity("role", "friend-family"), entity("gender_at_risk", "women")]))
    assert not MENS_LINES & set(services_of(dispatcher))


def test_friend_of_someone_facing_forced_marriage_gets_the_forced_marriage_unit(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionHelpForSomeone(), tracker_for(slots={"nation": "england",
                                                   "needs": ["forced-marriage"]}, **FRIEND))
    assert services_of(dispatcher) == [
        "national-domestic-abuse-helpline", "forced-marriage-unit", "karma-nirvana"]


def test_friend_is_never_offered_the_respect_phoneline(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionHelpForSomeone(), tracker_for(slots={"nation": "england",
                                                   "needs": ["perpetrators"]}, **FRIEND))
    assert RESPECT not in services_of(dispatcher)


def test_friend_button_after_the_writer_said_he_is_a_man_gets_no_mens_lines(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionHelpForSomeone(), tracker_for(
        slots={"nation": "england", "gender": "men"}, intent="ask_help_for_someone",
        text="/ask_help_for_someone"))
    assert not MENS_LINES & set(services_of(dispatcher))


def test_professional_is_told_about_dash_and_marac_and_remembered(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    events = run(ActionProfessionalHelp(), tracker_for(slots={"nation": "england"},
                                                       **PROFESSIONAL))
    assert texts_of(dispatcher)[0] == replies.professional(EN)
    assert "MARAC" in texts_of(dispatcher)[0]
    assert slot_events(events)["asker"] == "professional"


def test_professional_gets_the_national_line_and_safelives(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionProfessionalHelp(), tracker_for(slots={"nation": "england"}, **PROFESSIONAL))
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline", "safelives"]


def test_professional_in_an_area_gets_the_local_service_and_safelives(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionProfessionalHelp(), tracker_for(slots={"area": "hackney"}, **PROFESSIONAL))
    services = services_of(dispatcher)
    assert services[:3] == ["national-domestic-abuse-helpline", "safelives", "hackney-dais"]
    assert RESPECT not in services


def test_professional_in_scotland_gets_no_england_and_wales_only_services(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionProfessionalHelp(), tracker_for(slots={"nation": "scotland"}, **PROFESSIONAL))
    assert services_of(dispatcher) == ["scotland-domestic-abuse-helpline"]


def test_a_male_professional_is_not_routed_as_a_male_victim(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionProfessionalHelp(), tracker_for(slots={"nation": "england", "gender": "men"},
                                              **PROFESSIONAL))
    assert not MENS_LINES & set(services_of(dispatcher))


def test_perpetrator_is_offered_the_respect_phoneline(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    events = run(ActionPerpetratorHelp(), tracker_for(slots={"nation": "england"},
                                                      **PERPETRATOR))
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline", RESPECT]
    assert texts_of(dispatcher)[0] == replies.perpetrator(EN)
    assert slot_events(events)["asker"] == "perpetrator"


def test_perpetrator_in_wales_is_offered_the_respect_phoneline(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionPerpetratorHelp(), tracker_for(slots={"nation": "wales"}, **PERPETRATOR))
    assert services_of(dispatcher) == ["live-fear-free", RESPECT]


def test_a_man_who_harms_his_female_partner_is_not_offered_the_mens_victim_lines(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionPerpetratorHelp(), tracker_for(
        slots={"nation": "england", "gender": "men", "partner_gender": "women"},
        **PERPETRATOR))
    services = services_of(dispatcher)
    assert RESPECT in services and not MENS_LINES & set(services)


def test_perpetrator_action_offers_respect_even_without_a_role_entity(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionPerpetratorHelp(), tracker_for(slots={"nation": "england"},
                                             intent="perpetrator_seeking_help"))
    assert RESPECT in services_of(dispatcher)


def _selected(topic: str, confidence: float) -> dict:
    return {"faq": {"response": {"intent_response_key": f"faq/{topic}",
                                 "confidence": confidence}}}


def test_a_question_asked_in_passing_brings_its_topics_services_too(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionHelpForSomeone(), tracker_for(
        intent="ask_help_for_someone", slots={"nation": "england"},
        text="her new man is controlling, can i ask the police about his past?",
        response_selector=_selected("clares_law", 0.95)))
    assert services_of(dispatcher)[:2] == ["national-domestic-abuse-helpline", "police-101"]


@pytest.mark.parametrize(("text", "confidence"), [
    ("her new man is controlling and she never sees us now", 0.95),  # no question
    ("her new man is controlling, what can i do?", 0.3),  # the topic is a guess
])
def test_no_topic_services_without_a_question_the_selector_is_sure_of(
        text: str, confidence: float, run: RunAction, tracker_for: TrackerFactory,
        dispatcher: CollectingDispatcher) -> None:
    run(ActionHelpForSomeone(), tracker_for(
        intent="ask_help_for_someone", slots={"nation": "england"}, text=text,
        response_selector=_selected("clares_law", confidence)))
    assert "police-101" not in services_of(dispatcher)


@pytest.mark.parametrize("text", [
    "my sisters new fella gives me bad vibes. can i check him out with the police?",
    "is there a way to find out if her boyfriend has a history of violence?",
])
def test_a_question_in_its_own_words_brings_its_services_when_the_selector_is_unsure(
        text: str, run: RunAction, tracker_for: TrackerFactory,
        dispatcher: CollectingDispatcher) -> None:
    run(ActionHelpForSomeone(), tracker_for(
        intent="ask_help_for_someone", slots={"nation": "england"}, text=text,
        response_selector=_selected("help_a_friend", 0.15)))
    assert "police-101" in services_of(dispatcher)
