"""`import` of the Open Referral UK standard's own examples: what it carries, what not, why."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from services_directory import check_directory
from services_directory.__main__ import main
from services_directory.openreferral_schemas import SCHEMA_DIR

Capture = pytest.CaptureFixture[str]
FULL = SCHEMA_DIR / "example_service_full.json"
PAGE = SCHEMA_DIR / "example_service_list.json"


def importable(record: dict) -> dict:
    """The standard's example, given what routing needs: a need word of ours, a known area,
    an https page and a UK phone number (HSDS 3.0 phones; the UK profile allows them)."""
    record = copy.deepcopy(record)
    record["url"] = "https://example.org/counselling"
    record["service_areas"][0]["name"] = "Hackney"
    record["attributes"].append({"id": "0f4b8c1e-0000-4000-8000-000000000001",
                                 "taxonomy_term": {"id": "0f4b8c1e-0000-4000-8000-000000000002",
                                                   "code": "domestic-abuse",
                                                   "name": "domestic-abuse",
                                                   "description": "x",
                                                   "taxonomy": "safe-chat-needs"}})
    record["phones"] = [{"id": "0f4b8c1e-0000-4000-8000-000000000003",
                         "number": "020 8356 4458", "type": "voice"}]
    return record


def test_the_full_example_is_skipped_with_every_reason(
    empty_data: Path, capsys: Capture
) -> None:
    assert main(["import", str(FULL), "--data", str(empty_data)]) == 0
    lines = capsys.readouterr().out.splitlines()
    label = "record (community-counselling)"
    assert lines == [
        f"skipped {label}: needs: no need words: taxonomy terms not in our vocabulary "
        "(taxonomy: name); tag it with 'safe-chat-needs' terms from docs/directory.md",
        f"skipped {label}: service_areas.0: unknown area 'The service is available to all "
        "residents of the MyCity a...': not in areas.yml; add it there first "
        "(a council can in its overlay)",
        f"skipped {label}: source: no https page to cite: give the record an https url, or "
        "import it from an https API",
        f"not carried {label}: phones: none given: no UK phone number to offer",
        f"not carried {label}: contacts.0: a person (Ann Persona, Reception Manager) with no "
        "phone or email",
        f"not carried {label}: schedules.0: only on days of the month (2,3,4); opening hours "
        "left out",
        f"not carried {label}: languages: entries without a language code",
        *(f"not carried {label}: {key}: no field for it in a service file"
          for key in ("fees", "cost_options", "accreditations", "alert", "funding",
                      "service_at_locations")),
        f"imported 0 of 1 service record(s) from {FULL}: 0 new, 0 replaced, 0 unchanged; "
        "1 skipped",
    ]
    assert list((empty_data / "services").iterdir()) == []


def test_the_example_page_is_read_and_its_service_skipped(
    empty_data: Path, capsys: Capture
) -> None:
    assert main(["import", str(PAGE), "--data", str(empty_data)]) == 0
    out = capsys.readouterr().out
    assert "skipped contents.0 (community-counselling): needs: no need words: taxonomy terms " \
           "not in our vocabulary (it has none)" in out
    assert "skipped contents.0 (community-counselling): service_areas: none given, so " \
           "routing cannot tell where it is offered" in out
    assert "imported 0 of 1 service record(s)" in out


def test_a_page_item_without_contacts_says_where_they_are(
    empty_data: Path, tmp_path: Path, capsys: Capture
) -> None:
    page = json.loads(PAGE.read_text())
    del page["contents"][0]["email"], page["contents"][0]["url"]
    file = tmp_path / "page.json"
    file.write_text(json.dumps(page))
    assert main(["import", str(file), "--data", str(empty_data)]) == 0
    assert "contacts: no phone, email or website to reach it (a /services page lists " \
           "services without their contacts: import each /services/{id} record, or the API " \
           "by its URL)" in capsys.readouterr().out


def test_the_example_with_what_routing_needs_is_carried_and_dated_honestly(
    empty_data: Path, tmp_path: Path, capsys: Capture
) -> None:
    file = tmp_path / "record.json"
    file.write_text(json.dumps(importable(json.loads(FULL.read_text()))))
    assert main(["import", str(file), "--data", str(empty_data)]) == 0
    out = capsys.readouterr().out
    assert "carried record (community-counselling)" in out
    assert "not carried record (community-counselling): fees: no field" in out
    directory, problems = check_directory(empty_data, complete=True)
    assert directory is not None, problems
    service = directory.get("community-counselling")
    assert service.organisation == "Example Organization Inc."
    assert service.coverage == ["hackney"] and service.needs == ["domestic-abuse"]
    assert service.eligibility.min_age == 12
    assert [c.channel for c in service.contacts] == ["phone", "email", "website"]
    # Read today; the information is as old as the record's own newest date.
    assert service.last_verified == dt.date.today()
    citation = service.contacts[0].source[0]
    assert str(citation.url) == "https://example.org/counselling"
    assert (citation.page_date, citation.read) == (dt.date(2023, 3, 15), dt.date.today())
    # Its schedule runs only on some days of the month: hours left out, never called open.
    assert "schedules.0: only on days of the month (2,3,4); opening hours left out" in out
    assert service.phone is not None and service.phone.hours is None

    # Reading the same record again changes nothing.
    assert main(["import", str(file), "--data", str(empty_data)]) == 0
    assert "0 new, 0 replaced, 1 unchanged" in capsys.readouterr().out
