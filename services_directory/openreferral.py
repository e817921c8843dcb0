"""The directory in the Open Referral UK data standard (ORUK 3.0, the UK profile of HSDS 3.0).

Councils publish and exchange service directories in this standard, so `export`
lets them take ours and `import` lets us take theirs (or our own back).

Every fact the standard has a field for goes in that field: names, description,
organisation, phones (`type` voice or text), email, service areas, weekly
schedules (RFC 5545 `byday`, `opens_at`, `closes_at`), languages, ages,
eligibility, `assured_date` (our `last_verified`), and needs and genders as
taxonomy-term attributes. What the standard cannot hold (our slug ids, which
contact a schedule belongs to, sources, omitted facts, notes, translations) goes
in an `x_safe_chat` object next to the standard fields; ORUK readers ignore it.
Import (openreferral_import.py) reads the standard fields first and the extension
only for the rest, so a plain ORUK feed without the extension imports as far as its
data allows.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any

from babel import Locale, UnknownLocaleError

from services_directory.areas import Areas
from services_directory.directory import Directory
from services_directory.hours import Hours
from services_directory.schema import Contact, Service
from services_directory.vocabulary import COVERAGE_NOT_STATED, DAYS

STANDARD = "Open Referral UK"
VERSION = "3.0"
EXTENSION = "x_safe_chat"
NEEDS_TAXONOMY = "safe-chat-needs"
GENDERS_TAXONOMY = "safe-chat-eligible-genders"
# Fixed, so the same service gets the same UUID in every export.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "services-directory.safe-chat.invalid")

BYDAY = {day: day[:2].upper() for day in DAYS}  # mon -> MO (RFC 5545)
_PHONE_TYPES = {"phone": "voice", "text": "text"}
NO_INTERPRETING = "No interpreting service."
_INTERPRETING = "Interpreters available."
# ORUK has one alternate_name; several other names are joined with this.
NAME_SEPARATOR = "; "


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


# Export.


def export_openreferral(directory: Directory) -> dict[str, Any]:
    """The whole directory as one ORUK JSON document (organizations and services).

    Raises ValueError for data the standard cannot carry faithfully.
    """
    services = sorted(directory.services, key=lambda s: s.id)
    return {
        "standard": STANDARD,
        "version": VERSION,
        "organizations": list(_organisations(services).values()),
        "services": [_export_service(directory.areas, service) for service in services],
        EXTENSION: {"sources": directory.sources},
    }


def export_openreferral_api(directory: Directory) -> tuple[dict[str, Any], dict[str, dict]]:
    """What an ORUK 3.0 API serves: the `/services` page and each `/services/{id}` record.

    The page lists every service in one page, with each service's own fields and its
    organisation but not its contacts, schedules or areas (as the standard's example
    page does); the records are complete, each with its organisation inside.
    """
    services = sorted(directory.services, key=lambda s: s.id)
    organisations = _organisations(services)
    records = {}
    for service in services:
        record = _export_service(directory.areas, service)
        record["organization"] = organisations[service.organisation]
        records[record["id"]] = record
    contents = [{key: value for key, value in record.items() if not isinstance(value, list)}
                for record in records.values()]
    page = {"total_items": len(contents), "total_pages": 1, "page_number": 1,
            "size": len(contents), "first_page": True, "last_page": True,
            "empty": not contents, "contents": contents}
    return page, records


def _organisations(services: list[Service]) -> dict[str, dict[str, Any]]:
    """One ORUK organisation per organisation name, by name."""
    provided: dict[str, list[str]] = {}
    for service in services:
        provided.setdefault(service.organisation, []).append(service.name)
    return {
        name: {"id": _uuid("organization", name), "name": name,
               "description": "Provides: " + "; ".join(names) + "."}
        for name, names in sorted(provided.items())
    }


def _export_service(areas: Areas, service: Service) -> dict[str, Any]:
    service_uuid = _uuid("service", service.id)
    if any(NAME_SEPARATOR in name for name in service.other_names):
        raise ValueError(f"{service.id}: other_names may not contain {NAME_SEPARATOR!r}")
    contacts, schedules, website, email = [], [], None, None
    for index, contact in enumerate(service.contacts):
        contact_uuid = _uuid("contact", service.id, str(index))
        contacts.append(_export_contact(service_uuid, contact_uuid, contact))
        if contact.hours is not None:
            schedules.extend(_export_hours(service_uuid, contact_uuid, contact, contact.hours))
        if contact.channel == "website" and contact.url and website is None:
            website = str(contact.url)
        if contact.channel == "email" and email is None:
            email = contact.address
    eligibility = service.eligibility
    data: dict[str, Any] = {
        "id": service_uuid,
        "organization_id": _uuid("organization", service.organisation),
        "name": service.name,
        "alternate_name": NAME_SEPARATOR.join(service.other_names) or None,
        "description": service.description["en"],
        "url": website,
        "email": email,
        "status": "active",
        "interpretation_services": (None if service.interpreting is None else
                                    _INTERPRETING if service.interpreting else NO_INTERPRETING),
        "eligibility_description": eligibility.notes,
        "minimum_age": eligibility.min_age,
        "maximum_age": eligibility.max_age,
        "assured_date": service.last_verified.isoformat(),
        "phones": [dict(phone) for contact in contacts for phone in contact["phones"]],
        "contacts": contacts,
        "schedules": schedules,
        "service_areas": [
            {"id": _uuid("service_area", service.id, area_id), "service_id": service_uuid,
             "name": areas.by_id[area_id].name}
            for area_id in (service.coverage if service.coverage != COVERAGE_NOT_STATED else [])
        ],
        "attributes": _attributes(service_uuid, NEEDS_TAXONOMY, service.needs)
        + _attributes(service_uuid, GENDERS_TAXONOMY, eligibility.genders or []),
    }
    if service.languages is not None:
        data["languages"] = [
            {"id": _uuid("language", service.id, code), "service_id": service_uuid,
             "name": _language_name(code), "code": code}
            for code in service.languages
        ]
    extension: dict[str, Any] = {"id": service.id}
    if service.coverage == COVERAGE_NOT_STATED:
        # Said outright, so that a service without areas is never read as one.
        extension["coverage"] = COVERAGE_NOT_STATED
    translations = {code: text for code, text in service.description.items() if code != "en"}
    for key, value in (("former_ids", service.former_ids), ("translations", translations),
                       ("source", [ref.dict(exclude_none=True) for ref in service.source]),
                       ("notes", service.notes),
                       ("omitted_facts", [f.dict(exclude_none=True)
                                          for f in service.omitted_facts])):
        if value:
            extension[key] = value
    data[EXTENSION] = extension
    return {key: value for key, value in data.items() if value is not None}


def _export_contact(service_uuid: str, contact_uuid: str, contact: Contact) -> dict[str, Any]:
    data: dict[str, Any] = {"id": contact_uuid, "service_id": service_uuid, "phones": []}
    if contact.label:
        data["name"] = contact.label
    if contact.address:
        data["email"] = contact.address
    extension: dict[str, Any] = {"channel": contact.channel}
    if contact.number:
        phone: dict[str, Any] = {"id": _uuid("phone", contact_uuid), "service_id": service_uuid,
                                 "contact_id": contact_uuid, "number": contact.number,
                                 "type": _PHONE_TYPES[contact.channel]}
        if contact.notes:
            phone["description"] = contact.notes
        data["phones"].append(phone)
    elif contact.notes:
        extension["notes"] = contact.notes
    for key in ("display", "url", "free"):
        value = getattr(contact, key)
        if value is not None:
            extension[key] = str(value) if key == "url" else value
    if contact.hours is not None and contact.hours.always:
        extension["always_open"] = True
    if contact.source:
        extension["source"] = [json.loads(citation.json(exclude_none=True))
                               for citation in contact.source]
    data[EXTENSION] = extension
    return data


def _export_hours(service_uuid: str, contact_uuid: str, contact: Contact,
                  hours: Hours) -> list[dict[str, Any]]:
    periods = ([(list(DAYS), "00:00", "24:00")] if hours.always else
               [(p.days, p.opens, p.closes) for p in hours.weekly])
    where = contact.display_number() or contact.label or contact.channel
    return [
        {
            "id": _uuid("schedule", contact_uuid, str(index)),
            "service_id": service_uuid,
            "freq": "WEEKLY",
            "byday": ",".join(BYDAY[day] for day in days),
            "opens_at": opens,
            "closes_at": closes,
            "description": f"{contact.channel} {where}: {hours.describe()}",
            "notes": "Times are UK local time (Europe/London).",
            EXTENSION: {"contact_id": contact_uuid},
        }
        for index, (days, opens, closes) in enumerate(periods)
    ]


def _attributes(service_uuid: str, taxonomy: str, codes: Iterable[str]) -> list[dict[str, Any]]:
    return [
        {
            "id": _uuid("attribute", service_uuid, taxonomy, code),
            "link_id": service_uuid,
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": _uuid("taxonomy_term", taxonomy, code),
            "taxonomy_term": {"id": _uuid("taxonomy_term", taxonomy, code), "code": code,
                              "name": code, "description": _TERM_DESCRIPTIONS[taxonomy](code),
                              "taxonomy": taxonomy},
        }
        for code in codes
    ]


# The standard requires a description for every taxonomy term.
_TERM_DESCRIPTIONS = {
    NEEDS_TAXONOMY: lambda code: f"Helps with: {code} (a need word of this directory's "
                                 "vocabulary; see docs/directory.md).",
    GENDERS_TAXONOMY: lambda code: f"Only for: {code}.",
}


def _language_name(code: str) -> str:
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except (ValueError, UnknownLocaleError):
        return code
