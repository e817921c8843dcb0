"""The widget in Welsh and in Urdu passes the checks it passes in English: its own words
from the catalogues, right to left for Urdu, axe-core, the keyboard exits and the 999
line; and the language menu switches without losing the conversation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from common.i18n import Translator
from tests.widget.server import DISCLOSURE, URGENT, LiveServer, embed_page
from tests.widget.test_widget_access import serious_violations
from tests.widget.widget_page import wait_idle

DOCS = Path(__file__).resolve().parents[2] / "docs"
EXIT_URL = "https://www.bbc.co.uk/weather"
LOCALES = {"cy": "ltr", "ur": "rtl"}


def words(locale: str, english: str) -> str:
    translated = Translator(locale).translate(english, "widget")
    assert translated != english, f"{locale} has no translation for {english!r}"
    return translated


def say(page: Page, message: str) -> None:
    page.locator("#scw-input").fill(message)
    page.locator("#scw-input").press("Enter")
    expect(page.locator(".scw-msg--user").last).to_contain_text(message)
    wait_idle(page)


def load(page: Page, server: LiveServer, locale: str) -> None:
    page.goto(server.add_page(f"/__test__/lang-{locale}", embed_page(locale=locale)))
    expect(page.locator(".scw-root")).to_have_attribute("lang", locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_widgets_own_words_and_direction(page: Page, server: LiveServer,
                                             locale: str) -> None:
    load(page, server, locale)
    direction = LOCALES[locale]
    for part in (".scw-root", ".scw-bar"):
        expect(page.locator(part)).to_have_attribute("dir", direction)
    expect(page.locator(".scw-exit")).to_contain_text(words(locale, "Exit this page"))
    expect(page.locator(".scw-launcher")).to_have_text(words(locale, "Talk to us in confidence"))
    page.locator(".scw-launcher").click()
    expect(page.locator(".scw-sos")).to_contain_text(words(locale, "Call 999"))
    expect(page.locator(".scw-sos a[href='tel:999']")).to_be_visible()
    # Numbers stay left to right inside right-to-left text (phone groups in order).
    expect(page.locator(".scw-sos a[href='tel:999'] bdi[dir='ltr']")).to_have_text("999")
    expect(page.locator("#scw-input")).to_have_attribute(
        "placeholder", words(locale, "Type here…"))
    expect(page.locator(".scw-msg--bot").first).to_have_attribute("dir", direction)


@pytest.mark.parametrize("locale", LOCALES)
def test_axe_finds_nothing_serious(page: Page, server: LiveServer, locale: str) -> None:
    load(page, server, locale)
    assert serious_violations(page) == []
    page.locator(".scw-launcher").click()
    say(page, DISCLOSURE)
    say(page, URGENT)
    page.locator(".scw-details summary").first.click()
    assert serious_violations(page) == []
    if os.environ.get("WIDGET_SCREENSHOTS"):
        page.locator("#scw-input").blur()
        page.screenshot(path=str(DOCS / f"widget-demo-{locale}.png"))


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("key,times", [("Shift", 3), ("Escape", 2)])
def test_the_keyboard_exits(page: Page, server: LiveServer, locale: str, key: str,
                            times: int) -> None:
    load(page, server, locale)
    page.locator(".scw-launcher").click()
    for _ in range(times):
        page.keyboard.press(key)
    page.wait_for_url(EXIT_URL)


def test_the_language_menu_switches_and_keeps_the_conversation(
        page: Page, server: LiveServer) -> None:
    page.goto(server.add_page("/__test__/lang-menu", embed_page()))
    page.locator(".scw-launcher").click()
    say(page, DISCLOSURE)
    page.locator(".scw-language").select_option("ur")
    expect(page.locator(".scw-root")).to_have_attribute("dir", "rtl")
    expect(page.locator(".scw-exit")).to_contain_text(words("ur", "Exit this page"))
    expect(page.locator(".scw-msg--user").last).to_contain_text(DISCLOSURE)
    expect(page.locator(".scw-panel")).to_be_visible()
    say(page, "OK")
    assert page.locator(".scw-language").input_value() == "ur"
