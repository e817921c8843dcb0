"""Identifying details with a shape: contact details, codes, numbers, dates, addresses.

Each finder yields `Found` spans; the scrubber keeps the first span claimed for
any stretch of text, so the finders run from the most specific shape to the least.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher


@dataclass(frozen=True, order=True)
class Found:
    start: int
    end: int
    kind: str
    replacement: str


def found(match: re.Match[str], kind: str, group: int | str = 0) -> Found:
    return Found(match.start(group), match.end(group), kind, f"[{kind}]")


_TRAILING_PUNCT = ".,;:!?)]}'\""


# --- web ----------------------------------------------------------------------------
# Repetitions are bounded so that no message of 2,000 characters takes long to search.
_EMAIL = re.compile(r"[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")
_TLDS = (
    r"com|co\.uk|org\.uk|me\.uk|gov\.uk|ac\.uk|nhs\.uk|uk|org|net|io|me|ly|info|biz|tv|"
    r"app|page|site|online|xyz|link|gl|gg|to|be|co|ie|eu|de|fr|pl|ro|in|pk|ng"
)
_URL = re.compile(
    r"(?:https?://|www\.)\S+"
    rf"|\b(?:[A-Za-z0-9][A-Za-z0-9-]{{0,62}}\.){{1,8}}(?:{_TLDS})\b(?:/\S*)?",
    re.IGNORECASE,
)
_AT_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
# "my insta is dave.h.88", "add me on snap: jess01"
_PLATFORM = re.compile(
    r"\b(?:insta(?:gram)?|ig|snap(?:chat)?|tik\s?tok|twitter|facebook|fb|telegram|"
    r"discord|kik|threads|youtube|twitch|reddit|onlyfans)\b"
    r"(?:\s+(?:handle|name|username|user\s?name|account|id|is|on|as|it's|its)){0,3}"
    r"\s*:?\s*(?P<handle>[A-Za-z0-9_.]{3,30}[A-Za-z0-9_])",
    re.IGNORECASE,
)


def find_emails(text: str) -> Iterator[Found]:
    for match in _EMAIL.finditer(text):
        yield found(match, "email")


def find_urls(text: str) -> Iterator[Found]:
    for match in _URL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in _TRAILING_PUNCT:
            end -= 1
        yield Found(match.start(), end, "url", "[url]")


def find_handles(text: str, is_word: Callable[[str], bool]) -> Iterator[Found]:
    for match in _AT_HANDLE.finditer(text):
        yield found(match, "handle")
    for match in _PLATFORM.finditer(text):
        handle = match["handle"]
        # "his instagram is private" names no one.
        if re.search(r"[\d_.]", handle) or not is_word(handle.lower()):
            yield found(match, "handle", "handle")


# --- official numbers ------------------------------------------------------------------
# Lenient on purpose (example prefixes such as QQ, any suffix): a near-miss is still theirs.
_NI = re.compile(
    r"\b(?P<prefix>[A-Z]{2})(?P<space> ?)\d{2} ?\d{2} ?\d{2}(?: ?(?P<suffix>[A-D]))?\b",
    re.IGNORECASE,
)
_NI_CONTEXT = re.compile(r"\b(?:ni|nino|national\s+insurance)\b", re.IGNORECASE)
_NHS = re.compile(r"(?<![\d-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d-])")
_NHS_CONTEXT = re.compile(r"\b(?:nhs|chi)\b", re.IGNORECASE)


def find_ni_numbers(text: str, is_stop_word: Callable[[str], bool]) -> Iterator[Found]:
    for match in _NI.finditer(text):
        prefix = match["prefix"]
        if match["space"] and is_stop_word(prefix.lower()):
            continue  # "is 12 34 56" is a sort code, not "IS123456"
        if match["suffix"] or _near(_NI_CONTEXT, text, match) or prefix.isupper():
            yield found(match, "ni_number")


def find_nhs_numbers(text: str) -> Iterator[Found]:
    for match in _NHS.finditer(text):
        digits = _digits(match[0])
        if _near(_NHS_CONTEXT, text, match) or (digits[0] != "0" and _nhs_check_digit_ok(digits)):
            yield found(match, "nhs_number")


def _nhs_check_digit_ok(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


# --- bank ----------------------------------------------------------------------------------
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
_CARD = re.compile(r"(?<![\d+])[2-6](?:[ -]?\d){12,18}(?!\d)")
_SORT_CODE = re.compile(r"(?<![\d-])\d{2}([ -]?)\d{2}\1\d{2}(?![\d-])")
_ACCOUNT = re.compile(r"(?<![\d-])\d{8}(?![\d-])")
_SORT_CONTEXT = re.compile(r"\bsort\s?code\b|\bs/c\b", re.IGNORECASE)
_ACCOUNT_CONTEXT = re.compile(r"\b(?:account|acc|acct|a/c|bank)\b", re.IGNORECASE)


def find_bank_details(text: str) -> Iterator[Found]:
    for match in _IBAN.finditer(text):
        if _iban_ok(match[0]):
            yield found(match, "bank")
    for match in _CARD.finditer(text):
        if _luhn_ok(_digits(match[0])):
            yield found(match, "bank")
    for match in _SORT_CODE.finditer(text):
        if _near(_SORT_CONTEXT, text, match, before=40, after=0):
            yield found(match, "bank")
        elif match[1] == "-" and _as_date(*match[0].split("-")) is None:
            yield found(match, "bank")  # 20-00-00 is no date, so a sort code
    for match in _ACCOUNT.finditer(text):
        if _near(_ACCOUNT_CONTEXT, text, match, before=40, after=0):
            yield found(match, "bank")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _iban_ok(raw: str) -> bool:
    iban = raw.replace(" ", "").upper()
    if not 15 <= len(iban) <= 34:
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


# --- phones -------------------------------------------------------------------------------
# Lines that identify a service, not a person: kept so the model reads "I rang 999".
EMERGENCY_AND_HELPLINES = ("999", "112", "101", "111", "116 123", "116 006", "0808 2000 247")
# "01/123456/22" is a crime reference, not a phone number.
_PHONE_CHARS = re.compile(r"[\d\s()+.-]+")


def find_phones(text: str, public_numbers: frozenset[str]) -> tuple[list[Found], list[Found]]:
    """(people's numbers, public numbers to keep)."""
    people, public = [], []
    # POSSIBLE, not VALID: unallocated and drama ranges (07700 900xxx) are still numbers.
    # max_tries bounds the work on a message made of digits.
    for match in PhoneNumberMatcher(text, "GB", leniency=Leniency.POSSIBLE, max_tries=200):
        raw = match.raw_string.lstrip("(")
        if _digits(raw) in public_numbers:
            public.append(Found(match.start, match.end, "keep", match.raw_string))
        elif (
            raw.startswith(("0", "+")) and _PHONE_CHARS.fullmatch(raw)
            and len(str(match.number.national_number)) >= 9
        ):
            people.append(Found(match.start, match.end, "phone", "[phone]"))
    return people, public


# What libphonenumber misses when digits follow ("07700 900123 12 times"): a UK shape.
_UK_PHONE_SHAPE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)44[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)"
)


