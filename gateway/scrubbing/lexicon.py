"""Which words are people's names, and which are ordinary English words.

First names and surnames come from Faker's person providers (maintained, shipped
inside the package, no downloads), for the languages most spoken in the UK.
English words come from Webster's Second (the `english-words` package), where
common nouns are lower case and proper nouns capitalised: a lower-case word
found there is an English word ("hope", "will"), one missing is probably a name.
"""

from __future__ import annotations

import importlib
import unicodedata
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from common.folding import fold_letters

# Faker locales whose names are common among people in the UK. The English ones
# are "core": a capitalised core name counts even when it is also a rare English
# word ("Peter", "Ruth"), which other languages' names do not ("Can", "Long").
CORE_LOCALES = ("en", "en_GB", "en_US", "en_IE", "en_NZ")
OTHER_LOCALES = (
    "en_IN", "en_PK", "en_NG", "en_KE", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "ga_IE", "fr_DZ",
    "az_AZ", "pl_PL", "ro_RO", "lt_LT", "lv_LV", "pt_PT", "pt_BR", "it_IT", "es_ES", "es_MX",
    "es_CO", "fr_FR", "de_DE", "nl_NL", "tr_TR", "cs_CZ", "sk_SK", "hu_HU", "hr_HR", "sl_SI",
    "zu_ZA", "sw", "id_ID", "vi_VN", "zh_CN", "ja_JP",
)
_ATTRIBUTES = {
    "first": ("first_names", "first_names_male", "first_names_female", "first_names_unisex",
              "first_romanized_names"),
    "last": ("last_names", "last_names_male", "last_names_female", "last_names_unisex",
             "last_romanized_names"),
}

# Names that are everyday words, or words that are often capitalised in a message
# for another reason (Welsh "Mae", "is"). They count as names only with context ("my son
# Will"). Kept as text because a list of words reads better that way.
EVERYDAY_WORDS = frozenset("""
ace admiral almond alpha amber angel april art august author autumn baby baker baron
bee bell berry bill bird bishop blaze bliss blossom boss branch brandy brook brown buck
bud buddy bunny bush cadence candy cannon canyon cap captain carry case cash chance
champ charity chase cherish cherry china chip christian clay cliff colonel con coral
council crystal daisy dale dawn deacon dean delta destiny diamond doctor doll dot dove
duke dusty early earnest easter echo elder ember emerald essence ever faith fate fawn
fern fleet flint forest foster frank friend garland gay general genesis ginger glen
golden governor grace grant gray green grove guy hall handy harmony haven hazel heath
heather heaven hill holly honey hope hunt hunter infant iris ivory ivy jack jade jay
jewel job journey joy judge june junior justice karma king kit kitty lady lance lane
lark lawyer liberty lily link little long love loyal lucky lyric major male marble
mark marsh marshal master maverick may meadow media melody mercy merry miles minor
miracle misty moody noble north nova olive opal orange page park pat patience pearl
penny pepper pink pleasant poppy precious press price prince princess prosper queen
raven ray reason red reed rich ridge river rob robin rock rocky rod rose royal ruby
rush rusty sage saint sandy scarlet serenity shade silver sincere sister skip sky
son spring squire star sterling stone storm stormy sue summer sunny sunshine tab
temperance tiny trace treasure true unique unknown unnamed urban velvet victory violet
ward wash west will willow windy winter wood woody worth young
god jesus christ allah lord mum mam mom nan nana dad sir madam police refuge muslim
islam hindu sikh jewish english british welsh scottish irish polish african asian
indian ok okay hi hello hey thanks please sorry yes yeah help babe ty theres council
ah oh eh er um uh hmm aw yo
lockdown internet email laptop wifi online offline smartphone selfie app apps website
facetime ipad netflix coronavirus vape uni telly
mae oes dim fy ei eu gyda wedi ond sut pam ble pwy yw ydy ydw roedd oedd bydd
diolch helo iawn plis nhw chi fi dw rwy
bible quran koran torah
monday tuesday wednesday thursday friday saturday sunday january february march
july september october november december christmas eid ramadan diwali
""".split())  # noqa: SIM905


def is_stop_word(lower: str) -> bool:
    return lower in STOP_WORDS


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]  # lower case
    core_first_names: frozenset[str]
    surnames: frozenset[str]
    english_words: frozenset[str]  # words Webster's writes in lower case
    everyday: frozenset[str]

    def is_english_word(self, lower: str) -> bool:
        return lower in self.english_words or lower in self.everyday or lower in STOP_WORDS

    def is_inflected_word(self, lower: str) -> bool:
        """An English word, or one inflected from it ("shouted"); "Tunde" is not."""
        return any(self.is_english_word(base) for base in _bases(lower))

    def is_first_name(self, lower: str) -> bool:
        return lower in self.first_names

    def is_surname(self, lower: str) -> bool:
        return lower in self.surnames

    def capitalised_is_name(self, lower: str) -> bool:
        """A capitalised word with no context: a name unless it is also an ordinary word."""
        if lower in self.everyday or lower in STOP_WORDS or lower not in self.first_names:
            return False
        return lower in self.core_first_names or lower not in self.english_words

    def lowercase_is_name(self, lower: str) -> bool:
        """A lower-case word with no context: people type names that way too."""
        return len(lower) >= 3 and lower in self.first_names and not self.is_english_word(lower)


def _bases(word: str) -> list[str]:
    """The word and what it may be inflected from: Webster's lists "shout", not "shouted"."""
    bases = [word]
    for suffix, replacements in (
        ("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")),
        ("es", ("",)), ("s", ("",)), ("ly", ("",)), ("er", ("", "e")), ("est", ("", "e")),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            bases += [stem + r for r in replacements]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                bases.append(stem[:-1])  # "hitting" -> "hit"
    return bases


def load_lexicon() -> Lexicon:
    # Imported here so the gateway can import this package before the lexicon is needed.
    from english_words import get_english_words_set

    core = _faker_names(CORE_LOCALES, "first")
    first = core | _faker_names(OTHER_LOCALES, "first")
    surnames = _faker_names(CORE_LOCALES + OTHER_LOCALES, "last")
    webster = get_english_words_set(["web2"], lower=False, alpha=True)
    return Lexicon(
        first_names=frozenset(first),
        core_first_names=frozenset(core),
        surnames=frozenset(surnames),
        english_words=frozenset(w for w in webster if w.islower()),
        everyday=EVERYDAY_WORDS,
    )


def _faker_names(locales: tuple[str, ...], which: str) -> set[str]:
    names: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in _ATTRIBUTES[which]:
            # Some locales weight their names (a dict), others list them.
            for name in getattr(provider, attr, None) or ():
                # "Mary Ann" and "Hans-Uwe": index each part; "Gintarė" also as "gintare".
                for part in name.replace("-", " ").split():
                    if _is_latin(part):
                        names.add(part.lower())
                        names.add(fold_letters(part.lower()))
    names.discard("")
    return names


def _is_latin(word: str) -> bool:
    return word.isalpha() and all(ord(c) < 0x250 or "LATIN" in unicodedata.name(c, "")
                                  for c in word)


