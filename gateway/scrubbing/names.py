"""People's names, found with spaCy's Matcher (context) and a name lexicon (no context).

A word is a name when:
- context says so: "my name is X", "call me X", "he's called X", "Mrs X",
  "my husband X", "X is my partner" (these win even over a place:
  "my daughter Chelsea");
- weaker context says so and the word is a known name: "I'm Grace.", "it's Sam",
  "Sarah, my ex,",
  "Mark said...", "Lisa and Dean" (a place wins over these: "I'm in Chelsea");
- or it is a known first name that is not also an everyday word: "Gary" alone
  counts, "Hope" or "Will" alone do not.
A name's neighbours are pulled in: surnames ("Wayne Hughes"), hyphenated parts
("Ellie-May").
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import Any, cast

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from gateway.scrubbing.details import Found
from gateway.scrubbing.lexicon import Lexicon


class Strength(enum.IntEnum):
    VERB = 0  # "Tunde took my passport": a capitalised word that is no English word, a verb
    WEAK = 1  # "I'm X", "X said": a known name, not a place
    KIN = 2  # "my husband X": capitalised, or a known name typed in lower case
    INTRO = 3  # "my name is X": almost anything that is not a common word


KIN = [
    "husband", "wife", "partner", "boyfriend", "girlfriend", "bf", "gf", "fiance", "fiancé",
    "fiancee", "fiancée", "ex", "spouse", "hubby", "son", "daughter", "child", "kid", "baby",
    "boy", "girl", "mum", "mom", "mother", "mam", "mummy", "dad", "father", "daddy",
    "stepdad", "stepfather", "stepmum", "stepmother", "stepson", "stepdaughter", "brother",
    "sister", "bro", "sis", "sibling", "uncle", "aunt", "auntie", "aunty", "nan", "nana",
    "nanna", "gran", "granny", "grandma", "grandad", "granddad", "grandpa", "grandmother",
    "grandfather", "cousin", "nephew", "niece", "friend", "mate", "bestie", "neighbour",
    "neighbor", "boss", "manager", "colleague", "landlord", "landlady", "carer", "flatmate",
    "housemate", "lodger", "abuser", "attacker", "worker", "caseworker", "solicitor",
    "lawyer", "doctor", "gp", "officer", "midwife", "teacher", "visitor", "advocate", "idva",
    "law", "mother-in-law", "father-in-law", "sister-in-law", "brother-in-law", "pimp",
]
_MODIFIERS = [
    "ex", "former", "new", "current", "abusive", "violent", "step", "late", "older", "younger",
    "eldest", "youngest", "little", "big", "other", "old", "best", "social", "support", "key",
    "health", "family", "in", "-", "'s", "baby", "kids", "children", "son", "daughter",
]
_OWNERS = ["my", "our", "his", "her", "their", "your", "'s", "the"]
_TITLES_ANY_CASE = ["mr", "mrs", "ms", "mx", "dr", "mr.", "mrs.", "ms.", "mx.", "dr.", "mister"]
_TITLES_CAPITALISED = [
    "Miss", "PC", "DC", "DS", "DI", "Sgt", "Sergeant", "Officer", "Detective", "Constable",
    "Inspector", "Judge", "Councillor", "Cllr", "Prof", "Professor", "Nurse", "Father", "Rev",
    "Imam", "Pastor", "Sister", "Aunty", "Auntie", "Uncle",
]
# After a capitalised known name, these make "Mark said" a person, not a verb or a noun.
# Only verbs whose subject is a person: "Summer came" is no one.
_PERSON_VERBS = [
    "said", "says", "told", "tells", "hit", "hits", "punched", "punches", "kicked", "kicks",
    "threatened", "threatens", "shouted", "shouts", "screamed", "screams", "grabbed",
    "pushed", "strangled", "choked", "raped", "slapped", "slaps", "texted", "texts",
    "messaged", "rang", "stalks", "controls", "locked", "smashed", "wants", "thinks",
]

# After a capitalised word that is in no dictionary, any of these makes it a person.
_COMMON_VERBS = [
    "is", "was", "has", "had", "does", "did", "will", "wo", "would", "can", "ca", "could",
    "should", "keeps", "kept", "took", "takes", "says", "saw", "sees", "knows", "knew",
    "wants", "went", "goes", "came", "comes", "got", "gets", "made", "makes", "thinks",
    "thought", "helped", "helps", "broke", "found", "works", "worked", "lives", "lived",
    "left", "called", "calls", "sent", "sends", "stole", "drinks", "drank", "uses", "used",
    "hurt", "attacked", "followed", "follows", "checks", "checked", "needs", "loves",
    "hates", "tried", "tries", "started", "stopped", "refused", "refuses", "asked", "asks",
    "and", *_PERSON_VERBS,
]

# A word that could be a name: letters, with inner apostrophes (O'Brien). The Matcher
# only checks cheap flags; _is_name checks the shape.
_NAME_SHAPE = re.compile(r"^[^\W\d_]+(?:['’][^\W\d_]+)*$")
_CANDIDATE = {"IS_PUNCT": False, "LIKE_NUM": False, "IS_SPACE": False}
_LONG_RUN = re.compile(r"\S{40,}")
_STREET_WORDS = re.compile(
    r"^(?:street|st|road|rd|avenue|ave|lane|close|drive|way|court|place|gardens|grove|"
    r"terrace|crescent|square|hill|park|green|house|estate|mews|row|walk)$",
    re.IGNORECASE,
)


def _patterns() -> dict[str, tuple[Strength, bool, list[list[dict]]]]:
    """label -> (strength, the candidate is the pattern's last token?, patterns)."""
    kin = {"LOWER": {"IN": KIN}}
    owner_kin: list[dict[str, Any]] = [
        {"LOWER": {"IN": _OWNERS}},
        {"LOWER": {"IN": _MODIFIERS}, "OP": "*"},
        kin,
    ]
    return {
        "INTRO": (Strength.INTRO, True, [
            [{"LOWER": {"IN": ["name", "names", "nickname"]}},
             {"LOWER": {"IN": ["is", "'s", ":", "was", "-"]}, "OP": "?"}, _CANDIDATE],
            [{"LOWER": "call"}, {"LOWER": "me"}, _CANDIDATE],
            [{"LOWER": {"IN": ["is", "'s", "am", "'m", "m", "are", "was", "were", "be"]}},
             {"LOWER": {"IN": ["called", "named"]}}, _CANDIDATE],
            [{"LOWER": {"IN": ["named", "aka"]}}, _CANDIDATE],
            [{"LOWER": "known"}, {"LOWER": "as"}, _CANDIDATE],
            [{"LOWER": {"IN": _TITLES_ANY_CASE}}, {"ORTH": ".", "OP": "?"}, _CANDIDATE],
            [{"ORTH": {"IN": _TITLES_CAPITALISED}}, _CANDIDATE],
        ]),
        "INTRO_AFTER": (Strength.INTRO, False, [
            [_CANDIDATE, {"LOWER": {"IN": ["is", "'s"]}}, {"LOWER": {"IN": ["my", "his", "her"]}},
             {"LOWER": "name"}],
        ]),
        "KIN": (Strength.KIN, True, [
            [*owner_kin, {"ORTH": {"IN": [",", "-", ":", "("]}, "OP": "?"}, _CANDIDATE],
        ]),
        "KIN_AFTER": (Strength.KIN, False, [
            [_CANDIDATE, {"LOWER": {"IN": ["is", "'s", "was"]}}, *owner_kin],
            [_CANDIDATE, {"ORTH": "("}, *owner_kin],
        ]),
        # "Sarah, my ex, ..." but also "I live in Cardiff, my wife ...": weak, so a
        # place the directory knows wins.
        "KIN_AFTER_COMMA": (Strength.WEAK, False, [
            [_CANDIDATE, {"ORTH": ","}, *owner_kin],
        ]),
        "WEAK": (Strength.WEAK, True, [
            [{"LOWER": {"IN": ["i", "im"]}}, {"LOWER": {"IN": ["'m", "am", "m"]}, "OP": "?"},
             _CANDIDATE],
            [{"LOWER": {"IN": ["this", "it"]}}, {"LOWER": {"IN": ["is", "'s"]}}, _CANDIDATE],
            [{"LOWER": "its"}, _CANDIDATE],
            [{"LOWER": "me"}, {"LOWER": {"IN": ["and", "&"]}}, _CANDIDATE],
        ]),
        "VERB_AFTER": (Strength.VERB, False, [
            [_CANDIDATE, {"LOWER": {"IN": _COMMON_VERBS}}],
        ]),
        "WEAK_AFTER": (Strength.WEAK, False, [
            [_CANDIDATE, {"LOWER": {"IN": _PERSON_VERBS}}],
            [_CANDIDATE, {"LOWER": {"IN": ["and", "&"]}}, {"LOWER": {"IN": ["i", "me"]}}],
        ]),
    }


class NameFinder:
    def __init__(
        self,
        lexicon: Lexicon,
        places: Iterable[str],
        phrases: Iterable[str],
        proper_words: Iterable[str] = (),
    ) -> None:
        self.lexicon = lexicon
        self.proper_words = frozenset(proper_words)
        self.nlp = spacy.blank("en")
        self.matcher = Matcher(self.nlp.vocab)
        self.rules: dict[int, tuple[Strength, bool]] = {}
        for label, (strength, last, patterns) in _patterns().items():
            self.matcher.add(label, patterns)
            self.rules[self.nlp.vocab.strings[label]] = (strength, last)
        self.keep = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        tokenizer = cast(Tokenizer, self.nlp.tokenizer)  # spacy.blank's is always one
        self.keep.add("PLACE", list(tokenizer.pipe(places)))
        self.keep.add("PHRASE", list(tokenizer.pipe(phrases)))
        self._place_id = self.nlp.vocab.strings["PLACE"]

    def find(self, text: str, taken: list[Found]) -> list[Found]:
        # No name is 40 characters without a space, and spaCy's tokenizer is slow on such
        # runs (2,000 emoji: a second), so they become spaces of the same length.
        doc = self.nlp.make_doc(_LONG_RUN.sub(lambda m: " " * len(m[0]), text))
        blocked = _overlapping_tokens(doc, taken)
        places: set[int] = set()
        phrases: set[int] = set()
        for match_id, start, end in self.keep(doc):
            (places if match_id == self._place_id else phrases).update(range(start, end))

        context: dict[int, Strength] = {}
        for match_id, start, end in self.matcher(doc):
            strength, last = self.rules[match_id]
            i = end - 1 if last else start
            context[i] = max(context.get(i, strength), strength)

        names: set[int] = set()
        for token in doc:
            i = token.i
            if i in blocked or i in phrases:
                continue
            if self._is_name(token, context.get(i), i in places):
                names.add(i)
        self._grow(doc, names, blocked | phrases | places)
        return [
            Found(doc[i].idx, doc[i].idx + len(doc[i].text), "name", "[name]")
            for i in sorted(names)
        ]

    def _is_name(self, token: Token, strength: Strength | None, is_place: bool) -> bool:
        text = token.text
        lower = text.lower()
        lex = self.lexicon
        capitalised = text[0].isupper()
        if not _NAME_SHAPE.match(text):
            return False
        if lower in _STOPLIKE and not (  # "my son Will", but not "my husband has"
            capitalised and strength is not None and strength >= Strength.KIN
            and lex.is_first_name(lower)
        ):
            return False
        if is_place and (strength is None or strength <= Strength.WEAK):
            return False  # "I'm in Chelsea", "near Angel"
        if strength is None:
            return lex.capitalised_is_name(lower) if capitalised else lex.lowercase_is_name(lower)
        if capitalised and (strength >= Strength.KIN or (
            not text.isupper() and not lex.is_inflected_word(lower)
            and lower not in self.proper_words
        )):
            return True  # "my husband Will", "Mrs Patel", "Tunde took", "I'm Oluwaseun"
        if strength == Strength.WEAK and capitalised:
            return lex.is_first_name(lower)  # "I'm Grace.", "Mark said"
        if strength <= Strength.WEAK:
            return lex.capitalised_is_name(lower) if capitalised else lex.lowercase_is_name(lower)
        if lex.lowercase_is_name(lower):
            return True  # "my ex dave"
        # "my name is mark" or "my name is zainab", but not "my husband will".
        return strength == Strength.INTRO and (
            lex.is_first_name(lower) or not lex.is_english_word(lower)
        )

    def _grow(self, doc: Doc, names: set[int], fixed: set[int]) -> None:
        """Add surnames, hyphenated parts and "X and Y" to names already found."""
        changed = True
        while changed:
            changed = False
            for i in sorted(names):
                for j, hyphenated in self._neighbours(doc, i):
                    if j in names or j in fixed:
                        continue
                    token = doc[j].text
                    if not _NAME_SHAPE.match(token) or _STREET_WORDS.match(token):
                        continue
                    if (hyphenated and token[0].isupper()) or self._is_neighbour_name(token):
                        names.add(j)
                        changed = True

    def _is_neighbour_name(self, token: str) -> bool:
        lex = self.lexicon
        lower = token.lower()
        if lower in _STOPLIKE:
            return False
        if token[0].isupper():  # "Lisa and Dean", "Wayne Hughes", but not "and English"
            return lex.is_first_name(lower) or (
                lower not in self.proper_words and lower not in lex.everyday
                and (not lex.is_english_word(lower) or lex.is_surname(lower))
            )
        # "my name is sarah jones"
        return (lex.is_surname(lower) or lex.is_first_name(lower)) and (
            not lex.is_english_word(lower)
        )

    @staticmethod
    def _neighbours(doc: Doc, i: int) -> list[tuple[int, bool]]:
        """Tokens that would share a name with token i, and whether by a hyphen."""
        out = []
        token = doc[i]
        if i + 1 < len(doc) and token.whitespace_:
            out.append((i + 1, False))  # Wayne Hughes
        if i + 2 < len(doc) and doc[i + 1].text == "-" and not token.whitespace_ \
                and not doc[i + 1].whitespace_:
            out.append((i + 2, True))  # Ellie-May
        if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ \
                and not doc[i - 1].whitespace_:
            out.append((i - 2, True))
        if i + 2 < len(doc) and doc[i + 1].lower_ in ("and", "&"):
            out.append((i + 2, False))  # Alfie and Poppy
        if i >= 2 and doc[i - 1].lower_ in ("and", "&"):
            out.append((i - 2, False))
        return out


# Words that are never names, whatever the context: "my husband has", "call me back".
_STOPLIKE = frozenset(
    STOP_WORDS
    | {"im", "dont", "cant", "wont", "didnt", "doesnt", "isnt", "ive", "hes", "shes", "thats",
       "u", "ur", "pls", "please", "asap", "lol", "omg", "idk", "ok", "okay", "yes", "no",
       "police", "council", "refuge", "god", "mum", "dad", "mam", "nan",
       # what people call themselves: "I'm a fella in Swansea" names no one
       "fella", "bloke", "lad", "lass", "geezer", "guy", "man", "woman", "girl", "boy",
       "mate", "pal", "hun", "babe"}
)


def _overlapping_tokens(doc: Doc, spans: list[Found]) -> set[int]:
    covered = bytearray(len(doc.text) + 1)
    for span in spans:
        covered[span.start:span.end] = b"\x01" * (span.end - span.start)
    return {t.i for t in doc if any(covered[t.idx:t.idx + len(t.text)])}