def find_phone_shapes(text: str, public_numbers: frozenset[str]) -> Iterator[Found]:
    for match in _UK_PHONE_SHAPE.finditer(text):
        if _digits(match[0]) not in public_numbers and 10 <= len(_digits(match[0])) <= 13:
            yield found(match, "phone")


def public_number_digits(numbers: Iterable[str]) -> frozenset[str]:
    """Digits of public numbers in each form people type them (0..., 44..., 0044...)."""
    out = set()
    for number in [*EMERGENCY_AND_HELPLINES, *numbers]:
        out.add(_digits(number))
        try:
            parsed = phonenumbers.parse(number, "GB")
        except phonenumbers.NumberParseException:
            continue
        national = str(parsed.national_number)
        if len(national) >= 9:
            out.update({"0" + national, "44" + national, "0044" + national})
    return frozenset(out)


# --- postcodes ---------------------------------------------------------------------------
# A full postcode; routing needs the outward code ("E8"), so only the inward half goes.
_POSTCODE = re.compile(
    r"\b(?P<outward>[A-Z]{1,2}[0-9][A-Z0-9]?) ?(?P<inward>[0-9][ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)


def find_postcodes(text: str) -> Iterator[Found]:
    for match in _POSTCODE.finditer(text):
        yield Found(match.start(), match.end(), "postcode", match["outward"])


# --- dates -----------------------------------------------------------------------------
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])")
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")
_DAY_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?:\d{{4}}|'?\d{{2}})\b)?",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?", re.IGNORECASE
)
_BIRTH_YEAR = re.compile(
    rf"\b(?:born|dob|d\.o\.b\.?|birthday)\s*(?:in|on|is|was|:)?\s*(?P<date>(?:{_MONTH}\s+)?\d{{4}})\b",
    re.IGNORECASE,
)


