"""Which services to offer someone, in what order, and why.

`route()` is a pure function: it reads the directory and what is known about
the person and the time, and returns offers. It never does input or output, so
every rule below is pinned by a unit test (tests/services_directory/).

The rules, in order:
1. Urgent (or the need `emergency`): 999 comes first.
2. The national line for the person's nation (England, Wales, Scotland, NI); England's
   while the nation is not known.
3. Specialist lines for each need the person has (e.g. `lgbt` -> Galop): lines open
   to everyone before one-gender lines when the person's gender is not known, then
   free-to-call numbers before others.
4. Local services for the person's area.
5. When the person's language is not English, services that speak it or arrange
   interpreters come before the others (after 999 and the national line), so the
   first doors named are ones they can use.
6. A service that is closed now is never offered alone: closed services move
   after open ones, and a 24-hour phone line is always included. If no 24-hour
   helpline with confirmed hours covers the person's nation, 999 is included
   and the reason says so.
Services that rule the person out (gender, age) or that have no way to contact
them are not offered, except the national line, which is always named. A line for
men only is offered only when the person at risk is known to be a man: offered to a
woman at risk, or to a friend asking about someone whose gender is not said, it sends
them to the wrong door.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from services_directory.areas import NATIONS
from services_directory.directory import Directory
from services_directory.phones import is_freephone
from services_directory.schema import Service
from services_directory.vocabulary import COVERAGE_NOT_STATED, GENDERS, NEEDS

NATIONAL_LINES: dict[str, str] = {
    "england": "national-domestic-abuse-helpline",
    "wales": "live-fear-free",
    "scotland": "scotland-domestic-abuse-helpline",
    "northern-ireland": "ni-domestic-sexual-abuse-helpline",
}
EMERGENCY_SERVICE = "emergency-999"

# Needs every general domestic abuse service meets; they do not pick specialists.
_GENERAL_NEEDS = frozenset({"domestic-abuse", "emergency"})
# Needs that say who is asking rather than what is happening.
_ROLE_NEEDS = frozenset({"friends-family", "professionals"})
# Coverage values that mean "national", as opposed to a local area.
_NATIONAL_COVERAGE = frozenset({"uk", *NATIONS})


@dataclass(frozen=True)
class Offer:
    """One service to offer, with the reasons it was chosen."""

    service: Service
    reasons: tuple[str, ...]
    open_now: bool | None  # for its phone line; None when hours are unknown
    # What it was chosen as: "emergency", "national-line", "need:<need>", "local" (a local
    # domestic abuse service) or "local:<need>" (a local service for that need only).
    kinds: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.service.id


def route(
    directory: Directory,
    *,
    now: dt.datetime,
    nation: str | None = None,
    area: str | None = None,
    needs: Iterable[str] = (),
    gender: str | None = None,
    age: int | None = None,
    language: str | None = None,
    urgent: bool = False,
) -> list[Offer]:
    """The services to offer, best first. Raises ValueError for unknown ids or words.

    `now` may be timezone-aware; a naive datetime is taken to be UTC.
    """
    needs = list(dict.fromkeys(needs))
    nation = _check_inputs(directory, nation, area, needs, gender)
    if area is not None and nation is None:
        nation = directory.areas.nation_of(area)
    urgent = urgent or "emergency" in needs
    if gender is None and "male-victims" in needs:
        gender = "men"  # help for male victims is asked for a man at risk

    # What is happening, for the role needs: a man at risk is what men's lines are for.
    situation = set(needs) | ({"male-victims"} if gender == "men" else set())

    chosen: dict[str, list[str]] = {}
    kinds: dict[str, list[str]] = {}

    def offer(service_id: str, reason: str, kind: str) -> None:
        chosen.setdefault(service_id, []).append(reason)
        kinds.setdefault(service_id, []).append(kind)

    def admits(service: Service) -> bool:
        return (service.eligibility.admits(gender, age) and bool(service.contacts)
                and not (service.eligibility.genders == ["men"] and gender != "men"))

    if urgent:
        offer(EMERGENCY_SERVICE, "Urgent: if you are in immediate danger, call 999.", "emergency")

    # Nation not known yet: England's line stands in (it takes calls from anywhere in
    # the UK), so a domestic abuse line is always among the doors, not only a specialist.
    line_nation = nation or "england"
    if NATIONAL_LINES[line_nation] in directory:
        line = directory.get(NATIONAL_LINES[line_nation])
        reason = f"The national domestic abuse line for {_nation_name(directory, line_nation)}."
        if nation is None:
            reason += " Say which nation you are in for its own line."
        if not line.contacts:
            reason += " Its contact details are not yet verified in the directory."
        offer(line.id, reason, "national-line")

    for need in needs:
        if need in _GENERAL_NEEDS:
            continue
        specialists = [s for s in directory.services
                       if need in s.needs and _is_national(s) and admits(s)
                       and _covers_nation(directory, s, nation)
                       and _fits_the_role(s, need, situation)]
        specialists.sort(key=lambda s: _specialist_rank(s, need, gender, nation))
        for service in specialists:
            offer(service.id, f"Specialist support for: {need}.", f"need:{need}")

    if area is not None:
        area_name = directory.areas.by_id[area].name
        local = [s for s in directory.services
                 if not _is_national(s) and admits(s)
                 and ("domestic-abuse" in s.needs or set(needs) & set(s.needs))
                 and directory.areas.covers(s.coverage, area)]
        # One that meets a need they named (a county line with text for a deaf caller)
        # first; then the borough's own service before a region-wide scheme.
        specific = set(needs) - _GENERAL_NEEDS
        local.sort(key=lambda s: (not specific & set(s.needs), _nearness(directory, s, area)))
        for service in local:
            # A local line for one need only (a housing line out of hours) is a kind of
            # its own, so the shortlist never lets it crowd out the council's domestic
            # abuse service, closed or not.
            kind = ("local" if "domestic-abuse" in service.needs
                    else f"local:{next(n for n in needs if n in service.needs)}")
            offer(service.id, f"Local service for {area_name}.", kind)

    offers = [_make_offer(directory, sid, reasons, tuple(kinds[sid]), now, language)
              for sid, reasons in chosen.items()]
    offers = _usable_in_language_first(offers, language)
    offers = _open_before_closed(offers, urgent)
    return _with_24_hour_line(directory, offers, nation, gender, age, now)


def _check_inputs(directory: Directory, nation: str | None, area: str | None,
                  needs: list[str], gender: str | None) -> str | None:
    if nation is not None and nation not in NATIONS:
        raise ValueError(f"unknown nation {nation!r}; use one of {list(NATIONS)}")
    if area is not None:
        if area not in directory.areas:
            raise ValueError(f"unknown area {area!r}; see services_directory/data/areas.yml")
        area_nation = directory.areas.nation_of(area)
        if nation is not None and area_nation not in (None, nation):
            raise ValueError(f"area {area!r} is in {area_nation}, not {nation}")
    unknown = [need for need in needs if need not in NEEDS]
    if unknown:
        raise ValueError(f"unknown need(s) {unknown}")
    if gender is not None and gender not in GENDERS:
        raise ValueError(f"unknown gender {gender!r}; use one of {sorted(GENDERS)} or None")
    return nation


def _specialist_rank(service: Service, need: str, gender: str | None,
                     nation: str | None = None) -> tuple[bool, int, bool, bool]:
    """Among specialists for one need: when the gender is not known, a line open to
    everyone before one for men or women only; then a service whose work this need is
    before one that lists it among others (a service lists its main needs first:
    SafeLives for professionals before a forced-marriage line that also trains them);
    then the person's own nation's service before one across several (BAWSO in Wales
    before a service for England and Wales); then free-to-call lines first."""
    one_gender = gender is None and bool(service.eligibility.genders)
    specific = [n for n in service.needs if n not in _GENERAL_NEEDS]
    focus = specific.index(need) if need in specific else len(specific)
    phone = service.phone
    # What the source says wins; without it, the number plan decides.
    free = phone is not None and (phone.free if phone.free is not None
                                  else phone.number is not None
                                  and is_freephone(phone.number))
    own_nation = nation is not None and list(service.coverage) == [nation]
    return (one_gender, focus, not own_nation, not free)


def _fits_the_role(service: Service, need: str, situation: set[str]) -> bool:
    """A friend's or a professional's need picks a service only when the rest of its work
    fits too: the Forced Marriage Unit advises friends of someone facing forced marriage,
    not every friend who asks how to help."""
    if need not in _ROLE_NEEDS:
        return True
    own_work = set(service.needs) - _GENERAL_NEEDS - _ROLE_NEEDS
    return not own_work or bool(own_work & situation)


def _nearness(directory: Directory, service: Service, area: str) -> int:
    """How many steps out from the person's area the service's coverage starts (0: the
    area itself)."""
    chain = directory.areas.ancestors(area)
    return min(chain.index(place) for place in service.coverage if place in chain)


def _nation_name(directory: Directory, nation: str) -> str:
    return directory.areas.by_id[nation].name if nation in directory.areas else nation


def _is_national(service: Service) -> bool:
    return service.coverage != COVERAGE_NOT_STATED and all(
        place in _NATIONAL_COVERAGE for place in service.coverage
    )


def _covers_nation(directory: Directory, service: Service, nation: str | None) -> bool:
    if nation is None:
        # Nation unknown: offer national specialists rather than none, but not one for
        # Wales, Scotland or Northern Ireland only; England's line stands in meanwhile.
        return not set(service.coverage) <= {"wales", "scotland", "northern-ireland"}
    return directory.areas.covers(service.coverage, nation)


def _make_offer(directory: Directory, service_id: str, reasons: list[str],
                kinds: tuple[str, ...], now: dt.datetime, language: str | None) -> Offer:
    service = directory.get(service_id)
    phone = service.phone
    open_now = phone.hours.is_open(now) if phone and phone.hours else None
    reasons = list(reasons)
    if open_now is False:
        reasons.append(f"Closed now. Open {phone.hours.describe()}." if phone and phone.hours
                       else "Closed now.")
    if language and language != "en":
        if service.languages and language in service.languages:
            reasons.append(f"Speaks {language}.")
        elif service.interpreting:
            reasons.append("Interpreting available.")
    return Offer(service=service, reasons=tuple(reasons), open_now=open_now, kinds=kinds)


def shortlist(offers: list[Offer], limit: int) -> list[Offer]:
    """At most `limit` offers, best first, without one kind of help crowding out another.

    999, the nation's line and a 24-hour line always keep their places, then the best
    local domestic abuse service. Then each kind (the specialists for each need, the
    other local services) gets its best offer in before
    any kind gets a second, so a person with two needs, or a need and a council
    service, sees a door for each.
    """
    # The line that is always there (999, the nation's line, a 24-hour line) keeps its place.
    always = {"emergency", "national-line", "24-hour-line"}
    first = [o for o in offers if always & set(o.kinds)][:limit]
    # Then the local domestic abuse service, the door this product is embedded for: many
    # needs at once must not crowd out the council's own service.
    local = next((o for o in offers if o not in first and "local" in o.kinds), None)
    if local is not None and len(first) < limit:
        first.append(local)
    covered: set[str] = {k for o in first for k in _covers(o)}
    for o in offers:
        if len(first) < limit and o not in first and (not o.kinds or set(o.kinds) - covered):
            first.append(o)
            covered.update(_covers(o))
    rest = [o for o in offers if o not in first]
    chosen = first + rest[:max(0, limit - len(first))]
    return [o for o in offers if o in chosen]


def _covers(offer: Offer) -> set[str]:
    """The kinds of help an offer stands for in the shortlist. A specialist chosen for the
    situation (the Forced Marriage Unit, which also advises professionals) is not the
    professional route itself: that kind is covered only by a service chosen first for it
    (SafeLives)."""
    return {k for i, k in enumerate(offer.kinds) if i == 0 or k != "need:professionals"}


def usable_in(service: Service, language: str | None) -> bool:
    """Whether the person can talk to this service in their language (or English)."""
    if not language or language == "en":
        return True
    return bool(service.interpreting) or language in (service.languages or [])


def _usable_in_language_first(offers: list[Offer], language: str | None) -> list[Offer]:
    """Stable: 999 and the national line keep their place; then usable ones first."""
    if not language or language == "en":
        return offers
    fixed = [o for o in offers if o.id == EMERGENCY_SERVICE or o.id in NATIONAL_LINES.values()]
    rest = [o for o in offers if o not in fixed]
    return fixed + [o for o in rest if usable_in(o.service, language)] + [
        o for o in rest if not usable_in(o.service, language)]


def _open_before_closed(offers: list[Offer], urgent: bool) -> list[Offer]:
    """Stable: keeps the rule order, but nothing closed comes before something reachable."""
    first = [o for o in offers if urgent and o.id == EMERGENCY_SERVICE]
    rest = [o for o in offers if not (urgent and o.id == EMERGENCY_SERVICE)]
    return first + [o for o in rest if o.open_now is not False] + [
        o for o in rest if o.open_now is False
    ]


def _with_24_hour_line(directory: Directory, offers: list[Offer], nation: str | None,
                       gender: str | None, age: int | None, now: dt.datetime) -> list[Offer]:
    """Make sure a 24-hour phone line is among the offers (rule 5)."""
    if any(o.service.is_24_7_phone_line and o.id != EMERGENCY_SERVICE for o in offers):
        return offers
    candidate = _best_24_hour_line(directory, nation, gender, age)
    if candidate is not None:
        where = (f"covers {_nation_name(directory, nation)}" if nation
                 else "we do not know which nation you are in yet; this line covers "
                 + ", ".join(_nation_name(directory, n) for n in candidate.coverage))
        return [*offers, Offer(candidate, (f"Open 24 hours; {where}.",), True, ("24-hour-line",))]
    if any(o.id == EMERGENCY_SERVICE for o in offers):
        return offers
    emergency = directory.get(EMERGENCY_SERVICE)
    place = _nation_name(directory, nation) if nation else "where you are"
    reason = (f"No 24-hour helpline with confirmed hours covers {place} in the directory; "
              "999 is always open if you are in danger.")
    return [*offers, Offer(emergency, (reason,), True, ("emergency",))]


def _best_24_hour_line(directory: Directory, nation: str | None, gender: str | None,
                       age: int | None) -> Service | None:
    """The nation's own line if it is 24/7, else any 24/7 domestic abuse line covering it."""
    preferred = [NATIONAL_LINES[n] for n in ([nation] if nation else NATIONS)]
    candidates = [directory.get(i) for i in preferred if i in directory]
    candidates += [s for s in directory.services if "domestic-abuse" in s.needs
                   and _is_national(s)]
    for service in candidates:
        if (service.is_24_7_phone_line and service.id != EMERGENCY_SERVICE
                and service.eligibility.admits(gender, age)
                and _covers_nation(directory, service, nation)):
            return service
    return None
