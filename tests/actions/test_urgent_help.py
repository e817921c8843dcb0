"""action_urgent_help: 999 first, the nation's 24-hour line, then the specialist."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.urgent_help import ActionUrgentHelp
from tests.actions.conftest import RunAction, TrackerFactory
from tests.actions.helpers import (
    MENS_LINES,
    NATIONAL_LINE,
    RESPECT,
    entity,
    meta_of,
    services_of,
    texts_of,
)

URGENT = "urgent_danger"


@pytest.mark.parametrize("nation", sorted(NATIONAL_LINE))
def test_urgent_reply_names_999_then_the_nations_24_hour_line(
        nation: str, run: RunAction, tracker_for: TrackerFactory,
        dispatcher: CollectingDispatcher) -> None:
    run(ActionUrgentHelp(), tracker_for(intent=URGENT, slots={"nation": nation}))
    assert services_of(dispatcher)[:2] == ["emergency-999", NATIONAL_LINE[nation]]


def test_urgent_reply_is_marked_urgent_in_the_meta(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionUrgentHelp(), tracker_for(intent=URGENT, slots={"nation": "england"}))
    assert meta_of(dispatcher) == {"urgent": True, "locale": "en", "services": [
        "emergency-999", "national-domestic-abuse-helpline"]}


def test_urgent_reply_text_says_999_first_and_gives_the_lines_number(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionUrgentHelp(), tracker_for(intent=URGENT, slots={"nation": "wales"}))
    first = texts_of(dispatcher)[0]
    assert first.startswith("If you are in danger now, call 999.")
    assert "Live Fear Free" in first and "0808 80 10 800" in first


def test_urgent_reply_without_a_nation_uses_englands_line(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    events = run(ActionUrgentHelp(), tracker_for(intent=URGENT))
    assert services_of(dispatcher) == ["emergency-999", "national-domestic-abuse-helpline"]
    # Danger first: the urgent reply does not ask where they are.
    assert all(e["name"] != "place_asked" for e in events)


@pytest.mark.parametrize(("need", "specialists"), [
    ("forced-marriage", ["forced-marriage-unit", "karma-nirvana"]),
    ("honour-based-abuse", ["karma-nirvana", "forced-marriage-unit"]),
    ("stalking", ["national-stalking-helpline", "paladin"]),
    ("fgm", ["nspcc"]),
])
def test_urgent_reply_names_the_specialist_for_the_situation_in_the_slots(
        need: str, specialists: list[str], run: RunAction, tracker_for: TrackerFactory,
        dispatcher: CollectingDispatcher) -> None:
    run(ActionUrgentHelp(), tracker_for(intent=URGENT,
                                        slots={"nation": "england", "needs": [need]}))
    assert services_of(dispatcher) == [
        "emergency-999", "national-domestic-abuse-helpline", *specialists]


def test_urgent_reply_names_the_specialist_for_a_need_said_this_turn(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionUrgentHelp(), tracker_for(intent=URGENT, slots={"nation": "england"},
                                        entities=[entity("need", "forced-marriage")]))
    assert services_of(dispatcher)[2:4] == ["forced-marriage-unit", "karma-nirvana"]


def test_specialist_that_does_not_cover_the_nation_is_left_out(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    # The stalking lines cover England and Wales only.
    run(ActionUrgentHelp(), tracker_for(intent=URGENT,
                                        slots={"nation": "scotland", "needs": ["stalking"]}))
    assert services_of(dispatcher) == ["emergency-999", "scotland-domestic-abuse-helpline"]


def test_suicidal_sign_adds_samaritans_after_the_line_and_in_the_text(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionUrgentHelp(), tracker_for(intent=URGENT, slots={"nation": "england"},
                                        entities=[entity("urgency_sign", "suicidal")]))
    assert services_of(dispatcher) == [
        "emergency-999", "national-domestic-abuse-helpline", "samaritans", "shout"]
    assert "Samaritans are there day and night: 116 123." in texts_of(dispatcher)[0]


def test_suicidal_crisis_need_in_the_slots_also_adds_samaritans(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionUrgentHelp(), tracker_for(intent=URGENT, slots={
        "nation": "wales", "needs": ["suicidal-crisis"]}))
    assert services_of(dispatcher)[:3] == ["emergency-999", "live-fear-free", "samaritans"]


def test_no_samaritans_without_a_suicidal_sign(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionUrgentHelp(), tracker_for(intent=URGENT, slots={"nation": "england"},
                                        entities=[entity("urgency_sign", "strangulation")]))
    assert "samaritans" not in services_of(dispatcher)
    assert "Samaritans" not in texts_of(dispatcher)[0]


def test_urgent_reply_for_a_man_adds_the_mens_lines(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionUrgentHelp(), tracker_for(intent=URGENT,
                                        slots={"nation": "england", "gender": "men"}))
    assert set(services_of(dispatcher)) >= MENS_LINES


def test_urgent_reply_for_a_woman_has_no_mens_lines(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionUrgentHelp(), tracker_for(intent=URGENT, slots={
        "nation": "england", "gender": "women", "needs": ["male-victims"]}))
    assert not MENS_LINES & set(services_of(dispatcher))


def test_urgent_reply_to_a_survivor_never_offers_the_respect_phoneline(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionUrgentHelp(), tracker_for(intent=URGENT, slots={
        "nation": "england", "needs": ["perpetrators"]}))
    assert RESPECT not in services_of(dispatcher)


def test_someone_else_as_the_models_runner_up_says_someone_is_in_danger(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    ranking = [{"name": URGENT, "confidence": 1.0},
               {"name": "ask_help_for_someone", "confidence": 0.8}]
    run(ActionUrgentHelp(), tracker_for(intent=URGENT, intent_ranking=ranking))
    assert texts_of(dispatcher)[0].startswith("If someone is in danger now, call 999.")


def test_a_weak_runner_up_does_not_change_who_the_reply_speaks_to(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    ranking = [{"name": URGENT, "confidence": 0.6},
               {"name": "ask_help_for_someone", "confidence": 0.4}]
    run(ActionUrgentHelp(), tracker_for(intent=URGENT, intent_ranking=ranking))
    assert texts_of(dispatcher)[0].startswith("If you are in danger now, call 999.")


def test_urgent_reply_keeps_the_needs_slot(
        run: RunAction, tracker_for: TrackerFactory) -> None:
    events = run(ActionUrgentHelp(), tracker_for(intent=URGENT, slots={"needs": ["stalking"]},
                                                 entities=[entity("need", "fgm")]))
    assert events == [{"event": "slot", "timestamp": None, "name": "needs",
                       "value": ["stalking", "fgm"]}]


def test_imminent_forced_marriage_sign_brings_the_forced_marriage_unit(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    # What the NLU gives for "my parents booked my flight, they are taking me to
    # pakistan to get married on saturday": the sign, and no `need` entity.
    run(ActionUrgentHelp(), tracker_for(intent=URGENT, slots={"nation": "england"},
                                        entities=[entity("urgency_sign",
                                                         "forced_marriage_imminent")]))
    assert "forced-marriage-unit" in services_of(dispatcher)


def test_urgent_reply_to_someone_afraid_of_what_they_will_do_names_the_respect_line(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionUrgentHelp(), tracker_for(intent=URGENT, slots={"nation": "england"},
                                        entities=[entity("role", "perpetrator")]))
    assert services_of(dispatcher)[:3] == [
        "emergency-999", "national-domestic-abuse-helpline", RESPECT]
