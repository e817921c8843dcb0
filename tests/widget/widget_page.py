"""Small steps the browser tests share: open the widget, say something, read the state."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Locator, Page, expect

STORAGE_KEY = "scw-conversation"


def open_widget(page: Page) -> None:
    page.locator(".scw-launcher").click()
    expect(page.locator(".scw-panel")).to_be_visible()


def say(page: Page, message: str) -> None:
    """Type a message and send it with Enter, then wait for the reply to finish."""
    box = page.locator("#scw-input")
    box.fill(message)
    box.press("Enter")
    expect(page.locator(".scw-msg--user").last).to_contain_text(message)
    wait_idle(page)


def wait_idle(page: Page) -> None:
    expect(page.locator(".scw-typing")).to_be_hidden()
    expect(page.locator(".scw-log")).to_have_attribute("aria-busy", "false")


def log(page: Page) -> Locator:
    return page.locator(".scw-log")


def conversation_id(page: Page) -> str | None:
    return page.evaluate(f"sessionStorage.getItem({STORAGE_KEY!r})")


def storage(page: Page) -> dict[str, Any]:
    return page.evaluate(
        "({session: sessionStorage.length, local: localStorage.length, cookie: document.cookie})"
    )


def history_length(page: Page) -> int:
    return page.evaluate("history.length")


def navigation_timing(page: Page) -> dict[str, float]:
    """The current document's navigation start (epoch ms) and its load milestones."""
    return page.evaluate(
        """() => {
          const n = performance.getEntriesByType("navigation")[0];
          return {start: performance.timeOrigin, loaded: performance.timeOrigin
            + n.domContentLoadedEventEnd, type: n.type};
        }"""
    )


def wait_until(page: Page, condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait for something the test server sees. It waits inside Playwright, because the
    browser's requests pass through the tests' route handlers, which run only then."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        page.wait_for_timeout(20)
