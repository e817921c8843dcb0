"""Routing rules, one test (or table) per rule, with frozen clocks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from directory_fixtures import VALID_SERVICE

from services_directory import NATIONAL_LINES, Directory, check_directory, route
from services_directory.phones import is_freephone
from services_directory.routing import EMERGENCY_SERVICE, shortlist

UTC = dt.timezone.utc
SUNDAY_2AM = dt.datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
MONDAY_10AM = dt.datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
WEDNESDAY_8PM_BST = dt.datetime(2026, 7, 22, 19, 0, tzinfo=UTC)
TIMES = [SUNDAY_2AM, MONDAY_10AM, WEDNESDAY_8PM_BST]

PLACES = [
    {}, {"nation": "england"}, {"nation": "wales"}, {"nation": "scotland"},
    {"nation": "northern-ireland"}, {"area": "hackney"}, {"area": "high-peak"},
    {"area": "cheshire-east"}, {"area": "cardiff"}, {"area": "glasgow"}, {"area": "belfast"},
]
NEED_SETS = [[], ["lgbt"], ["male-victims"], ["housing"], ["forced-marriage", "legal"]]


def ids(offers: list) -> list[str]:
    return [offer.id for offer in offers]


def fresh(data: Path) -> Directory:
    """Load a changed data folder without load_directory's cache."""
    directory, problems = check_directory(data)
    assert directory is not None, problems
    return directory


# Rule 1: urgent always starts with 999.

@pytest.mark.parametrize(("place", "now"), itertools.product(PLACES, TIMES))
def test_urgent_always_starts_with_999(directory: Directory, place: dict,
                                       now: dt.datetime) -> None:
    offers = route(directory, now=now, urgent=True, needs=["lgbt"], **place)
    assert offers[0].id == EMERGENCY_SERVICE
    assert "999" in offers[0].reasons[0]
    assert ids(offers).count(EMERGENCY_SERVICE) == 1


def test_need_emergency_counts_as_urgent(directory: Directory) -> None:
    assert route(directory, now=MONDAY_10AM, nation="england", needs=["emergency"])[0].id \
        == EMERGENCY_SERVICE


def test_not_urgent_does_not_lead_with_999_when_a_24_hour_line_exists(
    directory: Directory,
) -> None:
    offers = route(directory, now=SUNDAY_2AM, nation="england")
    assert EMERGENCY_SERVICE not in ids(offers)


# Rule 2: the national line by nation, first when not urgent, right after 999 when urgent.

@pytest.mark.parametrize(("nation", "line"), sorted(NATIONAL_LINES.items()))
def test_national_line_by_nation(directory: Directory, nation: str, line: str) -> None:
    assert route(directory, now=MONDAY_10AM, nation=nation)[0].id == line
    assert ids(route(directory, now=MONDAY_10AM, nation=nation, urgent=True))[:2] == [
        EMERGENCY_SERVICE, line]


def test_national_lines_are_the_issue_ids() -> None:
    assert NATIONAL_LINES == {
        "england": "national-domestic-abuse-helpline",
        "wales": "live-fear-free",
        "scotland": "scotland-domestic-abuse-helpline",
        "northern-ireland": "ni-domestic-sexual-abuse-helpline",
    }


@pytest.mark.parametrize(("area", "line"), [
    ("hackney", "national-domestic-abuse-helpline"), ("high-peak",
                                                     "national-domestic-abuse-helpline"),
    ("cardiff", "live-fear-free"), ("swansea", "live-fear-free"),
    ("edinburgh", "scotland-domestic-abuse-helpline"),
    ("derry-and-strabane", "ni-domestic-sexual-abuse-helpline"),
])
def test_area_gives_its_nations_line(directory: Directory, area: str, line: str) -> None:
    assert route(directory, now=MONDAY_10AM, area=area)[0].id == line


# Rule 3: specialist lines by need.

