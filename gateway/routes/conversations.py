"""DELETE /api/conversations/{id}: the quick exit forgets the conversation at once."""

from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException, Response

from gateway.conversation_ids import is_conversation_id
from gateway.conversation_store import delete_conversation
from gateway.resources import ResourcesDep

logger = logging.getLogger(__name__)
router = APIRouter()


@router.delete("/api/conversations/{conversation_id}", status_code=204)
async def forget(conversation_id: str, resources: ResourcesDep) -> Response:
    # Malformed ids never reach Redis; unknown well-formed ids get the same 204,
    # so the answer reveals nothing about which conversations exist.
    if not is_conversation_id(conversation_id):
        raise HTTPException(status_code=404, detail="not found")
    try:
        await delete_conversation(resources.redis, conversation_id)
    except Exception as error:
        logger.error("could not delete a conversation: %s", type(error).__name__)
        raise HTTPException(status_code=503, detail="try again") from None
    return Response(status_code=204)
