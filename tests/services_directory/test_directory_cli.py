"""The maintainers' command line: validate on broken fixture files, search, export and import."""

from __future__ import annotations

import dataclasses
import json
import shutil
import uuid
from pathlib import Path

import pytest
from directory_fixtures import SOURCED_SERVICE

from services_directory import Directory, check_directory
from services_directory.__main__ import main
from services_directory.openreferral import EXTENSION, export_openreferral

FIXTURES = Path(__file__).parent / "fixtures"
Capture = pytest.CaptureFixture[str]


# validate: each broken fixture file fails with one precise `file: field: problem` line.

@pytest.mark.parametrize(("fixture", "line"), [
    ("broken-phone-number.yml", "services/broken-phone-number.yml: contacts.0: '020 8356 445' "
                                "is not a valid UK phone number (wrong length or an unused range)"),
    ("broken-hours.yml", "services/broken-hours.yml: contacts.0.hours.weekly.0: opens 17:00 must "
                         "be before closes 09:00; split overnight hours into two periods"),
    ("broken-need.yml", "services/broken-need.yml: needs: unknown need(s) ['lgbtq']"),
    ("broken-area.yml", "services/broken-area.yml: coverage.1: unknown area 'atlantis'"),
    ("broken-yaml.yml", "services/broken-yaml.yml: -: not valid YAML: duplicate key 'name'"),
])
def test_validate_fails_precisely_on_a_broken_fixture_file(
    empty_data: Path, capsys: Capture, fixture: str, line: str
) -> None:
    shutil.copy(FIXTURES / fixture, empty_data / "services" / fixture)
    assert main(["validate", "--data", str(empty_data)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"INVALID: 1 problem(s) in {empty_data}\n")
    assert f"  {line}" in err


def test_validate_can_require_a_translation(empty_data: Path, capsys: Capture) -> None:
    services = empty_data / "services"
    (services / "test-line.yml").write_text(SOURCED_SERVICE)
    welsh = SOURCED_SERVICE.replace("id: test-line", "id: welsh-line")
    (services / "welsh-line.yml").write_text(
        welsh.replace("description:\n", "description:\n  cy: Llinell.\n"))
    assert main(["validate", "--data", str(empty_data)]) == 0
    out = capsys.readouterr().out
    assert "warning: 1 description(s) have no 'cy' translation: test-line" in out
    assert main(["validate", "--data", str(empty_data), "--require-language", "cy"]) == 1
    err = capsys.readouterr().err
    assert "services/test-line.yml: description: no 'cy' translation" in err
    assert "services/welsh-line.yml" not in err


def test_commands_refuse_invalid_data(data_copy: Path, capsys: Capture) -> None:
    shutil.copy(FIXTURES / "broken-need.yml", data_copy / "services")
    for command in (["search"], ["stale"], ["export", "--format", "openreferral"]):
        assert main([*command, "--data", str(data_copy)]) == 1
        assert "broken-need.yml: needs:" in capsys.readouterr().err


# search: what the assistant would offer, at a given UK time.

def test_search_as_in_the_issue(capsys: Capture) -> None:
    assert main(["search", "--area", "hackney", "--need", "lgbt", "--language", "pl",
                 "--at", "2026-11-23T02:00"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Offers for area hackney, needs lgbt, language pl at "
                          "Monday 23 November 2026 02:00 UK time:")
    lines = [line for line in out.splitlines() if line[:3].strip().rstrip(".").isdigit()]
    assert lines[0].startswith(" 1. national-domestic-abuse-helpline:")
    assert "(open now)" in lines[0]
    assert any("galop" in line for line in lines)
    assert any(line.startswith(" 3. hackney-dais:") and "(closed now)" in line for line in lines)


def test_search_at_2am_sunday_offers_hackney_dais_only_with_a_24_hour_line(
    capsys: Capture,
) -> None:
    assert main(["search", "--area", "E8", "--at", "2026-11-22T02:00"]) == 0
    out = capsys.readouterr().out
    assert "Sunday 22 November 2026 02:00" in out
    assert " 1. national-domestic-abuse-helpline: National Domestic Abuse Helpline, " \
           "0808 2000 247 (open now)" in out
    assert "hackney-dais" in out and "Closed now. Open Monday to Friday, 9am to 5pm." in out


def test_search_time_is_uk_local_time(capsys: Capture) -> None:
    # 09:30 in July is BST: DAIS is open, although it is 08:30 UTC.
    assert main(["search", "--area", "hackney", "--at", "2026-07-20T09:30"]) == 0
    assert "hackney-dais: Hackney Domestic Abuse Intervention Service (DAIS), 020 8356 4458 " \
           "(open now)" in capsys.readouterr().out


def test_search_urgent_starts_with_999(capsys: Capture) -> None:
    assert main(["search", "--nation", "scotland", "--urgent"]) == 0
    assert " 1. emergency-999:" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "message"), [
    (["--need", "lgbtq"], "unknown need(s) ['lgbtq']"),
    (["--area", "atlantis"], "--area: unknown area 'atlantis'"),
    (["--area", "CH4 8AA"], "crosses a border; use one of: cheshire-west-and-chester, wales"),
    (["--at", "tomorrow"], "--at must be a date and time"),
    (["--nation", "wales", "--area", "hackney"], "area 'hackney' is in england, not wales"),
])
def test_search_rejects_bad_input(capsys: Capture, args: list[str], message: str) -> None:
    assert main(["search", *args]) == 2
    assert message in capsys.readouterr().err


