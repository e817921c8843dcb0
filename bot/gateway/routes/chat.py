"""POST /api/chat: one message in, the bot's replies and the services they point to out."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from fastapi import APIRouter, HTTPException

from bot.gateway.conversation_ids import is_conversation_id, new_conversation_id
from bot.gateway.fallback import NATIONAL_HELPLINE, fallback_replies, shows_danger
from bot.gateway.rasa_client import RasaUnavailable
from bot.gateway.resources import Resources, ResourcesDep
from bot.gateway.schemas import ApiError, ChatRequest, ChatResponse, ServiceCard
from bot.gateway.scrubbing import scrub
from bot.gateway.turn import read_turn, service_cards
from bot.i18n import DEFAULT_LOCALE, supported
from services_directory import NATIONAL_LINES

logger = logging.getLogger(__name__)
router = APIRouter()


@router.post("/api/chat", response_model=ChatResponse, responses={
    422: {"model": ApiError, "description": "Invalid request, or a conversation id this "
                                           "server did not issue"}})
async def chat(request: ChatRequest, resources: ResourcesDep) -> ChatResponse:
    if request.conversation_id is None:
        conversation_id = new_conversation_id()
    elif is_conversation_id(request.conversation_id):
        conversation_id = request.conversation_id
    else:
        raise HTTPException(status_code=422, detail="conversation_id is not one this server issued")

    # The widget's language (data-locale or its menu); the bot may answer in another
    # when the message is clearly written in one (bot/nlu/language.py).
    # Without one, the conversation keeps the language it had (the locale slot).
    requested = supported(request.locale)
    locale = requested or DEFAULT_LOCALE
    metadata = {"locale": requested, "area": request.area}
    # Names, numbers, addresses... are replaced before Rasa, Redis or a log sees them.
    scrubbed = scrub(request.message)
    try:
        messages = await resources.rasa.send(
            conversation_id, scrubbed, metadata,
            resources.settings.upstream_timeout,
        )
    except RasaUnavailable as error:
        logger.warning("answering with the fallback: Rasa unavailable (%s)", error)
        messages = []

    turn = read_turn(messages)
    if not turn.replies:
        # Rasa down, slow, or an action failed and said nothing: never leave a person
        # without 999 and the 24-hour line, and still flag danger by the rules alone.
        return ChatResponse(
            conversation_id=conversation_id,
            replies=fallback_replies(locale),
            urgent=shows_danger(scrubbed, logger),
            services=fallback_services(resources, request.area, locale),
            locale=locale,
        )
    locale = supported(turn.locale) or locale
    return ChatResponse(
        conversation_id=conversation_id,
        replies=turn.replies,
        urgent=turn.urgent,
        services=service_cards(resources.directory, turn.service_ids,
                               datetime.now(timezone.utc), locale),
        locale=locale,
    )


def fallback_services(resources: Resources, area: str | None,
                      locale: str) -> list[ServiceCard]:
    """The nation's own 24-hour line first when the embedding council's area or the
    Welsh locale tells the nation (the directory is in this process, so it answers with
    Rasa down); England's helpline always, from constants."""
    nation = "wales" if locale == "cy" else None
    try:
        area = area.strip().lower() if area else None  # as the actions read it
        if area and area in resources.directory.areas:
            nation = resources.directory.areas.nation_of(area) or nation
        if nation in NATIONAL_LINES and nation != "england":
            own = service_cards(resources.directory, [NATIONAL_LINES[nation]],
                                datetime.now(timezone.utc), locale)
            return [*own, NATIONAL_HELPLINE]
    except Exception:  # the fallback itself must never fail
        logger.exception("fallback without the nation's line")
    return [NATIONAL_HELPLINE]