@pytest.mark.parametrize(("nation", "need", "expected"), [
    ("england", "lgbt", {"galop"}),
    ("england", "male-victims", {"mens-advice-line", "mankind-initiative"}),
    ("wales", "male-victims", {"dyn-wales", "mens-advice-line", "mankind-initiative"}),
    ("england", "forced-marriage", {"karma-nirvana", "forced-marriage-unit"}),
    ("scotland", "honour-based-abuse", {"karma-nirvana"}),
    # Paladin has a phone line since 2026-12-02 (Arun District Council's page).
    ("england", "stalking", {"national-stalking-helpline", "paladin"}),
    ("england", "image-based-abuse", {"revenge-porn-helpline"}),
    ("england", "perpetrators", {"respect-phoneline"}),
])
def test_specialist_by_need(directory: Directory, nation: str, need: str,
                            expected: set[str]) -> None:
    offers = route(directory, now=MONDAY_10AM, nation=nation, needs=[need])
    specialists = {o.id for o in offers if any(need in r for r in o.reasons)}
    assert specialists == expected


def test_specialists_outside_their_coverage_are_not_offered(directory: Directory) -> None:
    # Dyn Wales covers Wales only; Galop's sources cover England and Wales only.
    assert "dyn-wales" not in ids(route(directory, now=MONDAY_10AM, nation="england",
                                        needs=["male-victims"]))
    assert "galop" not in ids(route(directory, now=MONDAY_10AM, nation="scotland",
                                    needs=["lgbt"]))


def test_services_without_any_contact_are_not_offered(directory: Directory) -> None:
    # A service whose sources give no contact details is never offered. Paladin is
    # reachable in the real data (since 2026-12-02), so strip its contacts here.
    without = dataclasses.replace(directory, by_id={
        **directory.by_id, "paladin": directory.get("paladin").copy(update={"contacts": []})})
    assert "paladin" in ids(route(directory, now=MONDAY_10AM, nation="england",
                                  needs=["stalking"]))
    assert "paladin" not in ids(route(without, now=MONDAY_10AM, nation="england",
                                      needs=["stalking"]))


# Eligibility: gender and age rule services out only when known.

def test_gender_rules_out_single_gender_services(directory: Directory) -> None:
    women = ids(route(directory, now=MONDAY_10AM, nation="england",
                      needs=["male-victims", "legal"], gender="women"))
    men = ids(route(directory, now=MONDAY_10AM, nation="england",
                    needs=["male-victims", "legal"], gender="men"))
    unknown = ids(route(directory, now=MONDAY_10AM, nation="england", needs=["legal"]))
    assert "mens-advice-line" not in women and "rights-of-women" in women
    assert "mens-advice-line" in men and "rights-of-women" not in men
    assert "rights-of-women" in unknown


def test_mens_lines_only_for_a_man_at_risk(directory: Directory) -> None:
    # A friend asking how to help, gender not said: the men's lines are tagged
    # friends-family but are not the door for a woman, so they wait until it is said.
    unknown = ids(route(directory, now=MONDAY_10AM, nation="england", needs=["friends-family"]))
    woman = ids(route(directory, now=MONDAY_10AM, nation="england", needs=["friends-family"],
                      gender="women"))
    man = ids(route(directory, now=MONDAY_10AM, nation="england", needs=["friends-family"],
                    gender="men"))
    assert not {"mens-advice-line", "mankind-initiative"} & (set(unknown) | set(woman))
    assert "mens-advice-line" in man
    # Asking for help for a male victim says the person at risk is a man.
    assert "mens-advice-line" in ids(route(directory, now=MONDAY_10AM, nation="england",
                                           needs=["male-victims"]))


def test_age_rules_out_16_plus_services(directory: Directory) -> None:
    assert "hackney-dais" not in ids(route(directory, now=MONDAY_10AM, area="hackney", age=15))
    assert "hackney-dais" in ids(route(directory, now=MONDAY_10AM, area="hackney", age=16))


# Rule 4: local services by area (including areas within a county).

@pytest.mark.parametrize(("area", "local"), [
    ("hackney", "hackney-dais"),
    ("high-peak", "derbyshire-domestic-abuse-helpline"),
    ("derbyshire", "derbyshire-domestic-abuse-helpline"),
])
def test_local_service_by_area(directory: Directory, area: str, local: str) -> None:
    offers = route(directory, now=MONDAY_10AM, area=area)
    assert local in ids(offers)
    assert any("Local service" in r for r in offers[ids(offers).index(local)].reasons)