# export: the Open Referral UK shape.

def test_export_writes_open_referral_uk_json(
    directory: Directory, tmp_path: Path, capsys: Capture
) -> None:
    output = tmp_path / "directory.json"
    assert main(["export", "--format", "openreferral", "--output", str(output)]) == 0
    document = json.loads(output.read_text())
    assert document["standard"] == "Open Referral UK" and document["version"] == "3.0"
    assert len(document["services"]) == len(directory.services)
    organisations = {org["id"]: org for org in document["organizations"]}
    service = next(s for s in document["services"] if s[EXTENSION]["id"] == "hackney-dais")
    uuid.UUID(service["id"])
    assert organisations[service["organization_id"]]["name"] == "London Borough of Hackney"
    assert service["status"] == "active"
    assert service["assured_date"] == "2026-11-23"
    assert service["minimum_age"] == 16
    assert [p["number"] for p in service["phones"]] == [
        "020 8356 4458", "020 8356 4459", "0800 056 0905"]
    assert {p["type"] for p in service["phones"]} == {"voice"}
    assert service["schedules"][0]["byday"] == "MO,TU,WE,TH,FR"
    assert (service["schedules"][0]["opens_at"], service["schedules"][0]["closes_at"]) == (
        "09:00", "17:00")
    assert service["service_areas"][0]["name"] == "London Borough of Hackney"
    needs = {a["taxonomy_term"]["code"] for a in service["attributes"]}
    assert needs == {"domestic-abuse", "legal", "housing", "professionals"}


def test_export_to_standard_output_is_stable(capsys: Capture) -> None:
    assert main(["export", "--format", "openreferral"]) == 0
    first = capsys.readouterr().out
    assert main(["export", "--format", "openreferral"]) == 0
    assert capsys.readouterr().out == first
    json.loads(first)


def test_export_needs_a_known_format(capsys: Capture) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["export", "--format", "csv"])
    assert raised.value.code == 2
    assert "invalid choice: 'csv'" in capsys.readouterr().err


# import, and the round trip export -> import.

def without_services(data: Path) -> Path:
    for file in (data / "services").iterdir():
        file.unlink()
    return data


def exported(tmp_path: Path, directory: Directory) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export_openreferral(directory), indent=2))
    return path


def fresh(data: Path) -> Directory:
    directory, problems = check_directory(data)
    assert directory is not None, problems
    return directory


def reachable(directory: Directory) -> Directory:
    """The services someone can reach: what an import carries (reachability.py)."""
    by_id = {key: service for key, service in directory.by_id.items() if service.contacts}
    return dataclasses.replace(directory, by_id=by_id, former_ids={
        old: new for old, new in directory.former_ids.items() if new in by_id})


def test_open_referral_round_trip_loses_nothing(
    directory: Directory, empty_data: Path, tmp_path: Path, capsys: Capture
) -> None:
    file = exported(tmp_path, directory)
    assert main(["import", str(file), "--data", str(empty_data)]) == 0
    out = capsys.readouterr().out
    carried = reachable(directory)
    assert f"imported {len(carried.services)} of {len(directory.services)} service record(s)" \
        in out
    # A service nobody can reach is never written (none, once every shipped one has a contact).
    for service in directory.services:
        if not service.contacts:
            assert f"({service.id}): contacts: no phone, email or website to reach it" in out
    imported = fresh(empty_data)
    assert imported.by_id.keys() == carried.by_id.keys()
    for service in carried.services:
        # Every field: ids, former ids, contacts and their hours and sources, omitted facts.
        assert imported.get(service.id) == service, service.id
    assert imported.former_ids == carried.former_ids
    # And back out again, identical.
    assert export_openreferral(imported) == export_openreferral(carried)


