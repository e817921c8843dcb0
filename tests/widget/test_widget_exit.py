"""The quick exit: one action hides the page, forgets the chat and leaves for good."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, Route, expect

from tests.widget.conftest import DEMO_EXIT_URL, EXIT_PAGE, EXIT_TIMINGS, Watch
from tests.widget.server import (
    DISCLOSURE,
    EXIT_PATH,
    GREETING,
    START_PATH,
    LiveServer,
    embed_page,
)
from tests.widget.widget_page import (
    conversation_id,
    history_length,
    navigation_timing,
    open_widget,
    say,
    storage,
    wait_until,
)


def press(key: str, times: int) -> Callable[[Page], None]:
    def trigger(page: Page) -> None:
        for _ in range(times):
            page.keyboard.press(key)

    return trigger


# name: (how to trigger it, the probe that marks the moment of the trigger)
TRIGGERS: dict[str, tuple[Callable[[Page], None], str]] = {
    "button": (lambda page: page.locator(".scw-exit").click(), "click:exit"),
    "shift×3": (press("Shift", 3), "key:Shift"),
    "escape×2": (press("Escape", 2), "key:Escape"),
}


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_exit_lands_on_the_exit_url_with_no_way_back(
    page: Page, server: LiveServer, watch: Watch, trigger: str
) -> None:
    page.goto(server.url + START_PATH)
    page.goto(server.url + "/")
    open_widget(page)
    say(page, DISCLOSURE)
    cid = conversation_id(page)
    assert cid
    before = history_length(page)

    action, probe = TRIGGERS[trigger]
    action(page)
    page.wait_for_url(DEMO_EXIT_URL)
    expect(page.get_by_role("heading", name="Weather")).to_be_visible()
    # location.replace: the chat's entry was swapped for the exit page, not added to.
    assert history_length(page) == before

    triggered = watch.last(probe)
    timing = navigation_timing(page)
    measured = (trigger, timing["start"] - triggered, timing["loaded"] - triggered)
    EXIT_TIMINGS.append(measured)
    print("exit by {}: navigation start {:.1f} ms, exit page loaded {:.1f} ms".format(*measured))
    assert measured[1] < 250  # generous, for a busy CI machine; locally it is a few ms

    # The gateway was told to forget the conversation (fire-and-forget, so wait for it).
    wait_until(page, lambda: f"tracker:{cid}" in server.redis.deleted)
    delete = server.harness.seen("DELETE", f"/api/conversations/{cid}")
    assert delete and "referer" not in delete[0].headers

    # Back goes to the page before the chat; the chat is not in the history at all.
    page.go_back(wait_until="commit")
    page.wait_for_url(server.url + START_PATH, wait_until="commit")
    expect(page.get_by_role("heading", name="Start page")).to_be_visible()
    assert storage(page) == {"session": 0, "local": 0, "cookie": ""}
    page.go_forward(wait_until="commit")
    page.wait_for_url(DEMO_EXIT_URL, wait_until="commit")


def test_while_the_exit_page_loads_the_chat_is_already_gone(
    page: Page, server: LiveServer, watch: Watch
) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    say(page, DISCLOSURE)
    held: list[Route] = []
    page.route(DEMO_EXIT_URL, lambda route: held.append(route))
    press("Shift", 3)(page)  # a click would wait for the navigation, which is held
    while not held:
        page.wait_for_timeout(10)

    # The exit site has not answered yet: this is still the chat page, and it shows nothing.
    while not watch.states:
        page.wait_for_timeout(10)
    assert watch.states[0] == {
        "covered": True, "log": "", "input": "", "panelHidden": True, "stored": 0,
        "title": "\u200b", "referrer": "no-referrer",
    }

    held[0].fulfill(status=200, content_type="text/html", body=EXIT_PAGE)
    page.wait_for_url(DEMO_EXIT_URL)


def test_exit_sends_no_referrer_even_if_the_page_would(page: Page, server: LiveServer) -> None:
    """The embed page has no referrer policy: the widget must add one before it leaves."""
    url = server.add_page(
        "/__test__/embed-exit", embed_page(exit_url=server.url + EXIT_PATH)
    )
    page.goto(url)
    expect(page.locator(".scw-exit")).to_have_attribute("href", server.url + EXIT_PATH)
    open_widget(page)
    say(page, GREETING)
    before = history_length(page)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(server.url + EXIT_PATH)
    assert history_length(page) == before
    assert "referer" not in server.harness.seen("GET", EXIT_PATH)[-1].headers
    assert page.evaluate("document.referrer") == ""


def test_exit_is_a_real_link_to_the_exit_url(page: Page, server: LiveServer) -> None:
    """Progressive enhancement: should the exit script fail, the link still leaves."""
    page.goto(server.url + "/")
    link = page.locator("a.scw-exit")
    expect(link).to_have_attribute("href", DEMO_EXIT_URL)
    expect(link).to_have_attribute("rel", "nofollow noreferrer")
    expect(link).to_have_accessible_name("Emergency Exit this page")


def test_shortcut_presses_are_announced_and_expire(page: Page, server: LiveServer) -> None:
    page.clock.install()
    page.goto(server.url + "/")
    status = page.locator(".scw-bar [role=status]")
    exit_link = page.locator(".scw-exit")

    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 2 more times to exit.")
    expect(exit_link).to_have_attribute("data-presses", "1")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 1 more time to exit.")
    expect(exit_link).to_have_attribute("data-presses", "2")
    page.clock.run_for(5_001)
    expect(status).to_have_text("Exit this page expired.")
    expect(exit_link).not_to_have_attribute("data-presses", "2")

    # One Escape hides the chat at once and says what a second would do.
    open_widget(page)
    page.keyboard.press("Escape")
    expect(page.locator(".scw-panel")).to_be_hidden()
    expect(page.locator(".scw-launcher")).to_be_focused()
    expect(status).to_have_text("Escape, press 1 more time to exit.")
    page.clock.run_for(5_001)
    page.keyboard.press("Escape")  # too late: this one starts counting again
    page.wait_for_timeout(200)
    assert page.url == server.url + "/"


def test_typing_capitals_and_mixed_keys_do_not_exit(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    for key in ["Shift+H", "Shift+I", "Shift+J", "Shift", "Shift", "a", "Shift",
                "Escape", "Shift", "Escape", "Shift", "Shift+Tab"]:
        page.keyboard.press(key)
    page.wait_for_timeout(200)
    assert page.url == server.url + "/"
    assert page.locator(".scw-cover").count() == 0


def test_back_from_the_cache_shows_no_conversation(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    say(page, DISCLOSURE)
    page.evaluate("window.keptInCache = true")
    page.goto(server.url + START_PATH)
    page.go_back(wait_until="commit")
    page.wait_for_url(server.url + "/", wait_until="commit")
    assert page.evaluate("window.keptInCache === true"), "not restored from the bfcache"
    expect(page.locator(".scw-panel")).to_be_hidden()
    expect(page.locator(".scw-msg--user")).to_have_count(0)
    expect(page.locator(".scw-card")).to_have_count(0)
    open_widget(page)
    expect(page.locator(".scw-log")).to_contain_text("Your conversation carries on")
