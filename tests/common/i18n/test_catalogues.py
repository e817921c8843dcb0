"""The catalogues are complete where they must be, current with the code, and compile."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo

from common.i18n import COMPLETE_LOCALES, CORE_LOCALES, DOMAINS, LOCALES_DIR, SUPPORTED_LOCALES
from common.i18n.check import catalogue, is_core, problems, template

ROOT = Path(__file__).resolve().parents[3]
# Where `make i18n` extracts each catalogue from: SOURCES_<domain> in the Makefile.
SOURCES = {domain: folders.split() for domain, folders in re.findall(
    r"^SOURCES_(\w+) := (.+)$", (ROOT / "Makefile").read_text(), re.MULTILINE)}
TRANSLATED = [locale for locale in SUPPORTED_LOCALES if locale != "en"]


@pytest.mark.parametrize("domain", DOMAINS)
def test_templates_hold_every_string_the_code_has(domain: str, tmp_path: Path) -> None:
    """A new English sentence without `make i18n` would reach nobody in Welsh."""
    pot = tmp_path / f"{domain}.pot"
    subprocess.run(
        [sys.executable, "-c", "from babel.messages.frontend import main; main()", "extract",
         "-F", "common/i18n/babel.cfg", "-k", "N_", "-k", "t", "-c", "i18n:",
         "-o", str(pot), *SOURCES[domain]],
        cwd=ROOT, check=True, env={"PYTHONPATH": str(ROOT)}, capture_output=True,
    )
    from babel.messages.pofile import read_po
    with pot.open("rb") as fresh:
        extracted = {m.id for m in read_po(fresh) if m.id}
    assert extracted == {m.id for m in template(domain) if m.id}


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_catalogue_is_updated_from_its_template(locale: str, domain: str) -> None:
    wanted = {m.id for m in template(domain) if m.id}
    assert wanted <= {m.id for m in catalogue(locale, domain) if m.id}


@pytest.mark.parametrize("locale", TRANSLATED)
def test_no_missing_welsh_or_core_string_and_no_lost_number_or_placeholder(
        locale: str) -> None:
    assert [str(p) for p in problems(locale)] == []


def test_welsh_is_complete() -> None:
    for domain in DOMAINS:
        untranslated = [m.id for m in catalogue("cy", domain) if m.id and not m.string]
        assert untranslated == [], domain
    assert "cy" in COMPLETE_LOCALES


def test_core_strings_are_marked_in_actions_and_widget() -> None:
    """The urgent reply, 999 line, exit labels, first reply and routing are marked core."""
    core = {m.id for d in ("actions", "widget") for m in template(d) if is_core(m)}
    for needed in ("If you are in danger now, call 999.", "Exit this page",
                   "Thank you for telling me. What is happening is not your fault, and you "
                   "deserve to be safe.", "These services can help:", "call {phone}"):
        assert needed in core
    assert CORE_LOCALES


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("domain", DOMAINS)
def test_catalogues_compile(locale: str, domain: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(locale, domain))
    assert compiled.getvalue()
    assert (LOCALES_DIR / locale / "LC_MESSAGES" / f"{domain}.mo").exists(), "run make catalogues"


def counts(locale: str, domain: str) -> str:
    """What docs/translations.md's table says for one catalogue: '46/46 (core 21/21)'."""
    messages = [m for m in catalogue(locale, domain) if m.id]
    done = [m for m in messages if m.string and not m.fuzzy]
    shown = f"{len(done)}/{len(messages)}"
    core = [m for m in messages if is_core(m)]
    if core:
        shown += f" (core {len([m for m in core if m in done])}/{len(core)})"
    return shown


def test_the_translations_page_says_what_each_catalogue_holds() -> None:
    page = (ROOT / "docs" / "translations.md").read_text(encoding="utf-8")
    rows = {}
    for line in page.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if line.startswith("| ") and cells[0].split(" ")[0] in SUPPORTED_LOCALES:
            rows[cells[0].split(" ")[0]] = cells[1:]
    assert set(rows) == set(TRANSLATED)
    for locale, cells in rows.items():
        assert cells == [counts(locale, domain) for domain in DOMAINS], locale
