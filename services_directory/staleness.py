"""How old each fact is, so the oldest get re-checked first.

A fact here is one contact (a number, an address, a link, with its hours). Its
date is the date of its newest source: for each cited page or document, the date
the page itself shows (`page_date`) when it shows one, else the date it was
`read`. The page's own date comes first because staleness is about how old the
information is, not how recently someone looked at it: re-reading a page last
updated in 2018 does not make its numbers newer. A contact with no dated source
falls back to its service's `last_verified`, and says so.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from services_directory.directory import Directory
from services_directory.schema import Citation, Contact, Service

DEFAULT_AGE = "12m"
_AGE = re.compile(r"^(?P<count>\d+)(?P<unit>[dm])$")


@dataclass(frozen=True)
class FactDate:
    """One contact's date and where the date comes from."""

    service_id: str
    index: int
    contact: Contact
    date: dt.date
    basis: str  # e.g. "the date on https://...", "read https://... on that date"

    def __str__(self) -> str:
        return (f"{self.date.isoformat()}  {self.service_id}: contacts.{self.index} "
                f"({describe_contact(self.contact)}): {self.basis}")


def cutoff_for(age: str, today: dt.date) -> dt.date:
    """The date `age` before today: '180d' (days) or '12m' (calendar months).

    Raises ValueError for anything else.
    """
    match = _AGE.match(age.strip())
    if match is None:
        raise ValueError(f"an age is a number of days or months such as 180d or 12m, "
                         f"not {age!r}")
    count = int(match["count"])
    if match["unit"] == "d":
        return today - dt.timedelta(days=count)
    year, month = divmod(today.year * 12 + today.month - 1 - count, 12)
    month += 1
    return dt.date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def fact_dates(directory: Directory) -> list[FactDate]:
    """Every contact's date, oldest first (then by service id and contact order)."""
    facts = [_fact_date(service, index, contact)
             for service in directory.services
             for index, contact in enumerate(service.contacts)]
    return sorted(facts, key=lambda f: (f.date, f.service_id, f.index))


def stale_facts(directory: Directory, cutoff: dt.date) -> list[FactDate]:
    """The contacts whose newest source date is before `cutoff`, oldest first."""
    return [fact for fact in fact_dates(directory) if fact.date < cutoff]


def _fact_date(service: Service, index: int, contact: Contact) -> FactDate:
    dated = [(date, basis) for citation in contact.source
             if (found := _citation_date(citation)) is not None
             for date, basis in [found]]
    if not dated:
        why = "cites no dated source" if contact.source else "cites no source"
        return FactDate(service.id, index, contact, service.last_verified,
                        f"this contact {why}; the service's last_verified")
    date, basis = max(dated, key=lambda pair: pair[0])
    return FactDate(service.id, index, contact, date, basis)


def _citation_date(citation: Citation) -> tuple[dt.date, str] | None:
    origin = str(citation.url) if citation.url else f"document {citation.document!r}"
    if citation.page_date is not None:
        read = f" (read {citation.read.isoformat()})" if citation.read else ""
        return citation.page_date, f"the date on {origin}{read}"
    if citation.read is not None:
        return citation.read, f"{origin}, which shows no date, read on that day"
    return None


def describe_contact(contact: Contact) -> str:
    """'phone 0808 2000 247', 'email help@example.org', 'website https://...'."""
    what = (contact.display_number() or contact.address or (str(contact.url) if contact.url
            else None) or contact.label)
    return f"{contact.channel} {what}" if what else contact.channel
