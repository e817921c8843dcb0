"""The data- options on the script tag, each with its default."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.widget.server import GREETING, URGENT, LiveServer, embed_page
from tests.widget.widget_page import conversation_id, open_widget, say

SAFE_BRAND = "rgb(29, 53, 87)"  # #1d3557


def background(page: Page, selector: str) -> str:
    return page.locator(selector).evaluate("e => getComputedStyle(e).backgroundColor")


def test_defaults(page: Page, server: LiveServer) -> None:
    page.goto(server.add_page("/__test__/defaults", embed_page()))
    launcher = page.locator(".scw-launcher")
    expect(launcher).to_have_text("Talk to us in confidence")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".scw-panel")).to_be_hidden()
    expect(page.locator(".scw-exit")).to_have_attribute("href", "https://www.bbc.co.uk/weather")
    # The page had no <link> to widget.css: the script added it, from its own server.
    expect(page.locator("link[href$='/widget.css']")).to_have_count(1)
    assert launcher.evaluate("e => getComputedStyle(e).position") == "fixed"
    assert background(page, ".scw-launcher") == SAFE_BRAND
    open_widget(page)
    say(page, GREETING)
    cid = conversation_id(page)
    assert [s[2] for s in server.rasa.sent if s[0] == cid] == [{"locale": "en", "area": None}]


@pytest.mark.parametrize(
    ("colour", "expected"),
    [
        ("#00703c", "rgb(0, 112, 60)"),  # 6.2:1 with white: kept
        ("#b10e1e", "rgb(177, 14, 30)"),
        ("#fd0", SAFE_BRAND),  # yellow: white text on it is unreadable
        ("#1d70b9", "rgb(29, 112, 185)"),
        ("#5694ca", SAFE_BRAND),  # 3.3:1, fine for large text only
        ("rebeccapurple", SAFE_BRAND),  # not a hex colour
        ("#12345g", SAFE_BRAND),
    ],
)
def test_brand_colour_is_used_only_with_enough_contrast(
    page: Page, server: LiveServer, colour: str, expected: str
) -> None:
    path = "/__test__/brand-" + colour.strip("#")
    page.goto(server.add_page(path, embed_page(brand_colour=colour)))
    assert background(page, ".scw-launcher") == expected
    open_widget(page)
    assert background(page, ".scw-head") == expected
    assert background(page, ".scw-send") == expected


def test_open_on_load_without_stealing_focus(page: Page, server: LiveServer) -> None:
    page.goto(server.add_page("/__test__/open", embed_page(open="true")))
    expect(page.locator(".scw-panel")).to_be_visible()
    expect(page.locator(".scw-launcher")).to_have_attribute("aria-expanded", "true")
    assert page.evaluate("document.activeElement === document.body")


def test_launcher_label(page: Page, server: LiveServer) -> None:
    page.goto(server.add_page("/__test__/label", embed_page(launcher_label="Chat to us")))
    expect(page.get_by_role("button", name="Chat to us")).to_be_visible()


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "data:text/html,hi", "not a url::"])
def test_an_exit_url_that_is_not_a_web_page_falls_back(
    page: Page, server: LiveServer, bad: str
) -> None:
    page.goto(server.add_page("/__test__/bad-exit", embed_page(exit_url=bad)))
    href = page.locator(".scw-exit").get_attribute("href")
    assert href == "https://www.bbc.co.uk/weather" or (
        href and href.startswith(server.url)  # a relative URL on the council's own site
    )


def test_area_locale_and_right_to_left(page: Page, server: LiveServer) -> None:
    page.goto(server.add_page("/__test__/urdu", embed_page(area="cardiff", locale="ur")))
    open_widget(page)
    say(page, GREETING)
    cid = conversation_id(page)
    assert [s[2] for s in server.rasa.sent if s[0] == cid] == [{"locale": "ur", "area": "cardiff"}]
    reply = page.locator(".scw-msg--bot").last
    expect(reply).to_have_attribute("dir", "rtl")
    expect(reply).to_have_attribute("lang", "ur")
    expect(page.locator(".scw-msg--user").last).to_have_attribute("dir", "auto")
    # The widget's own words are Urdu too (tests/widget/test_widget_languages.py).
    expect(page.locator(".scw-root")).to_have_attribute("lang", "ur")
    expect(page.locator(".scw-root")).to_have_attribute("dir", "rtl")
    expect(page.locator(".scw-msg--bot").first).to_have_attribute("dir", "rtl")


def test_nation_puts_its_24_hour_line_first(page: Page, server: LiveServer) -> None:
    page.goto(server.add_page("/__test__/wales", embed_page(nation="wales")))
    open_widget(page)
    expect(page.locator(".scw-foot .scw-lines li").first).to_contain_text(
        "Wales: Live Fear Free: 0808 80 10 800"
    )
    say(page, URGENT)
    expect(page.locator(".scw-urgent").get_by_role("link", name="0808 80 10 800")).to_be_visible()


def test_a_second_copy_of_the_script_does_nothing(page: Page, server: LiveServer) -> None:
    twice = embed_page().replace("</body>", '<script src="/widget.js"></script></body>')
    page.goto(server.add_page("/__test__/twice", twice))
    page.wait_for_load_state("load")
    expect(page.locator(".scw-exit")).to_have_count(1)
    expect(page.locator(".scw-launcher")).to_have_count(1)