def test_local_services_stay_local(directory: Directory) -> None:
    assert "hackney-dais" not in ids(route(directory, now=MONDAY_10AM, area="tower-hamlets"))
    assert "hackney-dais" not in ids(route(directory, now=MONDAY_10AM, nation="england"))


def test_housing_need_adds_hackney_out_of_hours(directory: Directory) -> None:
    assert "hackney-out-of-hours" in ids(route(directory, now=SUNDAY_2AM, area="hackney",
                                               needs=["housing"]))
    assert "hackney-out-of-hours" not in ids(route(directory, now=SUNDAY_2AM, area="hackney"))


# Rule 5: a closed service is never offered alone; a 24-hour line is always included.

def test_hackney_dais_at_2am_sunday_comes_only_with_a_24_hour_line(
    directory: Directory,
) -> None:
    offers = route(directory, now=SUNDAY_2AM, area="hackney")
    dais = offers[ids(offers).index("hackney-dais")]
    assert dais.open_now is False
    assert any("Closed now" in r for r in dais.reasons)
    assert offers[0].service.is_24_7_phone_line and offers[0].open_now is True
    # Nothing closed is placed before something reachable.
    assert ids(offers).index("hackney-dais") > ids(offers).index(offers[0].id)


def test_hackney_dais_in_office_hours_is_open(directory: Directory) -> None:
    offers = route(directory, now=MONDAY_10AM, area="hackney")
    assert offers[ids(offers).index("hackney-dais")].open_now is True


@pytest.mark.parametrize(("place", "needs", "now", "urgent"),
                         itertools.product(PLACES, NEED_SETS, TIMES, [False, True]))
def test_every_answer_includes_a_24_hour_line_and_something_open(
    directory: Directory, place: dict, needs: list[str], now: dt.datetime, urgent: bool
) -> None:
    offers = route(directory, now=now, needs=needs, urgent=urgent, **place)
    assert any(o.service.is_24_7_phone_line for o in offers)
    assert any(o.open_now is True for o in offers)
    assert len(ids(offers)) == len(set(ids(offers))), "a service is offered twice"
    first_closed = next((i for i, o in enumerate(offers) if o.open_now is False), len(offers))
    assert all(o.open_now is not False for o in offers[:first_closed])
    assert all(o.open_now is False for o in offers[first_closed:])


def test_wales_gets_its_own_24_hour_line_at_night(
    directory: Directory,
) -> None:
    # Live Fear Free is open 24 hours (gov.wales), so no other 24-hour line is needed.
    offers = route(directory, now=SUNDAY_2AM, nation="wales")
    assert ids(offers) == ["live-fear-free"]
    assert offers[0].service.is_24_7_phone_line
    assert offers[0].open_now is True


@pytest.mark.parametrize("nation", ["scotland", "northern-ireland"])
def test_scotland_and_ni_get_their_own_24_hour_line_at_night(
    directory: Directory, nation: str
) -> None:
    offers = route(directory, now=SUNDAY_2AM, nation=nation)
    assert ids(offers) == [NATIONAL_LINES[nation]]
    assert offers[0].open_now is True and offers[0].service.is_24_7_phone_line


def test_without_any_24_hour_helpline_999_is_included_and_explained(
    data_copy: Path,
) -> None:
    line = data_copy / "services" / "scotland-domestic-abuse-helpline.yml"
    line.write_text(line.read_text().replace("    hours: 24/7\n", "", 1))
    offers = route(fresh(data_copy), now=SUNDAY_2AM, nation="scotland")
    assert ids(offers) == ["scotland-domestic-abuse-helpline", EMERGENCY_SERVICE]
    assert "No 24-hour helpline" in offers[-1].reasons[0]


# The lines issue 3 adds for UK-wide routing are reached by need, where they cover.

