"""Reading services from Open Referral UK: our own export, a `/services` page, or a record.

Each record is judged on its own and either carried (it becomes a service file
exactly as a maintainer would write it) or skipped, with every reason. A record
is skipped rather than written when routing could mis-serve it: no need word from
our vocabulary, a service area not in areas.yml (or none), no contact, no source
to cite, or a fact the schema rejects (a number that is not a UK number, hours
that do not parse). What a carried record holds that we have no field for is
listed as not carried, so nobody believes it was kept.

Records from another publisher are dated honestly: `last_verified` is the day the
import read them, and each contact cites the record (`url`, `read` that day) with
the record's own newest date (`last_modified` or `assured_date`) as `page_date`,
which is what `stale` goes by. Our own records (with the x_safe_chat extension)
come back exactly as exported.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from services_directory.areas import Areas
from services_directory.loader import cross_checks
from services_directory.openreferral import (
    BYDAY,
    EXTENSION,
    GENDERS_TAXONOMY,
    NAME_SEPARATOR,
    NEEDS_TAXONOMY,
    NO_INTERPRETING,
)
from services_directory.schema import Service
from services_directory.vocabulary import COVERAGE_NOT_STATED

_DAY_FROM_BYDAY = {code: day for day, code in BYDAY.items()}
_CHANNEL_FROM_PHONE_TYPE = {"voice": "phone", "cell": "phone", "text": "text"}
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")
# Standard fields with no place in a service file, and what they hold.
_NOT_CARRIED = ("fees", "cost_options", "accreditations", "alert", "funding",
                "service_at_locations")
NOT_OPEN_REFERRAL = ("not an Open Referral document: expected our export (a services list), "
                     "a /services page (contents) or a /services/{id} record (id and name)")


@dataclass(frozen=True)
class Record:
    """One service record and where it came from."""

    where: str  # "services.3", "contents.0", "record", or the URL it was fetched from
    data: object
    url: str | None = None  # the address it was read from, when read from an API
    error: str | None = None  # why it could not be read, when it could not


@dataclass
class Imported:
    """What became of one record: a service, or the reasons it was skipped."""

    record: Record
    label: str  # e.g. "services.3 (galop)"
    service: Service | None = None
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (field, why)
    not_carried: list[tuple[str, str]] = field(default_factory=list)  # (field, what)

    def report(self) -> list[str]:
        """One line per fact, e.g. 'skipped contents.0 (x): needs: no need words ...'."""
        lines = [f"not carried {self.label}: {name}: {what}" for name, what in self.not_carried]
        if self.service is None:
            return [f"skipped {self.label}: {name}: {why}" for name, why in self.skipped] + lines
        return [f"carried {self.label}", *lines]


def records_in(document: object) -> tuple[list[Record], dict[Any, dict]]:
    """The records in a document and its organisations by id; ValueError if not ORUK."""
    if isinstance(document, dict) and isinstance(document.get("services"), list):
        organisations = {org.get("id"): org for org in document.get("organizations") or []
                         if isinstance(org, dict)}
        return [Record(f"services.{i}", item) for i, item in
                enumerate(document["services"])], organisations
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        return [Record(f"contents.{i}", item) for i, item in
                enumerate(document["contents"])], {}
    if isinstance(document, dict) and document.get("id") and document.get("name"):
        return [Record("record", document)], {}
    raise ValueError(NOT_OPEN_REFERRAL)


def import_records(records: list[Record], organisations: dict[Any, dict], areas: Areas,
                   sources: dict, today: dt.date) -> list[Imported]:
    """Judge each record; checks across records (duplicate ids) are the caller's."""
    return [_import_record(record, organisations, areas, sources, today) for record in records]


def _import_record(record: Record, organisations: dict[Any, dict], areas: Areas,
                   sources: dict, today: dt.date) -> Imported:
    item = record.data
    if record.error is not None:
        name = item.get("name") if isinstance(item, dict) else None
        label = f"{record.where} ({_slug(name)})" if isinstance(name, str) else record.where
        return Imported(record, label, skipped=[("-", record.error)])
    if not isinstance(item, dict):
        return Imported(record, record.where, skipped=[("-", "must be an object")])
    result = Imported(record, record.where)
    try:
        raw = _service_fields(item, record, organisations, areas, result, today)
    except (AttributeError, TypeError) as exc:
        # A list where an object belongs, or the like: say so rather than crash.
        result.skipped.append(("-", f"malformed Open Referral service ({exc})"))
        return result
    result.label = f"{record.where} ({raw['id'] or item.get('name') or '?'})"
    try:
        service = Service.parse_obj(raw)
    except ValidationError as exc:
        # Every reason at once; the schema's words only where ours did not already say it.
        said = {name for name, _why in result.skipped}
        for error in exc.errors():
            name = ".".join(str(p) for p in error["loc"] if p != "__root__") or "-"
            if name not in said:
                result.skipped.append((name, error["msg"]))
        return result
    result.skipped += [(problem.field, problem.message)
                       for problem in cross_checks(result.label, service, areas, sources)]
    if not result.skipped:
        result.service = service
    return result


