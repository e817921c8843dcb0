"""Opening hours: the structured form in the YAML files, "open now?", and wording.

All times are UK local time (Europe/London), so a line that opens at 9am opens
at 9am in both GMT and BST. Bank holidays are not modelled: a weekday service
may be closed on a bank holiday even though `is_open` says it is open, which is
one reason routing always adds a 24-hour line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo

from babel.dates import format_time, get_day_names
from babel.lists import format_list
from pydantic import BaseModel, Extra, root_validator, validator

from services_directory.vocabulary import DAY_NAMES, DAYS

UK_TIME = ZoneInfo("Europe/London")

# How the YAML files say "always open".
ALWAYS = "24/7"

Gettext = Callable[[str], str]


def N_(message: str) -> str:
    """Marks wording for the `directory` catalogue (common/i18n); translated where used."""
    return message


def _untranslated(message: str) -> str:
    return message


def to_uk_time(now: dt.datetime) -> dt.datetime:
    """`now` in UK local time; a naive datetime is taken to be UTC."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.timezone.utc)
    return now.astimezone(UK_TIME)


def _parse_clock(value: str) -> int:
    """'09:30' -> minutes since midnight; '24:00' is allowed as the end of a day."""
    try:
        hours_text, minutes_text = value.split(":")
        hours, minutes = int(hours_text), int(minutes_text)
    except ValueError:
        raise ValueError(f"time {value!r} must be written HH:MM, e.g. '09:00'") from None
    if not (0 <= minutes < 60 and (0 <= hours < 24 or (hours == 24 and minutes == 0))):
        raise ValueError(f"time {value!r} is not a time of day")
    return hours * 60 + minutes


class Period(BaseModel):
    """Open from `opens` to `closes` (HH:MM, UK time) on each of `days`."""

    days: list[str]
    opens: str
    closes: str

    class Config:
        extra = Extra.forbid
        frozen = True

    @validator("days", each_item=True)
    def _known_day(cls, day: str) -> str:
        if day not in DAYS:
            raise ValueError(f"unknown day {day!r}; use one of {', '.join(DAYS)}")
        return day

    @validator("opens", "closes")
    def _clock(cls, value: str) -> str:
        _parse_clock(value)
        return value

    @root_validator(skip_on_failure=True)
    def _opens_before_closes(cls, values: dict) -> dict:
        # Overnight periods are written as two periods (e.g. 17:00-24:00 and
        # 00:00-09:00) so that each day's hours read plainly in the file.
        if _parse_clock(values["opens"]) >= _parse_clock(values["closes"]):
            raise ValueError(
                f"opens {values['opens']} must be before closes {values['closes']}; "
                "split overnight hours into two periods"
            )
        if not values["days"]:
            raise ValueError("days must list at least one day")
        return values

    def contains(self, uk_now: dt.datetime) -> bool:
        minute_of_day = uk_now.hour * 60 + uk_now.minute
        return (
            DAYS[uk_now.weekday()] in self.days
            and _parse_clock(self.opens) <= minute_of_day < _parse_clock(self.closes)
        )


class Hours(BaseModel):
    """Either open around the clock (`always`) or open during `weekly` periods.

    In YAML: `hours: 24/7`, or `hours: {weekly: [{days: [mon, fri], opens: ..., closes: ...}]}`.
    """

    always: bool = False
    weekly: list[Period] = []

    class Config:
        extra = Extra.forbid
        frozen = True

    @classmethod
    def from_yaml(cls, value: object) -> object:
        """Accept the `24/7` shorthand; pydantic then validates the mapping form.

        Used as a pre-validator by the models that contain hours, because pydantic
        rejects a non-mapping before a model's own validators run.
        """
        if value == ALWAYS:
            return {"always": True}
        if isinstance(value, str):
            raise ValueError(f"hours must be {ALWAYS!r} or a mapping with 'weekly', not {value!r}")
        return value

    @root_validator(skip_on_failure=True)
    def _one_form(cls, values: dict) -> dict:
        if values["always"] and values["weekly"]:
            raise ValueError("hours cannot be both 24/7 and weekly periods")
        if not values["always"] and not values["weekly"]:
            raise ValueError(f"hours needs weekly periods, or write {ALWAYS!r}")
        return values

    def is_open(self, now: dt.datetime) -> bool:
        if self.always:
            return True
        uk_now = to_uk_time(now)
        return any(period.contains(uk_now) for period in self.weekly)

    def describe(self, locale: str = "en", gettext: Gettext = _untranslated) -> str:
        """Short wording, e.g. 'Monday to Friday, 9am to 5pm'.

        Day names, times and lists come from Babel's CLDR data for `locale`; the few
        connecting words come from `gettext` (the directory catalogue for that locale).
        """
        if self.always:
            return gettext(N_("24 hours, every day"))
        return "; ".join(
            gettext(N_("{days}, {opens} to {closes}")).format(
                days=_describe_days(period.days, locale, gettext),
                opens=_describe_clock(period.opens, locale, gettext),
                closes=_describe_clock(period.closes, locale, gettext))
            for period in self.weekly
        )


def _describe_clock(value: str, locale: str, gettext: Gettext) -> str:
    minutes_since_midnight = _parse_clock(value)
    if minutes_since_midnight in (0, 24 * 60):
        return gettext(N_("midnight"))
    if minutes_since_midnight == 12 * 60:
        return gettext(N_("midday"))
    hours, minutes = divmod(minutes_since_midnight, 60)
    if locale != "en":
        return format_time(dt.time(hours, minutes), format="short", locale=locale)
    # British plain English ("9am", "5:30pm") rather than CLDR's "9:00 AM".
    suffix = "am" if hours < 12 else "pm"
    hour_12 = hours % 12 or 12
    return f"{hour_12}{suffix}" if minutes == 0 else f"{hour_12}:{minutes:02d}{suffix}"


def _day_name(day: str, locale: str) -> str:
    if locale == "en":
        return DAY_NAMES[day]
    # "format", not "stand-alone": Babel 2.18 can return one locale's stand-alone names
    # for another once both were loaded (python-babel/babel#1234).
    return get_day_names("wide", context="format", locale=locale)[DAYS.index(day)]


def _describe_days(days: list[str], locale: str = "en",
                   gettext: Gettext = _untranslated) -> str:
    """Consecutive runs read as ranges: mon..fri -> 'Monday to Friday'."""
    indexes = sorted({DAYS.index(day) for day in days})
    if len(indexes) == len(DAYS):
        return gettext(N_("Every day"))
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    parts = []
    for run in runs:
        first, last = _day_name(DAYS[run[0]], locale), _day_name(DAYS[run[-1]], locale)
        if len(run) >= 3:
            parts.append(gettext(N_("{first} to {last}")).format(first=first, last=last))
        else:
            parts.extend(_day_name(DAYS[index], locale) for index in run)
    listed = format_list(parts, locale="en_GB" if locale == "en" else locale)
    if locale == "cy":
        # CLDR writes Welsh "and" as "a(c)": it is "ac" before a vowel, "a" otherwise.
        listed = re.sub(r"a\(c\) (?=([aeiouwyâêîôûŵŷ])?)",
                        lambda m: "ac " if m.group(1) else "a ", listed, flags=re.IGNORECASE)
    return listed
