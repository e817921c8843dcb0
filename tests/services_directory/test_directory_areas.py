"""Areas data and resolving what people type into a nation and local area."""

from __future__ import annotations

from pathlib import Path

import pytest

from services_directory import Directory, check_directory, resolve_place

LONDON_BOROUGHS = {
    "barking-and-dagenham", "barnet", "bexley", "brent", "bromley", "camden", "city-of-london",
    "croydon", "ealing", "enfield", "greenwich", "hackney", "hammersmith-and-fulham",
    "haringey", "harrow", "havering", "hillingdon", "hounslow", "islington",
    "kensington-and-chelsea", "kingston-upon-thames", "lambeth", "lewisham", "merton",
    "newham", "redbridge", "richmond-upon-thames", "southwark", "sutton", "tower-hamlets",
    "waltham-forest", "wandsworth", "westminster",
}


def test_all_33_london_areas_are_listed(directory: Directory) -> None:
    in_london = {a.id for a in directory.areas.by_id.values() if a.within == "london"}
    assert in_london == LONDON_BOROUGHS


@pytest.mark.parametrize(("area", "nation"), [
    ("derbyshire", "england"), ("high-peak", "england"), ("cheshire-east", "england"),
    ("cheshire-west-and-chester", "england"), ("cardiff", "wales"), ("swansea", "wales"),
    ("glasgow", "scotland"), ("edinburgh", "scotland"), ("belfast", "northern-ireland"),
    ("derry-and-strabane", "northern-ireland"), ("hackney", "england"),
])
def test_required_local_areas_and_their_nations(directory: Directory, area: str,
                                                nation: str) -> None:
    assert directory.areas.nation_of(area) == nation


@pytest.mark.parametrize(("text", "area", "nation"), [
    ("Buxton", "high-peak", "england"),
    ("Glossop", "high-peak", "england"),
    ("Chesterfield", "derbyshire", "england"),
    ("Macclesfield", "cheshire-east", "england"),
    ("crewe", "cheshire-east", "england"),
    ("Chester", "cheshire-west-and-chester", "england"),
    ("Hackney", "hackney", "england"),
    ("the London Borough of Hackney", "hackney", "england"),
    ("Dalston", "hackney", "england"),
    ("Hammersmith & Fulham", "hammersmith-and-fulham", "england"),
    ("Shepherds Bush", "hammersmith-and-fulham", "england"),
    ("Caerdydd", "cardiff", "wales"),
    ("Abertawe", "swansea", "wales"),
    ("glasgow", "glasgow", "scotland"),
    ("Leith", "edinburgh", "scotland"),
    ("Londonderry", "derry-and-strabane", "northern-ireland"),
    ("Derry", "derry-and-strabane", "northern-ireland"),
    ("Cymru", "wales", "wales"),
    ("N. Ireland", "northern-ireland", "northern-ireland"),
    # Postcodes: district first, then area letters.
    ("E8 3AB", "hackney", "england"),
    ("e8", "hackney", "england"),
    ("SK17 6AA", "high-peak", "england"),
    ("CF10 1AA", "cardiff", "wales"),
    ("CF99 1NA", "wales", "wales"),
    ("EH1 1YZ", "edinburgh", "scotland"),
    ("EH99 1SP", "scotland", "scotland"),
    ("BT7 1NN", "northern-ireland", "northern-ireland"),
    ("BT48 6DQ", "derry-and-strabane", "northern-ireland"),
    ("SW1A 1AA", "london", "england"),
    ("M1 1AE", "england", "england"),
])
def test_resolves_names_towns_and_postcodes(directory: Directory, text: str, area: str,
                                           nation: str) -> None:
    place = resolve_place(directory, text)
    assert place is not None
    assert (place.area, place.nation) == (area, nation)


@pytest.mark.parametrize(("text", "candidates"), [
    ("CH4 8AA", ("cheshire-west-and-chester", "wales")),
    ("TD15 1AA", ("scotland", "england")),
    ("SY20 8AA", ("england", "wales")),
    ("LD7 1AA", ("wales", "england")),
])
def test_postcodes_across_a_nation_border_ask_instead_of_guessing(
    directory: Directory, text: str, candidates: tuple[str, ...]
) -> None:
    place = resolve_place(directory, text)
    assert place is not None and place.ambiguous
    assert place.nation is None
    assert place.candidates == candidates
    assert place.note


def test_postcode_across_a_council_border_keeps_the_nation(directory: Directory) -> None:
    place = resolve_place(directory, "E9 5AA")
    assert place is not None and place.ambiguous
    assert place.nation == "england"
    assert set(place.candidates) == {"hackney", "tower-hamlets"}


@pytest.mark.parametrize("text", ["Atlantis", "", "   ", "XX1 1XX", "Richmond"])
def test_unknown_places_are_not_guessed(directory: Directory, text: str) -> None:
    assert resolve_place(directory, text) is None


def test_crown_dependencies_are_outside_the_uk(directory: Directory) -> None:
    place = resolve_place(directory, "JE2 3AB")
    assert place is not None and place.nation is None and "not part of the UK" in place.note


def test_every_uk_postcode_area_maps_to_a_nation(directory: Directory) -> None:
    areas = directory.areas
    assert len(areas.postcode_areas) == 121  # every UK geographic postcode area
    for code, entry in areas.postcode_areas.items():
        assert areas.nation_of(entry["area"]) is not None, code


def test_every_area_lies_within_the_uk(directory: Directory) -> None:
    for area_id in directory.areas.by_id:
        assert directory.areas.ancestors(area_id)[-1] == "uk"


def test_a_name_given_to_two_areas_is_an_error(data_copy: Path) -> None:
    areas = data_copy / "areas.yml"
    areas.write_text(areas.read_text().replace("towns: [Mumbles, Gorseinon]",
                                               "towns: [Mumbles, Gorseinon, Buxton]"))
    directory, problems = check_directory(data_copy)
    assert directory is None
    assert any("'Buxton' also names" in str(p) for p in problems)


def test_coverage_includes_areas_within(directory: Directory) -> None:
    areas = directory.areas
    assert areas.covers(["derbyshire"], "high-peak")
    assert areas.covers(["england"], "hackney")
    assert areas.covers(["uk"], "belfast")
    assert not areas.covers(["hackney"], "london")
    assert not areas.covers(["wales"], "hackney")
    # Coverage not stated covers no named place (it is a string, not a list).
    assert not areas.covers("not-stated", "england")
