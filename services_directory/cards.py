"""A service as the chat widget shows it: a card with every way to reach it and its hours.

The card's keys are a public contract (the chat API's `services`, GET /api/services):
`phone`, `text`, `url`, `hours` and `open_now` are the main phone line, text number and
website as before; `webchat` and `email` are the first of each; `channels` lists every
contact, in the file's order, ready to show as a link with its hours.

Where the sources disagree about a contact's hours, its file leaves `hours` out and says
so in a note (a contact's or the service's notes say "hours vary"), or in an
`omitted_facts` entry about hours whose reason says the sources conflict. The card then
says "Hours vary: check their website" and links the website, never a time.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TypedDict

from services_directory.hours import N_, Gettext
from services_directory.phones import parse_uk_number
from services_directory.schema import Contact, Service

# The words in a note that mark hours the sources disagree about.
HOURS_VARY_NOTE = "hours vary"
# Channels that are open at some times and not others; a service-wide note about
# varying hours applies to these, not to an email address or a website.
TIMED_CHANNELS = frozenset({"phone", "text", "webchat", "bsl"})
# An omitted_facts reason that says sources conflict (as opposed to "not given").
_CONFLICT = re.compile(r"\b(vary|varies|differ|disagree|conflict|contradict|inconsistent)",
                       re.IGNORECASE)


class Channel(TypedDict):
    """One way to reach the service, as one link on the card."""

    channel: str  # from vocabulary.CHANNELS: phone, text, email, webchat, website, ...
    label: str | None  # what this line is for, when a service has several (English)
    value: str | None  # what to show: the number, the address or the page
    href: str | None  # tel:, sms:, mailto: or https:; None when the source gives none
    hours: str | None  # worded for the locale; None when not known
    open_now: bool | None  # None when the hours are not known or vary
    hours_url: str | None  # where to check the hours, when they vary


class Card(TypedDict):
    """What the chat widget shows for one service. Keys are a public contract."""

    id: str
    name: str
    phone: str | None
    text: str | None
    url: str | None
    hours: str | None  # the main phone line's
    open_now: bool | None  # the main phone line's
    webchat: str | None  # the web chat's page
    email: str | None
    channels: list[Channel]


def service_card(service: Service, now: dt.datetime, locale: str = "en",
                 gettext: Gettext | None = None) -> Card:
    """`service` as a card; see Directory.card."""
    words = gettext or (lambda message: message)
    channels = [_channel(service, contact, now, locale, words) for contact in service.contacts]
    phone, text = _first(channels, "phone"), _first(channels, "text")
    website, webchat, email = (_first(channels, "website"), _first(channels, "webchat"),
                               _first(channels, "email"))
    return Card(
        id=service.id,
        name=service.name,
        phone=phone["value"] if phone else None,
        text=text["value"] if text else None,
        url=website["value"] if website else None,
        hours=phone["hours"] if phone else None,
        open_now=phone["open_now"] if phone else None,
        webchat=webchat["value"] if webchat else None,
        email=email["value"] if email else None,
        channels=channels,
    )


def _first(channels: list[Channel], name: str) -> Channel | None:
    return next((c for c in channels if c["channel"] == name), None)


def _channel(service: Service, contact: Contact, now: dt.datetime, locale: str,
             words: Gettext) -> Channel:
    value, href = _value_and_href(contact)
    hours = open_now = hours_url = None
    if contact.hours is not None:
        hours = contact.hours.describe(locale, words)
        open_now = contact.hours.is_open(now)
    elif hours_vary(service, contact):
        hours_url = _website(service) or (href if href and href.startswith("https:") else None)
        # i18n: a card's opening hours when the sources disagree; links to the website
        hours = (words(N_("Hours vary: check their website")) if hours_url
                 # i18n: a card's opening hours when the sources disagree
                 else words(N_("Hours vary")))
    return Channel(channel=contact.channel, label=contact.label, value=value, href=href,
                   hours=hours, open_now=open_now, hours_url=hours_url)


def _value_and_href(contact: Contact) -> tuple[str | None, str | None]:
    if contact.channel == "phone" and contact.number:
        return contact.display_number(), contact.tel_uri()
    if contact.channel == "text" and contact.number:
        number = parse_uk_number(contact.number)
        return contact.display_number(), f"sms:{number.e164 or number.digits}"
    if contact.address:
        return contact.address, f"mailto:{contact.address}"
    if contact.url:
        return str(contact.url), str(contact.url) if contact.url.scheme == "https" else None
    return None, None


def _website(service: Service) -> str | None:
    website = service.first_contact("website")
    if website and website.url and website.url.scheme == "https":
        return str(website.url)
    return None


def hours_vary(service: Service, contact: Contact) -> bool:
    """Whether the sources disagree about this contact's hours, so none are shown."""
    if contact.hours is not None:
        return False
    if HOURS_VARY_NOTE in (contact.notes or "").lower():
        return True
    if contact.channel not in TIMED_CHANNELS:
        return False
    return any(HOURS_VARY_NOTE in note.lower() for note in service.notes) or any(
        "hours" in omitted.fact.lower() and _CONFLICT.search(omitted.reason)
        for omitted in service.omitted_facts
    )