@pytest.mark.parametrize(("nation", "need", "line"), [
    ("scotland", "suicidal-crisis", "samaritans"),
    ("northern-ireland", "suicidal-crisis", "samaritans"),
    ("england", "children-young-people", "childline"),
    ("wales", "older-people", "hourglass"),
    ("england", "sexual-violence", "rape-crisis"),
    ("wales", "sexual-violence", "rape-crisis"),
])
def test_uk_wide_lines_by_need(directory: Directory, nation: str, need: str,
                               line: str) -> None:
    offers = route(directory, now=SUNDAY_2AM, nation=nation, needs=[need])
    assert line in ids(offers)
    assert any(need in reason for reason in offers[ids(offers).index(line)].reasons)


def test_rape_crisis_england_and_wales_line_stays_in_england_and_wales(
    directory: Directory,
) -> None:
    offers = route(directory, now=SUNDAY_2AM, nation="scotland", needs=["sexual-violence"])
    assert "rape-crisis" not in ids(offers)


def test_lines_with_unknown_hours_are_not_called_closed(
    directory: Directory,
) -> None:
    offers = route(directory, now=SUNDAY_2AM, nation="england",
                   needs=["children-young-people"])
    childline = offers[ids(offers).index("childline")]
    assert childline.open_now is None
    assert not any("Closed now" in reason for reason in childline.reasons)
    assert offers[0].service.is_24_7_phone_line


def test_24_hour_rule_holds_when_the_national_line_loses_its_hours(
    data_copy: Path,
) -> None:
    line = data_copy / "services" / "national-domestic-abuse-helpline.yml"
    line.write_text(line.read_text().replace("    hours: 24/7\n", "", 1))
    changed = fresh(data_copy)
    offers = route(changed, now=SUNDAY_2AM, area="hackney")
    assert ids(offers)[0] == "national-domestic-abuse-helpline"
    assert "victim-support" in ids(offers)  # the remaining 24-hour line for England
    (data_copy / "services" / "victim-support.yml").unlink()
    (data_copy / "services" / "derbyshire-domestic-abuse-helpline.yml").unlink()
    offers = route(fresh(data_copy), now=SUNDAY_2AM, area="hackney")
    assert ids(offers)[-1] == EMERGENCY_SERVICE


# Inputs: unknown words fail loudly; the function is pure.

@pytest.mark.parametrize("bad", [
    {"nation": "france"}, {"area": "atlantis"}, {"needs": ["lgbtq"]}, {"gender": "female"},
    {"nation": "wales", "area": "hackney"},
])
def test_unknown_inputs_raise(directory: Directory, bad: dict) -> None:
    with pytest.raises(ValueError):
        route(directory, now=MONDAY_10AM, **bad)


def test_route_is_pure(directory: Directory) -> None:
    before = [s.copy() for s in directory.services]
    first = route(directory, now=SUNDAY_2AM, area="hackney", needs=["lgbt"])
    second = route(directory, now=SUNDAY_2AM, area="hackney", needs=["lgbt"])
    assert first == second
    assert before == directory.services


def test_language_is_mentioned_when_a_service_speaks_it(
    data_copy: Path, write_service: Callable[[str, str], Path]
) -> None:
    write_service("test-line", VALID_SERVICE + "languages: [en, tr]\n")
    offers = route(fresh(data_copy), now=MONDAY_10AM, area="hackney", language="tr")
    test_line = offers[ids(offers).index("test-line")]
    assert "Speaks tr." in test_line.reasons


def test_services_usable_in_the_persons_language_come_first(directory: Directory) -> None:
    """Rule 5: after 999 and the national line, interpreters or the language first."""
    needs = ["forced-marriage", "legal", "housing"]
    english = ids(route(directory, now=MONDAY_10AM, area="hackney", needs=needs))
    fixed = {EMERGENCY_SERVICE, *NATIONAL_LINES.values()}
    last = [sid for sid in english if sid not in fixed][-1]
    # Say the last of them spoke Polish: for a Polish speaker it moves up to just after
    # the national line; for an English speaker nothing changes.
    speaks = dataclasses.replace(directory, by_id={
        **directory.by_id, last: directory.get(last).copy(update={"languages": ["pl"]})})
    polish = ids(route(speaks, now=MONDAY_10AM, area="hackney", needs=needs, language="pl"))
    assert sorted(polish) == sorted(english)
    assert polish[1] == last and polish[0] == NATIONAL_LINES["england"]
    assert ids(route(speaks, now=MONDAY_10AM, area="hackney", needs=needs)) == english


