"""Words the scrubber keeps: places the directory knows, and the names of services and laws.

Routing needs the place ("I live in Chelsea"), and the model needs to read
"Clare's Law" or "Women's Aid", even though Chelsea and Clare are also names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from services_directory import Directory
from services_directory.areas import place_key

TOWNS_FILE = Path(__file__).with_name("uk_towns.txt")

# Names of laws, schemes and organisations people ask about, beyond the directory's services.
KNOWN_PHRASES = (
    "Clare's Law", "Sarah's Law", "Helen's Law", "Women's Aid", "Welsh Women's Aid",
    "Scottish Women's Aid", "Men's Advice Line", "Refuge", "Samaritans", "Victim Support",
    "Citizens Advice", "Shelter", "Childline", "Galop", "Respect", "Karma Nirvana", "Hestia",
    "Solace", "SafeLives", "Rape Crisis", "Rights of Women", "Southall Black Sisters",
    "Imkaan", "Chayn", "Mankind", "Paladin", "Hourglass", "Bright Sky", "Hollie Guard",
    "Ask for ANI", "Universal Credit", "Jobcentre", "Job Centre", "Crown Prosecution Service",
    "Surviving Economic Abuse", "National Domestic Abuse Helpline", "Live Fear Free",
    "Cafcass", "Marac", "MARAC", "IDVA", "ISVA", "DWP", "HMRC", "Covid", "Xmas",
    # Apps, shops and banks people mention: none of them is a person.
    "WhatsApp", "Facebook", "Instagram", "Insta", "Snapchat", "TikTok", "Twitter", "Google",
    "iPhone", "Android", "YouTube", "Messenger", "Telegram", "Signal", "Tinder", "Hinge",
    "Bumble", "Grindr", "Zoom", "Skype", "Uber", "Airbnb", "Gumtree", "Amazon", "PayPal",
    "Monzo", "Revolut", "Barclays", "HSBC", "Lloyds", "NatWest", "Santander", "Halifax",
    "Nationwide", "Tesco", "Asda", "Sainsbury's", "Aldi", "Lidl", "Morrisons", "Primark",
    "Greggs", "Costa", "Argos", "Boots", "Deliveroo", "Tesco Express",
)


def directory_place_names(directory: Directory) -> list[str]:
    """Every name, other name and town of every area the directory knows."""
    names = []
    for area in directory.areas.by_id.values():
        names.append(area.name)
        names.extend(area.other_names)
        names.extend(area.towns)
    return names


def directory_phrases(directory: Directory) -> list[str]:
    """Service and organisation names, so "Hestia" or "Solace" stay readable."""
    phrases = list(KNOWN_PHRASES)
    for service in directory.services:
        phrases.extend([service.name, service.organisation, *service.other_names])
    return phrases


def directory_phone_numbers(directory: Directory) -> list[str]:
    return [c.number for s in directory.services for c in s.contacts if c.number]


class Places:
    def __init__(self, names: Iterable[str]) -> None:
        self.names = sorted(set(names))
        self._keys = {place_key(name) for name in self.names}

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and place_key(text) in self._keys


def other_proper_words() -> set[str]:
    """Lower-cased words of UK towns, countries and languages that are not in the directory.

    They are not protected like the directory's places (a person can be called Barry),
    but a capitalised word the dictionary does not know is not taken for a person when
    it is one of these ("Wolverhampton is where I live", "Urdu is my language").
    """
    from babel import Locale  # in the lock for the widget's translations

    english = Locale("en")
    names = [*TOWNS_FILE.read_text(encoding="utf-8").splitlines(),
             *english.languages.values(), *english.territories.values()]
    return {
        word.lower() for name in names if name and not name.startswith("#")
        for word in re.split(r"[\s,&()/-]+", name) if len(word) > 2
    }


def write_towns_file() -> None:
    """Regenerate uk_towns.txt from libphonenumber's exchange names (they change rarely).

    `python -c "from gateway.scrubbing.places import write_towns_file as w; w()"`.
    Loading the geocoder takes 100 MB, which is why the gateway reads the small file.
    """
    from phonenumbers import geodata

    towns = set()
    for prefix, names in geodata.GEOCODE_DATA.items():
        if prefix.startswith("44") and "en" in names:
            for part in re.split(r"[/,&]", re.sub(r"\([^)]*\)?|\)", "", names["en"])):
                if part.strip() and part.strip() != "United Kingdom":
                    towns.add(part.strip())
    header = "# UK towns named by the phone number plan; made by write_towns_file() in places.py\n"
    TOWNS_FILE.write_text(header + "\n".join(sorted(towns)) + "\n", encoding="utf-8")
