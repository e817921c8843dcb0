"""action_route_help: after the place is said or declined, route again."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.route_help import ActionRouteHelp
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


@pytest.mark.parametrize("nation", sorted(NATIONAL_LINE))
def test_a_nation_given_routes_to_its_line_without_asking_again(
        nation: str, run: RunAction, tracker_for: TrackerFactory,
        dispatcher: CollectingDispatcher) -> None:
    events = run(ActionRouteHelp(), tracker_for(
        slots={"nation": nation, "place_asked": True},
        entities=[entity("nation", nation)], text=nation))
    assert services_of(dispatcher) == [NATIONAL_LINE[nation]]
    assert "place_asked" not in slot_events(events)
    assert texts_of(dispatcher)[-1] == replies.safety_line(EN)


def test_an_area_given_brings_its_local_service(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionRouteHelp(), tracker_for(slots={"area": "hackney", "place_asked": True}))
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline", "hackney-dais"]


def test_declining_the_place_is_accepted_and_remembered(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    events = run(ActionRouteHelp(), tracker_for(intent="decline_place",
                                                slots={"place_asked": True}))
    assert slot_events(events)["place_declined"] is True
    assert texts_of(dispatcher)[0] == replies.declined_place(EN)
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline"]


def test_declining_in_words_counts_as_declining(
        run: RunAction, tracker_for: TrackerFactory) -> None:
    events = run(ActionRouteHelp(), tracker_for(intent="inform", text="I'd rather not say",
                                                slots={"place_asked": True}))
    assert slot_events(events)["place_declined"] is True


def test_declining_after_the_place_is_known_changes_nothing(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    events = run(ActionRouteHelp(), tracker_for(intent="decline_place",
                                                slots={"nation": "wales", "place_asked": True}))
    assert "place_declined" not in slot_events(events)
    assert replies.declined_place(EN) not in texts_of(dispatcher)


def test_route_for_a_male_survivor_keeps_the_mens_lines(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionRouteHelp(), tracker_for(slots={"nation": "england", "gender": "men"}))
    assert set(services_of(dispatcher)) >= MENS_LINES


def test_route_for_a_woman_leaves_out_the_mens_lines(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionRouteHelp(), tracker_for(slots={"nation": "wales", "gender": "women"}))
    services = services_of(dispatcher)
    assert not (MENS_LINES | {"dyn-wales"}) & set(services)


def test_route_for_a_survivor_never_offers_the_respect_phoneline(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionRouteHelp(), tracker_for(slots={"nation": "england", "asker": "self",
                                              "needs": ["perpetrators"]}))
    assert RESPECT not in services_of(dispatcher)


def test_route_for_someone_who_harms_offers_the_respect_phoneline(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionRouteHelp(), tracker_for(slots={"nation": "england", "asker": "perpetrator"}))
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline", RESPECT]


def test_route_for_a_professional_in_an_area_gives_safelives_and_the_local_service(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionRouteHelp(), tracker_for(slots={"area": "hackney", "asker": "professional"}))
    services = services_of(dispatcher)
    assert services[0] == "national-domestic-abuse-helpline"
    assert {"safelives", "hackney-dais"} <= set(services)
    assert RESPECT not in services


def test_route_for_a_friend_asking_about_a_man_gives_the_mens_lines(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionRouteHelp(), tracker_for(slots={
        "nation": "england", "asker": "friend-family", "gender_at_risk": "men",
        "gender": "women"}))
    assert services_of(dispatcher) == [
        "national-domestic-abuse-helpline", "mens-advice-line", "mankind-initiative"]
