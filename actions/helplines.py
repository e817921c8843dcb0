"""The lines every reply can lean on, with their facts read from the services directory."""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache

from services_directory import Directory, load_directory

# England's 24-hour line; the one the degraded reply gives too.
NATIONAL_HELPLINE_ID = "national-domestic-abuse-helpline"


@lru_cache(maxsize=1)
def directory() -> Directory:
    return load_directory()


def helpline_phone(service_id: str = NATIONAL_HELPLINE_ID) -> str:
    """The display phone number of a line, from its directory entry."""
    card = directory().card(service_id, datetime.now(timezone.utc))
    if not card["phone"]:
        raise ValueError(f"{service_id} has no phone number in the directory")
    return card["phone"]