def _service_fields(item: dict[str, Any], record: Record, organisations: dict[Any, dict],
                    areas: Areas, result: Imported, today: dt.date) -> dict[str, Any]:
    extension = item.get(EXTENSION) or {}
    ours = bool(extension.get("id"))
    skip = result.skipped.append
    name = item.get("name") or ""
    service: dict[str, Any] = {"id": extension.get("id") or _slug(name)}
    if extension.get("former_ids"):
        service["former_ids"] = extension["former_ids"]
    service["name"] = name
    if item.get("alternate_name"):
        service["other_names"] = item["alternate_name"].split(NAME_SEPARATOR)
    organisation = item.get("organization") or organisations.get(item.get("organization_id"))
    if organisation and organisation.get("name"):
        service["organisation"] = organisation["name"]
    else:
        skip(("organization", "names no organisation"))
    if not item.get("description"):
        skip(("description", "none given; a service needs a plain description"))
    service["description"] = {"en": item.get("description") or "",
                              **(extension.get("translations") or {})}
    service["needs"] = _needs(item, result)
    eligibility = {key: value for key, value in (
        ("genders", _taxonomy_codes(item, GENDERS_TAXONOMY) or None),
        ("min_age", item.get("minimum_age")), ("max_age", item.get("maximum_age")),
        ("notes", item.get("eligibility_description"))) if value is not None}
    if eligibility:
        service["eligibility"] = eligibility
    service["coverage"] = _coverage(item, extension, areas, result)
    if ours:
        service["contacts"] = _own_contacts(item)
    else:
        citation = _citation(item, record, today)
        service["contacts"] = [dict(contact, source=[citation]) if citation else contact
                               for contact in _contacts(item, result)]
    if not service["contacts"]:
        hint = (" (a /services page lists services without their contacts: import each "
                "/services/{id} record, or the API by its URL)"
                if record.where.startswith("contents.") else "")
        skip(("contacts", f"no phone, email or website to reach it{hint}"))
    if "languages" in item:
        codes = [lang.get("code") for lang in item["languages"] or []]
        if all(codes):
            service["languages"] = codes
        else:
            result.not_carried.append(("languages", "entries without a language code"))
    interpreting = item.get("interpretation_services")
    if interpreting:
        service["interpreting"] = interpreting != NO_INTERPRETING
    service["source"] = extension.get("source") or _source(item, record)
    if not service["source"]:
        skip(("source", "no https page to cite: give the record an https url, or import it "
                        "from an https API"))
    service["last_verified"] = item.get("assured_date") if ours else today.isoformat()
    for key in ("notes", "omitted_facts"):
        if extension.get(key):
            service[key] = extension[key]
    if not ours:
        result.not_carried += [(key, "no field for it in a service file")
                               for key in _NOT_CARRIED if item.get(key)]
    return service


def _slug(name: str) -> str:
    return _SLUG_UNSAFE.sub("-", name.lower()).strip("-")


def _taxonomy_codes(item: dict[str, Any], taxonomy: str) -> list[str]:
    codes = []
    for attribute in item.get("attributes") or []:
        term = attribute.get("taxonomy_term") or {}
        if term.get("taxonomy") == taxonomy and term.get("code"):
            codes.append(term["code"])
    return codes


def _needs(item: dict[str, Any], result: Imported) -> list[str]:
    """Need words from our taxonomy only: another taxonomy's 'housing' may mean any housing."""
    needs = _taxonomy_codes(item, NEEDS_TAXONOMY)
    if not needs:
        others = [f"{term.get('taxonomy')}: {term.get('name') or term.get('term')}"
                  for attribute in item.get("attributes") or []
                  if (term := attribute.get("taxonomy_term") or {})]
        found = f" ({'; '.join(others)})" if others else " (it has none)"
        result.skipped.append(("needs", f"no need words: taxonomy terms not in our vocabulary"
                                        f"{found}; tag it with {NEEDS_TAXONOMY!r} terms from "
                                        "docs/directory.md"))
    return needs


