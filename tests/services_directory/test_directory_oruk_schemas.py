"""The export is Open Referral UK 3.0, record by record, by the standard's own schemas."""

from __future__ import annotations

import json

from services_directory import Directory
from services_directory.openreferral import (
    export_openreferral,
    export_openreferral_api,
)
from services_directory.openreferral_schemas import (
    SCHEMA_DIR,
    organization_errors,
    page_errors,
    service_errors,
)


def example(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def test_the_standards_own_examples_are_valid() -> None:
    assert service_errors(example("example_service_full.json")) == []
    assert organization_errors(example("example_organization_full.json")) == []
    assert page_errors(example("example_service_list.json")) == []


def test_the_checks_find_what_is_missing() -> None:
    record = example("example_service_full.json")
    del record["attributes"][0]["taxonomy_term"]["description"]
    record["id"] = "not-a-uuid"
    assert service_errors(record) == [
        "attributes.0.taxonomy_term: 'description' is a required property",
        "id: 'not-a-uuid' is not a 'uuid'",
    ]
    page = example("example_service_list.json")
    del page["total_items"]
    del page["contents"][0]["status"]
    assert page_errors(page) == ["-: 'total_items' is a required property",
                                 "contents.0.-: 'status' is a required property"]


def test_every_exported_service_record_is_valid(directory: Directory) -> None:
    document = export_openreferral(directory)
    assert len(document["services"]) == len(directory.services)
    invalid = {record["name"]: errors for record in document["services"]
               if (errors := service_errors(record))}
    assert invalid == {}


def test_every_exported_organisation_record_is_valid(directory: Directory) -> None:
    document = export_openreferral(directory)
    assert document["organizations"]
    assert {org["name"]: errors for org in document["organizations"]
            if (errors := organization_errors(org))} == {}


def test_the_api_export_is_a_valid_page_and_valid_records(directory: Directory) -> None:
    page, records = export_openreferral_api(directory)
    assert page_errors(page) == []
    assert page["total_items"] == len(page["contents"]) == len(records) == len(
        directory.services)
    assert (page["page_number"], page["total_pages"], page["first_page"],
            page["last_page"], page["empty"]) == (1, 1, True, True, False)
    assert [item["id"] for item in page["contents"]] == list(records)
    assert {record["name"]: errors for record in records.values()
            if (errors := service_errors(record))} == {}
    # The page lists services; their contacts are in the single records.
    assert all("contacts" not in item for item in page["contents"])
    assert all(record["organization"]["name"] for record in records.values())

