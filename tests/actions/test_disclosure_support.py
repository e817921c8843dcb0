"""action_disclosure_support: believe them, then the doors that fit who is at risk."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.directory_access import directory
from actions.disclosure_support import ActionDisclosureSupport
from common.i18n import Translator
from tests.actions.conftest import RunAction, TrackerFactory
from tests.actions.helpers import (
    MENS_LINES,
    NATIONAL_LINE,
    RESPECT,
    entity,
    meta_of,
    services_of,
    slot_events,
    texts_of,
)

DISCLOSE = "disclose_abuse"
EN = Translator("en")


@pytest.mark.parametrize("nation", sorted(NATIONAL_LINE))
def test_disclosure_offers_the_nations_line_first(
        nation: str, run: RunAction, tracker_for: TrackerFactory,
        dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE, slots={"nation": nation}))
    assert services_of(dispatcher)[0] == NATIONAL_LINE[nation]
    assert meta_of(dispatcher)["urgent"] is False


def test_disclosure_believes_them_first_then_lists_services(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE, slots={"nation": "england"}))
    texts = texts_of(dispatcher)
    assert texts[0] == replies.believe(EN, [])
    assert texts[1].startswith("These services can help:\n• National Domestic Abuse Helpline")
    assert texts[2] == "If you are ever in danger, call 999."


def test_disclosure_names_the_form_of_abuse_said(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE, slots={"nation": "england"},
                                               entities=[entity("need", "stalking")]))
    assert "being followed, watched or harassed is stalking" in texts_of(dispatcher)[0]
    assert "national-stalking-helpline" in services_of(dispatcher)


def test_disclosure_without_a_place_asks_where_once(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    events = run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE))
    assert slot_events(events)["place_asked"] is True
    question = [m for m in dispatcher.messages if m["text"] == replies.place_question(EN)]
    assert [b["payload"] for b in question[0]["buttons"]][-1] == "/decline_place"


def test_disclosure_does_not_ask_the_place_again(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    events = run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE,
                                                        slots={"place_asked": True}))
    assert "place_asked" not in slot_events(events)
    assert replies.place_question(EN) not in texts_of(dispatcher)


def test_disclosure_in_an_area_adds_the_local_service(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE, slots={"area": "hackney"}))
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline", "hackney-dais"]


def test_the_embedding_councils_area_stands_in_for_the_place(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    events = run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE,
                                                        metadata={"area": "Cardiff"}))
    assert services_of(dispatcher)[0] == "live-fear-free"
    assert "place_asked" not in slot_events(events)


def test_a_male_victim_is_offered_the_mens_lines(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE,
                                               slots={"nation": "england", "gender": "men"}))
    assert services_of(dispatcher) == [
        "national-domestic-abuse-helpline", "mens-advice-line", "mankind-initiative"]


def test_a_female_partner_named_by_a_writer_of_unsaid_gender_brings_the_mens_lines(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE, slots={"nation": "england"},
                                               entities=[entity("partner_gender", "women")]))
    assert set(services_of(dispatcher)) >= MENS_LINES


def test_a_woman_at_risk_is_never_offered_the_mens_lines(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    # Even with a stray male-victims need (said earlier, or misread).
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE, slots={
        "nation": "england", "gender": "women", "needs": ["male-victims"]}))
    assert not MENS_LINES & set(services_of(dispatcher))
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline"]


def test_a_woman_with_a_female_partner_is_offered_galop(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE, slots={
        "nation": "england", "gender": "women", "partner_gender": "women"}))
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline", "galop"]


def test_a_man_with_a_male_partner_is_offered_galop_and_the_mens_lines(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE, slots={
        "nation": "wales", "gender": "men", "partner_gender": "men"}))
    assert services_of(dispatcher) == [
        "live-fear-free", "dyn-wales", "mens-advice-line", "mankind-initiative", "galop"]


def test_an_opposite_sex_partner_does_not_bring_galop(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE, slots={
        "nation": "england", "gender": "women", "partner_gender": "men"}))
    assert "galop" not in services_of(dispatcher)


def test_a_survivor_is_never_offered_the_respect_phoneline(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE, slots={
        "nation": "england", "needs": ["perpetrators"], "gender": "men"}))
    assert RESPECT not in services_of(dispatcher)


def test_disclosure_from_a_friend_helps_the_helper_and_routes_for_the_person_at_risk(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE, slots={
        "nation": "england", "asker": "friend-family", "gender": "men",
        "gender_at_risk": "women"}))
    assert texts_of(dispatcher)[0] == replies.helping_someone(EN)
    services = services_of(dispatcher)
    assert services == ["national-domestic-abuse-helpline"]
    assert "friends-family" in directory().get(services[0]).needs


def test_disclosure_from_a_professional_adds_safelives(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE, slots={
        "nation": "england", "asker": "professional"}))
    assert texts_of(dispatcher)[0] == replies.professional(EN)
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline", "safelives"]


def test_every_service_in_the_meta_is_listed_in_the_text(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent=DISCLOSE, slots={
        "area": "hackney", "gender": "men", "needs": ["stalking"]}))
    listing = texts_of(dispatcher)[1]
    services = services_of(dispatcher)
    assert len(services) == 5  # MAX_SERVICES
    for service_id in services:
        assert f"• {directory().get(service_id).name}:" in listing