def _coverage(item: dict[str, Any], extension: dict[str, Any], areas: Areas,
              result: Imported) -> list[str] | str:
    by_name = {area.name: area.id for area in areas.by_id.values()}
    coverage = []
    entries = item.get("service_areas") or []
    for index, entry in enumerate(entries):
        name = entry.get("name") or entry.get("service_area") or ""
        area_id = by_name.get(name)
        if area_id is None:
            # A council's own file names places its own way; the resolver knows the usual ones.
            place = areas.resolve(name)
            area_id = place.area if place is not None and not place.ambiguous else None
        if area_id is None:
            shown = name if len(name) <= 60 else name[:57] + "..."
            result.skipped.append((f"service_areas.{index}",
                                   f"unknown area {shown!r}: not in areas.yml; add it there "
                                   "first (a council can in its overlay)"))
        else:
            coverage.append(area_id)
    if not entries and extension.get("coverage") != COVERAGE_NOT_STATED:
        result.skipped.append(("service_areas", "none given, so routing cannot tell where it "
                                                "is offered"))
    return coverage or COVERAGE_NOT_STATED


def _source(item: dict[str, Any], record: Record) -> list[dict[str, str]]:
    for url in (record.url, item.get("url")):
        if isinstance(url, str) and url.startswith("https://"):
            return [{"document": url}]
    return []


def _citation(item: dict[str, Any], record: Record, today: dt.date) -> dict[str, Any] | None:
    """The record itself, as the source of every contact read from it."""
    url = record.url or item.get("url")
    if not url:
        return None
    citation: dict[str, Any] = {"url": url, "read": today.isoformat()}
    dates = [str(item.get(key) or "")[:10] for key in ("last_modified", "assured_date")]
    shown = [date for date in dates if re.fullmatch(r"\d{4}-\d\d-\d\d", date)]
    if shown:
        citation["page_date"] = max(shown)
    return citation


def _own_contacts(item: dict[str, Any]) -> list[dict[str, Any]]:
    """Our own export's contacts, rebuilt exactly from the standard fields and the extension."""
    schedules = item.get("schedules") or []
    contacts = []
    for entry in item.get("contacts") or []:
        extension = entry.get(EXTENSION) or {}
        phones = entry.get("phones") or []
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
        for key in ("display", "url", "free", "notes", "source"):
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


def _contacts(item: dict[str, Any], result: Imported) -> list[dict[str, Any]]:
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
    if not phones:
        result.not_carried.append(("phones", "none given: no UK phone number to offer"))
    for index, entry in enumerate(entries):
        if not entry.get("phones") and not entry.get("email"):
            who = ", ".join(str(entry[key]) for key in ("name", "title") if entry.get(key))
            result.not_carried.append((f"contacts.{index}", f"a person ({who or 'unnamed'}) "
                                                            "with no phone or email"))
    schedules = item.get("schedules") or []
    unclear = [(index, why) for index, schedule in enumerate(schedules)
               if (why := _not_plain_weekly(schedule))]
    first_phone = next((c for c in contacts if c["channel"] == "phone"), None)
    if unclear:
        # Hours we cannot read whole are left out: unknown hours are never called open.
        result.not_carried += [(f"schedules.{index}", f"{why}; opening hours left out")
                               for index, why in unclear]
    elif first_phone is not None and schedules:
        first_phone["hours"] = _hours(schedules)
    elif schedules:
        result.not_carried.append(("schedules", "opening hours with no phone line to "
                                                "attach them to"))
    for address in dict.fromkeys(email for email in emails if email):
        contacts.append({"channel": "email", "address": address})
    if item.get("url"):
        contacts.append({"channel": "website", "url": item["url"]})
    return contacts


def _not_plain_weekly(schedule: dict[str, Any]) -> str | None:
    """Why a schedule is more than 'these days, these times, every week' (None if it is not)."""
    if schedule.get("freq") not in (None, "WEEKLY") or schedule.get("interval") not in (None, 1):
        return "not every week"
    if schedule.get("bymonthday"):
        return f"only on days of the month ({schedule['bymonthday']})"
    if schedule.get("valid_from") or schedule.get("valid_to"):
        return "valid only between dates"
    if not (schedule.get("byday") and schedule.get("opens_at") and schedule.get("closes_at")):
        return "no days or times"
    return None


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
