"""Which language a message is written in, with an offline detector (lingua).

lingua's models ship inside its wheel, so nothing is fetched at run time. Short
messages need care: "ok" or "help" says little, so the conversation only switches
language when one language is clearly ahead of the others; otherwise it keeps the
language it had (the widget's, or the one detected earlier).

Besides the languages we answer in (bot/i18n SUPPORTED_LOCALES), the detector knows a
few others common in the UK that share a script with them, so that, say, French or
Persian is not mistaken for Romanian or Urdu; those never switch the conversation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from bot.i18n import SUPPORTED_LOCALES

# Ours, then look-alikes: Latin script (French, Spanish, Portuguese, German,
# Lithuanian, Turkish) and Arabic script (Persian).
_DISTRACTORS = ("fr", "es", "pt", "de", "lt", "tr", "fa")
# A switch needs the top language at least this confident, and this far ahead of the
# runner-up. Chosen from lingua's guidance for short text, not fitted to our test set.
MIN_CONFIDENCE = 0.5
MIN_LEAD = 0.25


@dataclass(frozen=True)
class Detection:
    language: str | None  # ISO 639-1 code of the best guess, or None for no letters
    confidence: float
    confident: bool  # clear enough to switch the conversation's language

    @property
    def locale(self) -> str | None:
        """The locale to switch to, when confident and one we answer in."""
        return self.language if self.confident and self.language in SUPPORTED_LOCALES else None


def _language(code: str) -> Language:
    return next(lang for lang in Language.all() if lang.iso_code_639_1.name.lower() == code)


@cache
def detector() -> LanguageDetector:
    """Built once, with its models loaded now: lingua otherwise loads them on the first
    message (2.5 s here), and that person would wait, or meet the gateway's timeout."""
    languages = [_language(code) for code in (*SUPPORTED_LOCALES, *_DISTRACTORS)]
    return (LanguageDetectorBuilder.from_languages(*languages)
            .with_preloaded_language_models().build())


def detect(text: str) -> Detection:
    values = detector().compute_language_confidence_values(text)
    if not values or values[0].value <= 0:
        return Detection(None, 0.0, False)
    best = values[0]
    runner_up = values[1].value if len(values) > 1 else 0.0
    confident = best.value >= MIN_CONFIDENCE and best.value - runner_up >= MIN_LEAD
    return Detection(best.language.iso_code_639_1.name.lower(), best.value, confident)
