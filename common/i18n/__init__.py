"""The languages the assistant speaks, and where their words come from.

Every sentence a person reads is English in the code (the gettext msgid) and is
translated at run time from the catalogues in common/i18n/locales/, kept with Babel
(`make i18n`; see docs/translations.md). There is one catalogue per part of the product:

  responses  - Rasa's responses in bot/domain/*.yml (served through actions/nlg.py)
  actions    - what the custom actions say (actions/replies.py)
  directory  - service descriptions and opening-hours wording (services_directory/)
  widget     - the web widget's own words (web_widget/widget.js)

English and Welsh are complete. The community languages in CORE_LOCALES carry at
least the safety-critical strings (marked `i18n: core` for translators); anything
else falls back to English, and the reply then says so in the person's language.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from babel import Locale

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
DOMAINS = ("responses", "actions", "directory", "widget")

DEFAULT_LOCALE = "en"
COMPLETE_LOCALES = ("en", "cy")
# Polish, Urdu, Bengali, Punjabi (Gurmukhi), Arabic, Romanian, Somali: the largest
# community languages named in the issue; their core strings are required.
CORE_LOCALES = ("pl", "ur", "bn", "pa", "ar", "ro", "so")
SUPPORTED_LOCALES = COMPLETE_LOCALES + CORE_LOCALES
# Languages the Rasa model was trained on; other languages are understood by the
# language detector and the urgency word lists only (bot/nlu/).
MODEL_LOCALES = ("en", "cy")
# Translator comment that marks a string every CORE_LOCALES catalogue must translate.
CORE_MARK = "i18n: core"


def N_(message: str) -> str:
    """Mark a string for extraction where it is defined; translate it where it is used."""
    return message


def supported(code: str | None) -> str | None:
    """The supported locale for a code such as 'cy', 'cy-GB' or 'pl_PL', or None."""
    if not code:
        return None
    language = code.replace("_", "-").split("-")[0].lower()
    return language if language in SUPPORTED_LOCALES else None


@cache
def translations(locale: str, domain: str) -> gettext.NullTranslations:
    """The compiled catalogue, or English (the msgids themselves) when there is none."""
    if locale == DEFAULT_LOCALE:
        return gettext.NullTranslations()
    return gettext.translation(domain, LOCALES_DIR, languages=[locale], fallback=True)


class Translator:
    """gettext for one locale across the domains, so callers need not pass both."""

    def __init__(self, locale: str | None) -> None:
        self.locale = supported(locale) or DEFAULT_LOCALE

    def __call__(self, message: str, domain: str = "actions") -> str:
        return translations(self.locale, domain).gettext(message)

    def translate(self, message: str, domain: str = "actions") -> str:
        """As calling it, for a message held in a variable (data, or an N_ constant):
        pybabel extracts literal `t("...")` calls only, and this keeps it that way."""
        return self(message, domain)

    def has(self, message: str, domain: str = "actions") -> bool:
        """Whether the catalogue translates this message (English always does)."""
        return self.locale == DEFAULT_LOCALE or self.translate(message, domain) != message

    @property
    def rtl(self) -> bool:
        return Locale.parse(self.locale).character_order == "right-to-left"

    @property
    def language_name(self) -> str:
        """The language's own name for itself: 'Cymraeg', 'polski', 'اردو'."""
        return language_name(self.locale)


@cache
def language_name(locale: str, in_locale: str | None = None) -> str:
    return Locale.parse(locale).get_display_name(in_locale or locale) or locale
