"""WCAG 2.2 AA: axe-core, keyboard only, focus, small screens and 400% zoom, reduced motion."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.widget.conftest import Watch, new_context, watch_page
from tests.widget.server import DISCLOSURE, URGENT, LiveServer
from tests.widget.widget_page import open_widget, say, wait_idle

FOCUS_YELLOW = "rgb(255, 221, 0)"


def serious_violations(page: Page) -> list[str]:
    results = Axe().run(page)
    found = results.response["violations"]
    for violation in found:  # the minor ones are worth seeing, not failing
        print(f"axe: {violation['id']} ({violation['impact']}) x{len(violation['nodes'])}")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def active(page: Page, script: str) -> str:
    return page.evaluate(f"(() => {{ const e = document.activeElement; return {script}; }})()")


def test_axe_finds_nothing_serious_with_the_widget_open(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    assert serious_violations(page) == []
    open_widget(page)
    say(page, DISCLOSURE)
    say(page, URGENT)
    page.locator(".scw-details summary").first.click()
    assert serious_violations(page) == []


def test_keyboard_only(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    page.keyboard.press("Tab")
    assert active(page, "e.textContent") == "Skip to main content"
    page.keyboard.press("Tab")
    assert active(page, "e.className") == "scw-exit"  # Exit comes straight after the skip link
    assert active(page, "getComputedStyle(e).backgroundColor") == FOCUS_YELLOW

    for _ in range(30):
        page.keyboard.press("Tab")
        if active(page, "e.className") == "scw-launcher":
            break
    assert active(page, "getComputedStyle(e).backgroundColor") == FOCUS_YELLOW
    page.keyboard.press("Enter")
    expect(page.locator(".scw-panel")).to_be_visible()
    expect(page.get_by_label("Your message")).to_be_focused()
    assert active(page, "getComputedStyle(e).outlineColor") == FOCUS_YELLOW

    page.keyboard.type(DISCLOSURE)
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.locator(".scw-card").first).to_be_visible()

    for _ in range(30):  # back from the message box into the conversation
        page.keyboard.press("Shift+Tab")
        if active(page, "e.textContent") == "Tell me about refuges":
            break
    page.keyboard.press("Space")
    expect(page.locator(".scw-msg--user").last).to_contain_text("Tell me about refuges")
    wait_idle(page)

    for _ in range(30):
        page.keyboard.press("Shift+Tab")
        if active(page, "e.getAttribute('aria-label')") == "Close chat":
            break
    page.keyboard.press("Enter")
    expect(page.locator(".scw-panel")).to_be_hidden()
    expect(page.locator(".scw-launcher")).to_be_focused()
    expect(page.locator(".scw-launcher")).to_have_attribute("aria-expanded", "false")
    assert page.url == server.url + "/"  # all those Shift+Tabs were not an exit


def test_the_safety_note_and_helplines_open_from_the_keyboard(
    page: Page, server: LiveServer
) -> None:
    page.goto(server.url + "/")
    open_widget(page)
    summary = page.locator(".scw-details summary", has_text="Using this safely")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".scw-details").first).to_contain_text("private (incognito) window")
    expect(page.locator(".scw-details").first.get_by_text("Shift 3 times")).to_be_visible()


@pytest.mark.parametrize(
    ("width", "height"), [(320, 640), (320, 256)], ids=["320px phone", "400% zoom of 1280x1024"]
)
def test_small_screens_and_400_percent_zoom(
    browser: Browser, server: LiveServer, watch: Watch, width: int, height: int
) -> None:
    context = new_context(browser, watch, viewport={"width": width, "height": height})
    try:
        page = watch_page(context.new_page(), watch)
        page.goto(server.url + "/")
        open_widget(page)
        say(page, DISCLOSURE)
        say(page, URGENT)
        # Nothing wider than the screen: no sideways scrolling, in the page or the panel.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        too_wide = page.evaluate(
            f"""[...document.querySelectorAll('.scw-bar *, .scw-root *')]
                .filter(e => e.getClientRects().length && !e.closest('.scw-visually-hidden'))
                .filter(e => {{ const r = e.getBoundingClientRect();
                               return r.left < -0.5 || r.right > {width} + 0.5; }})
                .map(e => e.className || e.tagName)"""
        )
        assert too_wide == []
        # Exit stays on top, uncovered by the panel.
        exit_box = page.locator(".scw-exit").bounding_box()
        assert exit_box
        on_top = page.evaluate(
            "([x, y]) => !!document.elementFromPoint(x, y).closest('.scw-exit')",
            [exit_box["x"] + exit_box["width"] / 2, exit_box["y"] + exit_box["height"] / 2],
        )
        assert on_top
        if height > 480:
            # A phone: the conversation scrolls between fixed parts, so the 999 banner and
            # the message box stay on screen however long the conversation gets.
            for fixed in [".scw-head", ".scw-urgent", ".scw-input"]:
                expect(page.locator(fixed)).to_be_in_viewport()
        # Every part of the panel can be scrolled to and used.
        for target in [".scw-urgent .scw-link", ".scw-card .scw-link", ".scw-input", ".scw-send",
                       ".scw-foot .scw-button", ".scw-close"]:
            locator = page.locator(target).first
            locator.scroll_into_view_if_needed()
            expect(locator).to_be_in_viewport()
        assert serious_violations(page) == []
        assert watch.page_errors == [] and watch.csp_violations == []
    finally:
        context.close()


def test_reduced_motion_stops_the_typing_animation(page: Page, server: LiveServer) -> None:
    page.emulate_media(reduced_motion="reduce")
    page.goto(server.url + "/")
    dots = page.locator(".scw-typing .scw-dots i").first
    assert dots.evaluate("e => getComputedStyle(e).animationName") == "none"
    page.emulate_media(reduced_motion="no-preference")
    assert dots.evaluate("e => getComputedStyle(e).animationName") == "scw-blink"


def test_live_regions_and_labels_are_in_place_from_the_start(
    page: Page, server: LiveServer
) -> None:
    page.goto(server.url + "/")
    # Present before anything is said, so assistive technology announces what comes later.
    expect(page.locator(".scw-bar [role=status]")).to_have_count(1)
    expect(page.get_by_role("log", name="Conversation", include_hidden=True)).to_have_count(1)
    expect(page.get_by_role("alert", include_hidden=True)).to_have_count(1)
    launcher = page.get_by_role("button", name="Talk to us in confidence")
    expect(launcher).to_have_attribute("aria-controls", "scw-panel")
    open_widget(page)
    expect(page.get_by_role("region", name="Confidential chat")).to_be_visible()
    expect(page.get_by_role("textbox", name="Your message")).to_be_visible()
    expect(page.get_by_role("button", name="Close chat")).to_be_visible()
