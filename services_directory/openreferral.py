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
Import reads the standard fields first and the extension only for the rest, so a
plain ORUK file without the extension imports as far as its data allows.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from typing import Any

from babel import Locale, UnknownLocaleError
from pydantic import ValidationError

from services_directory.areas import Areas
from services_directory.directory import Directory
from services_directory.errors import Problem
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

_BYDAY = {day: day[:2].upper() for day in DAYS}  # mon -> MO (RFC 5545)
_DAY_FROM_BYDAY = {code: day for day, code in _BYDAY.items()}
_PHONE_TYPES = {"phone": "voice", "text": "text"}
_CHANNEL_FROM_PHONE_TYPE = {"voice": "phone", "cell": "phone", "text": "text"}
_NO_INTERPRETING = "No interpreting service."
_INTERPRETING = "Interpreters available."
# ORUK has one alternate_name; several other names are joined with this.
_NAME_SEPARATOR = "; "
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")


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
    if any(_NAME_SEPARATOR in name for name in service.other_names):
        raise ValueError(f"{service.id}: other_names may not contain {_NAME_SEPARATOR!r}")
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
        "alternate_name": _NAME_SEPARATOR.join(service.other_names) or None,
        "description": service.description["en"],
        "url": website,
        "email": email,
        "status": "active",
        "interpretation_services": (None if service.interpreting is None else
                                    _INTERPRETING if service.interpreting else _NO_INTERPRETING),
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
            "byday": ",".join(_BYDAY[day] for day in days),
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


# Import.


def import_openreferral(document: object, areas: Areas) -> tuple[list[Service], list[Problem]]:
    """The services in an ORUK document, checked one by one, and every problem found.

    Problems name the service by its place in the document, e.g.
    `services.3 (galop): contacts.0: ...`. Checks across files (sources, duplicate
    ids) are left to the caller, which runs the loader over the result.
    """
    if not isinstance(document, dict) or not isinstance(document.get("services"), list):
        return [], [Problem("-", "services", "not an Open Referral document: no services list")]
    organisations = {org.get("id"): org for org in document.get("organizations") or []
                     if isinstance(org, dict)}
    services: list[Service] = []
    problems: list[Problem] = []
    for index, item in enumerate(document["services"]):
        where = f"services.{index}"
        if not isinstance(item, dict):
            problems.append(Problem(where, "-", "must be an object"))
            continue
        try:
            raw, found = _import_service(item, organisations, areas)
        except (AttributeError, TypeError) as exc:
            # A list where an object belongs, or the like: say so rather than crash.
            problems.append(Problem(where, "-", f"malformed Open Referral service ({exc})"))
            continue
        label = f"{where} ({raw['id'] or item.get('name') or '?'})"
        try:
            service = Service.parse_obj(raw)
        except ValidationError as exc:
            found += [(".".join(str(part) for part in error["loc"] if part != "__root__") or "-",
                       error["msg"]) for error in exc.errors()]
        problems.extend(Problem(label, field, message) for field, message in found)
        if not found:
            services.append(service)
    return services, problems


def _import_service(item: dict[str, Any], organisations: dict[Any, dict],
                    areas: Areas) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    extension = item.get(EXTENSION) or {}
    name = item.get("name") or ""
    service: dict[str, Any] = {"id": extension.get("id") or _slug(name)}
    if extension.get("former_ids"):
        service["former_ids"] = extension["former_ids"]
    service["name"] = name
    if item.get("alternate_name"):
        service["other_names"] = item["alternate_name"].split(_NAME_SEPARATOR)
    organisation = item.get("organization") or organisations.get(item.get("organization_id"))
    if organisation and organisation.get("name"):
        service["organisation"] = organisation["name"]
    else:
        problems.append(("organization_id", "names no organization in the document"))
    service["description"] = {"en": item.get("description") or "",
                              **(extension.get("translations") or {})}
    service["needs"] = _taxonomy_codes(item, NEEDS_TAXONOMY)
    eligibility = {key: value for key, value in (
        ("genders", _taxonomy_codes(item, GENDERS_TAXONOMY) or None),
        ("min_age", item.get("minimum_age")), ("max_age", item.get("maximum_age")),
        ("notes", item.get("eligibility_description"))) if value is not None}
    if eligibility:
        service["eligibility"] = eligibility
    service["coverage"] = _coverage(item, areas, problems)
    service["contacts"] = _contacts(item)
    if "languages" in item:
        service["languages"] = [lang.get("code") for lang in item["languages"] or []]
    interpreting = item.get("interpretation_services")
    if interpreting:
        service["interpreting"] = interpreting != _NO_INTERPRETING
    service["source"] = extension.get("source") or (
        [{"document": item["url"]}] if str(item.get("url", "")).startswith("https://") else [])
    service["last_verified"] = item.get("assured_date")
    for key in ("notes", "omitted_facts"):
        if extension.get(key):
            service[key] = extension[key]
    return service, problems