def test_the_national_helpline_offers_interpreters_with_its_source(
        directory: Directory) -> None:
    line = directory.get(NATIONAL_LINES["england"])
    assert line.interpreting is True
    assert any(ref.document == "issue-7" and "interpret" in (ref.facts or "")
               for ref in line.source)
    offer = route(directory, now=MONDAY_10AM, nation="england", language="ur")[0]
    assert offer.id == NATIONAL_LINES["england"] and "Interpreting available." in offer.reasons


# Specialists open to everyone come before one-gender lines when the gender is unknown.

def test_unknown_gender_puts_services_for_everyone_first(directory: Directory) -> None:
    offers = route(directory, now=MONDAY_10AM, nation="england", needs=["professionals"])
    specialists = [o for o in offers if "need:professionals" in o.kinds]
    restricted = [bool(o.service.eligibility.genders) for o in specialists]
    assert restricted == sorted(restricted), ids(specialists)
    assert not restricted[0]


# shortlist(): a short list keeps a door for every kind of help.

def test_shortlist_keeps_the_local_service_beside_many_specialists(
    directory: Directory,
) -> None:
    offers = route(directory, now=MONDAY_10AM, area="hackney", needs=["professionals"])
    kinds_offered = {k for o in offers for k in o.kinds}
    assert {"national-line", "need:professionals", "local"} <= kinds_offered
    short = shortlist(offers, 3)
    assert len(short) == 3
    assert {"national-line", "need:professionals", "local"} <= {k for o in short for k in o.kinds}
    # Best first still: the order is the routing order.
    assert ids(short) == [i for i in ids(offers) if i in ids(short)]


def test_shortlist_fills_up_in_routing_order(directory: Directory) -> None:
    offers = route(directory, now=MONDAY_10AM, nation="england", needs=["male-victims"])
    assert ids(shortlist(offers, len(offers))) == ids(offers)
    assert ids(shortlist(offers, 1)) == ids(offers)[:1]


def test_free_lines_come_first_among_specialists_for_a_need(directory: Directory) -> None:
    offers = route(directory, now=MONDAY_10AM, nation="wales", needs=["male-victims"],
                   gender="men")
    specialists = [o.service for o in offers if "need:male-victims" in o.kinds]
    free = [is_freephone(s.phone.number) for s in specialists if s.phone]
    assert free == sorted(free, reverse=True), [s.id for s in specialists]
    assert free[0]


def test_freephone_is_read_from_the_number_plan() -> None:
    assert is_freephone("0808 801 0327")
    assert is_freephone("0800 999 5428")
    assert not is_freephone("01823 334244")
    assert not is_freephone("999")


def test_nation_unknown_offers_no_service_for_one_other_nation_only(directory: Directory) -> None:
    offers = route(directory, now=MONDAY_10AM, needs=["male-victims"], gender="men")
    for offer in offers:
        assert not set(offer.service.coverage) <= {"wales", "scotland", "northern-ireland"}, \
            offer.id
    assert "mens-advice-line" in ids(offers)


def test_shortlist_never_drops_the_line_that_is_always_there(directory: Directory) -> None:
    needs = ["lgbt", "stalking", "image-based-abuse", "male-victims"]
    offers = route(directory, now=MONDAY_10AM, needs=needs, gender="men")
    short = shortlist(offers, 4)
    assert {"national-line", "24-hour-line"} & {k for o in short for k in o.kinds}, ids(short)