def find_dates(text: str) -> Iterator[Found]:
    for match in _NUMERIC_DATE.finditer(text):
        if _as_date(match[1], match[3], match[4]) is not None:
            yield found(match, "date")
    for match in _ISO_DATE.finditer(text):
        if 1 <= int(match[2]) <= 12 and 1 <= int(match[3]) <= 31:
            yield found(match, "date")
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for match in pattern.finditer(text):
            # "may" is usually the verb: "I may 2" is no date, "May 2" is.
            if match[0].lower().startswith("may") and not match[0].startswith("May"):
                continue
            yield found(match, "date")
    for match in _BIRTH_YEAR.finditer(text):
        yield found(match, "date", "date")


def _as_date(a: str, b: str, year: str) -> tuple[int, int] | None:
    """(day, month) if the parts could be a date either way round, else None."""
    first, second = int(a), int(b)
    if 1 <= first <= 31 and 1 <= second <= 12:
        return first, second
    if 1 <= second <= 31 and 1 <= first <= 12:
        return second, first
    return None


# --- addresses --------------------------------------------------------------------------
# Words that end a street name. The ambiguous ones ("close", "way", "park") only
# count capitalised, so "2 close friends" stays.
_STREET_WORDS = (
    r"street|st|road|rd|avenue|ave|lane|ln|drive|crescent|cres|gardens|gdns|grove|"
    r"terrace|mews|parade|boulevard|estate"
)
_STREET_WORDS_CAPITALISED = (
    r"Close|Way|Court|Place|Square|Row|Walk|Hill|Rise|View|Park|Green|Gate|Wharf|Yard|"
    r"House|Lodge|Mansions|Heights|Buildings|Tower|Towers|Vale|Villas|Cottages|Quay"
)
_NAME_WORD = r"(?:[A-Za-z][\w'’.-]*)"
_HOUSE_NUMBER = r"\d{1,4}[A-Za-z]?\b"
_UNIT = r"\b(?i:flat|apartment|apt|unit|room)\s*\d{1,4}[A-Za-z]?\b"
_NUMBERED_STREET = re.compile(
    rf"(?:{_UNIT},?\s+)?(?<![\d£$€.,])\b{_HOUSE_NUMBER},?\s+"
    rf"(?P<words>(?:{_NAME_WORD}\s+){{0,3}})"
    rf"(?P<suffix>(?i:{_STREET_WORDS})|{_STREET_WORDS_CAPITALISED})\b\.?",
)
_NAMED_STREET = re.compile(
    rf"\b(?P<words>(?:[A-Z][\w'’-]*\s+){{1,3}})"
    rf"(?P<suffix>(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Crescent|Gardens|Grove|Terrace|"
    rf"Mews|Parade|Boulevard|Estate)|{_STREET_WORDS_CAPITALISED})\b\.?"
)
_LIVES_ON = re.compile(
    rf"\b(?:live|lives|living|lived|stay|stays|staying|moved|address\s+is)\s+(?:at|on|in|to)?\s*"
    rf"(?P<street>(?:{_NAME_WORD}\s+){{1,3}}?(?i:{_STREET_WORDS}))\b",
    re.IGNORECASE,
)
_UNIT_ALONE = re.compile(_UNIT, re.IGNORECASE)
# After "flat 9" a building name is an address in any case: "flat 9 marlowe house".
_UNIT_BUILDING = re.compile(
    rf"{_UNIT},?\s+(?P<words>(?:{_NAME_WORD}\s+){{1,3}})"
    r"(?i:house|court|tower|towers|lodge|mansions|heights|buildings|block|point|place)\b",
    re.IGNORECASE,
)
_HOUSE_NO = re.compile(
    r"\b(?:at|house|door)\s+(?P<no>(?:number|no\.?|num)\s*\d{1,4}[a-z]?)\b"
    r"|\b(?:(?:live|lives|living|lived|stay|stays|staying)\s+at"
    r"|(?:house|door|flat)\s+(?:number|no\.?)(?:\s+is)?)\s+(?P<bare>\d{1,4}[a-z]?)\b",
    re.IGNORECASE,
)
# "the High Court" is a court, not an address.
_NOT_STREETS = re.compile(
    r"\b(?:high|family|crown|county|magistrates'?|youth|supreme|royal)\s+court\b", re.IGNORECASE
)


