"""The real gateway app, served by uvicorn on a loopback port, for the widget's browser tests.

Rasa is a scripted fake, Redis a recording fake, the services directory the real one.
Around the app sits a thin test harness that
- serves extra test pages under /__test__/ (a start page, a local exit page, embed pages),
- puts a strict Content Security Policy on every HTML page, so the widget is tested under it,
- records every request (method, path, headers), e.g. to see the exit's Referer.
"""

from __future__ import annotations

import html
import socket
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn
from starlette.responses import HTMLResponse

from common.settings import Settings
from common.turn_meta import meta_payload
from gateway.app import create_app
from gateway.rasa_client import RasaUnavailable
from gateway.resources import Resources, get_resources
from services_directory import load_directory
from tests.gateway.fakes import FakeRasa, FakeRedis

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# No inline script or style anywhere, and nothing from another origin.
STRICT_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

START_PATH = "/__test__/start"
EXIT_PATH = "/__test__/exit"

# What people say in the tests, and what the scripted Rasa answers.
GREETING = "Hello"
DISCLOSURE = "My partner hits me and checks my phone"
URGENT = "He has a knife and he is outside the door"
MARKUP = "Show me some markup"
HOSTILE_REPLY = '<img src="x" id="pwned"><b>not bold</b> & <script>window.pwned = 1</script>'
DISCLOSURE_SERVICES = [
    "national-domestic-abuse-helpline", "hackney-dais", "derbyshire-domestic-abuse-helpline",
]


def canned_reply(message: str) -> list[dict[str, Any]]:
    """Rasa's REST-channel messages for one user message, as the real bot shapes them."""
    said = message.lower()
    if "knife" in said:
        return [
            {"text": "I'm worried you are in danger now. Please call 999 if you can."},
            {"custom": meta_payload(
                urgent=True, services=["emergency-999", "national-domestic-abuse-helpline"]
            )},
        ]
    if "hits me" in said:
        return [
            {"text": "Thank you for telling me. What you describe is abuse, and it is not "
                     "your fault."},
            {"text": "Would you like to know about a safe place to stay?", "buttons": [
                {"title": "Tell me about refuges", "payload": "/ask_refuge"},
                {"title": "Not now", "payload": "/deny"},
            ]},
            {"custom": meta_payload(urgent=False, services=DISCLOSURE_SERVICES)},
        ]
    if said == "/ask_refuge":
        return [{"text": "A refuge is a safe house where you can stay, with your children."}]
    if "markup" in said:
        return [{"text": HOSTILE_REPLY}]
    return [{"text": "I'm here to listen. What is happening?"}]


@dataclass
class ScriptedRasa(FakeRasa):
    """FakeRasa that answers each message from canned_reply instead of one fixed list."""

    async def send(
        self, conversation_id: str, message: str, metadata: dict[str, Any], timeout: float
    ) -> list[dict[str, Any]]:
        self.sent.append((conversation_id, message, metadata))
        if self.unavailable:
            raise RasaUnavailable("ReadTimeout")
        return canned_reply(message)


def make_resources() -> Resources:
    return Resources(
        settings=Settings(),
        rasa=ScriptedRasa(),  # type: ignore[arg-type]
        redis=FakeRedis(),  # type: ignore[arg-type]
        directory=load_directory(),
    )


def plain_page(title: str, body: str = "") -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><h1>{title}</h1>{body}</body></html>"
    )


def embed_page(title: str = "Embed test", **data: str) -> str:
    """A bare council page embedding the widget with the given data- options.

    It has no <link> to widget.css and no referrer policy of its own, so the tests see
    the widget add its stylesheet and send no referrer by itself.
    """
    attributes = "".join(
        f' data-{name.replace("_", "-")}="{html.escape(value)}"' for name, value in data.items()
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title></head><body><main><h1>{title}</h1>"
        f"<p>A council page.</p></main>"
        f'<script src="/widget.js"{attributes} async></script></body></html>'
    )


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]


@dataclass
class Harness:
    """ASGI wrapper: test pages, a strict CSP on every page, and a record of requests."""

    gateway: Callable[[Scope, Receive, Send], Awaitable[None]]
    pages: dict[str, str] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)
    # The address the gateway sees requests come from. Each test sets its own, as if each
    # were a different person, so that the gateway's per-client limits apply per test.
    client: str = "127.0.0.1"

    def __post_init__(self) -> None:
        self.pages.setdefault(START_PATH, plain_page("Start page", '<p><a href="/">Demo</a></p>'))
        self.pages.setdefault(EXIT_PATH, plain_page("Weather"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.gateway(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        self.requests.append(Seen(scope["method"], scope["path"], headers))
        scope = {**scope, "client": (self.client, 50000)}

        async def send_with_csp(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                types = [v for k, v in raw if k.lower() == b"content-type"]
                if types and types[0].startswith(b"text/html"):
                    raw.append((b"content-security-policy", STRICT_CSP.encode()))
                message["headers"] = raw
            await send(message)

        page = self.pages.get(scope["path"])
        if page is not None:
            await HTMLResponse(page)(scope, receive, send_with_csp)
        else:
            await self.gateway(scope, receive, send_with_csp)

    def seen(self, method: str, path: str) -> list[Seen]:
        return [r for r in list(self.requests) if r.method == method and r.path == path]


class LiveServer:
    """The gateway app (with the harness) under uvicorn, in a thread, on a free port."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        app = create_app(Settings())
        app.dependency_overrides[get_resources] = lambda: resources
        self.harness = Harness(app)
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.port: int = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        # lifespan off: the overrides stand in for what the lifespan would make.
        config = uvicorn.Config(
            self.harness, lifespan="off", ws="none", log_level="warning", access_log=False,
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    @property
    def rasa(self) -> ScriptedRasa:
        return self.resources.rasa  # type: ignore[return-value]

    @property
    def redis(self) -> FakeRedis:
        return self.resources.redis  # type: ignore[return-value]

    def start(self) -> LiveServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test gateway did not start")
            time.sleep(0.02)
        # One message first, so whatever the gateway loads on first use (e.g. its scrubber)
        # is loaded before a test's browser waits for a reply.
        self.harness.client = "192.0.2.1"
        httpx.post(self.url + "/api/chat", json={"message": "warm up"}, timeout=60)
        self.rasa.sent.clear()
        self.harness.requests.clear()
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()

    def add_page(self, path: str, page: str) -> str:
        self.harness.pages[path] = page
        return self.url + path
