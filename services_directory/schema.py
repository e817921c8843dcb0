"""The shape of one service file, checked field by field when the directory loads.

Checks that need only one file live here (vocabulary, phone numbers, dates).
Checks across files (duplicate ids, unknown areas or sources) live in loader.py.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from babel import Locale, UnknownLocaleError
from pydantic import AnyHttpUrl, BaseModel, Extra, root_validator, validator

from services_directory.hours import ALWAYS, Hours
from services_directory.phones import PhoneNumberError, parse_uk_number
from services_directory.vocabulary import (
    CHANNELS,
    COVERAGE_NOT_STATED,
    GENDERS,
    NEEDS,
    NUMBER_CHANNELS,
)

# Ids are lower-case words joined by hyphens: "national-domestic-abuse-helpline".
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _check_slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"{value!r} is not a slug (lower-case words joined by hyphens)")
    return value


def _check_language(code: str) -> str:
    try:
        Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise ValueError(f"{code!r} is not a language code (use e.g. 'en', 'cy', 'pl')") from None
    return code


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt key would otherwise be silently ignored."""

    class Config:
        extra = Extra.forbid
        frozen = True


class Citation(Strict):
    """Where one contact's facts come from: a seed document or a public page.

    `page_date` is the date the page itself shows (updated, published), when it shows
    one; `read` is the date a person or a check last read it. A page without `read`
    cannot be checked for staleness, so a URL needs it.
    """

    document: str | None = None  # a key from data/sources.yml
    url: AnyHttpUrl | None = None  # a public https page
    section: str | None = None
    page_date: dt.date | None = None
    read: dt.date | None = None
    facts: str | None = None  # which facts this page gives, when a contact has several sources

    @root_validator(skip_on_failure=True)
    def _one_origin(cls, values: dict) -> dict:
        if bool(values.get("document")) == bool(values.get("url")):
            raise ValueError("a citation names either a document (sources.yml key) or a url")
        if values.get("url") and values.get("read") is None:
            raise ValueError("a cited page needs `read`: the date it was last read")
        for key in ("page_date", "read"):
            if values.get(key) is not None and values[key] > dt.date.today():
                raise ValueError(f"{key} {values[key]} is in the future")
        return values


class Contact(Strict):
    """One way to reach a service, with its own opening hours and where they come from."""

    channel: Literal[CHANNELS]  # type: ignore[valid-type]
    label: str | None = None  # what this line is for, when a service has several
    number: str | None = None  # phone and text channels
    display: str | None = None  # the grouping the service publishes, e.g. "0808 2000 247"
    address: str | None = None  # email channel
    url: AnyHttpUrl | None = None
    free: bool | None = None  # free to call; None when the source does not say
    hours: Hours | None = None  # None when the source does not say
    notes: str | None = None
    source: list[Citation] = []  # the pages or documents that give this contact

    @validator("hours", pre=True)
    def _hours_shorthand(cls, value: object) -> object:
        return Hours.from_yaml(value)

    @root_validator(skip_on_failure=True)
    def _channel_fields(cls, values: dict) -> dict:
        channel = values["channel"]
        number, display = values.get("number"), values.get("display")
        if channel in NUMBER_CHANNELS:
            if not number:
                raise ValueError(f"a {channel} contact needs a number")
            try:
                checked = parse_uk_number(number)
                if display is not None and parse_uk_number(display).digits != checked.digits:
                    raise PhoneNumberError(
                        f"display {display!r} is not the same number as {number!r}"
                    )
            except PhoneNumberError as exc:
                raise ValueError(str(exc)) from None
        elif number or display:
            raise ValueError(f"a {channel} contact has no phone number; remove number/display")
        if channel == "email":
            address = values.get("address")
            if not address or not EMAIL.match(address):
                raise ValueError("an email contact needs a valid address")
        elif values.get("address"):
            raise ValueError(f"a {channel} contact has no email address; remove address")
        return values

    def display_number(self) -> str | None:
        """The number as people should see it: the published grouping if given,
        otherwise libphonenumber's national format (e.g. '020 8356 4458')."""
        if self.number is None:
            return None
        return self.display or parse_uk_number(self.number).national

    def tel_uri(self) -> str | None:
        return parse_uk_number(self.number).tel_uri if self.number else None