def test_round_trip_keeps_every_kind_of_field(
    data_copy: Path, empty_data: Path, tmp_path: Path
) -> None:
    """Fields the shipped data does not use yet: translations, languages, genders, ages."""
    source = without_services(data_copy)
    (source / "services" / "every-field.yml").write_text("""\
id: every-field
former_ids: [old-every-field]
name: Every field
other_names: [All fields, Every-field line]
organisation: Test organisation
description:
  en: A line with every field.
  cy: Llinell gyda phob maes.
needs: [domestic-abuse, deaf]
eligibility: {genders: [women], min_age: 16, max_age: 25, notes: Young women.}
coverage: [cardiff, swansea]
contacts:
  - channel: phone
    label: Main line
    number: "029 2022 2222"
    display: "029 2022 2222"
    free: false
    notes: Press 1.
    hours:
      weekly:
        - {days: [mon, wed], opens: "09:30", closes: "12:00"}
        - {days: [sat], opens: "18:00", closes: "24:00"}
  - channel: text
    number: "07534 617252"
    hours: 24/7
  - channel: email
    address: help@example.org
    label: Email us
  - channel: webchat
    url: https://example.org/chat
    notes: Chat with an adviser.
  - channel: bsl
    url: https://example.org/bsl
languages: [en, cy, pl]
interpreting: false
source:
  - {document: https://example.org, section: Contact, facts: everything}
last_verified: 2026-01-01
notes: [A note.]
omitted_facts:
  - {fact: fax, value: "none", reason: Not a channel we offer.}
""")
    original = fresh(source)
    file = exported(tmp_path, original)
    assert main(["import", str(file), "--data", str(empty_data)]) == 0
    assert fresh(empty_data).get("every-field") == original.get("every-field")
    assert fresh(empty_data).get("old-every-field").id == "every-field"


def test_import_into_the_same_data_changes_nothing(
    directory: Directory, data_copy: Path, tmp_path: Path, capsys: Capture
) -> None:
    before = {p.name: p.read_text() for p in (data_copy / "services").iterdir()}
    file = exported(tmp_path, directory)
    assert main(["import", str(file), "--data", str(data_copy)]) == 0
    unreachable = sum(1 for service in directory.services if not service.contacts)
    assert (f"0 new, 0 replaced, {len(directory.services) - unreachable} unchanged; "
            f"{unreachable} skipped") in capsys.readouterr().out
    assert {p.name: p.read_text() for p in (data_copy / "services").iterdir()} == before


def test_import_refuses_to_replace_a_different_service_unless_told(
    directory: Directory, data_copy: Path, tmp_path: Path, capsys: Capture
) -> None:
    document = export_openreferral(directory)
    galop = next(s for s in document["services"] if s[EXTENSION]["id"] == "galop")
    galop["name"] = "Galop (renamed)"
    file = tmp_path / "changed.json"
    file.write_text(json.dumps(document))
    assert main(["import", str(file), "--data", str(data_copy)]) == 1
    assert "services/galop.yml: -: already exists and differs; use --overwrite" \
        in capsys.readouterr().err
    assert main(["import", str(file), "--data", str(data_copy), "--dry-run",
                 "--overwrite"]) == 0
    assert "would import" in capsys.readouterr().out
    assert fresh(data_copy).get("galop").name != "Galop (renamed)"
    assert main(["import", str(file), "--data", str(data_copy), "--overwrite"]) == 0
    assert "1 replaced" in capsys.readouterr().out
    assert fresh(data_copy).get("galop").name == "Galop (renamed)"


def test_import_skips_a_bad_record_precisely_and_carries_the_rest(
    directory: Directory, empty_data: Path, tmp_path: Path, capsys: Capture
) -> None:
    document = export_openreferral(reachable(directory))
    index, galop = next((i, s) for i, s in enumerate(document["services"])
                        if s[EXTENSION]["id"] == "galop")
    galop["contacts"][0]["phones"][0]["number"] = "020 8356 445"
    galop["service_areas"].append({"name": "Atlantis"})
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(document))
    assert main(["import", str(file), "--data", str(empty_data)]) == 0
    out = capsys.readouterr().out
    assert f"skipped services.{index} (galop): service_areas.2: unknown area 'Atlantis': " \
        "not in areas.yml" in out
    assert f"skipped services.{index} (galop): contacts.0: '020 8356 445' is not a valid UK " \
        "phone number" in out
    assert "; 1 skipped" in out
    written = {file.stem for file in (empty_data / "services").iterdir()}
    assert "galop" not in written and len(written) == len(document["services"]) - 1


