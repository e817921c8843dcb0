"""The services directory: every helpline and local service the assistant can offer.

Public API (imported by the gateway and the Rasa actions):

    load_directory(path=None) -> Directory     load and check the data (once)
    Directory.get(id) / .services / .card(id, now)
    route(directory, now=..., nation=..., area=..., needs=..., ...) -> list[Offer]
    resolve_place(directory, text) -> Place | None
    find_services(directory, now=..., area=..., need=..., language=..., open_now=...)

See docs/directory.md for how to add or check a service.
"""

from services_directory.areas import Areas, Place
from services_directory.directory import Card, Directory
from services_directory.errors import DirectoryDataError, Problem
from services_directory.loader import check_directory, load_directory
from services_directory.routing import NATIONAL_LINES, Offer, route
from services_directory.schema import Contact, Service
from services_directory.search import FilterError, find_services


def resolve_place(directory: Directory, text: str) -> Place | None:
    """What a place name, town or postcode means: nation, area, and whether to ask.

    None when the directory does not know the place (ask the person instead).
    """
    return directory.areas.resolve(text)


__all__ = [
    "NATIONAL_LINES",
    "Areas",
    "Card",
    "Contact",
    "Directory",
    "DirectoryDataError",
    "FilterError",
    "Offer",
    "Place",
    "Problem",
    "Service",
    "check_directory",
    "find_services",
    "load_directory",
    "resolve_place",
    "route",
]