def find_addresses(
    text: str, is_stop_word: Callable[[str], bool], is_place: Callable[[str], bool]
) -> Iterator[Found]:
    def plausible(words: str, suffix: str, numbered: bool) -> bool:
        names = words.split()
        if any(is_stop_word(w.lower()) for w in names if w.lower() not in ("the", "st", "st.")):
            return False  # "3 kids in the park"
        if not numbered and not names:
            return False
        return not is_place(f"{words}{suffix}") and not _NOT_STREETS.fullmatch(f"{words}{suffix}")

    for match in _NUMBERED_STREET.finditer(text):
        if plausible(match["words"], match["suffix"], numbered=True):
            yield found(match, "address")
    for match in _NAMED_STREET.finditer(text):
        words = match["words"]
        first = words.split()[0]
        if is_stop_word(first.lower()) and first.lower() != "st":
            words = words[len(first):].lstrip()  # "The Crescent", "On Hope Street"
            start = match.start("words") + len(match["words"]) - len(words)
        else:
            start = match.start()
        if plausible(words, match["suffix"], numbered=False):
            yield Found(start, match.end(), "address", "[address]")
    for match in _LIVES_ON.finditer(text):
        street = match["street"]
        if not any(is_stop_word(w.lower()) for w in street.split()[:-1]):
            yield found(match, "address", "street")
    for match in _UNIT_BUILDING.finditer(text):
        if not any(is_stop_word(w.lower()) for w in match["words"].split()):
            yield found(match, "address")
    for match in _UNIT_ALONE.finditer(text):
        yield found(match, "address")
    for match in _HOUSE_NO.finditer(text):
        yield found(match, "address", "no" if match["no"] else "bare")


# --- anything else long and numeric ---------------------------------------------------------
_PLATE = re.compile(r"\b[A-Z]{2}\d{2} ?[A-Z]{3}\b")
# A word with five or more digits: reference numbers, passport numbers, claim numbers.
_WORD = re.compile(r"[^\s,;!?()\[\]]+")
# Digit groups split by spaces ("502 135 326").
_SPACED_DIGITS = re.compile(r"(?<![\d£$€])\d{2,4}(?: \d{2,4}){1,4}(?!\d)")
# Amounts and month/year ("12/2020") say nothing about who someone is.
_NOT_IDENTIFYING = re.compile(
    r"^[£$€]|^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?[kKmM]$|^\d{1,2}[/.-](?:19|20)\d{2}$"
)


def find_long_numbers(text: str) -> Iterator[Found]:
    """Last of all: whatever numbers are left that are long enough to identify someone."""
    for match in _PLATE.finditer(text):
        yield found(match, "number")
    for match in _WORD.finditer(text):
        token = match[0].rstrip(_TRAILING_PUNCT)
        if sum(c.isdigit() for c in token) >= 5 and not _NOT_IDENTIFYING.search(token):
            yield Found(match.start(), match.start() + len(token), "number", "[number]")
    for match in _SPACED_DIGITS.finditer(text):
        groups = match[0].split()
        if sum(len(g) for g in groups) >= 6 and not all(_is_year(g) for g in groups):
            yield found(match, "number")


def _is_year(group: str) -> bool:
    return len(group) == 4 and group[:2] in ("19", "20")


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _near(
    pattern: re.Pattern[str], text: str, match: re.Match[str], before: int = 40, after: int = 30
) -> bool:
    window = text[max(0, match.start() - before):match.start()] + " " + text[
        match.end():match.end() + after
    ]
    return pattern.search(window) is not None
