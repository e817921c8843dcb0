"""The chat API contract: declared once, validated on the way in and out."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field, StrictStr, validator

# Long enough for anyone's story, short enough that one request cannot hog the model.
MAX_MESSAGE_CHARS = 2000
# Lone surrogates cannot be stored or sent on as UTF-8.
_SURROGATES = re.compile("[\ud800-\udfff]")
# Control characters other than tab and newlines, and invisible format characters
# (zero-width spaces, direction overrides): they can hide or disguise text.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\ufeff]")


class ChatRequest(BaseModel):
    # Strict: pydantic 1 would otherwise turn {"message": 5} into "5".
    message: StrictStr
    conversation_id: StrictStr | None = None
    locale: StrictStr | None = Field(None, regex=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")
    # The embedding council's default area; what the person says overrides it.
    area: StrictStr | None = Field(None, regex=r"^[a-z0-9-]{1,64}$")

    class Config:
        extra = "forbid"

    @validator("message")
    def message_has_words(cls, message: str) -> str:
        if _SURROGATES.search(message):
            raise ValueError("message is not valid text")
        message = _INVISIBLE.sub("", message)
        if not message.strip():
            raise ValueError("message is empty")
        if len(message) > MAX_MESSAGE_CHARS:
            raise ValueError(f"message is longer than {MAX_MESSAGE_CHARS} characters")
        return message


class Button(BaseModel):
    title: str
    payload: str


class Reply(BaseModel):
    text: str
    buttons: list[Button] = Field(default_factory=list)


class ServiceCard(BaseModel):
    id: str
    name: str
    phone: str | None
    text: str | None
    url: str | None
    hours: str | None
    open_now: bool | None


class ChatResponse(BaseModel):
    conversation_id: str
    replies: list[Reply]
    urgent: bool
    services: list[ServiceCard]
    locale: str


Status = Literal["ok", "down"]


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    rasa: Status
    actions: Status
    redis: Status
