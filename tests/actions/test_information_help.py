"""action_information_help: after an FAQ answer, the services that act on its topic."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.directory_access import directory
from actions.information_help import TOPIC_HELP, ActionInformationHelp
from tests.actions.conftest import RunAction, TrackerFactory
from tests.actions.helpers import (
    NATIONAL_LINE,
    RESPECT,
    faq_selection,
    meta_of,
    services_of,
    texts_of,
)

FAQ = "faq"
ENGLAND = {"nation": "england"}


@pytest.mark.parametrize(("topic", "expected"), [
    ("economic_abuse", ["surviving-economic-abuse", "national-domestic-abuse-helpline"]),
    ("stalking_harassment", ["national-stalking-helpline", "paladin",
                             "national-domestic-abuse-helpline"]),
    ("forced_marriage", ["forced-marriage-unit", "karma-nirvana",
                         "national-domestic-abuse-helpline"]),
    ("honour_based_abuse", ["karma-nirvana", "forced-marriage-unit",
                            "national-domestic-abuse-helpline"]),
    ("fgm", ["nspcc", "national-domestic-abuse-helpline"]),
    ("image_based_abuse", ["revenge-porn-helpline", "national-domestic-abuse-helpline"]),
    ("safety_apps", ["bright-sky", "hollie-guard", "national-domestic-abuse-helpline"]),
    ("clares_law", ["police-101", "national-domestic-abuse-helpline"]),
    ("professionals_dash_marac", ["safelives", "national-domestic-abuse-helpline"]),
    ("children_affected", ["childline", "national-domestic-abuse-helpline"]),
    ("what_is_domestic_abuse", ["national-domestic-abuse-helpline"]),
])
def test_topic_brings_its_own_services_then_the_nations_line(
        topic: str, expected: list[str], run: RunAction, tracker_for: TrackerFactory,
        dispatcher: CollectingDispatcher) -> None:
    run(ActionInformationHelp(), tracker_for(intent=FAQ, slots=ENGLAND,
                                             response_selector=faq_selection(topic)))
    assert services_of(dispatcher) == expected


def test_protective_orders_bring_legal_help(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionInformationHelp(), tracker_for(intent=FAQ, slots=ENGLAND,
                                             response_selector=faq_selection(
                                                 "protective_orders")))
    services = services_of(dispatcher)
    assert services[:2] == ["ncdv", "rights-of-women"]
    assert "national-domestic-abuse-helpline" in services
    assert all("legal" in directory().get(s).needs for s in services
               if s != "national-domestic-abuse-helpline")


def test_leaving_home_brings_refuge_services(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionInformationHelp(), tracker_for(intent=FAQ, slots=ENGLAND,
                                             response_selector=faq_selection("housing_leave")))
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline", "womens-aid",
                                       "refuge"]


@pytest.mark.parametrize("topic", sorted(TOPIC_HELP))
def test_every_topic_comes_with_at_least_the_nations_line(
        topic: str, run: RunAction, tracker_for: TrackerFactory,
        dispatcher: CollectingDispatcher) -> None:
    run(ActionInformationHelp(), tracker_for(intent=FAQ, slots={"nation": "wales"},
                                             response_selector=faq_selection(topic)))
    services = services_of(dispatcher)
    assert NATIONAL_LINE["wales"] in services
    assert RESPECT not in services
    assert meta_of(dispatcher)["urgent"] is False
    assert texts_of(dispatcher)[0].startswith("These services can help:")


def test_a_topics_service_that_does_not_cover_the_nation_is_left_out(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    # The stalking lines cover England and Wales only.
    run(ActionInformationHelp(), tracker_for(intent=FAQ, slots={"nation": "scotland"},
                                             response_selector=faq_selection(
                                                 "stalking_harassment")))
    assert services_of(dispatcher) == ["scotland-domestic-abuse-helpline"]


def test_a_topics_service_the_person_is_too_young_for_is_left_out(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    # The Revenge Porn Helpline is for adults; a 16-year-old gets young people's help.
    run(ActionInformationHelp(), tracker_for(intent=FAQ, slots={"nation": "england",
                                                                "age": "16"},
                                             response_selector=faq_selection(
                                                 "image_based_abuse")))
    services = services_of(dispatcher)
    assert "revenge-porn-helpline" not in services
    assert "childline" in services


def test_people_who_harm_topic_gives_respect_to_the_one_who_harms(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionInformationHelp(), tracker_for(intent=FAQ, slots={**ENGLAND,
                                                                "asker": "perpetrator"},
                                             response_selector=faq_selection(
                                                 "people_who_harm")))
    assert services_of(dispatcher) == [RESPECT, "national-domestic-abuse-helpline"]


def test_people_who_harm_topic_asked_by_a_survivor_gives_no_respect(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionInformationHelp(), tracker_for(intent=FAQ, slots=ENGLAND,
                                             response_selector=faq_selection(
                                                 "people_who_harm")))
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline"]


def test_an_answer_with_no_topic_still_gives_the_line_and_asks_the_place(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    events = run(ActionInformationHelp(), tracker_for(intent=FAQ))
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline"]
    assert {"event": "slot", "timestamp": None, "name": "place_asked", "value": True} in events


def test_an_unknown_topic_is_answered_like_no_topic(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionInformationHelp(), tracker_for(intent=FAQ, slots=ENGLAND,
                                             response_selector=faq_selection("no_such_topic")))
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline"]


def test_topic_services_come_with_what_the_conversation_knows(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionInformationHelp(), tracker_for(intent=FAQ, slots={"area": "hackney",
                                                                "gender": "men"},
                                             response_selector=faq_selection(
                                                 "economic_abuse")))
    services = services_of(dispatcher)
    assert services[0] == "surviving-economic-abuse"
    assert {"national-domestic-abuse-helpline", "mens-advice-line", "hackney-dais"} <= set(
        services)


def test_the_topic_table_and_the_domains_faq_answers_name_the_same_topics(
        domain: dict[str, object]) -> None:
    responses = domain["responses"]
    assert isinstance(responses, dict)
    assert {f"utter_faq/{topic}" for topic in TOPIC_HELP} == {
        name for name in responses if name.startswith("utter_faq/")}
