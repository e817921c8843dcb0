"""Cards for every channel: what the widget shows for a service however it is reached."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from services_directory import Directory, Service
from services_directory.cards import hours_vary

MONDAY_10AM = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone.utc)
WEEKDAYS_9_TO_5 = {"weekly": [{"days": ["mon", "tue", "wed", "thu", "fri"],
                               "opens": "09:00", "closes": "17:00"}]}


def service(*contacts: dict[str, Any], **fields: Any) -> Service:
    return Service.parse_obj({
        "id": "test-line", "name": "Test line", "organisation": "Test organisation",
        "description": {"en": "A line used by the tests."}, "needs": ["domestic-abuse"],
        "coverage": ["hackney"], "contacts": list(contacts),
        "source": [{"document": "hackney-council-dv-page"}], "last_verified": "2026-01-01",
        **fields,
    })


MakeCard = Callable[..., dict[str, Any]]


@pytest.fixture
def card(directory: Directory) -> MakeCard:
    """card(service) -> the card that a directory holding only that service makes."""

    def make(entry: Service, locale: str = "en", gettext: Any = None) -> dict[str, Any]:
        only = Directory(by_id={entry.id: entry}, former_ids={}, areas=directory.areas,
                         sources=directory.sources)
        return dict(only.card(entry.id, MONDAY_10AM, locale, gettext))

    return make


def test_a_website_only_service_shows_its_link(card: MakeCard) -> None:
    shown = card(service({"channel": "website", "url": "https://example.org/help"}))
    assert shown["url"] == "https://example.org/help"
    assert shown["phone"] is None and shown["hours"] is None and shown["open_now"] is None
    assert shown["channels"] == [{
        "channel": "website", "label": None, "value": "https://example.org/help",
        "href": "https://example.org/help", "hours": None, "open_now": None,
        "hours_url": None}]


def test_a_text_only_service_has_an_sms_link_with_its_hours(card: MakeCard) -> None:
    shown = card(service({"channel": "text", "number": "07534 617252",
                          "hours": WEEKDAYS_9_TO_5}))
    assert shown["text"] == "07534 617252"
    # The top-level hours are the phone line's, and there is none.
    assert shown["phone"] is None and shown["hours"] is None and shown["open_now"] is None
    [text] = shown["channels"]
    assert text["href"] == "sms:+447534617252"
    assert text["hours"] == "Monday to Friday, 9am to 5pm" and text["open_now"] is True


def test_a_text_short_code_texts_the_code(card: MakeCard) -> None:
    shown = card(service({"channel": "text", "number": "85258"}))
    assert shown["channels"][0]["href"] == "sms:85258"


def test_a_webchat_only_service_links_its_page(card: MakeCard) -> None:
    shown = card(service({"channel": "webchat", "url": "https://example.org/chat",
                          "hours": "24/7"}))
    assert shown["webchat"] == "https://example.org/chat"
    [chat] = shown["channels"]
    assert chat["value"] == chat["href"] == "https://example.org/chat"
    assert chat["hours"] == "24 hours, every day" and chat["open_now"] is True


def test_an_email_has_a_mailto_link(card: MakeCard) -> None:
    shown = card(service({"channel": "email", "label": "General enquiries",
                          "address": "help@example.org"}))
    assert shown["email"] == "help@example.org"
    assert shown["channels"] == [{
        "channel": "email", "label": "General enquiries", "value": "help@example.org",
        "href": "mailto:help@example.org", "hours": None, "open_now": None,
        "hours_url": None}]


def test_every_contact_is_a_channel_in_the_files_order(card: MakeCard) -> None:
    shown = card(service(
        {"channel": "phone", "number": "020 8356 4458", "hours": WEEKDAYS_9_TO_5},
        {"channel": "text", "number": "07534 617252"},
        {"channel": "webchat", "url": "https://example.org/chat"},
        {"channel": "email", "address": "help@example.org"},
        {"channel": "website", "url": "https://example.org"},
        {"channel": "phone", "label": "Out of hours", "number": "0808 2000 247"},
    ))
    assert [c["channel"] for c in shown["channels"]] == [
        "phone", "text", "webchat", "email", "website", "phone"]
    assert [c["href"] for c in shown["channels"]] == [
        "tel:+44-20-8356-4458", "sms:+447534617252", "https://example.org/chat",
        "mailto:help@example.org", "https://example.org", "tel:+44-808-200-0247"]
    # The keys other code reads are the first of each.
    assert (shown["phone"], shown["text"], shown["webchat"], shown["email"], shown["url"]) == (
        "020 8356 4458", "07534 617252", "https://example.org/chat", "help@example.org",
        "https://example.org")
    assert shown["hours"] == "Monday to Friday, 9am to 5pm" and shown["open_now"] is True


def test_an_app_without_a_link_is_listed_without_one(card: MakeCard) -> None:
    [app] = card(service({"channel": "app"}))["channels"]
    assert app["value"] is None and app["href"] is None


VARYING = [
    pytest.param({"contact_notes": "Hours vary by season; sources disagree."},
                 id="contact note"),
    pytest.param({"notes": ["The helpline's hours vary between sources."]}, id="service note"),
    pytest.param({"omitted_facts": [{"fact": "opening hours", "value": "9-5 or 10-4",
                                     "reason": "The two sources disagree."}]},
                 id="omitted fact"),
]


def _varying_service(case: dict[str, Any], website: bool = True) -> Service:
    phone = {"channel": "phone", "number": "020 8356 4458"}
    if "contact_notes" in case:
        phone["notes"] = case["contact_notes"]
    extra = {k: v for k, v in case.items() if k != "contact_notes"}
    contacts = [phone] + ([{"channel": "website", "url": "https://example.org"}] if website
                          else [])
    return service(*contacts, **extra)


@pytest.mark.parametrize("case", VARYING)
def test_hours_the_sources_disagree_about_send_people_to_the_website(
        card: MakeCard, case: dict[str, Any]) -> None:
    shown = card(_varying_service(case))
    phone = shown["channels"][0]
    assert phone["hours"] == "Hours vary: check their website"
    assert phone["hours_url"] == "https://example.org"
    assert phone["open_now"] is None
    assert shown["hours"] == "Hours vary: check their website" and shown["open_now"] is None
    # The website itself has no hours to vary.
    assert shown["channels"][1]["hours"] is None


@pytest.mark.parametrize("case", VARYING)
def test_varying_hours_without_a_website_say_only_that(
        card: MakeCard, case: dict[str, Any]) -> None:
    phone = card(_varying_service(case, website=False))["channels"][0]
    assert phone["hours"] == "Hours vary" and phone["hours_url"] is None


def test_varying_hours_link_a_webchats_own_page_without_a_website(card: MakeCard) -> None:
    chat = card(service({"channel": "webchat", "url": "https://example.org/chat",
                         "notes": "Hours vary; see the page."}))["channels"][0]
    assert chat["hours_url"] == "https://example.org/chat"


def test_hours_that_are_simply_not_given_do_not_vary(card: MakeCard) -> None:
    entry = _varying_service({"omitted_facts": [{"fact": "opening hours",
                                                 "reason": "Not given in the source."}]})
    assert not hours_vary(entry, entry.contacts[0])
    assert card(entry)["channels"][0]["hours"] is None


def test_known_hours_win_over_a_note_that_they_vary(card: MakeCard) -> None:
    entry = service({"channel": "phone", "number": "020 8356 4458", "hours": "24/7"},
                    notes=["The web chat's hours vary."])
    assert card(entry)["channels"][0]["hours"] == "24 hours, every day"


def test_varying_hours_are_worded_in_the_locale(card: MakeCard) -> None:
    welsh = {"Hours vary: check their website": "Mae'r oriau'n amrywio: gwiriwch eu gwefan"}
    shown = card(_varying_service({"contact_notes": "Hours vary."}), "cy",
                 lambda message: welsh.get(message, message))
    assert shown["channels"][0]["hours"] == welsh["Hours vary: check their website"]
