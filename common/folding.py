"""One spelling per letter, so a word written once matches what people type on phones.

Latin letters lose their diacritics (ą→a, ł→l, ŵ→w), Arabic-script letters that
keyboards swap are made one, marks people leave out are dropped, and apostrophes and
hyphens become spaces. The urgency word lists (common/urgency_words.py) match on it,
and the scrubber's name lists (gateway/scrubbing/lexicon.py) index names by it.
"""

from __future__ import annotations

import unicodedata

# Letters with no decomposition, folded by hand: Polish ł, and a few that turn up.
_LATIN_EXTRA = {"ł": "l", "đ": "d", "ø": "o", "ı": "i", "ħ": "h", "ŀ": "l"}

# Arabic-script letters that phones, keyboards and habits swap for one another: Urdu
# typed on an Arabic keyboard, Arabic written with Persian letters, hamza left off.
_ARABIC_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ي": "ی", "ى": "ی", "ئ": "ی", "ے": "ی", "ۓ": "ی",
    "ك": "ک",
    "ة": "ه", "ۃ": "ه", "ہ": "ه", "ۀ": "ه", "ۂ": "ه", "ھ": "ه",
    "ؤ": "و",
}

# Marks that carry no meaning for matching, or that people often leave out: Arabic
# harakat, superscript alef and tatweel; Quranic annotation marks; zero-width joiners;
# the nukta (Bengali য় and য, Gurmukhi ਜ਼ and ਜ are typed either way); the Gurmukhi
# addak (ਘੁੱਟ and ਘੁਟ) and Bengali chandrabindu (বাঁচাও and বাচাও).
_DROP = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
    + ["\u093c", "\u09bc", "\u0a3c", "\u0a71", "\u0981"]
    + [chr(c) for c in range(0x0300, 0x0370)]
)

# Apostrophes and hyphens become spaces: Welsh mae'n, Romanian m-a and Somali la'aan
# are typed with or without them, so patterns write `mae ?n`, `m ?a`.
_SPACE = "'’‘ʼ`´-‐‑–—"


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", char)
                       if not unicodedata.combining(c))
        if base != char and base:
            table[code] = base
    for src, dst in {**_LATIN_EXTRA, **_ARABIC_FOLD}.items():
        table[ord(src)] = dst
    table[ord("\u0a70")] = "\u0a02"  # Gurmukhi tippi and bindi both mark a nasal.
    for char in _DROP:
        table[ord(char)] = ""
    for char in _SPACE:
        table[ord(char)] = " "
    return table


_TABLE = _build_table()
# The same, with apostrophes and hyphens kept.
_LETTERS_ONLY = {k: v for k, v in _TABLE.items() if chr(k) not in _SPACE}


def fold(text: str) -> str:
    """Letters to one spelling each, apostrophes and hyphens to spaces; case kept."""
    return unicodedata.normalize("NFKC", text).translate(_TABLE)


def fold_letters(text: str) -> str:
    """As fold(), but apostrophes and hyphens stay: for regular expressions, where a
    hyphen may be syntax, and for names such as O'Neill."""
    return unicodedata.normalize("NFKC", text).translate(_LETTERS_ONLY)
