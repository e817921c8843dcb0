"""With the gateway down, busy or slow, 999, the helplines and Exit are still there."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, Route, expect

from tests.widget.conftest import DEMO_EXIT_URL, Watch, new_context, watch_page
from tests.widget.server import DISCLOSURE, GREETING, LiveServer, make_resources
from tests.widget.widget_page import log, open_widget, say, wait_idle

NATIONAL_LINES = {
    "0808 2000 247": "tel:08082000247",
    "0808 80 10 800": "tel:08088010800",
    "0800 027 1234": "tel:08000271234",
    "0808 802 1414": "tel:08088021414",
}


def send(page: Page, message: str) -> None:
    page.get_by_label("Your message").fill(message)
    page.get_by_role("button", name="Send").click()


def expect_helplines_and_999(page: Page) -> None:
    card = page.locator(".scw-log .scw-card", has_text="Free helplines, open 24 hours").last
    for number, href in NATIONAL_LINES.items():
        expect(card.get_by_role("link", name=number)).to_have_attribute("href", href)
    sos = page.locator(".scw-panel > .scw-sos")
    expect(sos.get_by_role("link", name="Call 999")).to_be_visible()
    expect(page.locator(".scw-exit")).to_be_visible()


def test_gateway_stopped_still_gives_999_the_helplines_and_exit(
    browser: Browser, watch: Watch
) -> None:
    doomed = LiveServer(make_resources()).start()
    context = new_context(browser, watch)
    try:
        page = watch_page(context.new_page(), watch)
        page.goto(doomed.url + "/")
        open_widget(page)
        doomed.stop()

        send(page, DISCLOSURE)
        wait_idle(page)
        expect(log(page)).to_contain_text("the chat is not working right now")
        expect(log(page)).to_contain_text("call 999")
        expect_helplines_and_999(page)
        # What they typed is given back, so they need not type it again.
        expect(page.get_by_label("Your message")).to_have_value(DISCLOSURE)

        page.locator(".scw-exit").click()
        page.wait_for_url(DEMO_EXIT_URL)
        assert watch.page_errors == [] and watch.csp_violations == []
        assert watch.outside_requests == []
    finally:
        context.close()
        doomed.stop()


def test_a_busy_gateway_says_so_and_gives_the_helplines(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    page.route("**/api/chat", lambda route: route.fulfill(
        status=503, headers={"Retry-After": "30"}, json={"detail": "busy"}
    ))
    send(page, GREETING)
    wait_idle(page)
    expect(log(page)).to_contain_text("The chat is busy just now. Please try again in 30 seconds")
    expect_helplines_and_999(page)


def test_a_slow_gateway_keeps_999_and_exit_in_reach(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    held: list[Route] = []
    page.route("**/api/chat", lambda route: held.append(route))
    send(page, GREETING)
    while not held:
        page.wait_for_timeout(10)
    expect(page.locator(".scw-typing")).to_be_visible()
    expect(page.locator(".scw-panel > .scw-sos")).to_contain_text("Call 999")
    expect(page.locator(".scw-exit")).to_be_visible()
    # A second message waits for the first instead of crossing it.
    send(page, "Are you there?")
    expect(page.locator(".scw-msg--user")).to_have_count(1)
    held[0].abort("timedout")
    wait_idle(page)
    expect(log(page)).to_contain_text("the chat is not working right now")
    expect_helplines_and_999(page)


def test_rasa_down_gets_the_gateways_fallback(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    server.rasa.unavailable = True
    try:
        say(page, DISCLOSURE)
    finally:
        server.rasa.unavailable = False
    expect(log(page)).to_contain_text("If you are in danger now, call 999")
    card = page.locator(".scw-card", has_text="National Domestic Abuse Helpline")
    expect(card.get_by_role("link", name="Call 0808 2000 247")).to_be_visible()


def test_the_demo_page_has_999_and_the_helplines_without_any_script(
    browser: Browser, server: LiveServer, watch: Watch
) -> None:
    context = new_context(browser, watch, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.url + "/")
        call_999 = page.get_by_role("link", name="999", exact=True)
        expect(call_999).to_have_attribute("href", "tel:999")
        for number, href in NATIONAL_LINES.items():
            expect(page.get_by_role("link", name=number)).to_have_attribute("href", href)
    finally:
        context.close()