class Eligibility(Strict):
    """Who a service is for. A missing field means the source sets no limit."""

    genders: list[str] | None = None
    min_age: int | None = None
    max_age: int | None = None
    notes: str | None = None  # the source's own words, when they need reading

    @validator("genders", each_item=True)
    def _known_gender(cls, value: str) -> str:
        if value not in GENDERS:
            raise ValueError(f"unknown gender {value!r}; use one of {sorted(GENDERS)}")
        return value

    @root_validator(skip_on_failure=True)
    def _ages_in_order(cls, values: dict) -> dict:
        low, high = values.get("min_age"), values.get("max_age")
        if low is not None and high is not None and low > high:
            raise ValueError(f"min_age {low} is above max_age {high}")
        return values

    def admits(self, gender: str | None, age: int | None) -> bool:
        """False only when what we know rules the person out."""
        if gender is not None and self.genders and gender not in self.genders:
            return False
        if age is not None and self.min_age is not None and age < self.min_age:
            return False
        return not (age is not None and self.max_age is not None and age > self.max_age)


class SourceRef(Strict):
    """Where the facts come from: a key from data/sources.yml, or a public https page."""

    document: str
    section: str | None = None  # e.g. "Appendix A"
    facts: str | None = None  # which facts this source gives, when sources differ


class OmittedFact(Strict):
    """A fact deliberately not used, and why, so nobody 'fixes' it back in."""

    fact: str
    value: str | None = None  # the value as found, when there was one
    reason: str


class Service(Strict):
    """One service file."""

    id: str
    former_ids: list[str] = []  # old ids that still resolve; never reused for another service
    name: str
    other_names: list[str] = []
    organisation: str
    description: dict[str, str]  # language code -> short plain-English text and translations
    needs: list[str]
    eligibility: Eligibility = Eligibility()
    coverage: list[str] | Literal["not-stated"]  # area ids from areas.yml, or not-stated
    contacts: list[Contact] = []
    languages: list[str] | None = None  # languages spoken; None when the source does not say
    interpreting: bool | None = None
    source: list[SourceRef]
    last_verified: dt.date
    notes: list[str] = []
    omitted_facts: list[OmittedFact] = []

    @validator("id")
    def _id_is_slug(cls, value: str) -> str:
        return _check_slug(value)

    @validator("former_ids", each_item=True)
    def _former_ids_are_slugs(cls, value: str) -> str:
        return _check_slug(value)

    @validator("needs")
    def _known_needs(cls, needs: list[str]) -> list[str]:
        unknown = [need for need in needs if need not in NEEDS]
        if unknown:
            raise ValueError(
                f"unknown need(s) {unknown}; add to vocabulary.NEEDS first if really new"
            )
        if not needs:
            raise ValueError("needs must list at least one need")
        return needs

    @validator("coverage")
    def _coverage_not_empty(cls, coverage: list[str] | str) -> list[str] | str:
        if coverage != COVERAGE_NOT_STATED and not coverage:
            raise ValueError(f"coverage must list areas, or be {COVERAGE_NOT_STATED!r}")
        return coverage

    @validator("description")
    def _english_description(cls, description: dict[str, str]) -> dict[str, str]:
        if not description.get("en", "").strip():
            raise ValueError("description needs English text under 'en'")
        for code in description:
            _check_language(code)
        return description

    @validator("languages", each_item=True)
    def _language_codes(cls, code: str) -> str:
        return _check_language(code)

    @validator("source")
    def _has_source(cls, source: list[SourceRef]) -> list[SourceRef]:
        if not source:
            raise ValueError("every service needs at least one source")
        return source

    @validator("last_verified")
    def _not_in_future(cls, value: dt.date) -> dt.date:
        if value > dt.date.today():
            raise ValueError(f"last_verified {value} is in the future")
        return value

    def to_data(self) -> dict[str, Any]:
        """The service as plain data in the file layout, for writing a service file.

        Fields at their defaults are left out, as a maintainer would leave them out.
        """
        data = self.dict(exclude_defaults=True)
        for contact in data.get("contacts", []):
            if contact.get("url") is not None:
                contact["url"] = str(contact["url"])
            if contact.get("hours") == {"always": True}:
                contact["hours"] = ALWAYS
            for citation in contact.get("source", []):
                if citation.get("url") is not None:
                    citation["url"] = str(citation["url"])
        return data

    # Convenience for routing and cards.

    def first_contact(self, channel: str) -> Contact | None:
        return next((c for c in self.contacts if c.channel == channel), None)

    @property
    def phone(self) -> Contact | None:
        return self.first_contact("phone")

    @property
    def is_24_7_phone_line(self) -> bool:
        phone = self.phone
        return phone is not None and phone.hours is not None and phone.hours.always
