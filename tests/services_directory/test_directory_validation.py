"""Bad data fails loudly, naming the file, the field and the problem."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from directory_fixtures import SOURCED_SERVICE, VALID_SERVICE

from services_directory import DirectoryDataError, check_directory, load_directory
from services_directory.__main__ import main
from services_directory.loader import DEFAULT_DATA_DIR

WriteService = Callable[[str, str], Path]


def problems_for(data: Path) -> list[str]:
    directory, problems = check_directory(data)
    assert directory is None, "expected the data to be rejected"
    return [str(problem) for problem in problems]


def test_the_valid_fixture_is_accepted(data_copy: Path, write_service: WriteService) -> None:
    write_service("test-line", VALID_SERVICE)
    directory, problems = check_directory(data_copy)
    assert problems == []
    assert directory is not None and "test-line" in directory


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ('number: "020 8356 4458"', 'number: "020 8356 445"', "contacts.0",
         "not a valid UK phone number"),
        ("needs: [domestic-abuse]", "needs: [domestic-abuze]", "needs", "unknown need"),
        ("coverage: [hackney]", "coverage: [hackny]", "coverage.0", "unknown area 'hackny'"),
        ("  - document: hackney-council-dv-page", "  - document: my-memory", "source.0.document",
         "unknown source 'my-memory'"),
        ("last_verified: 2026-01-01", "last_verified: 2999-01-01", "last_verified",
         "in the future"),
        ('opens: "09:00"', 'opens: "18:00"', "contacts.0.hours.weekly.0",
         "must be before closes"),
        ("days: [mon, tue", "days: [monday, tue", "contacts.0.hours.weekly.0.days.0",
         "unknown day 'monday'"),
        ("  en: A line used by the tests.", "  fr: Une ligne.", "description",
         "English text"),
        ("name: Test line", "nmae: Test line", "nmae", "extra fields not permitted"),
        ("id: test-line", "id: Test Line", "id", "not a slug"),
    ],
)
def test_broken_field_is_reported_precisely(
    data_copy: Path, write_service: WriteService, old: str, new: str, field: str, message: str
) -> None:
    assert old in VALID_SERVICE
    write_service("test-line", VALID_SERVICE.replace(old, new))
    problems = problems_for(data_copy)
    assert any(p.startswith(f"services/test-line.yml: {field}: ") and message in p
               for p in problems), problems


def test_missing_source_is_an_error(data_copy: Path, write_service: WriteService) -> None:
    text = VALID_SERVICE.replace("source:\n  - document: hackney-council-dv-page\n", "")
    write_service("test-line", text)
    assert any("services/test-line.yml: source: field required" in p
               for p in problems_for(data_copy))


def test_duplicate_id_is_an_error(data_copy: Path, write_service: WriteService) -> None:
    write_service("galop-copy", (data_copy / "services" / "galop.yml").read_text())
    problems = problems_for(data_copy)
    assert any("id: duplicate id 'galop'" in p and "galop-copy.yml" in p for p in problems)


def test_id_must_match_file_name(data_copy: Path, write_service: WriteService) -> None:
    write_service("other-name", VALID_SERVICE)
    assert any("other-name.yml: id: id 'test-line' must match the file name" in p
               for p in problems_for(data_copy))


def test_duplicate_yaml_key_is_an_error(data_copy: Path, write_service: WriteService) -> None:
    write_service("test-line", VALID_SERVICE + 'name: "Second name"\n')
    assert any("test-line.yml" in p and "duplicate key 'name'" in p
               for p in problems_for(data_copy))


def test_display_must_be_the_same_number(data_copy: Path, write_service: WriteService) -> None:
    text = VALID_SERVICE.replace('number: "020 8356 4458"',
                                 'number: "020 8356 4458"\n    display: "020 8356 4459"')
    write_service("test-line", text)
    assert any("is not the same number" in p for p in problems_for(data_copy))


def test_malformed_short_code_is_rejected(data_copy: Path, write_service: WriteService) -> None:
    text = VALID_SERVICE.replace("  - channel: phone\n", "  - channel: text\n").replace(
        '"020 8356 4458"', '"607779"')
    write_service("test-line", text)
    assert any("'607779' is not a valid UK short number" in p for p in problems_for(data_copy))


def test_former_id_cannot_take_an_existing_id(
    data_copy: Path, write_service: WriteService
) -> None:
    write_service("test-line", VALID_SERVICE + "former_ids: [galop]\n")
    assert any("'galop' is already used" in p for p in problems_for(data_copy))


def test_load_directory_raises_with_every_problem(
    data_copy: Path, write_service: WriteService
) -> None:
    write_service("test-line", VALID_SERVICE.replace("needs: [domestic-abuse]", "needs: [x]"))
    with pytest.raises(DirectoryDataError) as raised:
        load_directory(data_copy)
    assert "services/test-line.yml: needs: unknown need(s) ['x']" in str(raised.value)


def test_unknown_area_in_areas_file_is_an_error(data_copy: Path) -> None:
    areas = data_copy / "areas.yml"
    areas.write_text(areas.read_text().replace("within: derbyshire", "within: derbys"))
    assert any("areas.yml: areas.high-peak.within: unknown area 'derbys'" in p
               for p in problems_for(data_copy))


# Every shipped service is reachable and every contact cites its source.
def test_cli_validate_passes_on_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith("OK: ")


def test_shipped_data_loads_for_start_up() -> None:
    """Start-up runs every check but reachability (see check_directory)."""
    assert check_directory(DEFAULT_DATA_DIR)[1] == []


def test_validate_rejects_a_service_with_no_way_to_reach_it(
    empty_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start, end = SOURCED_SERVICE.index("contacts:"), SOURCED_SERVICE.index("source:\n  -")
    (empty_data / "services" / "test-line.yml").write_text(
        SOURCED_SERVICE[:start] + SOURCED_SERVICE[end:])
    assert main(["validate", "--data", str(empty_data)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"INVALID: 1 problem(s) in {empty_data}",
        "  services/test-line.yml: contacts: no way to reach this service: add at least one "
        "contact (phone, text, email, webchat, website...) from a cited source"]


def test_validate_rejects_a_contact_without_a_source(
    empty_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (empty_data / "services" / "test-line.yml").write_text(VALID_SERVICE)
    assert main(["validate", "--data", str(empty_data)]) == 1
    assert "  services/test-line.yml: contacts.0.source: no source: cite the page (url, " \
        "page_date, read) or the document (a sources.yml key) that gives this contact" \
        in capsys.readouterr().err
    (empty_data / "services" / "test-line.yml").write_text(SOURCED_SERVICE)
    assert main(["validate", "--data", str(empty_data)]) == 0


def test_a_cited_page_needs_the_date_it_was_read(empty_data: Path) -> None:
    text = SOURCED_SERVICE.replace("      - document: hackney-council-dv-page\n",
                                   "      - url: https://example.org/contact\n"
                                   "        page_date: 2025-03-01\n")
    (empty_data / "services" / "test-line.yml").write_text(text)
    assert any("contacts.0.source.0: a cited page needs `read`" in p
               for p in problems_for(empty_data))


def test_cli_validate_fails_with_a_precise_message(
    empty_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (empty_data / "services" / "test-line.yml").write_text(
        SOURCED_SERVICE.replace("020 8356 4458", "020 8356 445"))
    assert main(["validate", "--data", str(empty_data)]) == 1
    err = capsys.readouterr().err
    assert "INVALID: 1 problem(s)" in err
    assert "services/test-line.yml: contacts.0: '020 8356 445' is not a valid UK phone number" \
        in err
