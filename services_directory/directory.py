"""The loaded directory: look services up and turn them into cards to show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypedDict

from services_directory.areas import Areas
from services_directory.hours import Gettext
from services_directory.schema import Service


class Card(TypedDict):
    """What the chat widget shows for one service. Keys are a public contract."""

    id: str
    name: str
    phone: str | None
    text: str | None
    url: str | None
    hours: str | None
    open_now: bool | None


@dataclass(frozen=True)
class Directory:
    """Every service, by id, with the areas they cover. Build it with load_directory()."""

    by_id: dict[str, Service]
    former_ids: dict[str, str]  # old id -> current id
    areas: Areas
    sources: dict[str, dict]

    @property
    def services(self) -> list[Service]:
        return list(self.by_id.values())

    def __contains__(self, service_id: object) -> bool:
        return service_id in self.by_id or service_id in self.former_ids

    def get(self, service_id: str) -> Service:
        """The service with this id (or a former id); KeyError if there is none."""
        current_id = self.former_ids.get(service_id, service_id)
        try:
            return self.by_id[current_id]
        except KeyError:
            raise KeyError(f"no service with id {service_id!r}") from None

    def card(self, service_id: str, now: dt.datetime, locale: str = "en",
             gettext: Gettext | None = None) -> Card:
        """The service as the widget shows it, with `open_now` for its phone line.

        `now` may be timezone-aware; a naive datetime is taken to be UTC. The hours
        are worded for `locale`, with `gettext` from the directory catalogue.
        """
        service = self.get(service_id)
        phone = service.phone
        text = service.first_contact("text")
        website = service.first_contact("website")
        phone_hours = phone.hours if phone is not None else None
        return Card(
            id=service.id,
            name=service.name,
            phone=phone.display_number() if phone else None,
            text=text.display_number() if text else None,
            url=str(website.url) if website and website.url else None,
            hours=(phone_hours.describe(locale, gettext or (lambda m: m)) if phone_hours
                   else None),
            open_now=phone_hours.is_open(now) if phone_hours else None,
        )
