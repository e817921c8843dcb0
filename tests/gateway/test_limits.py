from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import date
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Response
from fastapi.testclient import TestClient
from starlette.types import ASGIApp, Message

from common.settings import Settings
from gateway.limits import (
    BodySizeLimitMiddleware,
    ConcurrencyLimitMiddleware,
    RateLimitMiddleware,
    install_limits,
)


def small_app() -> FastAPI:
    app = FastAPI()

    @app.post("/api/chat")
    async def chat(body: dict[str, Any]) -> dict[str, Any]:
        return {"echo": body}

    @app.delete("/api/conversations/{conversation_id}")
    async def forget(conversation_id: str) -> Response:
        return Response(status_code=204)

    @app.get("/widget.js")
    async def widget() -> str:
        return "script"

    return app


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.day = date(2030, 1, 1)

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def rate_limited(clock: Clock, **options: Any) -> RateLimitMiddleware:
    settings = {"per_minute": 60, "burst": 3, **options}
    return RateLimitMiddleware(small_app(), clock=clock, today=lambda: clock.day, **settings)


def post(app: ASGIApp, client: str = "203.0.113.7", **kwargs: Any) -> httpx.Response:
    return TestClient(app, client=(client, 40000)).post("/api/chat", json={"m": 1}, **kwargs)


def assert_helpline_refusal(response: httpx.Response, status: int) -> None:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert int(response.headers["retry-after"]) >= 1
    body = response.json()
    assert "0808 2000 247" in body["detail"] and "999" in body["detail"]
    assert body["retry_after"] == int(response.headers["retry-after"])


# --- rate limit ---------------------------------------------------------------------------
def test_a_burst_then_429_until_a_token_is_back(clock: Clock) -> None:
    limiter = rate_limited(clock)
    assert [post(limiter).status_code for _ in range(3)] == [200, 200, 200]
    response = post(limiter)
    assert_helpline_refusal(response, 429)
    assert response.headers["retry-after"] == "1"  # 60 a minute: one a second
    clock.now += 1
    assert post(limiter).status_code == 200


def test_clients_are_limited_separately(clock: Clock) -> None:
    limiter = rate_limited(clock, burst=1)
    assert post(limiter, client="203.0.113.7").status_code == 200
    assert post(limiter, client="203.0.113.7").status_code == 429
    assert post(limiter, client="198.51.100.2").status_code == 200


def test_quick_exit_and_widget_files_are_never_rate_limited(clock: Clock) -> None:
    limiter = rate_limited(clock, burst=1)
    client = TestClient(limiter)
    assert client.post("/api/chat", json={}).status_code == 200
    for _ in range(5):
        assert client.delete("/api/conversations/x").status_code == 204
        assert client.get("/widget.js").status_code == 200
    assert client.post("/api/chat", json={}).status_code == 429


def test_no_address_is_stored_only_a_salted_hash(clock: Clock) -> None:
    limiter = rate_limited(clock)
    post(limiter, client="203.0.113.7")
    state = repr(vars(limiter))
    assert "203.0.113.7" not in state and b"203.0.113.7" not in limiter._salt
    [key] = limiter._buckets
    assert len(key) == 16 and b"203" not in key


def test_the_salt_and_every_bucket_go_at_midnight(clock: Clock) -> None:
    limiter = rate_limited(clock, burst=1)
    post(limiter)
    assert post(limiter).status_code == 429
    salt, [key] = limiter._salt, list(limiter._buckets)
    clock.day = date(2030, 1, 2)
    assert post(limiter).status_code == 200
    assert limiter._salt != salt and key not in limiter._buckets
    assert limiter.clients_tracked == 1


def test_memory_is_bounded_whatever_the_number_of_addresses(clock: Clock) -> None:
    limiter = rate_limited(clock, max_clients=10)
    for n in range(50):
        post(limiter, client=f"192.0.2.{n}")
    assert limiter.clients_tracked <= 10


