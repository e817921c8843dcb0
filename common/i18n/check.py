"""Checks every catalogue must pass (run by tests/common/i18n and by translators).

`python -m common.i18n.check [locale ...]` prints the problems and exits 1 if any:
- a Welsh (COMPLETE_LOCALES) message left untranslated or fuzzy;
- in CORE_LOCALES, a message marked `i18n: core` left untranslated;
- a translation that drops or invents a {placeholder};
- a translation that loses a number from the English (999, 55, a phone number):
  a person in danger must get the same numbers in every language.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from common.i18n import COMPLETE_LOCALES, CORE_LOCALES, CORE_MARK, DOMAINS, LOCALES_DIR

_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
_NUMBER = re.compile(r"\d[\d ]*\d|\d")


@dataclass(frozen=True)
class Problem:
    locale: str
    domain: str
    msgid: str
    what: str

    def __str__(self) -> str:
        return f"{self.locale}/{self.domain}: {self.what}: {self.msgid[:70]!r}"


def catalogue(locale: str, domain: str) -> Catalog:
    with (LOCALES_DIR / locale / "LC_MESSAGES" / f"{domain}.po").open("rb") as po:
        return read_po(po, locale=locale, domain=domain)


def template(domain: str) -> Catalog:
    with (LOCALES_DIR / f"{domain}.pot").open("rb") as pot:
        return read_po(pot, domain=domain)


def is_core(message: Message) -> bool:
    return any(comment.startswith(CORE_MARK) for comment in message.auto_comments)


def _numbers(text: str) -> set[str]:
    return {n.replace(" ", "") for n in _NUMBER.findall(text)}


def problems(locale: str) -> Iterator[Problem]:
    for domain in DOMAINS:
        translated = catalogue(locale, domain)
        for wanted in template(domain):
            if not wanted.id or not isinstance(wanted.id, str):
                continue
            message = translated.get(wanted.id)
            done = message is not None and bool(message.string) and not message.fuzzy
            if not done:
                if locale in COMPLETE_LOCALES:
                    yield Problem(locale, domain, wanted.id, "untranslated")
                elif locale in CORE_LOCALES and is_core(wanted):
                    yield Problem(locale, domain, wanted.id, "core string untranslated")
                continue
            assert message is not None and isinstance(message.string, str)
            if set(_PLACEHOLDER.findall(message.string)) != set(_PLACEHOLDER.findall(wanted.id)):
                yield Problem(locale, domain, wanted.id, "placeholders differ")
            missing = _numbers(wanted.id) - _numbers(message.string)
            if missing:
                yield Problem(locale, domain, wanted.id, f"numbers missing {sorted(missing)}")


def main(locales: list[str]) -> int:
    found = [p for locale in locales or (*COMPLETE_LOCALES[1:], *CORE_LOCALES)
             for p in problems(locale)]
    for problem in found:
        print(problem)
    print(f"{len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
