"""`stale`: which facts (contacts) have the oldest sources, and why that date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from services_directory import Directory, check_directory
from services_directory.__main__ import main
from services_directory.staleness import cutoff_for, fact_dates

Capture = pytest.CaptureFixture[str]

# Three contacts: cited pages showing their own dates, a page showing none, no source.
CITED = """\
id: test-line
name: Test line
organisation: Test organisation
description:
  en: A line used by the tests.
needs: [domestic-abuse]
coverage: [hackney]
contacts:
  - channel: phone
    number: "020 8356 4458"
    source:
      - url: https://example.org/old-page
        page_date: 2018-03-05
        read: 2026-11-20
      - url: https://example.org/newer-page
        page_date: 2019-06-01
        read: 2026-11-20
  - channel: email
    address: help@example.org
    source:
      - url: https://example.org/contact
        read: 2025-01-10
  - channel: website
    url: https://example.org
source:
  - document: hackney-council-dv-page
last_verified: 2024-02-01
"""


@pytest.fixture
def cited(empty_data: Path) -> Path:
    (empty_data / "services" / "test-line.yml").write_text(CITED)
    return empty_data


def test_a_contacts_date_is_its_newest_page_date_else_read_else_last_verified(
    cited: Path,
) -> None:
    directory, problems = check_directory(cited)
    assert directory is not None, problems
    assert [(f.index, f.date, f.basis) for f in fact_dates(directory)] == [
        # The page's own date, not the day it was read: the information is that old.
        (0, dt.date(2019, 6, 1), "the date on https://example.org/newer-page (read 2026-11-20)"),
        (2, dt.date(2024, 2, 1), "this contact cites no source; the service's last_verified"),
        (1, dt.date(2025, 1, 10),
         "https://example.org/contact, which shows no date, read on that day"),
    ]


def test_stale_lists_old_facts_oldest_first_with_service_contact_and_date(
    cited: Path, capsys: Capture
) -> None:
    assert main(["stale", "--data", str(cited)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [
        "2019-06-01  test-line: contacts.0 (phone 020 8356 4458): the date on "
        "https://example.org/newer-page (read 2026-11-20)",
        "2024-02-01  test-line: contacts.2 (website https://example.org): this contact "
        "cites no source; the service's last_verified",
        "2025-01-10  test-line: contacts.1 (email help@example.org): "
        "https://example.org/contact, which shows no date, read on that day",
    ]
    assert lines[3].startswith("3 contact(s) in 1 service(s) have no source dated ")
    assert lines[3].endswith("or later (older than 12m)")


def test_older_than_in_days_still_works(cited: Path, capsys: Capture) -> None:
    age = (dt.date.today() - dt.date(2019, 1, 1)).days
    assert main(["stale", "--data", str(cited), "--older-than", f"{age}d"]) == 0
    out = capsys.readouterr().out
    assert "0 contact(s) in 0 service(s)" in out and "(older than" in out


@pytest.mark.parametrize(("age", "today", "cutoff"), [
    ("12m", dt.date(2026, 11, 23), dt.date(2025, 11, 23)),
    ("1m", dt.date(2026, 3, 31), dt.date(2026, 2, 28)),
    ("180d", dt.date(2026, 11, 23), dt.date(2026, 5, 27)),
    ("0d", dt.date(2026, 1, 1), dt.date(2026, 1, 1)),
])
def test_ages_in_days_and_calendar_months(age: str, today: dt.date, cutoff: dt.date) -> None:
    assert cutoff_for(age, today) == cutoff


def test_cli_stale_rejects_a_bad_age(capsys: Capture) -> None:
    assert main(["stale", "--older-than", "six months"]) == 2
    assert "--older-than: an age is a number of days or months" in capsys.readouterr().err


def test_the_shipped_directory_has_a_date_for_every_contact(directory: Directory) -> None:
    facts = fact_dates(directory)
    assert len(facts) == sum(len(s.contacts) for s in directory.services)
    assert all(f.date <= dt.date.today() for f in facts)
