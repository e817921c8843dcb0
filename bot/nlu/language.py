"""Which language a message is written in, with an offline detector (lingua).

lingua's models ship inside its wheel, so nothing is fetched at run time. Short
messages need care: "ok" or "help" says little, so the conversation only switches
language when one language is clearly ahead of the others; otherwise it keeps the
language it had (the widget's, or the one detected earlier).

Besides the languages we answer in (common/i18n SUPPORTED_LOCALES), the detector knows a
few others common in the UK that share a script with them, so that, say, French or
Persian is not mistaken for Romanian or Urdu; those never switch the conversation.

Where lingua is unsure, a short message may still be clear from its words: "soțul meu
mă bate" is Romanian whatever the letter statistics say. The abuse and danger word
lists of common/urgency_words.yml then decide (`words_say_language`), for the
community languages only (Welsh is the model's), and never for a message that reads
as English or Welsh with a stray foreign word in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from common.i18n import CORE_LOCALES, SUPPORTED_LOCALES
from common.urgency_words import language_hits, matching_form

# Ours, then look-alikes: Latin script (French, Spanish, Portuguese, German,
# Lithuanian, Turkish) and Arabic script (Persian).
_DISTRACTORS = ("fr", "es", "pt", "de", "lt", "tr", "fa")
# A switch needs the top language at least this confident, and this far ahead of the
# runner-up. Chosen from lingua's guidance for short text, not fitted to our test set.
MIN_CONFIDENCE = 0.5
MIN_LEAD = 0.25
# The word lists decide only for short-to-medium messages: past this, lingua has
# enough letters, and a long English post quoting a phrase must stay English.
WORDS_MAX_WORDS = 40
# Common words of English and Welsh that are not words of the community languages
# (so not "to", "no", "on", "my", "we", "was", "am", "are", "is", "in", "a", "i", "o",
# "ei": Polish, Romanian or Somali have them too). Two of them, or one in a message of
# seven words or fewer, and it is English or Welsh, whatever foreign word it contains.
_ENGLISH_OR_WELSH = frozenset({
    "the", "and", "he", "she", "his", "him", "they", "you", "with", "that", "this", "have",
    "has", "not", "but", "what", "when", "from", "been", "just", "it", "of", "said", "says",
    "keeps", "because", "if", "for", "hes", "shes", "dont", "cant", "im", "ive", "about",
    "mae", "yn", "fy", "dw", "dwi", "wedi", "ddim", "efo", "gyda", "nhw", "yr", "y", "ac",
    "mewn", "gan", "rwan", "nawr", "isio", "eisiau", "fi", "chi", "today", "word",
})


@dataclass(frozen=True)
class Detection:
    language: str | None  # ISO 639-1 code of the best guess, or None for no letters
    confidence: float
    confident: bool  # clear enough to switch the conversation's language
    # The language came from the abuse and danger word lists, lingua being unsure.
    by_words: bool = False

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


def _code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def _reads_as_english_or_welsh(words: list[str]) -> bool:
    common = sum(1 for word in words if word in _ENGLISH_OR_WELSH)
    return common >= 2 or (common == 1 and len(words) <= 7)


def _by_words(text: str, lingua: dict[str, float]) -> str | None:
    words = matching_form(text).replace("'", " ").split()
    if not words or len(words) > WORDS_MAX_WORDS or _reads_as_english_or_welsh(words):
        return None
    hits = language_hits(text)
    community = sorted(((n, lang) for lang, n in hits.items() if lang in CORE_LOCALES),
                       reverse=True)
    if not community or hits.get("cy", 0) >= community[0][0]:
        return None
    # Clear: no other language with even half as many matches. Else (Urdu and Arabic
    # share words) lingua picks among the close ones if it can tell them apart at all.
    close = [lang for n, lang in community if 2 * n > community[0][0]]
    if len(close) == 1:
        return close[0]
    ranked = sorted(close, key=lambda lang: lingua.get(lang, 0.0), reverse=True)
    first, second = (lingua.get(lang, 0.0) for lang in ranked[:2])
    return ranked[0] if first > second else None


def words_say_language(text: str) -> str | None:
    """The community locale (one of CORE_LOCALES) that the message's abuse or danger
    words clearly belong to, for a short-to-medium message that does not read as
    English or Welsh; None when the words do not say, or say more than one."""
    values = detector().compute_language_confidence_values(text)
    return _by_words(text, {_code(v.language): v.value for v in values})


def detect(text: str) -> Detection:
    values = detector().compute_language_confidence_values(text)
    lingua = {_code(v.language): v.value for v in values}
    best = values[0] if values and values[0].value > 0 else None
    runner_up = values[1].value if len(values) > 1 else 0.0
    if best and best.value >= MIN_CONFIDENCE and best.value - runner_up >= MIN_LEAD:
        return Detection(_code(best.language), best.value, True)
    # lingua is unsure (or found no letters it knows): the words may still be clear.
    by_words = _by_words(text, lingua)
    if by_words:
        return Detection(by_words, lingua.get(by_words, 0.0), True, by_words=True)
    if best is None:
        return Detection(None, 0.0, False)
    return Detection(_code(best.language), best.value, False)
