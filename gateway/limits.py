"""Abuse resistance without tracking people: rate, concurrency and body size limits.

Pure ASGI middleware, installed by `install_limits(app, Settings())`:
- RateLimitMiddleware: a token bucket per client, keyed by a salted hash of the
  client's address. The salt is random, made per process per day and never
  logged; at midnight (UTC) it and every bucket are dropped, so no address, and
  nothing that could be matched to one, is kept beyond a day.
- ConcurrencyLimitMiddleware: past N requests in flight, a 503 at once.
- BodySizeLimitMiddleware: bodies over the limit get a 413 while they are read,
  whatever Content-Length claimed and however they were chunked.
Refusals are JSON with `detail` telling the person to call 0808 2000 247 or 999.
"""

from __future__ import annotations

import hashlib
import json
import math
import secrets
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime, timezone

from starlette.applications import Starlette
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from common.settings import Settings
from gateway.fallback import NATIONAL_HELPLINE_NUMBER as HELPLINE

BUSY_MESSAGE = (
    "Sorry, the chat is very busy just now. Please try again in a minute. "
    f"If you are in danger, call 999. The National Domestic Abuse Helpline is free "
    f"and open 24 hours: {HELPLINE}."
)
TOO_MANY_MESSAGE = (
    "Sorry, that was too many messages too quickly. Please wait a moment and try again. "
    f"If you are in danger, call 999. The National Domestic Abuse Helpline is free "
    f"and open 24 hours: {HELPLINE}."
)


def install_limits(app: Starlette, settings: Settings) -> None:
    """Add the three limits to a FastAPI/Starlette app, before it starts.

    Starlette runs the last middleware added first, so a request meets the rate
    limit, then the concurrency limit, then the body limit.
    """
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(
        ConcurrencyLimitMiddleware,
        max_concurrent=settings.max_concurrent_requests,
        retry_after=settings.busy_retry_after,
    )
    app.add_middleware(
        RateLimitMiddleware,
        per_minute=settings.rate_limit_per_minute,
        burst=settings.rate_limit_burst,
    )


async def send_json(
    send: Send, status: int, body: dict, headers: Iterable[tuple[bytes, bytes]] = ()
) -> None:
    payload = json.dumps(body).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(payload)).encode()),
            (b"cache-control", b"no-store"),
            *headers,
        ],
    })
    await send({"type": "http.response.body", "body": payload})


def _applies(scope: Scope, prefixes: tuple[str, ...], methods: frozenset[str]) -> bool:
    return (
        scope["type"] == "http"
        and scope["method"] in methods
        and scope["path"].startswith(prefixes)
    )


class RateLimitMiddleware:
    """A token bucket per client: `burst` at once, then `per_minute` a minute.

    Only POSTs to the API count by default: DELETE is the quick exit, and forgetting a
    conversation must work however fast someone clicks.
    """

    def __init__(
        self,
        app: ASGIApp,
        per_minute: float = 30,
        burst: int = 15,
        prefixes: tuple[str, ...] = ("/api/",),
        methods: Iterable[str] = ("POST",),
        max_clients: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = lambda: datetime.now(timezone.utc).date(),
    ) -> None:
        self.app = app
        self.rate = per_minute / 60
        self.burst = burst
        self.prefixes = prefixes
        self.methods = frozenset(methods)
        self.max_clients = max_clients
        self.clock = clock
        self.today = today
        self._day: date | None = None
        self._salt = b""
        self._buckets: dict[bytes, tuple[float, float]] = {}  # key -> (tokens, when)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _applies(scope, self.prefixes, self.methods):
            await self.app(scope, receive, send)
            return
        wait = self._take(self._key(scope))
        if wait is None:
            await self.app(scope, receive, send)
            return
        retry_after = max(1, math.ceil(wait))
        await send_json(
            send, 429, {"detail": TOO_MANY_MESSAGE, "retry_after": retry_after},
            [(b"retry-after", str(retry_after).encode())],
        )

    def _key(self, scope: Scope) -> bytes:
        day = self.today()
        if day != self._day:
            # A new salt makes yesterday's keys meaningless, so drop them too.
            self._day, self._salt = day, secrets.token_bytes(32)
            self._buckets.clear()
        client = scope.get("client")
        address = client[0] if client else ""
        return hashlib.blake2b(address.encode(), key=self._salt, digest_size=16).digest()

    def _take(self, key: bytes) -> float | None:
        """None when the request may go ahead, else the seconds until it could."""
        now = self.clock()
        tokens, when = self._buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - when) * self.rate)
        if tokens >= 1:
            self._buckets[key] = (tokens - 1, now)
            self._bound_memory(now)
            return None
        self._buckets[key] = (tokens, now)
        return (1 - tokens) / self.rate if self.rate > 0 else 60.0

    def _bound_memory(self, now: float) -> None:
        if len(self._buckets) <= self.max_clients:
            return
        # Full buckets hold nothing worth keeping; if that is not enough, drop the oldest.
        full = [
            k for k, (tokens, when) in self._buckets.items()
            if tokens + (now - when) * self.rate >= self.burst
        ]
        for key in full:
            del self._buckets[key]
        # Down to 90%, so a flood of new addresses does not make every request prune.
        excess = len(self._buckets) - self.max_clients * 9 // 10
        for key in list(self._buckets)[: max(0, excess)]:
            del self._buckets[key]

    @property
    def clients_tracked(self) -> int:
        return len(self._buckets)


class ConcurrencyLimitMiddleware:
    """At most `max_concurrent` requests in flight; the next gets a 503 straight away."""

    def __init__(
        self,
        app: ASGIApp,
        max_concurrent: int = 32,
        retry_after: int = 10,
        prefixes: tuple[str, ...] = ("/api/",),
        methods: Iterable[str] = ("POST",),
    ) -> None:
        self.app = app
        self.max_concurrent = max_concurrent
        self.retry_after = retry_after
        self.prefixes = prefixes
        self.methods = frozenset(methods)
        self.active = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _applies(scope, self.prefixes, self.methods):
            await self.app(scope, receive, send)
            return
        if self.active >= self.max_concurrent:
            await send_json(
                send, 503, {"detail": BUSY_MESSAGE, "retry_after": self.retry_after},
                [(b"retry-after", str(self.retry_after).encode())],
            )
            return
        self.active += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.active -= 1


class _BodyTooLarge(Exception):
    pass


class BodySizeLimitMiddleware:
    """413 for a request body over `max_bytes`, counted as it arrives."""

    def __init__(self, app: ASGIApp, max_bytes: int = 16_384) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(send)
            return

        received = 0
        too_large = False
        started = False

        async def counted_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    too_large = True
                    raise _BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if too_large:
                return  # the app's own answer to a body cut short (a 400 or 500) is replaced
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not too_large:
                raise
        if too_large and not started:
            await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        await send_json(
            send, 413,
            {"detail": f"The request is larger than the limit of {self.max_bytes} bytes."},
            [(b"connection", b"close")],  # the rest of the body was never read
        )


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
