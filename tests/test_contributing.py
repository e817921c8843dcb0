"""CONTRIBUTING.md's recipe for a new language, followed on a copy of the repository.

A fixture language (Italian, `it`) is added one step at a time, the way the page says.
After only the first step, the tests the page names must fail, so they do see a half-added
language. After every step, they must pass. If the page goes out of date (a file moves,
or a new place must be changed), this fails.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from common.i18n import CORE_MARK, DOMAINS

ROOT = Path(__file__).resolve().parents[1]
PAGE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
CODE = "it"
# The tests the recipe names; only they run on the copy.
NAMED_TESTS = ["tests/test_safety_facts.py", "tests/common/test_urgency_words.py",
               "tests/common/i18n/test_catalogues.py"]

# What a speaker of the language would write for steps 5 and 6.
DANGER_WORDS = """
it:
  _disclosure:
    - '\\bmi picchia\\b'
    - '\\bmi insulta\\b'
  weapon:
    - '\\bcoltello\\b'
    - '\\bpistola\\b'
  threat_to_kill:
    - '\\bmi ammazz'
  strangulation:
    - '\\bstrangol'
  trapped:
    - '\\bchius[ao] a chiave\\b'
    - '\\bnon mi lascia uscire\\b'
  suicidal:
    - '\\bfarla finita\\b'
  violence_now:
    - '\\bmi sta picchiando\\b'
"""
URGENT_EXAMPLES = [
    ("ha un coltello e urla", "weapon"),
    ("ha preso la pistola dal cassetto", "weapon"),
    ("dice che mi ammazza stanotte", "threat_to_kill"),
    ("ieri sera mi ha strangolato", "strangulation"),
    ("mi ha chiusa a chiave in camera", "trapped"),
    ("non mi lascia uscire di casa", "trapped"),
    ("voglio farla finita", "suicidal"),
    ("mi sta picchiando adesso", "violence_now"),
]
CALM_EXAMPLES = [
    "mio marito controlla il mio telefono", "mi urla contro ogni giorno",
    "non mi da mai soldi", "ho paura di lui", "controlla dove vado",
    "mi ha lasciato per un'altra", "vorrei parlare con qualcuno", "mi insulta sempre",
]


def recipe() -> str:
    return PAGE.split("\n## A language\n", 1)[1].split("\n## ", 1)[0]


def named_paths() -> list[str]:
    """Every path the recipe names, with the fixture language's code put in."""
    names = re.findall(r"`([\w./<>-]+/[\w./<>-]*|[\w-]+\.(?:py|yml|md|js))`", recipe())
    return [name.replace("<code>", CODE) for name in names]


def test_the_recipe_names_files_that_exist_and_the_tests_it_relies_on() -> None:
    for path in named_paths():
        if CODE not in path:  # the language's own folder is made by the recipe
            assert (ROOT / path.split(" ")[0]).exists(), path
    assert set(NAMED_TESTS) <= set(named_paths())


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600,
                          check=False)


def named_tests(repo: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "-o", "addopts=", *NAMED_TESTS], repo)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: the recipe's anchor {old!r} is gone"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def copy_of_the_repository(to: Path) -> Path:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    for name in files:
        if (ROOT / name).is_file():
            (to / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, to / name)  # mtimes kept: make sees nothing new
    return to


def translate_core_strings(po_file: Path) -> None:
    """Step 3, by a stand-in translator who keeps every number and placeholder."""
    with po_file.open("rb") as file:
        catalogue = read_po(file, locale=CODE)
    for message in catalogue:
        if message.id and isinstance(message.id, str) and any(
                comment.startswith(CORE_MARK) for comment in message.auto_comments):
            message.string = f"[{CODE}] {message.id}"
    with po_file.open("wb") as file:
        write_po(file, catalogue, width=0)


def docs_row(locales: Path) -> str:
    """Step 7's row, counted as docs/translations.md counts."""
    cells = []
    for domain in DOMAINS:
        with (locales / CODE / "LC_MESSAGES" / f"{domain}.po").open("rb") as file:
            messages = [m for m in read_po(file, locale=CODE) if m.id]
        core = [m for m in messages if any(c.startswith(CORE_MARK) for c in m.auto_comments)]
        cell = f"{sum(1 for m in messages if m.string)}/{len(messages)}"
        if core:
            cell += f" (core {sum(1 for m in core if m.string)}/{len(core)})"
        cells.append(cell)
    return f"| {CODE} Italian | " + " | ".join(cells) + " |"


def test_adding_a_language_the_way_the_page_says(tmp_path: Path) -> None:
    repo = copy_of_the_repository(tmp_path)
    venv = Path(sys.prefix)
    stamps = [f"--old-file={stamp}" for stamp in venv.glob(".installed-*")]
    assert stamps, "make install first"

    # 1. The code in CORE_LOCALES, and nothing else yet: the named tests see it.
    edit(repo / "common/i18n/__init__.py", '"ar", "ro", "so")\n', f'"ar", "ro", "so", "{CODE}")\n')
    half_done = named_tests(repo)
    assert half_done.returncode == 1, half_done.stdout[-2000:]
    for unfinished in ("catalogue_folders", "language_menu", "danger_words",
                       "enough_examples", "translations_page"):
        assert unfinished in half_done.stdout, unfinished

    # 2. Its folder, then `make i18n` (with this environment; make must not reinstall it).
    locales = repo / "common/i18n/locales"
    (locales / CODE / "LC_MESSAGES").mkdir(parents=True)
    made = run(["make", "--no-print-directory", "-o", "install", *stamps, f"VENV={venv}",
                "i18n"], repo)
    assert made.returncode == 0, made.stdout[-2000:] + made.stderr[-2000:]
    assert sorted(p.name for p in (locales / CODE / "LC_MESSAGES").glob("*.po")) == sorted(
        f"{domain}.po" for domain in DOMAINS)
    # 3. The core strings translated.
    for po_file in (locales / CODE / "LC_MESSAGES").glob("*.po"):
        translate_core_strings(po_file)
    # 4. The widget's menu (in SUPPORTED_LOCALES' order: last).
    edit(repo / "web_widget/widget.js", '["so", "Soomaali"]]',
         f'["so", "Soomaali"], ["{CODE}", "Italiano"]]')
    # 5. Danger words.
    with (repo / "common/urgency_words.yml").open("a", encoding="utf-8") as words:
        words.write(DANGER_WORDS)
    # 6. Their examples.
    tests = repo / "tests/common/test_urgency_words.py"
    edit(tests, "URGENT: dict[str, list[tuple[str, str]]] = {\n",
         f"URGENT: dict[str, list[tuple[str, str]]] = {{\n    {CODE!r}: {URGENT_EXAMPLES!r},\n")
    edit(tests, "CALM: dict[str, list[str]] = {\n",
         f"CALM: dict[str, list[str]] = {{\n    {CODE!r}: {CALM_EXAMPLES!r},\n")
    # 7. The docs' table.
    edit(repo / "docs/translations.md", "| so Somali |", docs_row(locales) + "\n| so Somali |")

    done = named_tests(repo)
    assert done.returncode == 0, done.stdout[-3000:]
