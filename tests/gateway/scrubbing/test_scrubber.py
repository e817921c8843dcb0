"""One example per rule; the corpus (test_corpus.py) measures how well the rules do."""

from __future__ import annotations

import time

import pytest

from gateway.scrubbing import Scrubber

CASES = [
    # (message, what the model reads)
    ("my name is Sarah", "my name is [name]"),
    ("my ex dave keeps calling", "my ex [name] keeps calling"),
    ("My ex-husband, Wayne Hughes, hit me", "My ex-husband, [name], hit me"),
    ("Mrs Patel said to contact you", "Mrs [name] said to contact you"),
    ("Darren is my partner", "[name] is my partner"),
    ("my daughter Ellie-May is 3", "my daughter [name] is 3"),
    ("Tunde took my passport", "[name] took my passport"),
    ("call me on 07700 900123", "call me on [phone]"),
    ("text +44 7700 900456", "text [phone]"),
    ("email sarah.j87@gmail.com", "email [email]"),
    ("I live at 12 Acacia Avenue", "I live at [address]"),
    ("Flat 2B, Nightingale House", "[address]"),
    ("my postcode is E8 3AB", "my postcode is E8"),
    ("n167xj", "n16"),
    ("born 14/03/1987", "born [date]"),
    ("my birthday is 12th March", "my birthday is [date]"),
    ("NI number QQ 12 34 56 C", "NI number [ni_number]"),
    ("nhs number 943 476 5919", "nhs number [nhs_number]"),
    ("sort code 20-00-00, account 12345678", "sort code [bank], account [bank]"),
    ("card 4111 1111 1111 1111", "card [bank]"),
    ("see facebook.com/sarah.jones.5", "see [url]"),
    ("his insta is @dave.h.88", "his insta is [handle]"),
    ("my snapchat is kayleigh_xo", "my snapchat is [handle]"),
    ("crime ref 01/123456/22", "crime ref [number]"),
    ("reg AB12 CDE", "reg [number]"),
]

KEPT = [
    "I live in Chelsea",
    "we moved to Derby last year",
    "is there a refuge near Chester?",
    "near Bethnal Green",
    "I'm in E8, Hackney",
    "Will he find me?",
    "I have no hope left",
    "Hope this makes sense",
    "Grace period is over",
    "Mark my words",
    "Rose wine is what he drinks",
    "What is Clare's Law?",
    "Can I speak to Women's Aid?",
    "I rang 0808 2000 247 and 999",
    "Samaritans are on 116 123",
    "Urdu is my first language",
    "He earns £30,000 and I have £20",
    "We have been together since 2015",
    "He hit me again last night and I'm scared",
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_details_become_placeholders(scrubber: Scrubber, message: str, expected: str) -> None:
    assert scrubber.scrub(message) == expected


@pytest.mark.parametrize("message", KEPT)
def test_places_services_and_ordinary_words_are_kept(scrubber: Scrubber, message: str) -> None:
    assert scrubber.scrub(message) == message


def test_ordinary_words_that_are_names_count_with_context(scrubber: Scrubber) -> None:
    assert scrubber.scrub("My son Will is 4") == "My son [name] is 4"
    assert scrubber.scrub("my daughter Hope is 2") == "my daughter [name] is 2"
    assert scrubber.scrub("Hello, I'm Grace.") == "Hello, I'm [name]."
    # A strong context wins over a place: here Chelsea is a person.
    assert scrubber.scrub("My daughter Chelsea lives in Chelsea") == (
        "My daughter [name] lives in Chelsea"
    )


def test_directory_service_numbers_are_kept(scrubber: Scrubber) -> None:
    # Hackney's domestic abuse service, from the directory: a service, not a person.
    assert scrubber.scrub("I called 020 8356 4458") == "I called 020 8356 4458"


def test_scrubbing_twice_changes_nothing(scrubber: Scrubber) -> None:
    for message, _ in CASES:
        once = scrubber.scrub(message)
        assert scrubber.scrub(once) == once


@pytest.mark.parametrize("message", [
    "", " ", "😀" * 2000, "hi \ud800 Sarah", "\x00\x1b[31m\u202e", "<script>alert(1)</script>",
    "1" * 2000, "a." * 1000, "@" * 2000, "-1" * 1000, "1/" * 1000, "12-12-12 " * 222,
    "Aaaa " * 400, "0 " * 1000, "(0" * 1000,
])
def test_odd_and_hostile_input_is_fast_and_never_raises(scrubber: Scrubber, message: str) -> None:
    started = time.perf_counter()
    scrubber.scrub(message)
    # About 50 ms at worst on a quiet machine; the bound leaves room for a busy CI box.
    assert time.perf_counter() - started < 0.5


def test_lone_surrogates_are_replaced_not_passed_on(scrubber: Scrubber) -> None:
    assert scrubber.scrub("hi \ud800") == "hi \ufffd"
