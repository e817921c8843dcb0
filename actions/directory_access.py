"""The services directory as the actions use it: loaded once, routed in one place."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from services_directory import Directory, load_directory, route
from services_directory.routing import NATIONAL_LINES, Offer
from services_directory.schema import Service
from services_directory.vocabulary import COVERAGE_NOT_STATED

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


def direct_offers(service_ids: list[str], *, nation: str | None, gender: str | None,
                  age: int | None, kind: str) -> list[Offer]:
    """Named services (a topic's or a situation's own), as offers: only those in the
    directory, reachable, open to the person and covering their nation."""
    offers = []
    for service_id in service_ids:
        if service_id not in directory():
            continue
        service = directory().get(service_id)
        covers = _covers(service, nation)
        men_only = service.eligibility.genders == ["men"] and gender != "men"
        if (service.contacts and covers and not men_only
                and service.eligibility.admits(gender, age)):
            phone = service.phone
            open_now = phone.hours.is_open(now()) if phone and phone.hours else None
            offers.append(Offer(service, (f"Acts on what was asked ({kind}).",), open_now,
                                (f"{kind}:{service_id}",)))
    return offers


def _covers(service: Service, nation: str | None) -> bool:
    if service.coverage == COVERAGE_NOT_STATED:
        return True  # an app or website the source gives no area for
    if nation is None:
        # As route(): England's services stand in until the nation is known.
        return not set(service.coverage) <= {"wales", "scotland", "northern-ireland"}
    return directory().areas.covers(service.coverage, nation)


def phone_of(service_id: str) -> str | None:
    return directory().card(service_id, now())["phone"]


def first_sentence(text: str) -> str:
    """The first sentence of a description: enough to say what a service is for."""
    sentence = re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]
    return sentence.rstrip(".")
