"""The chat API contract: declared once, validated on the way in and out."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field, StrictStr, validator

# Long enough for anyone's story, short enough that one request cannot hog the model.
MAX_MESSAGE_CHARS = 2000
# Lone surrogates cannot be stored or sent on as UTF-8.
_SURROGATES = re.compile("[\ud800-\udfff]")
# Control characters other than tab and newlines, and invisible format characters
# (zero-width spaces, direction overrides): they can hide or disguise text.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\ufeff]")


class ApiModel(BaseModel):
    """Pydantic 1 writes `str | None` as plain `string` in the schema; say `null` too, so
    the published OpenAPI schema matches what is sent (schemathesis checks it)."""

    class Config:
        @staticmethod
        def schema_extra(schema: dict[str, Any], model: type[BaseModel]) -> None:
            for name, field in model.__fields__.items():
                prop = schema.get("properties", {}).get(field.alias or name)
                if field.allow_none and prop is not None and "anyOf" not in prop:
                    title = prop.pop("title", None)
                    schema["properties"][field.alias or name] = {
                        "anyOf": [prop, {"type": "null"}], **({"title": title} if title else {})}


class ApiError(ApiModel):
    """A 4xx answer: FastAPI's list of field errors, or one sentence naming the problem."""

    detail: str | list[dict[str, Any]]


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


class Button(ApiModel):
    title: str
    payload: str


class Reply(ApiModel):
    text: str
    buttons: list[Button] = Field(default_factory=list)


class CardChannel(ApiModel):
    """One way to reach a service (services_directory/cards.py), shown as one link."""

    channel: str  # phone, text, email, webchat, website, bsl, app or referral
    label: str | None  # what this line is for, when a service has several
    value: str | None  # the number, address or page to show
    href: str | None  # tel:, sms:, mailto: or https:; None when the source gives none
    hours: str | None  # worded in the reply's language; None when not known
    open_now: bool | None
    hours_url: str | None  # where to check the hours, when the sources disagree on them


class ServiceCard(ApiModel):
    id: str
    name: str
    # The main phone line, text number and website, and the phone line's hours.
    phone: str | None
    text: str | None
    url: str | None
    hours: str | None
    open_now: bool | None
    webchat: str | None  # the web chat's page
    email: str | None
    channels: list[CardChannel]  # every contact, in the directory's order


class ChatResponse(ApiModel):
    conversation_id: str
    replies: list[Reply]
    urgent: bool
    services: list[ServiceCard]
    locale: str


class Translations(ApiModel):
    """The widget's words in one language, by their English text (the msgid)."""

    locale: str
    dir: Literal["ltr", "rtl"]
    strings: dict[str, str]


Status = Literal["ok", "down"]


class Health(ApiModel):
    status: Literal["ok", "degraded"]
    rasa: Status
    actions: Status
    redis: Status
