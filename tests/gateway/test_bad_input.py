"""POST /api/chat with everything a careless client or an attacker might send.

Each case must end in a clear 4xx JSON error or a safe 200 reply, never a 500. The
table runs against the app with the fake Rasa (see conftest.py); 413 is accepted
wherever the body limit (gateway/limits.py) would answer before validation.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from common.settings import Settings
from gateway.app import create_app
from gateway.limits import install_limits
from gateway.resources import Resources, get_resources
from gateway.schemas import MAX_MESSAGE_CHARS, ChatResponse
from gateway.security_headers import install_security_headers

JSON = {"content-type": "application/json"}
OK = {200}
INVALID = {400, 422}
TOO_LONG = {413, 422}

# (case id, keyword arguments for client.post, acceptable statuses)
CASES: list[tuple[str, dict[str, Any], set[int]]] = [
    # Not JSON at all
    ("not json", {"content": b"not json", "headers": JSON}, INVALID),
    ("plain text", {"content": b"hello", "headers": {"content-type": "text/plain"}}, INVALID),
    ("form encoded", {"content": b"message=hi",
                      "headers": {"content-type": "application/x-www-form-urlencoded"}}, INVALID),
    ("trailing garbage", {"content": b'{"message": "hi"} and more', "headers": JSON}, INVALID),
    ("NaN", {"content": b'{"message": NaN}', "headers": JSON}, INVALID),
    ("empty body", {"content": b"", "headers": JSON}, INVALID),
    # JSON of the wrong shape or types
    ("null", {"content": b"null", "headers": JSON}, INVALID),
    ("array", {"json": ["hi"]}, INVALID),
    ("bare string", {"json": "hi"}, INVALID),
    ("number", {"json": 5}, INVALID),
    ("no message", {"json": {}}, INVALID),
    ("message is a number", {"json": {"message": 5}}, INVALID),
    ("message is null", {"json": {"message": None}}, INVALID),
    ("message is a list", {"json": {"message": ["hi"]}}, INVALID),
    ("message is an object", {"json": {"message": {"text": "hi"}}}, INVALID),
    ("message is true", {"json": {"message": True}}, INVALID),
    ("conversation id is a number", {"json": {"message": "hi", "conversation_id": 5}}, INVALID),
    ("locale is a list", {"json": {"message": "hi", "locale": ["en"]}}, INVALID),
    ("area is an object", {"json": {"message": "hi", "area": {"id": 1}}}, INVALID),
    ("unknown field", {"json": {"message": "hi", "admin": True}}, INVALID),
    ("conversation id not ours", {"json": {"message": "hi", "conversation_id": "../../etc"}},
     INVALID),
    ("conversation id 10,000 long", {"json": {"message": "hi", "conversation_id": "a" * 10_000}},
     INVALID),
    ("5,000-digit number", {"content": b'{"message": "hi", "conversation_id": '
                            + b"9" * 5000 + b"}", "headers": JSON}, INVALID | {413}),
    ("nested 100,000 deep", {"content": b"[" * 100_000 + b"]" * 100_000, "headers": JSON},
     INVALID | {413}),
    # Bytes and characters
    ("invalid UTF-8", {"content": b'{"message": "\xff\xfe hi"}', "headers": JSON}, INVALID),
    ("truncated UTF-8", {"content": b'{"message": "caf\xc3"}', "headers": JSON}, INVALID),
    ("UTF-8 byte order mark", {"content": b'\xef\xbb\xbf{"message": "hi"}', "headers": JSON},
     OK | INVALID),
    ("lone surrogate", {"content": b'{"message": "hi \\ud800"}', "headers": JSON}, OK | INVALID),
    ("NUL", {"json": {"message": "hi\u0000there"}}, OK | INVALID),
    ("terminal escapes", {"json": {"message": "\x1b[31mred\x1b[0m\x07"}}, OK | INVALID),
    ("right-to-left override", {"json": {"message": "help \u202eem pleh"}}, OK | INVALID),
    ("zero-width spaces only", {"json": {"message": "\u200b\u200b\u200b"}}, OK | INVALID),
    ("2,000 emoji", {"json": {"message": "😀" * MAX_MESSAGE_CHARS}}, OK),
    ("10,000 emoji", {"json": {"message": "😀" * 10_000}}, TOO_LONG),
    ("family emoji sequences", {"json": {"message": "👩‍👩‍👧‍👦" * 100}}, OK),
    # Markup is text
    ("script tag", {"json": {"message": "<script>alert(1)</script>"}}, OK),
    ("image onerror", {"json": {"message": '<img src=x onerror="alert(1)">'}}, OK),
    ("markdown link", {"json": {"message": "[click](javascript:alert(1))"}}, OK),
    ("rasa intent syntax", {"json": {"message": '/inform{"area": "hackney"}'}}, OK),
    # Length
    ("empty", {"json": {"message": ""}}, INVALID),
    ("whitespace only", {"json": {"message": " \n\t "}}, INVALID),
    ("one over the limit", {"json": {"message": "x" * (MAX_MESSAGE_CHARS + 1)}}, TOO_LONG),
    ("a megabyte", {"json": {"message": "x" * 1_000_000}}, TOO_LONG),
    ("exactly the limit", {"json": {"message": "x" * MAX_MESSAGE_CHARS}}, OK),
]


@pytest.fixture(params=["as it is", "with limits and headers"])
def any_client(request: pytest.FixtureRequest, resources: Resources) -> TestClient:
    """The app as app.py builds it, and with the hardening middleware installed."""
    app = create_app(Settings())
    if request.param == "with limits and headers":
        install_limits(app, Settings())
        install_security_headers(app, Settings())
    app.dependency_overrides[get_resources] = lambda: resources
    return TestClient(app)


@pytest.mark.parametrize(("kwargs", "allowed"), [(k, a) for _, k, a in CASES],
                         ids=[case_id for case_id, _, _ in CASES])
def test_bad_input_is_a_clear_4xx_or_a_safe_reply(
    any_client: TestClient, resources: Resources, kwargs: dict[str, Any], allowed: set[int]
) -> None:
    resources.rasa.messages = [{"text": "I'm here to help."}]
    response = any_client.post("/api/chat", **kwargs)
    assert response.status_code in allowed, response.text[:300]
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    if response.status_code == 200:
        ChatResponse(**body)  # the contract, in full
        assert len(resources.rasa.sent) == 1
    else:
        assert body["detail"]
        assert resources.rasa.sent == [], "refused input must never reach Rasa"


@pytest.mark.parametrize("message", ["x" * (MAX_MESSAGE_CHARS + 1), "😀" * 10_000])
def test_too_long_names_the_limit(any_client: TestClient, message: str) -> None:
    response = any_client.post("/api/chat", json={"message": message})
    # 422 names the 2,000 characters; the body limit's 413 names its bytes.
    assert str(MAX_MESSAGE_CHARS) in response.text or "16384 bytes" in response.text


def test_markup_reaches_rasa_as_plain_text_and_is_never_echoed(
    client: TestClient, resources: Resources
) -> None:
    resources.rasa.messages = [{"text": "ok"}]
    message = "<script>alert(1)</script>"
    response = client.post("/api/chat", json={"message": message})
    assert response.status_code == 200
    assert "<script>" not in response.text
    [(_, sent, _)] = resources.rasa.sent
    assert "alert(1)" in sent  # passed on as the text it is (scrubbing aside), not executed


def test_rasa_failing_on_odd_input_still_gives_the_helpline(
    client: TestClient, resources: Resources
) -> None:
    resources.rasa.unavailable = True
    response = client.post("/api/chat", json={"message": "\x00\u202e😀"})
    assert response.status_code == 200
    assert "0808 2000 247" in response.json()["replies"][0]["text"]
