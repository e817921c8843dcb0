"""Bring a message to one spelling before rules read it.

People write in a hurry, on phones, frightened: lowercase, no apostrophes, text-speak.
Rules match the normalised text, so each rule needs one spelling, not twenty.
"""

from __future__ import annotations

import re
import unicodedata

# Whole-word replacements for common text-speak and contractions (after apostrophes
# are removed). Keys are what people type; values what the rules expect.
_TEXT_SPEAK = {
    "u": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please", "plez": "please",
    "gna": "going to", "gonna": "going to", "gunna": "going to", "goin": "going",
    "wanna": "want to", "wana": "want to", "gotta": "got to", "tryna": "trying to",
    "im": "i am", "ive": "i have", "id": "i would", "ill": "i will",
    "hes": "he is", "shes": "she is", "theyre": "they are", "theres": "there is",
    "hed": "he would", "hell": "he will", "shell": "she will",
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "cannot": "can not",
    "wont": "will not",
    "isnt": "is not", "aint": "is not",
    "wouldnt": "would not", "couldnt": "could not", "havent": "have not",
    "b4": "before", "2day": "today", "2nite": "tonight", "tonite": "tonight",
    "ppl": "people", "bf": "boyfriend", "gf": "girlfriend", "hubby": "husband",
    "n": "and", "bc": "because", "cos": "because", "coz": "because", "cuz": "because",
    "rn": "right now", "asap": "now", "omg": "", "pls!": "please",
    # Scots, Geordie and Northern spellings people type as they speak.
    "couldnae": "could not", "cannae": "can not", "canna": "can not", "cant": "can not",
    "wouldnae": "would not", "dinnae": "do not", "didnae": "did not", "isnae": "is not",
    "wasnae": "was not", "willnae": "will not", "winnae": "will not", "havnae": "have not",
    "roond": "round", "aroond": "around", "doon": "down", "heid": "head", "heids": "head",
    "ma": "my", "efter": "after", "oot": "out", "hoose": "house", "wi": "with",
    "aw": "all", "tae": "to", "masel": "myself", "mysel": "myself", "yersel": "yourself",
    "nae": "no", "ower": "over", "stair": "stairs", "owt": "anything", "nowt": "nothing",
    "summat": "something", "mam": "mum", "me": "me",
}
_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """Lowercase ASCII-ish words separated by single spaces, text-speak expanded."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("'", "")
    words = []
    for word in _WORD.findall(text):
        words.append(_TEXT_SPEAK.get(word, word))
    return " ".join(w for w in words if w)
