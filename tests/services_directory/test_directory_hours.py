"""Opening hours: open now in UK time (GMT and BST), and their English wording."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from services_directory.hours import Hours

OFFICE = Hours.parse_obj(
    {"weekly": [{"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "09:00",
                 "closes": "17:00"}]}
)
UTC = dt.timezone.utc


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (dt.datetime(2026, 11, 23, 9, 0, tzinfo=UTC), True),  # Monday 9:00 GMT: opens
        (dt.datetime(2026, 11, 23, 8, 59, tzinfo=UTC), False),
        (dt.datetime(2026, 11, 23, 16, 59, tzinfo=UTC), True),
        (dt.datetime(2026, 11, 23, 17, 0, tzinfo=UTC), False),  # closes at 17:00 sharp
        (dt.datetime(2026, 11, 22, 12, 0, tzinfo=UTC), False),  # Sunday
        # Summer time: 08:30 UTC is 09:30 in London, 16:30 UTC is 17:30.
        (dt.datetime(2026, 7, 20, 8, 30, tzinfo=UTC), True),
        (dt.datetime(2026, 7, 20, 16, 30, tzinfo=UTC), False),
        # Naive datetimes are UTC: 16:30 naive in July is 17:30 in London.
        (dt.datetime(2026, 7, 20, 16, 30), False),
        # Another zone: 03:30 in New York on a Monday in July is 08:30 in London.
        (dt.datetime(2026, 7, 20, 3, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))), True),
    ],
)
def test_office_hours_open_now(now: dt.datetime, expected: bool) -> None:
    assert OFFICE.is_open(now) is expected


def test_always_open() -> None:
    always = Hours.parse_obj(Hours.from_yaml("24/7"))
    assert always.is_open(dt.datetime(2026, 12, 25, 3, 0))
    assert always.describe() == "24 hours, every day"


@pytest.mark.parametrize(
    ("weekly", "wording"),
    [
        ([{"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "09:00", "closes": "17:00"}],
         "Monday to Friday, 9am to 5pm"),
        ([{"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "15:00", "closes": "18:00"}],
         "Monday to Friday, 3pm to 6pm"),
        ([{"days": ["sat", "sun"], "opens": "10:30", "closes": "12:00"}],
         "Saturday and Sunday, 10:30am to midday"),
        ([{"days": ["mon", "wed", "fri"], "opens": "00:00", "closes": "24:00"}],
         "Monday, Wednesday and Friday, midnight to midnight"),
        ([{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "opens": "08:00",
           "closes": "20:00"}], "Every day, 8am to 8pm"),
        ([{"days": ["mon", "tue", "wed"], "opens": "09:00", "closes": "13:00"},
          {"days": ["thu"], "opens": "14:00", "closes": "19:45"}],
         "Monday to Wednesday, 9am to 1pm; Thursday, 2pm to 7:45pm"),
    ],
)
def test_wording(weekly: list[dict], wording: str) -> None:
    assert Hours.parse_obj({"weekly": weekly}).describe() == wording


@pytest.mark.parametrize(
    "bad",
    [
        {"always": True, "weekly": [{"days": ["mon"], "opens": "09:00", "closes": "10:00"}]},
        {},
        {"weekly": [{"days": [], "opens": "09:00", "closes": "10:00"}]},
        {"weekly": [{"days": ["mon"], "opens": "9am", "closes": "10:00"}]},
        {"weekly": [{"days": ["mon"], "opens": "09:00", "closes": "25:00"}]},
        {"weekly": [{"days": ["mon"], "opens": "22:00", "closes": "02:00"}]},
    ],
)
def test_invalid_hours_are_rejected(bad: dict) -> None:
    with pytest.raises(ValidationError):
        Hours.parse_obj(bad)


def test_shorthand_other_than_24_7_is_rejected() -> None:
    with pytest.raises(ValueError, match="hours must be '24/7'"):
        Hours.from_yaml("always")
