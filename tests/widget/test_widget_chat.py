"""Chatting on the demo page: replies, buttons, service cards, the urgent banner, start again."""

from __future__ import annotations

import re

from playwright.sync_api import Page, Route, expect

from tests.widget.server import DISCLOSURE, GREETING, HOSTILE_REPLY, MARKUP, URGENT, LiveServer
from tests.widget.widget_page import (
    conversation_id,
    log,
    open_widget,
    say,
    storage,
    wait_idle,
    wait_until,
)


def test_a_disclosure_gets_a_reply_and_service_cards(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    expect(page.locator(".scw-panel")).to_be_hidden()
    open_widget(page)
    expect(page.get_by_label("Your message")).to_be_focused()
    say(page, DISCLOSURE)

    expect(log(page)).to_contain_text("it is not your fault")
    national = page.locator(".scw-card", has_text="National Domestic Abuse Helpline")
    # Card links are the directory's own (RFC 3966), not rebuilt from the shown number.
    expect(national.get_by_role("link", name="Call 0808 2000 247")).to_have_attribute(
        "href", "tel:+44-808-200-0247"
    )
    expect(national.locator(".scw-tag")).to_have_text("Open now")
    # Hackney DAIS has office hours, so each of its lines is labelled open or closed, in words.
    hackney = page.locator(".scw-card", has_text="Hackney Domestic Abuse Intervention")
    expect(hackney.locator(".scw-tag")).to_have_count(3)
    expect(hackney.locator(".scw-tag").first).to_have_text(re.compile("^(Open now|Closed now)$"))
    derbyshire = page.locator(".scw-card", has_text="Derbyshire")
    expect(derbyshire.get_by_role("link", name="Text 07534 617252")).to_have_attribute(
        "href", "sms:+447534617252"
    )
    # Not urgent: no banner, the small 999 line stays.
    expect(page.locator(".scw-urgent")).to_be_hidden()
    expect(page.locator(".scw-panel > .scw-sos")).to_be_visible()

    # The area and locale from the script tag went to Rasa with the message.
    cid = conversation_id(page)
    assert cid
    sent = [s for s in server.rasa.sent if s[0] == cid]
    assert sent[0][1:] == (DISCLOSURE, {"locale": "en", "area": "hackney"})


def test_buttons_send_their_payload_and_show_their_title(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    say(page, DISCLOSURE)
    page.get_by_role("button", name="Tell me about refuges").click()
    expect(page.locator(".scw-msg--user").last).to_contain_text("Tell me about refuges")
    expect(log(page)).to_contain_text("A refuge is a safe house")
    cid = conversation_id(page)
    assert [s[1] for s in server.rasa.sent if s[0] == cid] == [DISCLOSURE, "/ask_refuge"]


def test_an_urgent_reply_shows_the_999_banner(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    say(page, URGENT)
    banner = page.locator(".scw-urgent")
    expect(banner).to_be_visible()
    expect(banner).to_have_attribute("role", "alert")
    expect(banner.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    expect(banner).to_contain_text("Dial 999 then press 55")
    expect(banner.get_by_role("link", name="0808 2000 247")).to_have_attribute(
        "href", "tel:08082000247"
    )
    # The police card comes from the directory, first as the actions put it.
    expect(page.locator(".scw-card").first).to_contain_text("Police (emergency)")
    # The banner stays for the rest of the conversation.
    say(page, GREETING)
    expect(banner).to_be_visible()


def test_replies_are_shown_as_text_never_as_html(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    say(page, MARKUP)
    reply = page.locator(".scw-msg--bot").last
    expect(reply).to_contain_text(HOSTILE_REPLY)
    assert page.locator("#pwned").count() == 0
    assert page.locator(".scw-log b, .scw-log script, .scw-log img").count() == 0
    assert page.evaluate("window.pwned") is None


def test_typing_indicator_shows_while_waiting(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    held: list[Route] = []
    page.route("**/api/chat", lambda route: held.append(route))
    page.get_by_label("Your message").fill(GREETING)
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".scw-typing")).to_be_visible()
    expect(log(page)).to_have_attribute("aria-busy", "true")
    while not held:
        page.wait_for_timeout(20)
    held[0].continue_()
    wait_idle(page)
    expect(log(page)).to_contain_text("I'm here to listen")


def test_start_again_forgets_the_conversation(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    say(page, URGENT)
    first = conversation_id(page)
    assert first

    page.get_by_role("button", name="Start again").click()
    expect(page.locator(".scw-msg--user")).to_have_count(0)
    expect(page.locator(".scw-card")).to_have_count(0)
    expect(page.locator(".scw-urgent")).to_be_hidden()
    expect(page.get_by_role("status")).to_have_text("The conversation has been cleared.")
    expect(page.get_by_label("Your message")).to_be_focused()
    assert conversation_id(page) is None
    wait_until(page, lambda: f"tracker:{first}" in server.redis.deleted)

    say(page, GREETING)
    second = conversation_id(page)
    assert second and second != first


def test_start_again_while_waiting_drops_the_reply_and_its_conversation(
    page: Page, server: LiveServer
) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    held: list[Route] = []
    page.route("**/api/chat", lambda route: held.append(route))
    page.get_by_label("Your message").fill(GREETING)
    page.get_by_role("button", name="Send").click()
    while not held:
        page.wait_for_timeout(10)
    page.get_by_role("button", name="Start again").click()
    sent_before = len(server.rasa.sent)
    held[0].continue_()  # the gateway starts a conversation and answers
    wait_until(page, lambda: len(server.rasa.sent) > sent_before)
    started = server.rasa.sent[-1][0]
    wait_until(page, lambda: f"tracker:{started}" in server.redis.deleted)
    expect(page.locator(".scw-msg--user")).to_have_count(0)
    expect(log(page)).not_to_contain_text("I'm here to listen")
    assert conversation_id(page) is None


def test_a_reload_keeps_the_thread_but_not_the_words(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    say(page, DISCLOSURE)
    cid = conversation_id(page)
    page.reload()
    open_widget(page)
    expect(page.locator(".scw-msg--user")).to_have_count(0)
    expect(log(page)).to_contain_text("Your conversation carries on from before")
    say(page, GREETING)
    assert conversation_id(page) == cid
    assert server.rasa.sent[-1][:2] == (cid, GREETING)


def test_nothing_in_local_storage_or_cookies(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    say(page, DISCLOSURE)
    assert storage(page) == {"session": 1, "local": 0, "cookie": ""}
    assert page.context.cookies() == []
    chat = server.harness.seen("POST", "/api/chat")[-1]
    assert "referer" not in chat.headers
    assert "cookie" not in chat.headers