def _slug(name: str) -> str:
    return _SLUG_UNSAFE.sub("-", name.lower()).strip("-")


def _taxonomy_codes(item: dict[str, Any], taxonomy: str) -> list[str]:
    codes = []
    for attribute in item.get("attributes") or []:
        term = attribute.get("taxonomy_term") or {}
        if term.get("taxonomy") == taxonomy and term.get("code"):
            codes.append(term["code"])
    return codes


def _coverage(item: dict[str, Any], areas: Areas,
              problems: list[tuple[str, str]]) -> list[str] | str:
    by_name = {area.name: area.id for area in areas.by_id.values()}
    coverage = []
    for index, entry in enumerate(item.get("service_areas") or []):
        name = entry.get("name") or entry.get("service_area") or ""
        area_id = by_name.get(name)
        if area_id is None:
            # A council's own file names places its own way; the resolver knows the usual ones.
            place = areas.resolve(name)
            area_id = place.area if place is not None and not place.ambiguous else None
        if area_id is None:
            problems.append((f"service_areas.{index}",
                             f"unknown area {name!r}; add it to areas.yml first"))
        else:
            coverage.append(area_id)
    return coverage or COVERAGE_NOT_STATED


def _contacts(item: dict[str, Any]) -> list[dict[str, Any]]:
    entries = item.get("contacts") or []
    if not any(EXTENSION in entry for entry in entries):
        return _contacts_without_extension(item)
    schedules = item.get("schedules") or []
    contacts = []
    for entry in entries:
        extension = entry.get(EXTENSION) or {}
        phones = entry.get("phones") or []
        # Channels such as webchat or bsl have no ORUK equivalent; the extension says.
        channel = extension.get("channel") or (
            _CHANNEL_FROM_PHONE_TYPE.get(phones[0].get("type"), "phone") if phones
            else "email" if entry.get("email") else "website")
        contact: dict[str, Any] = {"channel": channel}
        if entry.get("name"):
            contact["label"] = entry["name"]
        if phones:
            contact["number"] = phones[0].get("number")
            if phones[0].get("description"):
                contact["notes"] = phones[0]["description"]
        if entry.get("email"):
            contact["address"] = entry["email"]
        for key in ("display", "url", "free", "notes"):
            if key in extension:
                contact[key] = extension[key]
        own = [s for s in schedules
               if (s.get(EXTENSION) or {}).get("contact_id") == entry.get("id")]
        if extension.get("always_open"):
            contact["hours"] = {"always": True}
        elif own:
            contact["hours"] = _hours(own)
        contacts.append(contact)
    return contacts


def _contacts_without_extension(item: dict[str, Any]) -> list[dict[str, Any]]:
    """Another publisher's service: its phones, emails and website, from the service and
    its named contacts. Its schedules are the service's, so they go to the first phone."""
    entries = item.get("contacts") or []
    phones = [*(item.get("phones") or []),
              *(phone for entry in entries for phone in entry.get("phones") or [])]
    emails = [item.get("email"), *(entry.get("email") for entry in entries)]
    contacts: list[dict[str, Any]] = []
    for phone in phones:
        contact = {"channel": _CHANNEL_FROM_PHONE_TYPE.get(phone.get("type"), "phone"),
                   "number": phone.get("number")}
        if phone.get("description"):
            contact["notes"] = phone["description"]
        if contact not in contacts:
            contacts.append(contact)
    schedules = item.get("schedules") or []
    first_phone = next((c for c in contacts if c["channel"] == "phone"), None)
    if first_phone is not None and schedules:
        first_phone["hours"] = _hours(schedules)
    for address in dict.fromkeys(email for email in emails if email):
        contacts.append({"channel": "email", "address": address})
    if item.get("url"):
        contacts.append({"channel": "website", "url": item["url"]})
    return contacts


def _hours(schedules: list[dict[str, Any]]) -> dict[str, Any]:
    """Weekly periods from ORUK schedules; anything else is left for the schema to reject."""
    weekly = []
    for schedule in schedules:
        days = [_DAY_FROM_BYDAY.get(code.strip(), code.strip().lower())
                for code in str(schedule.get("byday") or "").split(",") if code.strip()]
        weekly.append({"days": days, "opens": _clock(schedule.get("opens_at")),
                       "closes": _clock(schedule.get("closes_at"))})
    return {"weekly": weekly}


def _clock(value: object) -> object:
    """'09:00:00' -> '09:00'; other forms pass through for the schema to judge."""
    if isinstance(value, str) and re.fullmatch(r"\d\d:\d\d:00", value):
        return value[:5]
    return value

