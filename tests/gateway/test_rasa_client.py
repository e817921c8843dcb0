"""The gateway's Rasa client: several instances, in turn, and a retry only when safe."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx
import pytest

from common.settings import Settings
from gateway.rasa_client import COOL_DOWN, RasaClient, RasaUnavailable

A, B = "http://rasa-a:5005", "http://rasa-b:5005"


def client(handler: Callable[[httpx.Request], httpx.Response],
           urls: tuple[str, ...] = (A, B)) -> RasaClient:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return RasaClient(http, urls, ("http://actions-a:5055", "http://actions-b:5055"))


def send(rasa: RasaClient) -> list[dict]:
    return asyncio.run(rasa.send("c1", "hello", {}, timeout=1))


def test_messages_go_to_the_instances_in_turn() -> None:
    hosts: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        return httpx.Response(200, json=[{"text": "hi"}])

    rasa = client(answer)
    for _ in range(4):
        assert send(rasa) == [{"text": "hi"}]
    assert hosts == ["rasa-a", "rasa-b", "rasa-a", "rasa-b"]


def test_an_instance_that_refuses_the_connection_is_skipped() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.host == "rasa-a":
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json=[{"text": "from b"}])

    rasa = client(answer)
    assert [send(rasa) for _ in range(3)] == [[{"text": "from b"}]] * 3


@pytest.mark.parametrize("failure", [
    lambda request: (_ for _ in ()).throw(httpx.ReadTimeout("slow", request=request)),
    lambda request: httpx.Response(500),
])
def test_no_retry_once_the_turn_may_have_happened(failure: Callable) -> None:
    # A timeout or an error reply may come after Rasa took the turn: sending it again
    # to the other instance could say the same thing twice to the conversation.
    calls: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.host)
        return failure(request)

    with pytest.raises(RasaUnavailable):
        send(client(answer))
    assert len(calls) == 1


def test_all_refusing_is_unavailable() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(RasaUnavailable, match="ConnectError"):
        send(client(refuse))


def test_health_needs_every_instance() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503 if request.url.host == "rasa-b" else 200)

    rasa = client(answer)
    assert asyncio.run(rasa.rasa_is_up(1)) is False
    assert asyncio.run(rasa.actions_are_up(1)) is True


def test_settings_read_one_url_or_a_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_URL", "http://one:5005/")
    assert Settings().rasa_urls == ("http://one:5005",)
    monkeypatch.setenv("RASA_URLS", f"{A}, {B}/")
    monkeypatch.setenv("ACTIONS_URLS", "http://x:1,http://y:2")
    settings = Settings()
    assert settings.rasa_urls == (A, B)
    assert settings.actions_urls == ("http://x:1", "http://y:2")
    # A list with nothing in it is a mistake in the deployment, said at start-up.
    monkeypatch.setenv("RASA_URLS", " , ")
    with pytest.raises(ValueError, match="at least one URL"):
        Settings()


def test_an_instance_that_timed_out_is_left_alone_for_a_moment() -> None:
    now = [0.0]
    calls: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.host)
        if request.url.host == "rasa-a":
            raise httpx.ReadTimeout("loading its model", request=request)
        return httpx.Response(200, json=[{"text": "from b"}])

    http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    rasa = RasaClient(http, (A, B), ("http://x",), clock=lambda: now[0])
    with pytest.raises(RasaUnavailable):
        send(rasa)  # a's turn: it times out (no retry: the turn may have happened)
    assert [send(rasa) for _ in range(3)] == [[{"text": "from b"}]] * 3
    assert calls == ["rasa-a", "rasa-b", "rasa-b", "rasa-b"]
    now[0] += COOL_DOWN
    with pytest.raises(RasaUnavailable):
        send(rasa)  # a is tried again once its cool-down is over
    assert calls[-1] == "rasa-a"


def test_the_fallback_comes_at_once_while_every_instance_cools_down() -> None:
    now = [0.0]
    calls: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.host)
        raise httpx.ReadTimeout("loading its model", request=request)

    http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    rasa = RasaClient(http, (A,), ("http://x",), clock=lambda: now[0])
    with pytest.raises(RasaUnavailable, match="ReadTimeout"):
        send(rasa)
    with pytest.raises(RasaUnavailable, match="no instance can take it"):
        send(rasa)
    assert calls == ["rasa-a"]
    now[0] += COOL_DOWN
    with pytest.raises(RasaUnavailable, match="ReadTimeout"):
        send(rasa)
    assert calls == ["rasa-a", "rasa-a"]


def test_a_failing_instance_gets_one_message_at_a_time_until_it_answers() -> None:
    now = [0.0]
    calls: list[str] = []
    back = asyncio.Event()
    up = [False]

    async def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.host)
        if not up[0]:
            raise httpx.ReadTimeout("loading its model", request=request)
        await back.wait()  # the first message after the cool-down is slow to answer
        return httpx.Response(200, json=[{"text": "back"}])

    async def run() -> list[object]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
        rasa = RasaClient(http, (A,), ("http://x",), clock=lambda: now[0])
        with pytest.raises(RasaUnavailable):
            await rasa.send("c", "m", {}, timeout=1)
        now[0] += COOL_DOWN
        up[0] = True
        probe = asyncio.create_task(rasa.send("c", "m", {}, timeout=1))
        await asyncio.sleep(0)
        # While that one is in flight, the others get the fallback at once.
        others = await asyncio.gather(*(rasa.send("c", "m", {}, timeout=1) for _ in range(3)),
                                      return_exceptions=True)
        back.set()
        answered = await probe
        # Answered: the instance takes every message again.
        after = await rasa.send("c", "m", {}, timeout=1)
        return [others, answered, after]

    others, answered, after = asyncio.run(run())
    assert all(isinstance(o, RasaUnavailable) for o in others)  # type: ignore[union-attr]
    assert answered == after == [{"text": "back"}]
    assert calls == ["rasa-a", "rasa-a", "rasa-a"]


def test_one_deadline_for_the_whole_message() -> None:
    # httpx's timeouts are per phase; a slow answer must still end at the deadline.
    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return httpx.Response(200, json=[])

    async def run() -> float:
        http = httpx.AsyncClient(transport=httpx.MockTransport(slow))
        rasa = RasaClient(http, (A,), ("http://x",))
        started = asyncio.get_running_loop().time()
        with pytest.raises(RasaUnavailable, match="TimeoutError"):
            await rasa.send("c", "m", {}, timeout=0.2)
        # ...and the instance is now failing: the next message gets the fallback at once.
        with pytest.raises(RasaUnavailable, match="no instance can take it"):
            await rasa.send("c", "m", {}, timeout=0.2)
        return asyncio.get_running_loop().time() - started

    assert asyncio.run(run()) < 1


def test_a_full_connection_pool_is_not_the_instances_fault() -> None:
    calls: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.host)
        if len(calls) == 1:
            raise httpx.PoolTimeout("no free connection", request=request)
        return httpx.Response(200, json=[{"text": "hi"}])

    rasa = client(answer, urls=(A,))
    with pytest.raises(RasaUnavailable, match="PoolTimeout"):
        send(rasa)
    assert send(rasa) == [{"text": "hi"}]  # not left alone as if it had failed


def test_only_the_probe_frees_the_probe_slot() -> None:
    now = [0.0]
    releases = [asyncio.Event(), asyncio.Event()]
    calls: list[int] = []

    async def answer(request: httpx.Request) -> httpx.Response:
        calls.append(len(calls))
        await releases[min(len(calls) - 1, 1)].wait()
        # Dropped before any answer: says nothing about whether the instance is back.
        raise httpx.ReadError("connection reset", request=request)

    async def run() -> str:
        http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
        rasa = RasaClient(http, (A,), ("http://x",), clock=lambda: now[0])
        # A message in flight while the instance was healthy...
        early = asyncio.create_task(rasa.send("c", "m", {}, timeout=5))
        await asyncio.sleep(0.01)
        rasa._fail(A)  # ...then the instance fails, and its cool-down ends
        now[0] += COOL_DOWN
        probe = asyncio.create_task(rasa.send("c", "m", {}, timeout=5))
        await asyncio.sleep(0.01)
        releases[0].set()  # the early one ends first: the probe is still in flight
        await asyncio.gather(early, return_exceptions=True)
        try:
            await rasa.send("c", "m", {}, timeout=0.1)
            third = "sent"
        except RasaUnavailable as error:
            third = str(error)
        releases[1].set()
        await asyncio.gather(probe, return_exceptions=True)
        return third

    assert asyncio.run(run()) == "no instance can take it"
    assert len(calls) == 2


def test_a_cancelled_probe_frees_its_slot() -> None:
    now = [0.0]

    async def hang(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(60)
        return httpx.Response(200, json=[])

    async def run() -> set[str]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(hang))
        rasa = RasaClient(http, (A,), ("http://x",), clock=lambda: now[0])
        rasa._fail(A)
        now[0] += COOL_DOWN
        probe = asyncio.create_task(rasa.send("c", "m", {}, timeout=30))
        await asyncio.sleep(0.01)
        assert rasa._probing == {A}
        probe.cancel()  # e.g. the person closed the page and the request was dropped
        await asyncio.gather(probe, return_exceptions=True)
        return rasa._probing

    assert asyncio.run(run()) == set()


def test_a_broken_connection_is_not_retried_but_the_instance_is_left_alone() -> None:
    calls: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.host)
        if request.url.host == "rasa-a":
            raise httpx.RemoteProtocolError("server disconnected", request=request)
        return httpx.Response(200, json=[{"text": "from b"}])

    rasa = client(answer)
    with pytest.raises(RasaUnavailable, match="RemoteProtocolError"):
        send(rasa)  # it may have taken the turn: never sent again elsewhere
    assert [send(rasa) for _ in range(3)] == [[{"text": "from b"}]] * 3
    assert calls == ["rasa-a", "rasa-b", "rasa-b", "rasa-b"]
