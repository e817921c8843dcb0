"""What people read, in each language: the actions' replies, Rasa's responses via the
NLG endpoint, and opening hours worded with Babel's CLDR data."""

from __future__ import annotations

import pytest

from actions import nlg, replies
from common.i18n import CORE_LOCALES, SUPPORTED_LOCALES, Translator, supported
from services_directory.hours import Hours

TRANSLATED = [locale for locale in SUPPORTED_LOCALES if locale != "en"]
WEEKDAYS_9_TO_5 = {"weekly": [{"days": ["mon", "tue", "wed", "thu", "fri"],
                               "opens": "09:00", "closes": "17:00"}]}


def test_locale_codes_are_read_leniently() -> None:
    assert supported("cy-GB") == "cy" and supported("pl_PL") == "pl" and supported("EN") == "en"
    assert supported("de") is None and supported(None) is None
    assert Translator("ur").rtl and Translator("ar").rtl and not Translator("cy").rtl
    assert Translator("xx").locale == "en"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_urgent_reply_is_translated_and_keeps_every_number(locale: str) -> None:
    english = replies.urgent(Translator("en"), "Helpline", "0808 2000 247", True, "116 123",
                             False)
    reply = replies.urgent(Translator(locale), "Helpline", "0808 2000 247", True, "116 123",
                           False)
    assert reply != english
    for number in ("999", "55", "0808 2000 247", "116 123"):
        assert number in reply


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_first_reply_to_a_disclosure_is_translated(locale: str) -> None:
    assert replies.believe(Translator(locale), []) != replies.believe(Translator("en"), [])


@pytest.mark.parametrize("locale", CORE_LOCALES)
def test_a_community_language_reply_names_the_language_in_itself(locale: str) -> None:
    t = Translator(locale)
    assert t.language_name in replies.other_language(t)
    assert t.language_name in replies.in_english_note(t)


def test_rasa_responses_come_back_in_the_locale_slot() -> None:
    request = {"response": "utter_greet", "tracker": {"slots": {"locale": "cy"}}}
    welsh = nlg.generate(request)
    english = nlg.generate({"response": "utter_greet", "tracker": {"slots": {}}})
    assert welsh["text"] != english["text"] and "999" in welsh["text"]
    assert [b["payload"] for b in welsh["buttons"]] == [b["payload"] for b in english["buttons"]]
    assert welsh["buttons"][0]["title"] != english["buttons"][0]["title"]
    assert welsh["custom"] == {"meta": {"urgent": False, "services": [], "locale": "cy"}}


def test_faq_answers_are_translated_too() -> None:
    request = {"response": "utter_faq/clares_law", "tracker": {"slots": {"locale": "cy"}}}
    english = {"response": "utter_faq/clares_law", "tracker": {"slots": {"locale": "en"}}}
    assert nlg.generate(request)["text"] != nlg.generate(english)["text"]


def test_the_widgets_locale_stands_in_until_the_slot_is_set() -> None:
    tracker = {"slots": {"locale": None}, "latest_message": {"metadata": {"locale": "pl"}}}
    assert nlg.locale_of(tracker) == "pl"


def test_an_unknown_response_is_an_error_not_an_empty_reply() -> None:
    with pytest.raises(KeyError):
        nlg.generate({"response": "utter_nothing", "tracker": {}})


def test_opening_hours_in_welsh_use_cldr_day_names_and_the_catalogue() -> None:
    hours = Hours.parse_obj(WEEKDAYS_9_TO_5)
    t = Translator("cy")
    welsh = hours.describe("cy", lambda m: t.translate(m, "directory"))
    assert welsh.startswith("Dydd Llun") and "Dydd Gwener" in welsh
    assert " to " not in welsh and "09:00" in welsh and "17:00" in welsh
    assert hours.describe() == "Monday to Friday, 9am to 5pm"


def test_a_response_not_yet_in_a_community_language_says_so_in_that_language() -> None:
    reply = nlg.generate({"response": "utter_goodbye", "tracker": {"slots": {"locale": "pl"}}})
    assert reply["text"].startswith("Take care.")
    assert reply["text"].endswith(replies.in_english_note(Translator("pl")))
