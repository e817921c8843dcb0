"""Removing identifying details from a message before anything stores or logs it.

    scrub(text) -> str        the message with typed placeholders: "[name]", "[phone]"...
    load_scrubber() -> Scrubber   builds it once (lexicon, directory places); call at start-up

Full postcodes keep their outward code ("E8 3AB" -> "E8") and places the
directory knows are kept, because routing needs them. Public numbers (999,
0808 2000 247, the directory's own lines) are kept too.

How each kind is found: details.py (shapes: libphonenumber for phones, check digits
for NHS and card numbers, patterns for the rest), names.py (spaCy Matcher for
context, lexicon.py for names without it), places.py (what is kept).

Known limits, measured in tests/gateway/scrubbing (`python -m tools.scrub_measure`):
- a name with no context that is also an English word is kept: "Lily saw it",
  "dean punched the wall", lower-case "kyle" or "jess"; so is a name in no lexicon
  that is followed by no verb ("Priyanka from work...");
- the lexicon (Faker's) covers English, European and some African and South Asian
  names better than Sikh, Somali or Caribbean ones; "X + verb" makes up some of that;
- a capitalised word in no dictionary, followed by a verb, is taken for a name: a
  town in neither the directory nor uk_towns.txt ("Tring is..."), a brand not in
  places.KNOWN_PHRASES; and "Barry" the person wins over Barry the town;
- spelled-out details ("john at gmail dot com", "oh seven seven...") are not found;
- English only: Welsh sentences keep their words but names in them are found less.
"""

from __future__ import annotations

from functools import lru_cache

import gateway.scrubbing.spacy_import  # noqa: F401  (first: keeps TensorFlow out)
from gateway.scrubbing.details import Found
from gateway.scrubbing.scrubber import KINDS, Scrubber


@lru_cache(maxsize=1)
def load_scrubber() -> Scrubber:
    """The scrubber, built once per process (about 4 s: spaCy, the lexicon, the directory)."""
    from gateway.scrubbing.lexicon import load_lexicon
    from services_directory import load_directory

    scrubber = Scrubber.from_directory(load_directory(), load_lexicon())
    # The first phone number loads libphonenumber's metadata: pay that here, not in a reply.
    scrubber.scrub("Gary on 07700 900123 or +44 20 7946 0321")
    return scrubber


def scrub(text: str) -> str:
    return load_scrubber().scrub(text)


__all__ = ["KINDS", "Found", "Scrubber", "load_scrubber", "scrub"]
