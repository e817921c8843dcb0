"""A conversation in Welsh ("cy"): the actions answer in Welsh and, until a place is
said, route for Wales (conversation_state.Known.route_nation)."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.disclosure_support import ActionDisclosureSupport
from actions.fallback_help import ActionFallbackHelp
from actions.information_help import ActionInformationHelp
from actions.urgent_help import ActionUrgentHelp
from common.i18n import Translator
from tests.actions.conftest import RunAction, TrackerFactory
from tests.actions.helpers import faq_selection, meta_of, services_of, slot_events, texts_of

CY = Translator("cy")
EN = Translator("en")
WELSH = {"locale": "cy"}


def test_urgent_reply_in_welsh_names_live_fear_free_in_welsh(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionUrgentHelp(), tracker_for(intent="urgent_danger", slots=WELSH))
    assert meta_of(dispatcher) == {"urgent": True, "locale": "cy",
                                   "services": ["emergency-999", "live-fear-free"]}
    text = texts_of(dispatcher)[0]
    assert text == replies.urgent(CY, "Live Fear Free helpline", "0808 80 10 800", False,
                                  None, False)
    assert text.startswith("Os ydych chi mewn perygl nawr, ffoniwch 999.")


def test_disclosure_in_welsh_believes_in_welsh_and_routes_for_wales(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    events = run(ActionDisclosureSupport(), tracker_for(intent="disclose_abuse",
                                                        slots=WELSH))
    texts = texts_of(dispatcher)
    assert texts[0] == replies.believe(CY, []) != replies.believe(EN, [])
    assert texts[1].startswith("Gall y gwasanaethau hyn helpu:\n• Live Fear Free helpline")
    assert meta_of(dispatcher) == {"urgent": False, "services": ["live-fear-free"],
                                   "locale": "cy"}
    # Wales is only assumed, so the place is still asked, in Welsh.
    assert slot_events(events)["place_asked"] is True
    question = next(m for m in dispatcher.messages if m["text"] == replies.place_question(CY))
    assert [b["title"] for b in question["buttons"]][:2] == ["Lloegr", "Cymru"]


def test_a_welsh_speaker_who_says_england_gets_englands_line_in_welsh(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent="disclose_abuse",
                                               slots={**WELSH, "nation": "england"}))
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline"]
    assert texts_of(dispatcher)[1].startswith("Gall y gwasanaethau hyn helpu:")


def test_a_welsh_speaker_on_an_english_councils_site_gets_englands_line(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent="disclose_abuse", slots=WELSH,
                                               metadata={"area": "hackney"}))
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline", "hackney-dais"]


def test_the_widgets_welsh_locale_stands_in_for_the_slot(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionDisclosureSupport(), tracker_for(intent="disclose_abuse",
                                               metadata={"locale": "cy-GB"}))
    assert meta_of(dispatcher)["locale"] == "cy"
    assert services_of(dispatcher) == ["live-fear-free"]
    assert texts_of(dispatcher)[0] == replies.believe(CY, [])


def test_fallback_in_welsh_asks_again_in_welsh_and_names_live_fear_free(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionFallbackHelp(), tracker_for(intent="nlu_fallback", slots=WELSH))
    message = dispatcher.messages[0]
    assert message["text"] == replies.not_understood(CY, "Live Fear Free helpline",
                                                     "0808 80 10 800")
    assert "ffoniwch 999" in message["text"]
    assert [b["title"] for b in message["buttons"]] == [
        b["title"] for b in replies.fallback_buttons(CY)] != [
        b["title"] for b in replies.fallback_buttons(EN)]
    assert services_of(dispatcher) == ["live-fear-free"]


def test_information_in_welsh_lists_services_with_welsh_descriptions(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionInformationHelp(), tracker_for(intent="faq", slots=WELSH,
                                             response_selector=faq_selection(
                                                 "stalking_harassment")))
    listing = texts_of(dispatcher)[0]
    assert services_of(dispatcher) == ["national-stalking-helpline", "paladin",
                                       "live-fear-free"]
    assert "Llinell gymorth i bobl y mae stelcio wedi effeithio arnyn nhw." in listing
    # Welsh is complete: no "this is in English" note.
    assert replies.in_english_note(CY) not in listing
