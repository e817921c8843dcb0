"""Fixtures for the widget's browser tests: Debian's Chromium, driven by Playwright.

No browser is ever downloaded: Chromium comes from CHROMIUM_PATH (default /usr/bin/chromium,
which `make browser` installs). Every request that would leave the test server is refused
and recorded, except the demo page's exit URL, which is answered locally.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Route,
    sync_playwright,
)

from tests.widget.server import LiveServer, make_resources, plain_page

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-default-apps", "--disable-extensions",
]
# The exit URL on the demo page (web_widget/index.html). It never goes to the internet:
# the browser context answers it with a local page.
DEMO_EXIT_URL = "https://www.bbc.co.uk/weather"
EXIT_PAGE = plain_page("Weather")

# Runs in every page before its own scripts: reports CSP violations, exit triggers, the
# moment the blank cover appears and, 50 ms later, what the page still shows, as console
# messages the tests read. (While a navigation is pending, Chromium does not answer
# Playwright's evaluate, so the page has to say it itself.)
PROBE = """
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const say = (what) => console.debug("scw-probe " + what + " " + now());
  addEventListener("securitypolicyviolation", (e) =>
    console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI));
  addEventListener("keydown", (e) => { if (!e.repeat) say("key:" + e.key); }, true);
  addEventListener("click", (e) => {
    if (e.target instanceof Element && e.target.closest(".scw-exit")) say("click:exit");
  }, true);
  const state = () => {
    const cover = document.querySelector(".scw-cover");
    const corners = [[1, 1], [innerWidth - 2, 1], [innerWidth / 2, innerHeight / 2],
                     [1, innerHeight - 2], [innerWidth - 2, innerHeight - 2]];
    console.debug("scw-state " + JSON.stringify({
      covered: corners.every(([x, y]) => document.elementFromPoint(x, y) === cover),
      log: document.querySelector(".scw-log").textContent,
      input: document.querySelector(".scw-input").value,
      panelHidden: document.querySelector(".scw-panel").hidden,
      stored: sessionStorage.length,
      title: document.title.trim(),
      referrer: document.querySelector('meta[name="referrer"]:last-of-type').content,
    }));
  };
  document.addEventListener("DOMContentLoaded", () => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(".scw-cover")) return;
      observer.disconnect();
      say("cover");
      setTimeout(state, 50);
    });
    observer.observe(document.documentElement, { childList: true });
  });
})();
"""


@dataclass
class Watch:
    """What a page did that the tests check after every test."""

    probes: list[tuple[str, float]] = field(default_factory=list)
    states: list[dict[str, object]] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    exit_requests: list[dict[str, str]] = field(default_factory=list)

    def last(self, kind: str) -> float:
        return [t for k, t in self.probes if k == kind][-1]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(path).exists():
        pytest.fail(f"No Chromium at {path}: run `make browser` or set CHROMIUM_PATH")
    with sync_playwright() as playwright:
        # Playwright turns the back/forward cache off; people's browsers have it on.
        browser = playwright.chromium.launch(
            executable_path=path, args=CHROMIUM_ARGS,
            ignore_default_args=["--disable-back-forward-cache"],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server() -> Iterator[LiveServer]:
    live = LiveServer(make_resources()).start()
    yield live
    live.stop()


@pytest.fixture
def watch() -> Watch:
    return Watch()


def new_context(browser: Browser, watch: Watch, **options: object) -> BrowserContext:
    options.setdefault("viewport", {"width": 1280, "height": 800})
    context = browser.new_context(locale="en-GB", service_workers="block", **options)
    context.add_init_script(PROBE)

    def only_local(route: Route) -> None:
        url = route.request.url
        if url.startswith("http://127.0.0.1:"):
            route.continue_()
        elif url.startswith(DEMO_EXIT_URL):
            watch.exit_requests.append(route.request.headers)
            route.fulfill(status=200, content_type="text/html", body=EXIT_PAGE)
        else:
            watch.outside_requests.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", only_local)
    return context


def watch_page(page: Page, watch: Watch) -> Page:
    def on_console(message: ConsoleMessage) -> None:
        text = message.text
        if text.startswith("scw-probe "):
            kind, at = text.removeprefix("scw-probe ").rsplit(" ", 1)
            watch.probes.append((kind, float(at)))
        elif text.startswith("scw-state "):
            watch.states.append(json.loads(text.removeprefix("scw-state ")))
        elif "Content Security Policy" in text or text.startswith("CSP violation"):
            watch.csp_violations.append(text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    return page


@pytest.fixture
def context(browser: Browser, watch: Watch) -> Iterator[BrowserContext]:
    context = new_context(browser, watch)
    yield context
    context.close()


_people = itertools.count(1)


@pytest.fixture
def page(context: BrowserContext, watch: Watch, server: LiveServer) -> Iterator[Page]:
    n = next(_people)
    server.harness.client = f"10.0.{n // 250}.{n % 250 + 1}"  # a new person, for the limits
    page = watch_page(context.new_page(), watch)
    yield page
    # Every test, whatever it checks, must also keep these.
    assert watch.csp_violations == [], "the widget needs something the strict CSP refuses"
    assert watch.page_errors == [], "a script error on the page"
    assert watch.outside_requests == [], "a request left the test server"


# ---- Timings, printed at the end of the run ---------------------------------------
# (trigger, navigation start, exit page loaded), in ms after the trigger
EXIT_TIMINGS: list[tuple[str, float, float]] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not EXIT_TIMINGS:
        return
    terminalreporter.section("quick exit timings (Chromium, local exit page)")
    terminalreporter.write_line(
        "from the key press or click to the exit page's navigation start and DOMContentLoaded "
        "(the page is blanked before the navigation starts, in the same task)"
    )
    for trigger, navigation, loaded in EXIT_TIMINGS:
        terminalreporter.write_line(
            f"{trigger:<8}  navigation start {navigation:6.1f} ms   "
            f"exit page loaded {loaded:6.1f} ms"
        )
