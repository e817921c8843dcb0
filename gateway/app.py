"""The gateway app: `uvicorn gateway.app:app`."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from redis.asyncio import Redis

from common.settings import Settings
from gateway.limits import install_limits
from gateway.rasa_client import RasaClient
from gateway.resources import Resources
from gateway.routes import chat, conversations, health, services, translations
from gateway.scrubbing import load_scrubber
from gateway.security_headers import install_security_headers
from services_directory import load_directory

WIDGET_DIR = Path(__file__).resolve().parents[1] / "web_widget"
# What the browser may fetch from web_widget/; its README and anything added there later
# stay private unless named here.
WIDGET_FILES = frozenset({"index.html", "widget.js", "widget.css", "demo.css"})
# httpx logs every request URL at INFO; the gateway's own log says what matters.
logging.getLogger("httpx").setLevel(logging.WARNING)


class WidgetFiles(StaticFiles):
    """The widget's public files and the demo page (at /); nothing else in the folder."""

    def lookup_path(self, path: str) -> tuple[str, os.stat_result | None]:
        if os.path.normpath(path) not in {*WIDGET_FILES, "."}:
            return "", None
        return super().lookup_path(path)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Loading the directory here makes bad service data fail at start-up, loudly.
        directory = load_directory()
        # spaCy and the name lists, once (~4 s), so the first message is not slow.
        load_scrubber()
        redis = Redis.from_url(
            # Alone (not under the launcher), the gateway looks for a local Redis.
            settings.redis_url or "redis://127.0.0.1:6379/0",
            socket_timeout=settings.upstream_timeout, socket_connect_timeout=1,
        )
        # Idle connections to Rasa are dropped after 2 s, before Sanic's own 5 s
        # keep-alive closes them: a message sent on a connection just closed by Rasa
        # cannot be told from one Rasa died with, and gets the fallback.
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20,
                              keepalive_expiry=2.0)
        async with httpx.AsyncClient(limits=limits) as http:
            app.state.resources = Resources(
                settings=settings,
                rasa=RasaClient(http, settings.rasa_urls, settings.actions_urls),
                redis=redis,
                directory=directory,
            )
            yield
        await redis.close()

    app = FastAPI(title="Safe chat gateway", lifespan=lifespan)
    app.include_router(chat.router)
    app.include_router(conversations.router)
    app.include_router(health.router)
    app.include_router(services.router)
    app.include_router(translations.router)
    install_limits(app, settings)
    # Added last, so it is outermost: every response gets the headers, errors included.
    install_security_headers(app, settings)
    # Last, so the API routes win: widget.js, widget.css and the demo page at /.
    app.mount("/", WidgetFiles(directory=WIDGET_DIR, html=True), name="widget")
    return app


app = create_app()