def test_import_skips_a_record_citing_an_unknown_source(
    directory: Directory, empty_data: Path, tmp_path: Path, capsys: Capture
) -> None:
    document = export_openreferral(directory)
    galop = next(s for s in document["services"] if s[EXTENSION]["id"] == "galop")
    galop[EXTENSION]["source"] = [{"document": "my-memory"}]
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(document))
    assert main(["import", str(file), "--data", str(empty_data)]) == 0
    assert "(galop): source.0.document: unknown source 'my-memory'" in capsys.readouterr().out
    assert not (empty_data / "services" / "galop.yml").exists()


def test_import_checks_across_files_before_writing(
    directory: Directory, data_copy: Path, tmp_path: Path, capsys: Capture
) -> None:
    document = export_openreferral(directory)
    galop = next(s for s in document["services"] if s[EXTENSION]["id"] == "galop")
    galop[EXTENSION]["id"] = "galop-renamed"
    galop[EXTENSION]["former_ids"] = ["hackney-dais"]  # an id another service still has
    file = tmp_path / "clash.json"
    file.write_text(json.dumps({**document, "services": [galop]}))
    before = sorted(p.name for p in (data_copy / "services").iterdir())
    assert main(["import", str(file), "--data", str(data_copy)]) == 1
    assert "services/galop-renamed.yml: former_ids: 'hackney-dais' is already used" \
        in capsys.readouterr().err
    assert sorted(p.name for p in (data_copy / "services").iterdir()) == before


@pytest.mark.parametrize(("text", "message"), [
    ("{not json", "not valid JSON"),
    ('{"organizations": []}', "not an Open Referral document: expected our export (a services "
                              "list), a /services page (contents) or a /services/{id} record"),
])
def test_import_rejects_files_that_are_not_open_referral(
    empty_data: Path, tmp_path: Path, capsys: Capture, text: str, message: str
) -> None:
    file = tmp_path / "bad.json"
    file.write_text(text)
    assert main(["import", str(file), "--data", str(empty_data)]) == 1
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(("text", "message"), [
    ('{"services": [5]}', "skipped services.0: -: must be an object"),
    ('{"services": [{"name": "X", "contacts": [5]}]}',
     "skipped services.0: -: malformed Open Referral service"),
])
def test_import_skips_records_that_are_not_services(
    empty_data: Path, tmp_path: Path, capsys: Capture, text: str, message: str
) -> None:
    file = tmp_path / "bad.json"
    file.write_text(text)
    assert main(["import", str(file), "--data", str(empty_data)]) == 0
    out = capsys.readouterr().out
    assert message in out and "imported 0 of 1 service record(s)" in out
    assert list((empty_data / "services").iterdir()) == []


def test_import_of_a_missing_file_is_a_usage_error(tmp_path: Path, capsys: Capture) -> None:
    assert main(["import", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_import_a_councils_plain_open_referral_service(
    empty_data: Path, tmp_path: Path, capsys: Capture
) -> None:
    """A file from another ORUK publisher: no extension, times with seconds."""
    document = {"organizations": [{"id": "org-1", "name": "A Council", "description": "x"}],
                "services": [{
                    "id": "4c1f7f1e-0000-4000-8000-000000000001",
                    "organization_id": "org-1",
                    "name": "Council DA Service",
                    "description": "Local support.",
                    "url": "https://example.gov.uk/da",
                    "status": "active",
                    "assured_date": "2026-10-01",
                    "phones": [{"id": "p1", "number": "020 8356 4458", "type": "voice"}],
                    "contacts": [{"id": "c1", "name": "Duty worker", "email": "da@example.gov.uk",
                                  "phones": [{"id": "p1", "number": "020 8356 4458",
                                              "type": "voice"}]}],
                    "schedules": [{"id": "s1", "freq": "WEEKLY", "byday": "MO,TU",
                                   "opens_at": "09:00:00", "closes_at": "17:00:00"}],
                    "service_areas": [{"id": "a1", "name": "Hackney"}],
                    "attributes": [{"taxonomy_term": {"code": "domestic-abuse",
                                                      "taxonomy": "safe-chat-needs"}}],
                }]}
    file = tmp_path / "council.json"
    file.write_text(json.dumps(document))
    assert main(["import", str(file), "--data", str(empty_data)]) == 0
    service = fresh(empty_data).get("council-da-service")
    assert service.coverage == ["hackney"]
    assert service.organisation == "A Council"
    assert service.phone is not None and service.phone.hours is not None
    assert service.phone.hours.describe() == "Monday and Tuesday, 9am to 5pm"
    assert [c.channel for c in service.contacts] == ["phone", "email", "website"]
    assert service.first_contact("email").address == "da@example.gov.uk"
    assert service.source[0].document == "https://example.gov.uk/da"
