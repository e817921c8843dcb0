"""The whole stack end to end through POST /api/chat: real Redis, Rasa, actions and gateway.

Tests run in file order; the last ones stop parts of the stack on purpose.
"""

from __future__ import annotations

import signal
import time

import httpx
import psutil
import pytest

from common.settings import Settings
from gateway.fallback import fallback_replies
from tests.integration.conftest import RECORD_EXP
from tools.launcher import Stack

FALLBACK_TEXTS = [r.text for r in fallback_replies()]
pytestmark = pytest.mark.integration

NATIONAL_HELPLINE = "national-domestic-abuse-helpline"


def chat(stack: Stack, message: str, conversation_id: str | None = None,
         area: str | None = None) -> dict:
    body = {"message": message}
    if conversation_id:
        body["conversation_id"] = conversation_id
    if area:
        body["area"] = area
    response = httpx.post(f"{stack.url}/api/chat", json=body, timeout=30)
    assert response.status_code == 200
    return response.json()


def ids(reply: dict) -> list[str]:
    return [s["id"] for s in reply["services"]]


def test_health_is_ok_when_everything_runs(stack: Stack) -> None:
    assert httpx.get(f"{stack.url}/healthz").json() == {
        "status": "ok", "rasa": "ok", "actions": "ok", "redis": "ok",
    }


def test_only_the_gateway_listens_beyond_loopback(stack: Stack) -> None:
    for name in ("redis", "actions", "rasa"):
        pid = stack.processes[name].pid
        listening = [c.laddr for c in psutil.Process(pid).net_connections(kind="inet")
                     if c.status == psutil.CONN_LISTEN]
        assert listening, name
        assert all(address.ip == "127.0.0.1" for address in listening), (name, listening)


def test_widget_demo_page_is_served(stack: Stack) -> None:
    page = httpx.get(f"{stack.url}/")
    assert page.status_code == 200
    assert "widget.js" in page.text
    assert httpx.get(f"{stack.url}/widget.js").status_code == 200


def test_greeting_disclosure_and_danger_in_one_conversation(stack: Stack) -> None:
    hello = chat(stack, "hello")
    conversation_id = hello["conversation_id"]
    assert hello["urgent"] is False
    assert hello["replies"] and "999" in hello["replies"][0]["text"]

    disclosure = chat(stack, "my husband keeps putting me down and takes all my money",
                      conversation_id)
    assert disclosure["conversation_id"] == conversation_id
    assert disclosure["urgent"] is False
    assert NATIONAL_HELPLINE in ids(disclosure)
    helpline = next(s for s in disclosure["services"] if s["id"] == NATIONAL_HELPLINE)
    assert helpline["phone"] == "0808 2000 247"
    assert "not your fault" in disclosure["replies"][0]["text"]

    urgent = chat(stack, "he's got a knife and he says he'll kill me", conversation_id)
    assert urgent["urgent"] is True
    first = urgent["replies"][0]["text"]
    assert first.startswith("If you are in danger now, call 999")
    assert ids(urgent)[0] == "emergency-999"
    assert NATIONAL_HELPLINE in ids(urgent)


def test_everything_in_one_message_routes_at_once(stack: Stack) -> None:
    reply = chat(stack, "trans woman living in Cardiff, my girlfriend keeps hurting me")
    assert "live-fear-free" in ids(reply)
    assert "galop" in ids(reply)
    assert NATIONAL_HELPLINE not in ids(reply)
    # Place is known, so the bot does not ask for it.
    assert not any(b["title"] == "Wales" for r in reply["replies"] for b in r["buttons"])


def test_the_councils_area_routes_to_its_local_service(stack: Stack) -> None:
    reply = chat(stack, "my partner controls who i see and shouts at me", area="hackney")
    assert "hackney-dais" in ids(reply)
    assert NATIONAL_HELPLINE in ids(reply)


def test_place_is_asked_once_with_buttons_and_the_answer_reroutes(stack: Stack) -> None:
    first = chat(stack, "my wife belittles me and takes my wages")
    buttons = [b["title"] for r in first["replies"] for b in r["buttons"]]
    assert {"England", "Wales", "Scotland", "Northern Ireland", "I'd rather not say"} <= set(
        buttons)
    scotland = next(b for r in first["replies"] for b in r["buttons"] if b["title"] == "Scotland")
    answer = chat(stack, scotland["payload"], first["conversation_id"])
    assert "scotland-domestic-abuse-helpline" in ids(answer)
    assert "mens-advice-line" not in ids(answer)  # England and Wales only
    # Asked once: never again in this conversation.
    again = chat(stack, "he also reads my texts", first["conversation_id"])
    assert not any(b["title"] == "Scotland" for r in again["replies"] for b in r["buttons"])


def test_declining_to_say_where_is_respected(stack: Stack) -> None:
    first = chat(stack, "my ex keeps following me home from work")
    declined = chat(stack, "i'd rather not say", first["conversation_id"])
    assert declined["replies"]
    assert not any(b["title"] == "Wales" for r in declined["replies"] for b in r["buttons"])
    assert "national-stalking-helpline" in ids(declined) or NATIONAL_HELPLINE in ids(declined)


def test_suicidal_thoughts_add_samaritans(stack: Stack) -> None:
    reply = chat(stack, "i cant take it anymore i want to kill myself")
    assert reply["urgent"] is True
    assert ids(reply)[0] == "emergency-999"
    assert "samaritans" in ids(reply)
    assert "116 123" in reply["replies"][0]["text"]


