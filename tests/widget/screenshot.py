"""Screenshots of the demo page with the widget open, for docs/widget.md.

    .venv/bin/python -m tests.widget.screenshot

Serves the real gateway app with the tests' scripted Rasa (no Rasa, Redis or network
needed), opens the demo page in Chromium (CHROMIUM_PATH), has a short conversation and
saves docs/widget-demo.png (desktop) and docs/widget-demo-mobile.png (a small phone).
"""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from tests.widget.conftest import CHROMIUM_ARGS
from tests.widget.server import DISCLOSURE, URGENT, LiveServer, make_resources
from tests.widget.widget_page import open_widget, say

DOCS = Path(__file__).resolve().parents[2] / "docs"


def shoot(browser: Browser, url: str, path: Path, width: int, height: int, urgent: bool) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": height}, device_scale_factor=1, locale="en-GB"
    )
    page = context.new_page()
    page.emulate_media(reduced_motion="reduce")
    page.goto(url)
    open_widget(page)
    say(page, DISCLOSURE)
    if urgent:
        say(page, URGENT)
    page.get_by_label("Your message").blur()
    page.screenshot(path=str(path))
    context.close()
    print(f"wrote {path}")


def main() -> None:
    server = LiveServer(make_resources()).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
                args=CHROMIUM_ARGS,
            )
            shoot(browser, server.url + "/", DOCS / "widget-demo.png", 1280, 800, urgent=False)
            shoot(browser, server.url + "/", DOCS / "widget-demo-mobile.png", 375, 740,
                  urgent=True)
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