# --- concurrency ------------------------------------------------------------------------------
def test_past_the_concurrency_limit_a_503_says_busy_and_call_the_helpline() -> None:
    gate = asyncio.Event()
    app = FastAPI()

    @app.post("/api/chat")
    async def slow() -> dict[str, str]:
        await gate.wait()
        return {"ok": "yes"}

    limiter = ConcurrencyLimitMiddleware(app, max_concurrent=2, retry_after=7)

    async def scenario() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=limiter)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            first = [asyncio.create_task(client.post("/api/chat")) for _ in range(2)]
            while limiter.active < 2:
                await asyncio.sleep(0)
            refused = await client.post("/api/chat")
            gate.set()
            return [refused, *await asyncio.gather(*first)]

    refused, *served = asyncio.run(scenario())
    assert_helpline_refusal(refused, 503)
    assert refused.headers["retry-after"] == "7"
    assert [r.status_code for r in served] == [200, 200]
    assert limiter.active == 0


def test_a_failing_request_gives_its_slot_back() -> None:
    app = FastAPI()

    @app.post("/api/chat")
    async def broken() -> None:
        raise RuntimeError("boom")

    limiter = ConcurrencyLimitMiddleware(app, max_concurrent=1)
    client = TestClient(limiter, raise_server_exceptions=False)
    assert client.post("/api/chat").status_code == 500
    assert limiter.active == 0


# --- body size ----------------------------------------------------------------------------------
@pytest.fixture
def body_limited() -> Iterator[TestClient]:
    yield TestClient(BodySizeLimitMiddleware(small_app(), max_bytes=1000))


def assert_413(response: httpx.Response) -> None:
    assert response.status_code == 413
    assert "1000 bytes" in response.json()["detail"]


def test_a_body_under_the_limit_passes_intact(body_limited: TestClient) -> None:
    response = body_limited.post("/api/chat", json={"m": "x" * 900})
    assert response.status_code == 200
    assert response.json() == {"echo": {"m": "x" * 900}}


def test_a_declared_length_over_the_limit_is_refused_before_reading(
    body_limited: TestClient,
) -> None:
    assert_413(body_limited.post("/api/chat", json={"m": "x" * 2000}))


def test_a_chunked_body_is_counted_as_it_arrives(body_limited: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"m": "'
        for _ in range(50):
            yield b"x" * 100
        yield b'"}'

    assert_413(body_limited.post("/api/chat", content=chunks(),
                                 headers={"content-type": "application/json"}))


def test_a_content_length_that_lies_does_not_help() -> None:
    app_called_with: list[bytes] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        app_called_with.append(body)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    messages = iter([
        {"type": "http.request", "body": b"x" * 800, "more_body": True},
        {"type": "http.request", "body": b"x" * 800, "more_body": False},
    ])
    sent: list[Message] = []

    async def receive() -> Message:
        return next(messages)

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/chat",
             "headers": [(b"content-length", b"10")]}
    asyncio.run(BodySizeLimitMiddleware(app, max_bytes=1000)(scope, receive, send))
    assert app_called_with == []
    assert sent[0]["status"] == 413
    assert b"1000 bytes" in sent[1]["body"]


def test_the_apps_own_answer_to_a_cut_off_body_is_replaced(body_limited: TestClient) -> None:
    # FastAPI turns the error raised while reading into a 400; the person should see why.
    response = body_limited.post("/api/chat", content=iter([b"{" + b" " * 2000 + b"}"]),
                                 headers={"content-type": "application/json"})
    assert_413(response)


# --- installing -----------------------------------------------------------------------------------
def test_install_limits_wires_all_three_in_order() -> None:
    app = small_app()
    install_limits(app, Settings(rate_limit_per_minute=60, rate_limit_burst=2, max_body_bytes=100))
    client = TestClient(app)
    assert client.post("/api/chat", json={"m": "x" * 200}).status_code == 413
    assert client.post("/api/chat", json={"m": 1}).status_code == 200
    # The rate limit comes first: a third request is refused whatever its size.
    assert client.post("/api/chat", json={"m": "x" * 200}).status_code == 429


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "12")
    monkeypatch.setenv("MAX_CONCURRENT_REQUESTS", "4")
    monkeypatch.setenv("MAX_BODY_BYTES", "8192")
    settings = Settings()
    assert settings.rate_limit_per_minute == 12
    assert settings.max_concurrent_requests == 4
    assert settings.max_body_bytes == 8192
    monkeypatch.delenv("MAX_BODY_BYTES")
    assert Settings().max_body_bytes == 16_384
