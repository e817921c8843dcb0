from datetime import datetime, timezone

from fastapi.testclient import TestClient

from common.turn_meta import meta_payload
from gateway.conversation_ids import is_conversation_id, new_conversation_id
from gateway.fallback import NATIONAL_HELPLINE
from gateway.resources import Resources
from services_directory import load_directory


def test_new_conversation_gets_an_id_and_the_replies(
    client: TestClient, resources: Resources
) -> None:
    resources.rasa.messages = [{"recipient_id": "x", "text": "Hello."}]
    response = client.post("/api/chat", json={"message": "hi"})
    assert response.status_code == 200
    body = response.json()
    assert is_conversation_id(body["conversation_id"])
    assert body == {
        "conversation_id": body["conversation_id"],
        "replies": [{"text": "Hello.", "buttons": []}],
        "urgent": False,
        "services": [],
        "locale": "en",
    }


def test_existing_conversation_keeps_its_id_and_passes_locale_and_area(
    client: TestClient, resources: Resources
) -> None:
    resources.rasa.messages = [{"text": "ok"}]
    conversation_id = new_conversation_id()
    body = client.post("/api/chat", json={
        "message": "hi", "conversation_id": conversation_id, "locale": "cy", "area": "cardiff",
    }).json()
    assert body["conversation_id"] == conversation_id
    assert body["locale"] == "cy"
    assert resources.rasa.sent == [(conversation_id, "hi", {"locale": "cy", "area": "cardiff"})]


def test_urgent_turn_flags_and_lists_its_services(client: TestClient, resources: Resources) -> None:
    resources.rasa.messages = [
        {"text": "Call 999."},
        {"custom": meta_payload(urgent=True, services=["a-line", "no-such-service"])},
    ]
    body = client.post("/api/chat", json={"message": "he has a knife"}).json()
    assert body["urgent"] is True
    assert [s["id"] for s in body["services"]] == ["a-line"]
    assert body["services"][0]["phone"] == "0808 2000 247"


def test_services_carry_every_channel_in_the_replys_language(
    client: TestClient, resources: Resources
) -> None:
    resources.directory = load_directory()
    resources.rasa.messages = [
        {"text": "Dyma linell gymorth."},
        {"custom": meta_payload(urgent=False, services=["national-domestic-abuse-helpline"],
                                locale="cy")},
    ]
    [card] = client.post("/api/chat", json={"message": "help", "locale": "cy"}).json()["services"]
    chat = "https://www.nationaldahelpline.org.uk"
    assert (card["phone"], card["webchat"], card["email"]) == ("0808 2000 247", chat, None)
    phone, webchat = card["channels"]
    assert phone == {"channel": "phone", "label": None, "value": "0808 2000 247",
                     "href": "tel:+44-808-200-0247", "hours": "24 awr, bob dydd",
                     "open_now": True, "hours_url": None}
    # Its sources disagree on the chat's hours: no time is shown as certain, in Welsh.
    assert webchat["channel"] == "webchat" and webchat["hours_url"] == chat
    assert webchat["open_now"] is None
    assert webchat["hours"] and webchat["hours"] != "Hours vary: check their website"


def test_the_fallback_card_is_the_directorys_phone_line() -> None:
    """The helpline exists twice (the fallback works with the directory down): same facts."""
    card = load_directory().card("national-domestic-abuse-helpline", datetime.now(timezone.utc))
    fallback = NATIONAL_HELPLINE.dict()
    assert {key: fallback[key] for key in ("id", "name", "phone", "hours", "open_now")} == {
        key: card[key] for key in ("id", "name", "phone", "hours", "open_now")}
    assert fallback["channels"] == [card["channels"][0]]


def test_rasa_down_or_slow_still_gives_999_and_the_helpline(
    client: TestClient, resources: Resources
) -> None:
    resources.rasa.unavailable = True
    response = client.post("/api/chat", json={"message": "help"})
    assert response.status_code == 200
    body = response.json()
    assert "999" in body["replies"][0]["text"]
    assert "0808 2000 247" in body["replies"][0]["text"]
    assert [s["id"] for s in body["services"]] == ["national-domestic-abuse-helpline"]
    assert body["services"][0]["channels"][0]["href"] == "tel:+44-808-200-0247"


def test_danger_is_still_flagged_urgent_when_rasa_cannot_answer(
    client: TestClient, resources: Resources
) -> None:
    resources.rasa.unavailable = True
    danger = client.post("/api/chat", json={"message": "he says he will kill me tonight"})
    assert danger.json()["urgent"] is True
    assert "999" in danger.json()["replies"][0]["text"]
    calm = client.post("/api/chat", json={"message": "what is clare's law"})
    assert calm.json()["urgent"] is False
    # The community-language word lists count too (Polish: "he has a knife").
    assert client.post("/api/chat", json={"message": "on ma nóż"}).json()["urgent"] is True


def test_the_fallback_names_the_nations_own_line_when_the_area_tells_it(
    client: TestClient, resources: Resources
) -> None:
    resources.directory = load_directory()
    resources.rasa.unavailable = True
    wales = client.post("/api/chat", json={"message": "help", "area": "cardiff"}).json()
    assert [s["id"] for s in wales["services"]] == ["live-fear-free",
                                                     "national-domestic-abuse-helpline"]
    england = client.post("/api/chat", json={"message": "help", "area": "hackney"}).json()
    assert [s["id"] for s in england["services"]] == ["national-domestic-abuse-helpline"]


def test_a_turn_with_no_words_falls_back(client: TestClient, resources: Resources) -> None:
    # What Rasa returns when the action server is down: nothing to say.
    resources.rasa.messages = []
    body = client.post("/api/chat", json={"message": "hello"}).json()
    assert "999" in body["replies"][0]["text"]


def test_bad_requests_are_refused_before_rasa(client: TestClient, resources: Resources) -> None:
    for payload in [
        {},
        {"message": 5},
        {"message": "hi", "unknown": True},
        {"message": "hi", "conversation_id": "not-ours"},
        {"message": ""},
        {"message": " \n\t "},
        {"message": "x" * 2001},
    ]:
        response = client.post("/api/chat", json=payload)
        assert response.status_code == 422, payload
    assert client.post("/api/chat", content=b"not json",
                       headers={"content-type": "application/json"}).status_code == 422
    assert resources.rasa.sent == []


def test_the_length_limit_is_named(client: TestClient) -> None:
    response = client.post("/api/chat", json={"message": "x" * 2001})
    assert "2000" in response.text
    assert client.post("/api/chat", json={"message": "x" * 2000}).status_code == 200
