"""action_validate_slot_mappings (RememberSituation), run as Rasa runs it: after every
message, its SlotSet events applied to the tracker before the next turn."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.disclosure_support import ActionDisclosureSupport
from actions.remember_situation import RememberSituation
from tests.actions.conftest import RunAction, TrackerFactory
from tests.actions.helpers import MENS_LINES, entity, services_of, slot_events


def say(run: RunAction, tracker_for: TrackerFactory, slots: dict[str, Any],
        *entities: dict[str, Any]) -> dict[str, Any]:
    """One turn: run the action, and return the slots as Rasa would hold them after it."""
    events = run(RememberSituation(), tracker_for(slots=slots, entities=entities))
    return {**slots, **slot_events(events)}


def test_it_runs_under_rasas_fixed_name() -> None:
    assert RememberSituation().name() == "action_validate_slot_mappings"


def test_needs_gender_and_partner_gender_said_in_different_turns_add_up(
        run: RunAction, tracker_for: TrackerFactory) -> None:
    slots = say(run, tracker_for, {}, entity("need", "stalking"))
    slots = say(run, tracker_for, slots, entity("partner_gender", "men"))
    slots = say(run, tracker_for, slots, entity("gender", "men"), entity("need", "housing"))
    assert slots == {"needs": ["stalking", "housing"], "partner_gender": "men",
                     "gender": "men"}


def test_the_events_set_only_what_this_turn_changed(
        run: RunAction, tracker_for: TrackerFactory) -> None:
    events = run(RememberSituation(), tracker_for(
        slots={"needs": ["stalking"], "partner_gender": "men"},
        entities=[entity("gender", "men")]))
    assert events == [{"event": "slot", "timestamp": None, "name": "gender", "value": "men"}]


def test_a_need_said_again_sets_nothing(
        run: RunAction, tracker_for: TrackerFactory) -> None:
    events = run(RememberSituation(), tracker_for(slots={"needs": ["stalking"]},
                                                  entities=[entity("need", "stalking")]))
    assert events == []


def test_a_new_need_is_added_after_the_earlier_ones(
        run: RunAction, tracker_for: TrackerFactory) -> None:
    events = run(RememberSituation(), tracker_for(slots={"needs": ["stalking"]},
                                                  entities=[entity("need", "economic-abuse")]))
    assert slot_events(events) == {"needs": ["stalking", "economic-abuse"]}


def test_a_later_gender_corrects_an_earlier_one(
        run: RunAction, tracker_for: TrackerFactory) -> None:
    events = run(RememberSituation(), tracker_for(slots={"gender": "men"},
                                                  entities=[entity("gender", "women")]))
    assert slot_events(events) == {"gender": "women"}


def test_role_age_and_children_become_slots(
        run: RunAction, tracker_for: TrackerFactory) -> None:
    events = run(RememberSituation(), tracker_for(entities=[
        entity("role", "friend-family"), entity("gender_at_risk", "women"),
        entity("age", "17"), entity("children", "yes")]))
    assert slot_events(events) == {"asker": "friend-family", "gender_at_risk": "women",
                                   "age": "17", "children": True}


def test_entities_that_are_not_the_situation_set_nothing(
        run: RunAction, tracker_for: TrackerFactory,
        dispatcher: CollectingDispatcher) -> None:
    events = run(RememberSituation(), tracker_for(entities=[
        entity("nation", "wales"), entity("language", "cy"),
        entity("urgency_sign", "weapon")]))
    assert events == []
    assert dispatcher.messages == []


def test_the_situation_built_over_turns_routes_the_next_disclosure(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    slots = say(run, tracker_for, {"nation": "england"}, entity("partner_gender", "men"))
    slots = say(run, tracker_for, slots, entity("need", "stalking"))
    slots = say(run, tracker_for, slots, entity("gender", "men"))
    run(ActionDisclosureSupport(), tracker_for(intent="disclose_abuse", slots=slots))
    services = set(services_of(dispatcher))
    assert {"galop", "national-stalking-helpline"} <= services
    assert MENS_LINES & services


def _at_risk(name: str, value: str) -> dict[str, Any]:
    return {**entity(name, value), "role": "at_risk"}


def test_a_friend_naming_both_places_routes_for_where_the_person_at_risk_is(
        run: RunAction, tracker_for: TrackerFactory) -> None:
    # "she's in swansea, i'm in bristol": Rasa's mapping already took the writer's place.
    slots = say(run, tracker_for, {"asker": "friend-family", "area": "england",
                                   "nation": "england"},
                _at_risk("area", "swansea"), _at_risk("nation", "wales"))
    assert (slots["area"], slots["nation"]) == ("swansea", "wales")


def test_a_survivor_naming_a_relatives_place_keeps_her_own(
        run: RunAction, tracker_for: TrackerFactory) -> None:
    slots = say(run, tracker_for, {"asker": "self", "area": "england", "nation": "england"},
                _at_risk("area", "swansea"), _at_risk("nation", "wales"))
    assert (slots["area"], slots["nation"]) == ("england", "england")
