"""POST /api/chat: one message in, the bot's replies and the services they point to out."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from fastapi import APIRouter, HTTPException

from common.i18n import DEFAULT_LOCALE, supported
from gateway.conversation_ids import is_conversation_id, new_conversation_id
from gateway.fallback import fallback_replies, fallback_services, shows_danger
from gateway.rasa_client import RasaUnavailable
from gateway.resources import ResourcesDep
from gateway.schemas import ApiError, ChatRequest, ChatResponse
from gateway.scrubbing import scrub
from gateway.turn import read_turn, service_cards

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
            urgent=shows_danger(scrubbed),
            services=fallback_services(resources.directory, request.area, locale),
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

