"""The safety net for languages the model was not trained on.

The model knows English (and some Welsh), so a message in Polish, Urdu, Somali and
the rest reaches it as noise. These phrase patterns, kept as data in urgency_words.yml,
catch the plain high-risk signs in each community language (common/i18n's
CORE_LOCALES) and Welsh, with the same sign names as common/urgency_rules.py. The
caller may not know the language (language detection is weak on three frightened
words), so every language's patterns are tried on every message; each pattern
therefore has to be specific enough not to fire on ordinary speech in another language.

Patterns and messages go through one normalisation (common/folding.py; not
common/normalise.py, which keeps only ASCII words), so a maintainer writes a word once
as it is spelled and it still matches what people type on phones: without diacritics, with Arabic
keyboard letters in Urdu, without the nukta in Bengali or Gurmukhi.

Each language may also list `_disclosure` patterns: abuse told without danger ("my
husband hits me"). They never make a sign; with the danger patterns they are evidence
of the language a short message is in (`language_hits`, used by bot/nlu/language.py).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from common.folding import fold, fold_letters
from common.urgency_rules import SIGNS

WORDS_FILE = Path(__file__).with_name("urgency_words.yml")

# The sign families a language's patterns may fill: the English rules' own, so that a
# new sign there can be given words in every language (none need have all of them).
FAMILIES = tuple(SIGNS)
PARTS_KEY = "_parts"
# Patterns that tell of abuse without danger ("my husband hits me", "domestic violence"):
# never a sign, only evidence of which language a message is in (bot/nlu/language.py).
DISCLOSURE_KEY = "_disclosure"

_SPACES = re.compile(r"\s+")


def matching_form(text: str) -> str:
    """The form patterns are matched against: casefolded, folded, single-spaced."""
    return _SPACES.sub(" ", fold(fold(text).casefold())).strip()


# Python's \b counts a Bengali or Gurmukhi vowel sign (a combining mark) as a non-word
# character, so `\bমারবে\b` fails at the end of the word and `\bকা` matches inside one.
# Every `\b` in a pattern is rewritten to treat the Indic blocks as word characters
# (all but the danda, a full stop), which for Latin and Arabic text is plain \b.
_W = r"[\w\u0900-\u0963\u0966-\u0dff]"
_BOUNDARY = rf"(?:(?<={_W})(?!{_W})|(?<!{_W})(?={_W}))"
_PLACEHOLDER = re.compile(r"<([A-Z][A-Z0-9_]*)>")
_ESCAPE = re.compile(r"\\.")


def _expand(pattern: str, parts: dict[str, str], where: str) -> str:
    """Put named parts in for <NAME>, fold letters, make \\b script-aware."""
    def part(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in parts:
            raise ValueError(f"{where}: no part named <{name}>")
        return parts[name]

    source = _PLACEHOLDER.sub(part, pattern)
    if any(c.isupper() for c in _ESCAPE.sub("", source)):
        raise ValueError(f"{where}: write patterns in lower case (text is casefolded)")
    letters = fold_letters(source)
    return re.sub(r"(?<!\\)\\b", lambda _: _BOUNDARY, letters)


@cache
def _all_compiled() -> dict[str, dict[str, tuple[re.Pattern[str], ...]]]:
    """Language -> sign family (or DISCLOSURE_KEY) -> compiled patterns, read once."""
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    result: dict[str, dict[str, tuple[re.Pattern[str], ...]]] = {}
    for lang, entries in data.items():
        parts = {str(k): str(v) for k, v in (entries.get(PARTS_KEY) or {}).items()}
        result[lang] = {}
        for family, patterns in entries.items():
            if family == PARTS_KEY:
                continue
            if family not in FAMILIES and family != DISCLOSURE_KEY:
                raise ValueError(f"{lang}: {family!r} is not a sign family")
            result[lang][family] = tuple(
                re.compile(_expand(p, parts, f"{lang}/{family}/{i}"))
                for i, p in enumerate(patterns)
            )
    return result


@cache
def compiled() -> dict[str, dict[str, tuple[re.Pattern[str], ...]]]:
    """Language -> sign family -> compiled patterns (the danger signs only)."""
    return {lang: {f: ps for f, ps in families.items() if f != DISCLOSURE_KEY}
            for lang, families in _all_compiled().items()}


def language_hits(text: str) -> dict[str, int]:
    """Per language, how many of its patterns (danger and disclosure) the message matches.

    Evidence of the language a message is written in, for bot/nlu/language.py; a
    language none of whose patterns match is left out.
    """
    normalised = matching_form(text)
    hits = {lang: sum(1 for patterns in families.values() for p in patterns
                      if p.search(normalised))
            for lang, families in _all_compiled().items()}
    return {lang: n for lang, n in hits.items() if n}


def explain(text: str) -> list[tuple[str, str, str]]:
    """Every (language, family, pattern) that fires: for tuning and for reviews."""
    normalised = matching_form(text)
    return [
        (lang, family, pattern.pattern)
        for lang, families in _all_compiled().items()
        for family, patterns in families.items()
        for pattern in patterns
        if pattern.search(normalised)
    ]


def signs_in(text: str) -> tuple[str, ...]:
    """The sign families this message shows in any of the languages, sorted."""
    normalised = matching_form(text)
    return tuple(sorted({
        family
        for families in compiled().values()
        for family, patterns in families.items()
        if any(p.search(normalised) for p in patterns)
    }))
