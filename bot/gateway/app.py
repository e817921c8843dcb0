"""The gateway app: `uvicorn bot.gateway.app:app`."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from redis.asyncio import Redis

from bot.gateway.limits import LimitSettings, install_limits
from bot.gateway.rasa_client import RasaClient
from bot.gateway.resources import Resources
from bot.gateway.routes import chat, conversations, health, services, translations
from bot.gateway.scrubbing import load_scrubber
from bot.gateway.security_headers import HeaderSettings, install_security_headers
from bot.gateway.settings import Settings
from services_directory import load_directory

WIDGET_DIR = Path(__file__).resolve().parents[2] / "web_widget"
# httpx logs every request URL at INFO; the gateway's own log says what matters.
logging.getLogger("httpx").setLevel(logging.WARNING)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Loading the directory here makes bad service data fail at start-up, loudly.
        directory = load_directory()
        # spaCy and the name lists, once (~4 s), so the first message is not slow.
        load_scrubber()
        redis = Redis.from_url(
            settings.redis_url, socket_timeout=settings.upstream_timeout, socket_connect_timeout=1
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
    install_limits(app, LimitSettings.from_env())
    # Added last, so it is outermost: every response gets the headers, errors included.
    install_security_headers(app, HeaderSettings.from_env())
    # Last, so the API routes win: widget.js, widget.css and the demo page at /.
    app.mount("/", StaticFiles(directory=WIDGET_DIR, html=True), name="widget")
    return app


app = create_app()
