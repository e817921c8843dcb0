"""UK phone numbers: checked and formatted by Google's libphonenumber.

We never check numbers with our own patterns: libphonenumber knows Ofcom's
number plan (which ranges exist, which are free, which are short codes), and a
number that it rejects is almost certainly a typo that would send someone in
danger to a dead line.
"""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from phonenumbers import shortnumberinfo

REGION = "GB"

# Short numbers (999, 101, 116 123, SMS short codes) are at most this many digits;
# anything longer must be a full national number.
_MAX_SHORT_NUMBER_DIGITS = 6


class PhoneNumberError(ValueError):
    """A number that libphonenumber does not accept as a UK number."""


@dataclass(frozen=True)
class UkNumber:
    """A checked UK number, with the forms each use needs."""

    digits: str  # as dialled in the UK, e.g. "08082000247" or "999"
    e164: str | None  # "+448082000247"; None for short numbers, which have no E.164 form
    national: str  # libphonenumber's display form, e.g. "0808 200 0247"
    tel_uri: str  # for links: "tel:+44-808-200-0247" or "tel:999"
    is_short: bool


def parse_uk_number(raw: str) -> UkNumber:
    """Check `raw` is a real UK number or short code and return its forms.

    Raises PhoneNumberError with a plain explanation otherwise.
    """
    digits = "".join(ch for ch in raw if ch.isdigit())
    if not digits:
        raise PhoneNumberError(f"{raw!r} contains no digits")
    if raw.strip().startswith("+") and not raw.strip().startswith("+44"):
        raise PhoneNumberError(f"{raw!r} is not a UK number")
    try:
        parsed = phonenumbers.parse(raw, REGION)
    except phonenumbers.NumberParseException as exc:
        raise PhoneNumberError(f"{raw!r} is not a phone number ({exc})") from exc

    if len(digits) <= _MAX_SHORT_NUMBER_DIGITS and not raw.strip().startswith("+"):
        if not shortnumberinfo.is_valid_short_number_for_region(parsed, REGION):
            raise PhoneNumberError(
                f"{raw!r} is not a valid UK short number or short code "
                "(check the digits against the source)"
            )
        return UkNumber(
            digits=digits, e164=None, national=digits, tel_uri=f"tel:{digits}", is_short=True
        )

    if not phonenumbers.is_valid_number_for_region(parsed, REGION):
        raise PhoneNumberError(
            f"{raw!r} is not a valid UK phone number (wrong length or an unused range)"
        )
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return UkNumber(
        digits="".join(ch for ch in national if ch.isdigit()),
        e164=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
        national=national,
        tel_uri=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.RFC3966),
        is_short=False,
    )


def is_freephone(raw: str) -> bool:
    """Free to call (0800/0808), by libphonenumber's reading of Ofcom's plan.

    A free call also stays off an itemised phone bill someone else may read.
    """
    try:
        parsed = phonenumbers.parse(raw, REGION)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.TOLL_FREE