def test_a_need_said_on_an_earlier_turn_is_remembered(stack: Stack) -> None:
    # The first turn is answered by a plain response, with no custom action to keep the
    # need; action_validate_slot_mappings keeps it for the turn that routes.
    first = chat(stack, "hi, im a gay man")
    later = chat(stack, "my partner checks my phone and takes my money", first["conversation_id"])
    assert "galop" in ids(later)
    assert {"mens-advice-line", "mankind-initiative"} & set(ids(later))


def test_a_professional_in_a_borough_is_given_its_local_service(stack: Stack) -> None:
    reply = chat(stack, "social worker in hackney, how do i refer a client to marac")
    assert reply["urgent"] is False
    assert "hackney-dais" in ids(reply)


def test_stalking_over_months_is_serious_but_not_an_emergency(stack: Stack) -> None:
    reply = chat(stack, "for months my ex has been sitting outside my work in his car")
    assert reply["urgent"] is False
    assert "national-stalking-helpline" in ids(reply)


def test_conversation_expires_in_redis_and_delete_forgets_it(stack: Stack) -> None:
    conversation_id = chat(stack, "hello")["conversation_id"]
    redis = stack.redis_address().client()
    key = f"tracker:{conversation_id}"
    ttl = redis.ttl(key)
    assert 0 < ttl <= RECORD_EXP

    response = httpx.delete(f"{stack.url}/api/conversations/{conversation_id}")
    assert response.status_code == 204
    assert redis.exists(key) == 0
    # Unknown ids get the same answer, so it reveals nothing.
    assert httpx.delete(f"{stack.url}/api/conversations/{'A' * 32}").status_code == 204


def test_no_log_line_holds_message_text_or_conversation_id(stack: Stack) -> None:
    marker = "zebra" + "quartz" + "7731"
    reply = chat(stack, f"my partner hurts me {marker}")
    conversation_id = reply["conversation_id"]
    httpx.delete(f"{stack.url}/api/conversations/{conversation_id}")
    assert stack.log_dir is not None
    for log in stack.log_dir.glob("*.log"):
        text = log.read_text(errors="replace")
        assert marker not in text, log.name
        assert conversation_id not in text, log.name


def test_identifying_details_never_reach_redis_or_a_log(stack: Stack) -> None:
    details = {
        "name": "Rosalind", "phone": "07700 900461", "email": "ros.k@example.org",
        "street": "Mare Street", "postcode": "E8 4RP", "birth": "14/03/1987",
        "ni": "QQ 12 34 56 C",
    }
    first = chat(stack, f"my name is {details['name']}, my husband controls everything")
    conversation_id = first["conversation_id"]
    chat(stack, f"i live at 22 {details['street']}, {details['postcode']}, call me on "
                f"{details['phone']}", conversation_id)
    last = chat(stack, f"email {details['email']}, born {details['birth']}, "
                       f"NI number {details['ni']}", conversation_id)
    # Routing still has what it needs: the outward code E8 is Hackney.
    assert "hackney-dais" in ids(last) or "hackney-dais" in ids(
        chat(stack, "who can help me here", conversation_id))

    redis = stack.redis_address().client()
    stored = " ".join(
        f"{key!r} {redis.dump(key)!r} {redis.get(key) if redis.type(key) == b'string' else ''}"
        for key in redis.scan_iter()
    )
    assert stack.log_dir is not None
    logs = " ".join(log.read_text(errors="replace") for log in stack.log_dir.glob("*.log"))
    for kind, value in details.items():
        for form in {value, value.replace(" ", ""), value.lower()}:
            assert form not in stored, kind
            assert form not in logs, kind

    assert httpx.delete(f"{stack.url}/api/conversations/{conversation_id}").status_code == 204
    assert not [k for k in redis.scan_iter() if conversation_id.encode() in k]


def test_a_survivor_in_danger_is_never_given_the_line_for_people_who_harm(
        stack: Stack) -> None:
    reply = chat(stack, "he said he is going to hurt me tonight when he gets back, i hit him "
                        "back last time to get him off me")
    assert reply["urgent"] is True
    assert "respect-phoneline" not in ids(reply)
    assert not set(FALLBACK_TEXTS) & {r["text"] for r in reply["replies"]}, "the fallback"


def test_redis_hung_still_flags_danger_within_the_timeout(stack: Stack) -> None:
    # Redis stopped, not dead: Rasa waits on its tracker, and the gateway must not.
    redis = stack.processes["redis"]
    redis.send_signal(signal.SIGSTOP)
    try:
        started = time.monotonic()
        reply = chat(stack, "he says he will kill me tonight")
        waited = time.monotonic() - started
    finally:
        redis.send_signal(signal.SIGCONT)
    assert reply["urgent"] is True
    assert "999" in reply["replies"][0]["text"]
    assert waited < Settings().upstream_timeout + 2, waited


def test_action_server_down_still_gives_999_and_the_helpline(stack: Stack) -> None:
    stack.stop_part("actions")
    reply = chat(stack, "my partner hits me")
    assert "999" in reply["replies"][0]["text"]
    assert "0808 2000 247" in reply["replies"][0]["text"]
    health = httpx.get(f"{stack.url}/healthz").json()
    assert health["status"] == "degraded"
    assert health["actions"] == "down"


def test_rasa_down_still_gives_999_and_the_helpline(stack: Stack) -> None:
    stack.stop_part("rasa")
    reply = chat(stack, "help me please")
    assert "999" in reply["replies"][0]["text"]
    assert "0808 2000 247" in reply["replies"][0]["text"]
    assert [s["id"] for s in reply["services"]] == [NATIONAL_HELPLINE]
    assert httpx.get(f"{stack.url}/healthz").json() == {
        "status": "degraded", "rasa": "down", "actions": "down", "redis": "ok",
    }
