"""Talking to Rasa's REST channel and the action servers' health endpoints.

Several Rasa instances may share one Redis tracker and lock store (RASA_URLS): any of
them can answer any conversation, because the lock store makes turns of the same
conversation wait for each other whichever instance takes them. Messages go to the
instances in turn; one that refuses the connection is skipped for that message.

An instance that timed out or refused is failing until it answers again. While Rasa
loads its model after a crash it accepts connections but answers none, and without
this every person would wait the whole timeout for the fallback. A failing instance
is left alone for COOL_DOWN seconds, then given one message at a time (the others
skip it) until one is answered. When no instance can take a message, the gateway
answers with the fallback at once.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import httpx

WEBHOOK_PATH = "/webhooks/rest/webhook"
# Long enough to spare the people writing during an outage a wait each; short enough
# that a Rasa back from a restart gets its first message within a couple of seconds.
COOL_DOWN = 2.0


class RasaUnavailable(Exception):
    """Rasa did not answer in time or answered with an error."""


class RasaBackend(Protocol):
    """What the routes need of Rasa: RasaClient in the app, a fake in unit tests."""

    async def send(
        self, conversation_id: str, message: str, metadata: dict[str, Any], timeout: float
    ) -> list[dict[str, Any]]:
        """Rasa's messages for one user message; RasaUnavailable when none can answer."""
        ...

    async def rasa_is_up(self, timeout: float) -> bool: ...

    async def actions_are_up(self, timeout: float) -> bool: ...


class RasaClient:
    def __init__(self, http: httpx.AsyncClient, rasa_urls: Sequence[str],
                 actions_urls: Sequence[str], clock: Callable[[], float] = time.monotonic,
                 ) -> None:
        self._http = http
        self._rasa_urls = tuple(rasa_urls)
        self._actions_urls = tuple(actions_urls)
        self._next = itertools.count()
        self._clock = clock
        # A failing instance -> when its cool-down ends; and those with a message in flight.
        self._failing: dict[str, float] = {}
        self._probing: set[str] = set()

    async def send(
        self, conversation_id: str, message: str, metadata: dict[str, Any], timeout: float
    ) -> list[dict[str, Any]]:
        """The messages Rasa says back to one user message."""
        body = {"sender": conversation_id, "message": message, "metadata": metadata}
        first = next(self._next) % len(self._rasa_urls)
        error: BaseException | None = None
        in_flight: str | None = None
        try:
            # One deadline for the whole message: httpx's timeout is per phase (waiting
            # for a connection, connecting, reading...), which could add up past it.
            async with asyncio.timeout(timeout):
                for url in self._rasa_urls[first:] + self._rasa_urls[:first]:
                    allowed, probe = self._may_take(url)
                    if not allowed:
                        continue
                    in_flight = url
                    try:
                        response = await self._http.post(url + WEBHOOK_PATH, json=body)
                    except (httpx.ConnectError, httpx.ConnectTimeout) as refused:
                        # Nothing reached that instance, so the next cannot repeat a turn.
                        # (After a timeout or an error reply the turn may have happened.)
                        self._fail(url)
                        error, in_flight = refused, None
                        continue
                    finally:
                        if probe:
                            self._probing.discard(url)
                    self._failing.pop(url, None)  # it answered
                    return self._messages(response)
        except TimeoutError as timed_out:
            if in_flight is not None:
                self._fail(in_flight)
            error = timed_out
        except httpx.PoolTimeout as pool_full:
            # The gateway's own connection pool is full: no fault of the instance.
            error = pool_full
        except httpx.TimeoutException as timed_out:
            if in_flight is not None:
                self._fail(in_flight)
            error = timed_out
        except httpx.TransportError as broken:
            # The connection broke (e.g. the instance died with a message on a kept-alive
            # connection): the turn may have reached Rasa, so no retry, but the instance
            # is left alone like one that timed out.
            if in_flight is not None:
                self._fail(in_flight)
            error = broken
        except httpx.HTTPError as failed:
            error = failed
        # The error's text may quote the request; keep only its kind.
        raise RasaUnavailable(type(error).__name__ if error else "no instance can take it")

    def _may_take(self, url: str) -> tuple[bool, bool]:
        """Whether this message may go to the instance, and whether it is the one message
        that finds out if a failing instance is back (its cool-down over, and no other
        message in flight to it)."""
        if url not in self._failing:
            return True, False
        if self._failing[url] > self._clock() or url in self._probing:
            return False, False
        self._probing.add(url)
        return True, True

    def _fail(self, url: str) -> None:
        self._failing[url] = self._clock() + COOL_DOWN

    @staticmethod
    def _messages(response: httpx.Response) -> list[dict[str, Any]]:
        try:
            response.raise_for_status()
            messages = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(type(error).__name__) from None
        if not isinstance(messages, list):
            raise RasaUnavailable("unexpected response shape")
        return [m for m in messages if isinstance(m, dict)]

    async def rasa_is_up(self, timeout: float) -> bool:
        """Every Rasa instance answers (one down means less capacity: degraded)."""
        return await self._all_up([url + "/" for url in self._rasa_urls], timeout)

    async def actions_are_up(self, timeout: float) -> bool:
        return await self._all_up([url + "/health" for url in self._actions_urls], timeout)

    async def _all_up(self, urls: list[str], timeout: float) -> bool:
        for url in urls:
            try:
                response = await self._http.get(url, timeout=timeout)
            except httpx.HTTPError:
                return False
            if response.status_code != 200:
                return False
        return True
