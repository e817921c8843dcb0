"""actions/nlg.py generate() and its route in actions/__main__.py: the services each
response carries.

The wording and locale of responses are tested in tests/common/i18n/test_wording.py;
this file covers the meta: which 24-hour line comes with a response, and which
responses come without one.
"""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace
from typing import Any

import pytest

from actions import nlg
from actions.__main__ import generate_response
from tests.actions.helpers import NATIONAL_LINE


def services_for(response: str, tracker: dict[str, Any]) -> list[str]:
    return nlg.generate({"response": response, "tracker": tracker})["custom"]["meta"][
        "services"]


@pytest.mark.parametrize("nation", sorted(NATIONAL_LINE))
def test_a_response_carries_the_nations_line_from_the_slot(nation: str) -> None:
    assert services_for("utter_out_of_scope", {"slots": {"nation": nation}}) == [
        NATIONAL_LINE[nation]]


def test_without_a_place_a_response_carries_englands_line() -> None:
    assert services_for("utter_talk_options", {"slots": {}}) == [
        "national-domestic-abuse-helpline"]


def test_the_area_slot_gives_the_nation() -> None:
    assert services_for("utter_default", {"slots": {"area": "cardiff"}}) == ["live-fear-free"]


def test_the_embedding_councils_area_gives_the_nation_until_one_is_said() -> None:
    tracker = {"slots": {}, "latest_message": {"metadata": {"area": " Cardiff "}}}
    assert services_for("utter_default", tracker) == ["live-fear-free"]
    tracker["slots"] = {"nation": "scotland"}
    assert services_for("utter_default", tracker) == ["scotland-domestic-abuse-helpline"]


def test_writing_in_welsh_without_a_place_carries_live_fear_free() -> None:
    reply = nlg.generate({"response": "utter_talk_options",
                          "tracker": {"slots": {"locale": "cy"}}})
    assert reply["custom"] == {"meta": {"urgent": False, "services": ["live-fear-free"],
                                        "locale": "cy"}}
    assert reply["buttons"][0]["title"] == "Siarad â rhywun"


def test_a_welsh_speaker_who_said_england_gets_englands_line() -> None:
    assert services_for("utter_default", {"slots": {"locale": "cy", "nation": "england"}}) == [
        "national-domestic-abuse-helpline"]


@pytest.mark.parametrize("response", sorted(nlg.SOCIAL_RESPONSES))
def test_greetings_thanks_and_goodbyes_carry_no_service(response: str) -> None:
    assert services_for(response, {"slots": {"nation": "wales"}}) == []


def test_faq_answers_leave_the_services_to_action_information_help() -> None:
    assert services_for("utter_faq/clares_law", {"slots": {"nation": "wales"}}) == []


def test_every_other_response_carries_a_service() -> None:
    others = [name for name in nlg.responses()
              if name not in nlg.SOCIAL_RESPONSES and not name.startswith(nlg.ROUTED_PREFIX)]
    assert others
    for name in others:
        assert services_for(name, {"slots": {}}) == ["national-domestic-abuse-helpline"], name


def test_a_response_is_never_urgent() -> None:
    reply = nlg.generate({"response": "utter_default", "tracker": {"slots": {}}})
    assert reply["custom"]["meta"]["urgent"] is False


def test_the_nlg_route_answers_with_the_generated_body() -> None:
    request = SimpleNamespace(json={"response": "utter_default",
                                    "tracker": {"slots": {"nation": "wales"}}})
    reply = asyncio.run(generate_response(request))  # type: ignore[arg-type]
    assert reply.status == 200
    assert json.loads(reply.body)["custom"]["meta"]["services"] == ["live-fear-free"]


def test_the_nlg_route_answers_an_unknown_response_with_404() -> None:
    request = SimpleNamespace(json={"response": "utter_nothing", "tracker": {}})
    reply = asyncio.run(generate_response(request))  # type: ignore[arg-type]
    assert reply.status == 404
    assert "utter_nothing" in json.loads(reply.body)["error"]
