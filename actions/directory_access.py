"""The services directory as the actions use it: loaded once, routed in one place."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from services_directory import Directory, load_directory, route
from services_directory.routing import NATIONAL_LINES, Offer

EMERGENCY_ID = "emergency-999"
SAMARITANS_ID = "samaritans"


@lru_cache(maxsize=1)
def directory() -> Directory:
    return load_directory()


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def national_line_id(nation: str | None) -> str:
    """The 24-hour line for the nation; England's when the nation is not known."""
    return NATIONAL_LINES.get(nation or "england", NATIONAL_LINES["england"])


def offers_for(*, nation: str | None, area: str | None, needs: list[str], gender: str | None,
               age: int | None, urgent: bool = False, language: str | None = None
               ) -> list[Offer]:
    """route() with what the conversation knows; unknown words never break a reply."""
    known_area = area if area in directory().areas else None
    if known_area and nation and directory().areas.nation_of(known_area) not in (None, nation):
        known_area = None  # the person's nation wins over a council's default area
    try:
        return route(directory(), now=now(), nation=nation, area=known_area, needs=needs,
                     gender=gender, age=age, urgent=urgent, language=language)
    except ValueError:
        return route(directory(), now=now(), nation=nation, urgent=urgent, language=language)


def phone_of(service_id: str) -> str | None:
    return directory().card(service_id, now())["phone"]


def first_sentence(text: str) -> str:
    """The first sentence of a description: enough to say what a service is for."""
    sentence = re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]
    return sentence.rstrip(".")
