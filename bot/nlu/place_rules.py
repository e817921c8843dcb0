"""Where the person says they are, from the directory's own area data.

Built from services_directory/data/areas.yml when the model loads, so a maintainer
who adds an area or a town needs no retraining. A full postcode is reduced to its
outward code at once ("E8 3AB" -> "E8"): routing needs no more, and no more is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import spacy
from spacy.matcher import PhraseMatcher

from bot.nlu.role_rules import OTHER_PERSON
from common.normalise import normalise
from services_directory import Areas

_FULL_POSTCODE = re.compile(r"\b([A-Za-z]{1,2}[0-9][0-9A-Za-z]?)\s*[0-9][A-Za-z]{2}\b")
_OUTWARD_CODE = re.compile(r"\b([A-Za-z]{1,2}[0-9][0-9A-Za-z]?)\b")
# Words that introduce a place; a one-word place name typed in lowercase needs one
# ("i live in barking"), so that "the dog was barking" is not a place.
_LOCATIVE = {"in", "from", "near", "at", "around", "nr", "live", "living", "based", "to",
             "outside", "round"}
_HERE = {"here", "area", "way", "side"}
# Words after which a place name means something else ("NI number", "UK passport").
_NOT_A_PLACE_BEFORE = {"number", "no", "num", "insurance", "passport", "visa", "citizen"}


@dataclass(frozen=True)
class FoundPlace:
    area: str
    nation: str | None
    start: int
    end: int
    text: str
    ambiguous: bool = False
    # Whose place the words make it: "writer" ("we're in york"), "other" ("my daughter's
    # at uni in edinburgh", "she's in swansea"), or None when they do not say.
    whose: str | None = None
    # Somewhere left behind ("she lived in london", "after leaving him in liverpool"),
    # which gives way to a place said as where they are now.
    former: bool = False


# The clause before a place: its last subject says whose place it is.
_CLAUSE_END = re.compile(r"[.,;!?\n]|\b(?:and|but|while|whereas)\b")
_WRITER = re.compile(r"\b(?:i|we|me|us|our)\b|^\s*were\b")  # "were in york": we're
_OTHER = re.compile(rf"\b(?:she|he|they|her|his|their|them|him)\b|\bmy (?:\w+ )?"
                    rf"{OTHER_PERSON}s?\b")


# Staying at someone's home is being there oneself: "i'm staying at my nans in rhyl".
_STAYING_WITH = re.compile(r"\b((?:i|we)\b(?: \w+){0,3} (?:staying|stopping|living|sleeping|"
                           r"kipping|sofa surfing) (?:at|with)) (?:my|our) (?:\w+ )?\w+")


def whose_place(before: str) -> str | None:
    """"writer" or "other" by the nearest subject in the clause before a place."""
    clause = normalise(_CLAUSE_END.split(before.lower())[-1])
    clause = _STAYING_WITH.sub(r"\1 somewhere", clause)
    last = max(((m.start(), "writer") for m in _WRITER.finditer(clause)),
               default=(-1, None))
    other = max(((m.start(), "other") for m in _OTHER.finditer(clause)), default=(-1, None))
    return max(last, other)[1] if max(last, other)[0] >= 0 else None


_FORMER = re.compile(r"\b(?:used to live|lived|grew up|was living|were living|moved|left|"
                     r"leaving|fled|escaped|born)(?: \w+){0,2} (?:in|from)$|"
                     r"\b(?:used to be|i was|she was|he was|they were) (?:in|from)$|"
                     # Where someone comes from, beside where they are: "if youre from
                     # england", "im originally from leeds".
                     r"\b(?:i m|im|i am|youre|you re|you are|originally) from$")


def left_behind(before: str) -> bool:
    """Whether the words before a place make it somewhere the person was, not is."""
    return bool(_FORMER.search(normalise(_CLAUSE_END.split(before.lower())[-1])))


def outward_code_only(text: str) -> str:
    """The message with every full postcode cut to its outward code."""
    return _FULL_POSTCODE.sub(lambda m: m.group(1).upper(), text)


def _a_fragment_of_its_own(text: str, match: re.Match[str]) -> bool:
    """A code set apart by punctuation ("SK13. my husband...", "...crying. BT12. i cant"),
    as a town is: a place given as a place, not a word inside a sentence."""
    before, after = text[: match.start()].rstrip(), text[match.end():]
    return (not before or before[-1] in ".,:;!?\n") and bool(re.match(r"\s*(?:[.,:;!?\n-]|$)",
                                                                        after))


class PlaceFinder:
    def __init__(self, areas: Areas) -> None:
        self._areas = areas
        self._nlp = spacy.blank("en")
        self._matcher = PhraseMatcher(self._nlp.vocab, attr="LOWER")
        names = {n for a in areas.by_id.values() for n in (a.name, *a.other_names, *a.towns)}
        self._matcher.add("PLACE", [self._nlp.make_doc(n) for n in sorted(names)])

    def find(self, text: str) -> list[FoundPlace]:
        from_full_postcodes = {m.group(1).upper() for m in _FULL_POSTCODE.finditer(text)}
        text = outward_code_only(text)
        doc = self._nlp.make_doc(text)
        found = []
        spans = spacy.util.filter_spans([doc[s:e] for _, s, e in self._matcher(doc)])
        for span in spans:
            if not self._meant_as_place(span, len(doc)):
                continue
            place = self._areas.resolve(span.text)
            if place is not None and place.area is not None:
                found.append(FoundPlace(place.area, place.nation, span.start_char,
                                        span.end_char, span.text, place.ambiguous,
                                        whose_place(text[: span.start_char]),
                                        left_behind(text[: span.start_char])))
        for match in _OUTWARD_CODE.finditer(text):
            code = match.group(1).upper()
            before = text[: match.start()].split()
            # A bare code like "E8" counts when it was a full postcode, stands nearly alone,
            # or follows "in", "postcode is"... ("M1" in a sentence may be the motorway).
            introduced = {w.lower() for w in before[-2:]} & (_LOCATIVE | {"postcode"})
            if (code not in from_full_postcodes and len(doc) > 3 and not introduced
                    and not _a_fragment_of_its_own(text, match)):
                continue
            if not re.fullmatch(r"[A-Z]{1,2}[0-9][0-9A-Z]?", code):
                continue
            place = self._areas.resolve(code)
            if place is not None and place.area is not None:
                found.append(FoundPlace(place.area, place.nation, match.start(), match.end(),
                                        code, place.ambiguous,
                                        whose_place(text[: match.start()]),
                                        left_behind(text[: match.start()])))
        now = [p for p in found if not p.former]
        return self._most_specific(now or found)

    def _most_specific(self, found: list[FoundPlace]) -> list[FoundPlace]:
        """Without a broader place that a more specific one, said in the same breath for
        the same person, lies in: "ilkeston, england" is Derbyshire, not England."""
        return [p for p in found if not any(
            q.area != p.area and q.whose == p.whose and p.area in self._areas.ancestors(q.area)
            for q in found)]

    @staticmethod
    def _meant_as_place(span: spacy.tokens.Span, doc_length: int) -> bool:
        doc = span.doc
        following = doc[span.end] if span.end < len(doc) else None
        if following is not None and following.lower_ in _NOT_A_PLACE_BEFORE:
            return False  # "NI number" is National Insurance, not Northern Ireland
        if len(span) > 1 or doc_length <= 3 or span.text[:1].isupper():
            return True
        previous = doc[span.start - 1] if span.start > 0 else None
        if previous is not None and previous.lower_ in _LOCATIVE:
            return True
        # A fragment of its own: "edinburgh here.", "... locked in. swansea"
        # "so am i. belfast": the tokenizer keeps "i." as one token.
        starts = previous is None or previous.is_punct or previous.text[-1:] in ".,;:!?"
        ends = following is None or following.is_punct or following.lower_ in _HERE
        return starts and ends
