"""The scrubber: every finder in order, overlaps resolved, placeholders written."""

from __future__ import annotations

import re
from collections.abc import Iterable

from gateway.scrubbing import details
from gateway.scrubbing.details import Found
from gateway.scrubbing.lexicon import Lexicon, is_stop_word
from gateway.scrubbing.names import NameFinder
from gateway.scrubbing.places import (
    Places,
    directory_phone_numbers,
    directory_phrases,
    directory_place_names,
    other_proper_words,
)
from services_directory import Directory

KINDS = (
    "name", "phone", "email", "address", "postcode", "date", "ni_number", "nhs_number",
    "bank", "url", "handle", "number",
)
_SURROGATE = re.compile("[\ud800-\udfff]")
# Neighbouring spans of these kinds become one placeholder: "[name]", not "[name] [name]".
_JOIN = {"name": re.compile(r"[\s-]*"), "address": re.compile(r"[\s,]*")}


class Scrubber:
    def __init__(
        self,
        lexicon: Lexicon,
        places: Places,
        phrases: Iterable[str] = (),
        public_numbers: Iterable[str] = (),
        proper_words: Iterable[str] = (),
    ) -> None:
        self.lexicon = lexicon
        self.places = places
        self.names = NameFinder(lexicon, places.names, phrases, proper_words)
        self.public_numbers = details.public_number_digits(public_numbers)

    @classmethod
    def from_directory(cls, directory: Directory, lexicon: Lexicon) -> Scrubber:
        return cls(
            lexicon,
            Places(directory_place_names(directory)),
            directory_phrases(directory),
            directory_phone_numbers(directory),
            other_proper_words(),
        )

    def scrub(self, text: str) -> str:
        # JSON can carry lone surrogates ("\\ud800"); spaCy cannot encode them.
        text = _SURROGATE.sub("\ufffd", text)
        out = []
        position = 0
        for span in self.find(text):
            out.append(text[position:span.start])
            out.append(span.replacement)
            position = span.end
        out.append(text[position:])
        return "".join(out)

    def find(self, text: str) -> list[Found]:
        """The spans to replace, in order, none overlapping."""
        claims = _Claims(len(text))
        people_phones, public_phones = details.find_phones(text, self.public_numbers)
        is_word = self.lexicon.is_english_word
        # Most specific shapes first: an email's digits are not a phone number.
        for spans in (
            public_phones,
            details.find_emails(text) if "@" in text else (),
            details.find_urls(text),
            details.find_handles(text, is_word),
            details.find_ni_numbers(text, is_stop_word),
            details.find_nhs_numbers(text),
            details.find_bank_details(text),
            details.find_postcodes(text),
            details.find_dates(text),
            people_phones,
            details.find_phone_shapes(text, self.public_numbers),
            details.find_addresses(text, is_stop_word, self.places.__contains__),
        ):
            claims.claim(spans)
        claims.claim(self.names.find(text, list(claims.spans.values())))
        claims.claim(details.find_long_numbers(text))
        return _join(text, sorted(s for s in claims.spans.values() if s.kind != "keep"))


class _Claims:
    """Spans claimed so far; a later span may not overlap an earlier one of another kind."""

    def __init__(self, length: int) -> None:
        self.spans: dict[int, Found] = {}
        self._owner = [-1] * length  # span id per character
        self._next_id = 0

    def claim(self, spans: Iterable[Found]) -> None:
        for span in spans:
            if span.start >= span.end:
                continue
            ids = {i for i in self._owner[span.start:span.end] if i >= 0}
            overlapping = [self.spans[i] for i in ids]
            if overlapping and not (
                span.kind in _JOIN and all(c.kind == span.kind for c in overlapping)
            ):
                continue
            for i in ids:  # "Flat 2B" and "2B, Nightingale House" are one address
                del self.spans[i]
            start = min([span.start, *(c.start for c in overlapping)])
            end = max([span.end, *(c.end for c in overlapping)])
            self._add(Found(start, end, span.kind, span.replacement))

    def _add(self, span: Found) -> None:
        span_id = self._next_id
        self._next_id += 1
        self.spans[span_id] = span
        self._owner[span.start:span.end] = [span_id] * (span.end - span.start)


def _join(text: str, spans: list[Found]) -> list[Found]:
    joined: list[Found] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (
            last is not None and last.kind == span.kind and span.kind in _JOIN
            and _JOIN[span.kind].fullmatch(text[last.end:span.start])
        ):
            joined[-1] = Found(last.start, span.end, span.kind, span.replacement)
        else:
            joined.append(span)
    return joined
