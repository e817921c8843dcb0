"""The facts a person in danger relies on have one source each; the copies that must stay agree.

- Phone numbers: the services directory. The widget's offline lines, the demo page, the
  gateway's fallback and refusals, the domain's responses and every translation may
  only show numbers the directory (or the emergency services) has.
- Languages: common/i18n. The catalogues' folders (the Makefile reads them), the
  widget's language menu and its right-to-left list, and the urgency word lists follow it.
"""

from __future__ import annotations

import re
from pathlib import Path

import phonenumbers
import pytest
import yaml
from babel.messages.pofile import read_po

from common.i18n import CORE_LOCALES, DEFAULT_LOCALE, LOCALES_DIR, SUPPORTED_LOCALES, Translator
from common.urgency_words import WORDS_FILE
from gateway import fallback, limits
from gateway.scrubbing.details import EMERGENCY_AND_HELPLINES
from services_directory import NATIONAL_LINES, load_directory

ROOT = Path(__file__).resolve().parents[1]
WIDGET = (ROOT / "web_widget" / "widget.js").read_text(encoding="utf-8")
DEMO_PAGE = (ROOT / "web_widget" / "index.html").read_text(encoding="utf-8")
# Short numbers a reply may name that belong to no service: the emergency services,
# the Silent Solution's 55, police non-emergency and NHS 111, EU-wide helplines.
SHORT_NUMBERS = {"999", "55", "112", "101", "111", "116123", "116006", "116111"}


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def directory_numbers() -> set[str]:
    directory = load_directory()
    return {digits(contact.number) for service in directory.services
            for contact in service.contacts if contact.number}


def line_number(nation: str) -> str:
    """The nation's 24-hour line as the directory displays it."""
    service = load_directory().get(NATIONAL_LINES[nation])
    (phone,) = [c for c in service.contacts if c.channel == "phone" and c.number][:1]
    display = phone.display_number()
    assert display is not None
    return display


def numbers_in(text: str) -> set[str]:
    """Every UK phone number written in a text, as digits (0... or 44...: a CSS z-index
    such as 2147483647 is no number a person reads)."""
    found = {digits(m.raw_string)
             for m in phonenumbers.PhoneNumberMatcher(text, "GB",
                                                       leniency=phonenumbers.Leniency.POSSIBLE)}
    national = {"0" + number[2:] if number.startswith("44") else number for number in found}
    return {number for number in national if len(number) >= 10 and number.startswith("0")}


def test_the_widget_and_the_demo_page_show_each_nations_line_as_the_directory_has_it() -> None:
    lines = dict(re.findall(r'\["([a-z-]+)", "([0-9 ]+)"\]', WIDGET))
    assert set(lines) == set(NATIONAL_LINES)
    for nation in NATIONAL_LINES:
        number = line_number(nation)
        assert lines[nation] == number, nation
        assert f'href="tel:{digits(number)}">{number}</a>' in DEMO_PAGE, nation


def test_the_fallbacks_constants_are_the_directorys_helpline() -> None:
    england = line_number("england")
    card = fallback.NATIONAL_HELPLINE
    assert card.id == NATIONAL_LINES["england"]
    assert card.phone == england and card.channels[0].value == england
    assert england in fallback.FALLBACK_TEXT and "999" in fallback.FALLBACK_TEXT
    assert england == limits.HELPLINE
    assert england in limits.BUSY_MESSAGE and england in limits.TOO_MANY_MESSAGE
    # The scrubber keeps the helpline's number in a message, so the model can read it.
    assert england in EMERGENCY_AND_HELPLINES


def texts_people_read() -> dict[str, str]:
    """Every file whose words reach a person, by name."""
    texts = {
        "web_widget/widget.js": WIDGET,
        "web_widget/index.html": DEMO_PAGE,
        "gateway/fallback.py": fallback.FALLBACK_TEXT,
        "gateway/limits.py": limits.BUSY_MESSAGE + "\n" + limits.TOO_MANY_MESSAGE,
    }
    for path in sorted((ROOT / "bot" / "domain").glob("*.yml")):
        texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    # What councils and maintainers read: a number wrong there is copied onto a page.
    # (The directory's own docs quote rejected numbers on purpose, as examples.)
    for path in sorted([*ROOT.glob("*.md"), *(ROOT / "docs").glob("*.md"),
                        *(ROOT / "web_widget").glob("*.md")]):
        if path.name != "directory.md":
            texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    for path in sorted(LOCALES_DIR.glob("*/LC_MESSAGES/*.po")):
        with path.open("rb") as po:
            strings = [m.string for m in read_po(po) if isinstance(m.string, str)]
        texts[str(path.relative_to(ROOT))] = "\n".join(strings)
    return texts


TEXTS = texts_people_read()


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_number_a_person_reads_is_one_the_directory_has(name: str) -> None:
    known = directory_numbers() | SHORT_NUMBERS
    assert numbers_in(TEXTS[name]) - known == set()


def test_the_catalogue_folders_are_exactly_the_supported_languages() -> None:
    # The Makefile compiles the catalogues of every folder here (LOCALES).
    folders = {path.name for path in LOCALES_DIR.iterdir() if path.is_dir()}
    assert folders == set(SUPPORTED_LOCALES) - {DEFAULT_LOCALE}


def test_the_widgets_language_menu_is_the_supported_languages_named_in_themselves() -> None:
    menu = re.search(r"var LANGUAGES = (\[.*?\]\]);", WIDGET, re.DOTALL)
    assert menu is not None
    entries = yaml.safe_load(menu.group(1))
    assert [code for code, _ in entries] == list(SUPPORTED_LOCALES)
    for code, name in entries:
        assert name.casefold() == Translator(code).language_name.casefold(), code


def test_the_widget_sets_right_to_left_exactly_where_babel_does() -> None:
    rtl = re.search(r"var RTL = (\[.*?\]);", WIDGET)
    assert rtl is not None
    listed = set(yaml.safe_load(rtl.group(1)))
    for code in SUPPORTED_LOCALES:
        assert (code in listed) == Translator(code).rtl, code


def test_every_language_without_the_model_has_danger_words() -> None:
    # Welsh is in both: the model was trained on it and the word lists back it up.
    words = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    assert set(CORE_LOCALES) | {"cy"} <= set(words)
