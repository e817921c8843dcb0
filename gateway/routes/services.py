"""GET /api/services and GET /api/services/{id}: the directory, for widgets and councils."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, params
from fastapi.exceptions import RequestValidationError

from gateway.resources import ResourcesDep
from gateway.schemas import ApiModel, CardChannel
from services_directory import Directory, FilterError, Service, find_services
from services_directory.vocabulary import COVERAGE_NOT_STATED

router = APIRouter()

LIST_PARAMETERS = ("area", "need", "language", "open_now")


def get_now() -> dt.datetime:
    """The time `open_now` is worked out for; tests override it to freeze the clock."""
    return dt.datetime.now(dt.timezone.utc)


NowDep = Annotated[dt.datetime, Depends(get_now)]


def _only(*allowed: str) -> params.Depends:
    """Reject unknown or repeated query parameters: a typo (`?aera=`) must not silently
    return the unfiltered list, which could send someone to a service far away."""

    def check(request: Request) -> None:
        names = [name for name, _ in request.query_params.multi_items()]
        errors = [
            {"loc": ("query", name), "type": "value_error.extra",
             "msg": f"unknown query parameter {name!r}; allowed: "
                    + (", ".join(allowed) or "none")}
            for name in sorted(set(names) - set(allowed))
        ] + [
            {"loc": ("query", name), "type": "value_error.repeated",
             "msg": f"query parameter {name!r} is given more than once"}
            for name in sorted({n for n in names if n in allowed and names.count(n) > 1})
        ]
        if errors:
            raise RequestValidationError(errors)

    return Depends(check)


class Eligibility(ApiModel):
    genders: list[str] | None
    min_age: int | None
    max_age: int | None
    notes: str | None


class ContactOut(ApiModel):
    channel: str
    label: str | None
    number: str | None  # for display, e.g. "0808 2000 247"
    tel: str | None  # for links, e.g. "tel:+44-808-2000-247"
    address: str | None
    url: str | None
    free: bool | None
    hours: str | None  # English wording; None when not known
    open_now: bool | None
    notes: str | None


class SourceOut(ApiModel):
    document: str  # a key of the directory's source documents, or an https page
    title: str | None
    section: str | None


class ServiceSummary(ApiModel):
    id: str
    name: str
    organisation: str
    description: dict[str, str]  # language code -> text; "en" always present
    needs: list[str]
    coverage: list[str] | None  # area ids; None when the sources do not say
    # As on the chat's service cards: the main phone line, text number and website,
    # the first web chat and email, and every channel with its hours.
    phone: str | None
    text: str | None
    url: str | None
    hours: str | None
    open_now: bool | None
    webchat: str | None
    email: str | None
    channels: list[CardChannel]


class ServiceList(ApiModel):
    count: int
    services: list[ServiceSummary]


class ServiceDetail(ServiceSummary):
    other_names: list[str]
    eligibility: Eligibility
    contacts: list[ContactOut]
    languages: list[str] | None
    interpreting: bool | None
    sources: list[SourceOut]
    last_verified: dt.date


@router.get("/api/services", response_model=ServiceList,
            dependencies=[_only(*LIST_PARAMETERS)])
async def list_services(
    resources: ResourcesDep,
    now: NowDep,
    area: str | None = None,
    need: str | None = None,
    language: str | None = None,
    open_now: bool | None = None,
) -> ServiceList:
    """Services matching every filter given, sorted by name."""
    directory = resources.directory
    try:
        found = find_services(directory, now=now, area=area, need=need, language=language,
                              open_now=open_now)
    except FilterError as error:
        raise RequestValidationError([{"loc": ("query", error.field), "msg": str(error),
                                       "type": "value_error"}]) from None
    return ServiceList(count=len(found),
                       services=[_summary(directory, service, now) for service in found])


@router.get("/api/services/{service_id}", response_model=ServiceDetail,
            dependencies=[_only()])
async def get_service(service_id: str, resources: ResourcesDep, now: NowDep) -> ServiceDetail:
    """One service with every contact; a former id answers with the current service."""
    directory = resources.directory
    try:
        service = directory.get(service_id)
    except KeyError:
        raise HTTPException(status_code=404, detail=f"no service with id {service_id!r}") from None
    contacts = [
        ContactOut(
            channel=contact.channel, label=contact.label, number=contact.display_number(),
            tel=contact.tel_uri(), address=contact.address,
            url=str(contact.url) if contact.url else None, free=contact.free,
            hours=contact.hours.describe() if contact.hours else None,
            open_now=contact.hours.is_open(now) if contact.hours else None, notes=contact.notes,
        )
        for contact in service.contacts
    ]
    sources = [
        SourceOut(document=ref.document, section=ref.section,
                  title=(directory.sources.get(ref.document) or {}).get("title"))
        for ref in service.source
    ]
    return ServiceDetail(
        **_summary(directory, service, now).dict(),
        other_names=service.other_names,
        eligibility=Eligibility(**service.eligibility.dict()),
        contacts=contacts,
        languages=service.languages,
        interpreting=service.interpreting,
        sources=sources,
        last_verified=service.last_verified,
    )


def _summary(directory: Directory, service: Service, now: dt.datetime) -> ServiceSummary:
    card = directory.card(service.id, now)
    return ServiceSummary(
        id=service.id,
        name=service.name,
        organisation=service.organisation,
        description=service.description,
        needs=service.needs,
        coverage=None if service.coverage == COVERAGE_NOT_STATED else list(service.coverage),
        phone=card["phone"],
        text=card["text"],
        url=card["url"],
        hours=card["hours"],
        open_now=card["open_now"],
        webchat=card["webchat"],
        email=card["email"],
        channels=[CardChannel(**channel) for channel in card["channels"]],
    )
