"""action_fallback_help: ask again, never a dead end; other languages get help at once."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.fallback_help import ActionFallbackHelp
from common.i18n import Translator
from tests.actions.conftest import RunAction, TrackerFactory
from tests.actions.helpers import NATIONAL_LINE, entity, meta_of, services_of, slot_events, texts_of

FALLBACK = "nlu_fallback"
EN = Translator("en")
PL = Translator("pl")


@pytest.mark.parametrize("nation", sorted(NATIONAL_LINE))
def test_fallback_still_gives_the_nations_line(
        nation: str, run: RunAction, tracker_for: TrackerFactory,
        dispatcher: CollectingDispatcher) -> None:
    run(ActionFallbackHelp(), tracker_for(intent=FALLBACK, text="hmm",
                                          slots={"nation": nation}))
    assert meta_of(dispatcher) == {"urgent": False, "services": [NATIONAL_LINE[nation]],
                                   "locale": "en"}


def test_fallback_asks_again_and_names_the_line_and_999(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionFallbackHelp(), tracker_for(intent=FALLBACK, text="hmm"))
    message = dispatcher.messages[0]
    assert message["text"] == replies.not_understood(
        EN, "National Domestic Abuse Helpline", "0808 2000 247")
    assert "call 999" in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/talk_options", "/restart"]
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline"]


def test_fallback_with_a_need_said_routes_instead_of_only_asking_again(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    events = run(ActionFallbackHelp(), tracker_for(
        intent=FALLBACK, text="he follows me everywhere", slots={"nation": "england"},
        entities=[entity("need", "stalking")]))
    assert texts_of(dispatcher)[0] == replies.not_sure_but_here_is_help(EN)
    assert services_of(dispatcher) == ["national-domestic-abuse-helpline",
                                       "national-stalking-helpline", "paladin"]
    assert slot_events(events)["needs"] == ["stalking"]


def test_fallback_keeps_the_need_said_even_when_it_only_asks_again(
        run: RunAction, tracker_for: TrackerFactory) -> None:
    events = run(ActionFallbackHelp(), tracker_for(intent=FALLBACK, text="hmm",
                                                   slots={"needs": ["legal"]}))
    assert slot_events(events) == {"needs": ["legal"]}


def test_polish_from_the_widget_is_believed_in_polish_and_given_services(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    events = run(ActionFallbackHelp(), tracker_for(intent=FALLBACK, text="on mnie bije",
                                                   metadata={"locale": "pl"}))
    listing = texts_of(dispatcher)[0]
    assert listing.startswith(replies.other_language(PL))
    assert "język polski" in listing
    # The helpline arranges interpreters, and the reply says so in Polish.
    assert "Mogą zapewnić tłumacza." in listing
    assert listing.endswith(replies.in_english_note(PL))
    assert meta_of(dispatcher) == {"urgent": False, "locale": "pl",
                                   "services": ["national-domestic-abuse-helpline"]}
    # The place question is asked, in Polish.
    assert texts_of(dispatcher)[1] == replies.place_question(PL) != replies.place_question(EN)
    assert slot_events(events)["place_asked"] is True


def test_polish_in_the_locale_slot_wins_over_the_widget(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionFallbackHelp(), tracker_for(intent=FALLBACK, slots={"locale": "pl",
                                                                  "nation": "wales"},
                                          metadata={"locale": "en"}))
    assert meta_of(dispatcher)["locale"] == "pl"
    assert services_of(dispatcher)[0] == "live-fear-free"
    assert texts_of(dispatcher)[0].startswith(replies.other_language(PL))


def test_an_unsupported_widget_locale_is_answered_in_english(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionFallbackHelp(), tracker_for(intent=FALLBACK, metadata={"locale": "de"}))
    assert meta_of(dispatcher)["locale"] == "en"
    assert texts_of(dispatcher)[0].startswith("I'm sorry, I didn't quite understand.")


def test_only_a_language_entity_is_not_something_said(
        run: RunAction, tracker_for: TrackerFactory, dispatcher: CollectingDispatcher) -> None:
    run(ActionFallbackHelp(), tracker_for(intent=FALLBACK, text="asdf qwer",
                                          slots={"nation": "england"},
                                          entities=[entity("language", "en")]))
    assert texts_of(dispatcher)[0].startswith("I'm sorry, I didn't quite understand.")
