"""The options documented are exactly those in widget.js's OPTIONS table, with its defaults.

No browser: this reads widget.js, docs/widget.md, web_widget/README.md and the README.
(What each option does is tested in the browser, in test_widget_options.py.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WIDGET_JS = ROOT / "web_widget" / "widget.js"
# The documents with an options table: | `data-...` | default | what it does |
TABLES = {"docs/widget.md": ROOT / "docs" / "widget.md",
          "web_widget/README.md": ROOT / "web_widget" / "README.md"}
README = ROOT / "README.md"

# A property in an OPTIONS entry: a literal (string, null, true, false) or a function's name.
PROPERTY = re.compile(r'(\w+): ("(?:[^"\\]|\\.)*"|null|true|false|[A-Za-z_$][\w$]*)\s*(?:,|$)')


def options_table() -> list[dict[str, object]]:
    """The entries of `var OPTIONS = [...]`, as dicts ("parse" is the parser's name)."""
    source = WIDGET_JS.read_text(encoding="utf-8")
    block = re.search(r"^  var OPTIONS = \[\n(.*?)\n  \];$", source, re.M | re.S)
    assert block, "no `var OPTIONS = [...]` table in widget.js"
    entries = []
    for line in block.group(1).splitlines():
        entry = re.fullmatch(r"\s*\{ (.*) \},?", line)
        assert entry, f"one entry per line, {{ ... }}: {line!r}"
        literal = {"null": None, "true": True, "false": False}
        entries.append({
            key: literal[value] if value in literal
            else json.loads(value) if value.startswith('"') else value
            for key, value in PROPERTY.findall(entry.group(1))
        })
    return entries


OPTIONS = options_table()
ATTRIBUTES = [str(option["attribute"]) for option in OPTIONS]


def documented(path: Path) -> dict[str, str]:
    """The options table in a Markdown file: each row's attribute and its default cell."""
    rows: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = re.match(r"\|\s*`(data-[a-z-]+)`\s*\|([^|]*)\|", line)
        if row:
            assert row.group(1) not in rows, f"{row.group(1)} twice in {path.name}"
            rows[row.group(1)] = row.group(2).strip()
    return rows


def documented_default(cell: str) -> object:
    """`none` is no value; otherwise the first `code` in the cell (`false` is the boolean)."""
    if cell.lower().startswith("none"):
        return None
    code = re.match(r"`([^`]*)`", cell)
    assert code, f"a default is `code` or none: {cell!r}"
    return {"false": False, "true": True}.get(code.group(1), code.group(1))


def test_the_table_is_well_formed() -> None:
    source = WIDGET_JS.read_text(encoding="utf-8")
    assert ATTRIBUTES, "OPTIONS is empty"
    assert len(set(ATTRIBUTES)) == len(ATTRIBUTES)
    for option in OPTIONS:
        assert {"attribute", "name", "default", "parse"} <= option.keys() <= {
            "attribute", "alias", "name", "default", "parse"}, option
        assert re.fullmatch(r"data-[a-z]+(-[a-z]+)*", str(option["attribute"])), option
        assert re.search(rf"\bfunction {option['parse']}\(", source), f"no parser {option}"
    # One loop reads them: no other reading of the script tag's attributes.
    assert "dataset" not in source
    read = set(re.findall(r'\bgiven\("([^"]+)"\)', source))
    assert read <= set(ATTRIBUTES), read - set(ATTRIBUTES)


def test_the_launcher_label_default_is_the_widgets_own_words() -> None:
    label = next(o for o in OPTIONS if o["attribute"] == "data-launcher-label")
    launcher = re.search(r'\blauncher: N_\("([^"]*)"\)', WIDGET_JS.read_text(encoding="utf-8"))
    assert launcher and label["default"] == launcher.group(1)


@pytest.mark.parametrize("name", TABLES)
def test_each_options_table_lists_exactly_the_options(name: str) -> None:
    assert list(documented(TABLES[name])) == ATTRIBUTES


@pytest.mark.parametrize("name", TABLES)
def test_each_options_table_gives_the_defaults(name: str) -> None:
    rows = documented(TABLES[name])
    for option in OPTIONS:
        cell = rows.get(str(option["attribute"]), "")
        assert documented_default(cell) == option["default"], (option["attribute"], cell)


@pytest.mark.parametrize("name", TABLES)
def test_an_alias_is_named_in_its_options_row(name: str) -> None:
    rows = {line.split("|")[1].strip(): line for line in
            TABLES[name].read_text(encoding="utf-8").splitlines()
            if line.startswith("| `data-")}
    for option in OPTIONS:
        if "alias" in option:
            assert f"`{option['alias']}`" in rows[f"`{option['attribute']}`"], option


def test_the_readme_lists_the_options() -> None:
    text = README.read_text(encoding="utf-8")
    section = re.search(r"^## Widget\n(.*?)(?=^## )", text, re.M | re.S)
    assert section, "no `## Widget` section in README.md"
    listed = re.search(r"^Options: (.*?)\.\s", section.group(1), re.M | re.S)
    assert listed, "no `Options: ...` list in README.md's Widget section"
    assert re.findall(r"`(data-[a-z-]+)`", listed.group(1)) == ATTRIBUTES