def test_a_service_whose_work_the_need_is_comes_before_one_that_lists_it_too(
        directory: Directory) -> None:
    offers = route(directory, now=MONDAY_10AM, nation="england",
                   needs=["professionals", "forced-marriage"])
    specialists = [o.id for o in offers if "need:professionals" in o.kinds]
    # SafeLives lists only professionals; Karma Nirvana lists them after its own work.
    assert specialists.index("safelives") < specialists.index("karma-nirvana")


def test_the_boroughs_own_service_comes_before_a_region_wide_one(directory: Directory) -> None:
    offers = route(directory, now=MONDAY_10AM, area="hackney", needs=["housing"])
    local = [o.id for o in offers if any(k.startswith("local") for k in o.kinds)]
    assert local.index("hackney-dais") < local.index("pan-london-housing-reciprocal")


def test_a_friend_is_not_sent_to_a_forced_marriage_line_unless_that_is_the_situation(
        directory: Directory) -> None:
    friend = ids(route(directory, now=MONDAY_10AM, nation="england", needs=["friends-family"]))
    assert "forced-marriage-unit" not in friend
    worried = ids(route(directory, now=MONDAY_10AM, nation="england",
                        needs=["friends-family", "forced-marriage"]))
    assert "forced-marriage-unit" in worried
    professional = ids(route(directory, now=MONDAY_10AM, nation="england",
                             needs=["professionals"]))
    assert "safelives" in professional
    assert "karma-nirvana" not in professional


def test_englands_line_stands_in_while_the_nation_is_not_known(directory: Directory) -> None:
    for needs in (["legal"], ["sexual-violence"], ["children-young-people"]):
        offers = route(directory, now=SUNDAY_2AM, needs=needs)
        assert "national-domestic-abuse-helpline" in ids(offers), needs


def test_a_professional_gets_the_professional_route_beside_the_situations_specialists(
        directory: Directory) -> None:
    # A teacher about a 17-year-old to be married abroad: the Forced Marriage Unit also
    # advises professionals, but SafeLives (MARAC, the risk checklist) is their route.
    offers = route(directory, now=MONDAY_10AM, nation="england",
                   needs=["forced-marriage", "children-young-people", "professionals"])
    short = ids(shortlist(offers, 5))
    assert {"forced-marriage-unit", "safelives", "national-domestic-abuse-helpline"} <= set(short)


def test_a_closed_local_service_is_not_crowded_out_by_a_housing_line(
        directory: Directory) -> None:
    # Monday 7pm: Hackney DAIS keeps office hours, its out-of-hours housing line is open.
    evening = MONDAY_10AM.replace(hour=19)
    offers = route(directory, now=evening, area="hackney", needs=["housing", "refuge"])
    short = ids(shortlist(offers, 5))
    assert "hackney-dais" in short
    assert "hackney-out-of-hours" in short


def test_a_local_service_that_meets_a_named_need_comes_first(directory: Directory) -> None:
    offers = route(directory, now=MONDAY_10AM, area="high-peak", needs=["deaf"])
    local = [o.id for o in offers if "local" in o.kinds]
    # Derbyshire's helpline lists deaf callers among those it serves.
    assert local[0] == "derbyshire-domestic-abuse-helpline"


@pytest.mark.parametrize("need", ["black-minoritised", "migrant-women"])
def test_the_nations_own_specialist_before_one_across_several(directory: Directory,
                                                             need: str) -> None:
    # BAWSO works in Wales only; Southall Black Sisters in England and Wales.
    wales = ids(route(directory, now=MONDAY_10AM, nation="wales", needs=[need]))
    assert wales.index("bawso") < wales.index("southall-black-sisters")
    assert "bawso" not in ids(route(directory, now=MONDAY_10AM, nation="england", needs=[need]))


def test_many_needs_never_crowd_out_the_local_service(directory: Directory) -> None:
    # Four specialists' needs and a Derbyshire town: the county's own line keeps its place.
    offers = route(directory, now=MONDAY_10AM, area="derbyshire",
                   needs=["economic-abuse", "legal", "stalking", "image-based-abuse"])
    short = shortlist(offers, 5)
    assert "local" in {k for o in short for k in o.kinds}, ids(short)
    assert "national-domestic-abuse-helpline" in ids(short)
