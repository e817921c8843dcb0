"""Service cards show every channel (call, text, web chat, website, email) with its hours."""

from __future__ import annotations

import datetime as dt
from typing import Any

from playwright.sync_api import Page, Route, expect

from gateway.schemas import ChatResponse, ServiceCard
from services_directory import Service
from services_directory.cards import service_card
from tests.widget.server import DISCLOSURE, LiveServer
from tests.widget.widget_page import open_widget, say

HISTORY = "Calls and texts show in your phone's history."


def answer_with_cards(page: Page, *services: Service) -> None:
    """The gateway answers the next message with these services' cards, made as it makes them."""
    now = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone.utc)
    body = ChatResponse(
        conversation_id="c" * 32, replies=[{"text": "These services can help:"}], urgent=False,
        services=[ServiceCard(**service_card(s, now)) for s in services], locale="en",
    )

    def fulfil(route: Route) -> None:
        route.fulfill(status=200, content_type="application/json", body=body.json())

    page.route("**/api/chat", fulfil)


def service(name: str, *contacts: dict[str, Any], **fields: Any) -> Service:
    return Service.parse_obj({
        "id": name.lower().replace(" ", "-"), "name": name, "organisation": "Test",
        "description": {"en": "A service used by the tests."}, "needs": ["domestic-abuse"],
        "coverage": "not-stated", "contacts": list(contacts),
        "source": [{"document": "hackney-council-dv-page"}], "last_verified": "2026-01-01",
        **fields,
    })


def test_call_and_text_links_each_say_they_show_in_the_phones_history(
        page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    say(page, DISCLOSURE)
    derbyshire = page.locator(".scw-card", has_text="Derbyshire")
    for name, href in [("Call 0800 019 8668", "tel:+44-800-019-8668"),
                       ("Text 07534 617252", "sms:+447534617252")]:
        link = page.get_by_role("link", name=name)
        item = derbyshire.locator("li", has=link)
        expect(item.get_by_role("link", name=name)).to_have_attribute("href", href)
        expect(item.locator(".scw-note")).to_have_text(HISTORY)
    expect(derbyshire.locator(".scw-note")).to_have_count(2)
    # The offline 24-hour lines say it once, under their list.
    foot = page.locator(".scw-foot .scw-details", has_text="24-hour helplines")
    expect(foot.locator(".scw-note")).to_have_count(1)


def test_a_webchat_only_service_shows_its_link_and_hours(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    answer_with_cards(page, service(
        "Chat line", {"channel": "webchat", "url": "https://example.org/chat", "hours": "24/7"}))
    say(page, "Can I chat to someone?")
    card = page.locator(".scw-card", has_text="Chat line")
    chat = card.get_by_role("link", name="Web chat (opens in a new tab)")
    expect(chat).to_have_attribute("href", "https://example.org/chat")
    expect(chat).to_have_attribute("target", "_blank")
    expect(card.locator(".scw-card-hours")).to_have_text("24 hours, every day Open now")
    # Nothing to call or text, so nothing about the phone's history.
    expect(card.locator(".scw-note")).to_have_count(0)


def test_email_website_and_varying_hours(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    answer_with_cards(page, service(
        "Mixed line",
        {"channel": "phone", "label": "Advice", "number": "020 8356 4458",
         "notes": "Hours vary: the two sources disagree."},
        {"channel": "email", "address": "help@example.org"},
        {"channel": "website", "url": "https://example.org"},
        {"channel": "app"},  # no link: not shown
    ))
    say(page, "How can I reach them?")
    card = page.locator(".scw-card", has_text="Mixed line")
    expect(card.locator("li")).to_have_count(3)
    phone = card.locator("li").first
    expect(phone).to_contain_text("Advice: Call 020 8356 4458")
    # No opening time and no open/closed label: a link to check the website instead.
    expect(phone.get_by_role("link", name="Hours vary: check their website")).to_have_attribute(
        "href", "https://example.org")
    expect(phone.locator(".scw-tag")).to_have_count(0)
    expect(card.get_by_role("link", name="Email help@example.org")).to_have_attribute(
        "href", "mailto:help@example.org")
    website = card.get_by_role("link", name="Website (opens in a new tab)", exact=True)
    expect(website).to_have_attribute("href", "https://example.org")
