"""The loaded directory: look services up and turn them into cards to show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services_directory.areas import Areas
from services_directory.cards import Card, service_card
from services_directory.hours import Gettext
from services_directory.schema import Service


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
        """The service as the widget shows it: every channel with its hours (cards.py).

        `open_now` and `hours` at the top are the main phone line's. `now` may be
        timezone-aware; a naive datetime is taken to be UTC. The hours are worded for
        `locale`, with `gettext` from the directory catalogue.
        """
        return service_card(self.get(service_id), now, locale, gettext)
