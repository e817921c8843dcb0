"""Filtering the directory, for listings (the gateway's GET /api/services).

Unlike `route()`, which chooses what to offer one person and in what order,
this answers "which services match these filters", sorted by name.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale, UnknownLocaleError

from services_directory.directory import Directory
from services_directory.schema import Service
from services_directory.vocabulary import COVERAGE_NOT_STATED, NEEDS


class FilterError(ValueError):
    """A filter value the directory does not know; `field` names the filter."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def resolve_area(directory: Directory, text: str) -> str:
    """An area id from an id, place name, town or postcode; FilterError if unknown or unclear."""
    if text in directory.areas:
        return text
    place = directory.areas.resolve(text)
    if place is None or place.area is None:
        raise FilterError("area", f"unknown area {text!r}; use an area id such as 'hackney', "
                                  "a place name or a postcode")
    if place.ambiguous:
        raise FilterError("area", f"{text!r} crosses a border; use one of: "
                                  + ", ".join(place.candidates))
    return place.area


def find_services(directory: Directory, *, now: dt.datetime, area: str | None = None,
                  need: str | None = None, language: str | None = None,
                  open_now: bool | None = None) -> list[Service]:
    """Services matching every filter given, sorted by name.

    area: the service covers it (national services cover every area in their
        nations); services whose coverage the sources do not state never match.
    need: the service lists that need.
    language: the service records that it speaks it, or offers interpreting.
        Most entries do not record languages yet, so few match.
    open_now: its main phone line is open (True) or closed (False) at `now`;
        services whose hours are unknown match neither.
    """
    area_id = resolve_area(directory, area) if area is not None else None
    if need is not None and need not in NEEDS:
        raise FilterError("need", f"unknown need {need!r}; use one of: "
                                  + ", ".join(sorted(NEEDS)))
    if language is not None:
        _check_language(language)

    def matches(service: Service) -> bool:
        if area_id is not None and (service.coverage == COVERAGE_NOT_STATED or
                                    not directory.areas.covers(service.coverage, area_id)):
            return False
        if need is not None and need not in service.needs:
            return False
        if language is not None and not (language in (service.languages or [])
                                         or service.interpreting):
            return False
        return open_now is None or directory.card(service.id, now)["open_now"] is open_now

    return sorted((s for s in directory.services if matches(s)), key=lambda s: s.name.lower())


def _check_language(code: str) -> None:
    try:
        Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise FilterError("language", f"{code!r} is not a language code; use e.g. 'en', 'cy', "
                                      "'pl'") from None
