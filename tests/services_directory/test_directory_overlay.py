"""A council's own services laid over the shipped directory (DIRECTORY_OVERLAY)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from services_directory import DirectoryDataError, load_directory, resolve_place, route
from services_directory.__main__ import main
from services_directory.hours import UK_TIME
from services_directory.loader import DEFAULT_DATA_DIR

Capture = pytest.CaptureFixture[str]
MONDAY_NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=UK_TIME)

AREAS = """\
areas:
  exampleton:
    name: Exampleton Borough Council
    kind: local-authority
    within: england
    other_names: [Exampleton]
    towns: [Little Exampleton]
"""
SOURCES = """\
exampleton-da-page:
  file: null
  title: "Exampleton Council: Domestic abuse support (a test page)"
"""
SERVICE = """\
id: exampleton-da-service
name: Exampleton Domestic Abuse Service
organisation: Exampleton Borough Council
description:
  en: The council's own domestic abuse service.
needs: [domestic-abuse, housing]
coverage: [exampleton]
contacts:
  - channel: phone
    number: "020 8356 4458"
    source:
      - document: exampleton-da-page
    hours:
      weekly:
        - {days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00"}
source:
  - document: exampleton-da-page
last_verified: 2026-11-01
"""


@pytest.fixture
def overlay(tmp_path: Path) -> Path:
    folder = tmp_path / "council"
    (folder / "services").mkdir(parents=True)
    (folder / "areas.yml").write_text(AREAS)
    (folder / "sources.yml").write_text(SOURCES)
    (folder / "services" / "exampleton-da-service.yml").write_text(SERVICE)
    return folder


def problems_loading(overlay: Path) -> str:
    with pytest.raises(DirectoryDataError) as raised:
        load_directory(overlay=overlay)
    return str(raised.value)


def test_an_overlay_adds_a_local_service_and_its_area_which_then_routes(
    overlay: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIRECTORY_OVERLAY", str(overlay))
    directory = load_directory()  # as the gateway and the actions load it
    assert "exampleton-da-service" in directory
    assert len(directory.services) == len(load_directory(DEFAULT_DATA_DIR).services) + 1
    place = resolve_place(directory, "Little Exampleton")
    assert place is not None and (place.nation, place.area) == ("england", "exampleton")
    offers = [offer.id for offer in route(directory, now=MONDAY_NOON, area="exampleton")]
    assert offers[0] == "national-domestic-abuse-helpline"
    assert "exampleton-da-service" in offers
    # Local: nobody elsewhere is offered it.
    assert "exampleton-da-service" not in [
        offer.id for offer in route(directory, now=MONDAY_NOON, area="hackney")]


def test_the_shipped_directory_alone_is_unchanged(overlay: Path) -> None:
    assert "exampleton-da-service" not in load_directory(DEFAULT_DATA_DIR)


def test_validate_checks_an_overlay(overlay: Path, empty_data: Path, capsys: Capture) -> None:
    # Over the shipped areas and sources alone, so only the overlay's own files count.
    assert main(["validate", "--data", str(empty_data), "--overlay", str(overlay)]) == 0
    assert capsys.readouterr().out.startswith("OK: 1 services, ")
    (overlay / "services" / "exampleton-da-service.yml").write_text(
        SERVICE.replace('"020 8356 4458"', '"020 8356 445"'))
    assert main(["validate", "--overlay", str(overlay)]) == 1
    assert f"  {overlay}/services/exampleton-da-service.yml: contacts.0: '020 8356 445' is " \
           "not a valid UK phone number" in capsys.readouterr().err


@pytest.mark.parametrize(("change", "line"), [
    (lambda o: (o / "services" / "exampleton-da-service.yml").write_text(
        SERVICE.replace("needs: [domestic-abuse, housing]", "needs: [housng]")),
     "{o}/services/exampleton-da-service.yml: needs: unknown need(s) ['housng']"),
    (lambda o: (o / "services" / "exampleton-da-service.yml").write_text(
        SERVICE.replace("coverage: [exampleton]", "coverage: [exampletown]")),
     "{o}/services/exampleton-da-service.yml: coverage.0: unknown area 'exampletown'"),
    (lambda o: (o / "areas.yml").write_text(AREAS.replace("within: england", "within: englnd")),
     "{o}/areas.yml: areas.exampleton.within: unknown area 'englnd'"),
    (lambda o: (o / "areas.yml").write_text(
        AREAS + "  hackney:\n    name: Hackney again\n    kind: district\n    within: england\n"),
     "{o}/areas.yml: areas.hackney: already in areas.yml; an overlay adds places, it cannot "
     "change them"),
    (lambda o: (o / "sources.yml").write_text(SOURCES + "issue-3:\n  file: null\n"),
     "{o}/sources.yml: issue-3: source 'issue-3' is already in sources.yml; use another key"),
    (lambda o: (o / "services" / "galop.yml").write_text(
        (DEFAULT_DATA_DIR / "services" / "galop.yml").read_text()),
     "{o}/services/galop.yml: id: 'galop' is a shipped service (services/galop.yml); to lay "
     "your own version over it, add `replaces: true` to this file"),
    (lambda o: (o / "services" / "exampleton-da-service.yml").write_text(
        SERVICE + "replaces: true\n"),
     "{o}/services/exampleton-da-service.yml: replaces: there is no shipped service "
     "'exampleton-da-service' to replace; remove `replaces: true`"),
    (lambda o: (o / "services" / "broken.yml").write_text("name: [unclosed\n"),
     "{o}/services/broken.yml: -: not valid YAML"),
])
def test_a_bad_overlay_stops_the_load_naming_its_file_and_field(
    overlay: Path, change: object, line: str
) -> None:
    change(overlay)  # type: ignore[operator]
    assert line.format(o=overlay) in problems_loading(overlay)


def test_a_missing_overlay_folder_stops_the_load(tmp_path: Path) -> None:
    assert f"{tmp_path / 'nowhere'}: -: overlay folder not found" in problems_loading(
        tmp_path / "nowhere")


def test_an_overlay_replaces_a_shipped_service_only_when_it_says_so(overlay: Path) -> None:
    galop = (DEFAULT_DATA_DIR / "services" / "galop.yml").read_text()
    (overlay / "services" / "galop.yml").write_text(
        galop.replace("name: Galop", "name: Galop (council's copy)", 1) + "replaces: true\n")
    directory = load_directory(overlay=overlay)
    assert directory.get("galop").name.startswith("Galop (council's copy)")


def test_replaces_is_only_for_overlays(data_copy: Path) -> None:
    galop = data_copy / "services" / "galop.yml"
    galop.write_text(galop.read_text() + "replaces: true\n")
    with pytest.raises(DirectoryDataError, match=r"services/galop\.yml: replaces: extra fields"):
        load_directory(data_copy)


FEED = {"services": [{
    "id": "4c1f7f1e-0000-4000-8000-000000000001",
    "name": "Exampleton Refuge",
    "description": "Emergency accommodation for women and children.",
    "url": "https://exampleton.example.gov.uk/refuge",
    "status": "active",
    "last_modified": "2026-10-12T09:00:00Z",
    "organization": {"id": "4c1f7f1e-0000-4000-8000-000000000002",
                     "name": "Exampleton Borough Council", "description": "The council."},
    "phones": [{"id": "4c1f7f1e-0000-4000-8000-000000000003", "number": "020 8356 4459",
                "type": "voice"}],
    "service_areas": [{"id": "4c1f7f1e-0000-4000-8000-000000000004", "name": "Exampleton"}],
    "attributes": [{"id": "4c1f7f1e-0000-4000-8000-000000000005",
                    "taxonomy_term": {"id": "4c1f7f1e-0000-4000-8000-000000000006",
                                      "code": "refuge", "name": "refuge", "description": "x",
                                      "taxonomy": "safe-chat-needs"}}],
}, {
    "id": "4c1f7f1e-0000-4000-8000-000000000007",
    "name": "Galop",
    "description": "A council's record of a national line.",
    "url": "https://exampleton.example.gov.uk/galop",
    "status": "active",
    "organization": {"id": "4c1f7f1e-0000-4000-8000-000000000008", "name": "Galop",
                     "description": "x"},
    "phones": [{"id": "4c1f7f1e-0000-4000-8000-000000000009", "number": "0800 999 5428",
                "type": "voice"}],
    "service_areas": [{"id": "4c1f7f1e-0000-4000-8000-00000000000a", "name": "Exampleton"}],
    "attributes": [{"id": "4c1f7f1e-0000-4000-8000-00000000000b",
                    "taxonomy_term": {"id": "4c1f7f1e-0000-4000-8000-00000000000c",
                                      "code": "lgbt", "name": "lgbt", "description": "x",
                                      "taxonomy": "safe-chat-needs"}}],
}]}


def test_a_councils_feed_imports_into_its_overlay(
    overlay: Path, tmp_path: Path, capsys: Capture
) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"services": FEED["services"][:1]}))
    assert main(["import", str(feed), "--overlay", str(overlay)]) == 0
    assert "imported 1 of 1 service record(s)" in capsys.readouterr().out
    assert (overlay / "services" / "exampleton-refuge.yml").exists()
    assert not (DEFAULT_DATA_DIR / "services" / "exampleton-refuge.yml").exists()
    directory = load_directory(overlay=overlay)
    refuge = directory.get("exampleton-refuge")
    assert refuge.coverage == ["exampleton"] and refuge.needs == ["refuge"]
    assert refuge.contacts[0].source[0].page_date == dt.date(2026, 10, 12)
    offers = route(directory, now=MONDAY_NOON, area="exampleton", needs=["refuge"])
    assert "exampleton-refuge" in [offer.id for offer in offers]


def test_a_feed_cannot_replace_a_shipped_service(
    overlay: Path, tmp_path: Path, capsys: Capture
) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(FEED))
    assert main(["import", str(feed), "--overlay", str(overlay), "--overwrite"]) == 1
    assert "services/galop.yml: -: is a shipped service; an overlay replaces one only with a " \
           "file that says `replaces: true`, written by hand" in capsys.readouterr().err
    assert sorted(p.name for p in (overlay / "services").iterdir()) == [
        "exampleton-da-service.yml"]
