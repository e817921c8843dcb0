"""The controlled words a service entry may use.

Routing matches on these words, so a typo in a YAML file would silently hide a
service from the people it is for. Keeping the lists here lets `validate` reject
any word that is not one of them.
"""

from __future__ import annotations

# What a service helps with. Add a word here (and to docs/directory.md) before
# using it in a service file.
NEEDS: frozenset[str] = frozenset(
    {
        "domestic-abuse",
        "male-victims",
        "lgbt",
        "forced-marriage",
        "honour-based-abuse",
        "fgm",
        "stalking",
        "image-based-abuse",
        "economic-abuse",
        "deaf",
        "disabled",
        "older-people",
        "children-young-people",
        "perpetrators",
        "friends-family",
        "professionals",
        "legal",
        "housing",
        "refuge",
        "sexual-violence",
        "suicidal-crisis",
        # Adults who were abused as children (NAPAC); added 2026-12-02.
        "childhood-abuse",
        "migrant-women",
        "black-minoritised",
        "jewish",
        "muslim",
        "christian",
        "emergency",
    }
)

# How someone can reach a service.
CHANNELS: tuple[str, ...] = (
    "phone",  # a number to call
    "text",  # a number or short code to text (SMS)
    "email",
    "webchat",  # chat on the service's website; give its page as `url` when known
    "website",
    "bsl",  # British Sign Language video or relay service
    "app",  # a phone app
    "referral",  # referral form or route for professionals
)

# Channels that are reached by dialling or texting a number.
NUMBER_CHANNELS: frozenset[str] = frozenset({"phone", "text"})

# Who a service is for, when it is restricted by gender. No list means "not
# restricted, or the source does not say".
GENDERS: frozenset[str] = frozenset({"women", "men"})

# Days of the week as written in the YAML files, Monday first (Python's weekday()).
DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

DAY_NAMES: dict[str, str] = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}

# Coverage value for entries whose source does not say where they work.
COVERAGE_NOT_STATED = "not-stated"
