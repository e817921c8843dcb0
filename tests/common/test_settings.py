"""The one settings object: read from the environment, and documented exactly in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from common.settings import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_table() -> dict[str, str]:
    """Variable -> default, from the table under the README's "Configuration" heading."""
    section = README.read_text().split("## Configuration\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    table = {}
    for row in rows:
        name, default = (cell.strip() for cell in row.strip("|").split("|")[:2])
        table[name.strip("`")] = default
    return table


def shown(default: object) -> str:
    """A default as the README writes it."""
    if default is None:
        return "unset"
    if default == ():
        return "none"
    if isinstance(default, bool):
        return "`on`" if default else "`off`"
    if isinstance(default, tuple):
        return f"`{','.join(default)}`"
    if isinstance(default, float) and default.is_integer():
        default = int(default)
    return f"`{default}`"


def test_the_readme_lists_exactly_the_settings_with_their_defaults() -> None:
    fields = {name.upper(): shown(field.default) for name, field in Settings.__fields__.items()}
    assert readme_table() == fields


def test_lists_are_comma_separated_and_lose_their_trailing_slash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CORS_ORIGINS", "https://www.hackney.gov.uk/, https://www.cardiff.gov.uk")
    monkeypatch.setenv("ACTIONS_URL", "http://actions:5055/")
    settings = Settings()
    assert settings.cors_origins == ("https://www.hackney.gov.uk", "https://www.cardiff.gov.uk")
    assert settings.actions_urls == ("http://actions:5055",)


def test_numbers_and_switches_are_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_PATCHES", "off")
    monkeypatch.setenv("UPSTREAM_TIMEOUT", "2.5")
    monkeypatch.setenv("RASA_WORKERS", "1")
    settings = Settings()
    assert (settings.rasa_patches, settings.upstream_timeout, settings.rasa_workers) == (
        False, 2.5, 1
    )


def test_a_blank_path_or_redis_url_means_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", "")
    monkeypatch.setenv("DIRECTORY_OVERLAY", "  ")
    settings = Settings()
    assert (settings.redis_url, settings.directory_overlay) == (None, None)


@pytest.mark.parametrize(("variable", "value", "says"), [
    ("RASA_WORKERS", "two", "RASA_WORKERS|rasa_workers"),
    ("CORS_ORIGINS", "https://*.gov.uk", "not an origin"),
    ("RASA_URLS", " , ", "at least one URL"),
])
def test_a_bad_value_stops_the_start_and_says_which(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, says: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValueError, match=re.compile(says, re.IGNORECASE)):
        Settings()


def test_settings_cannot_be_changed_once_read() -> None:
    settings = Settings()
    with pytest.raises(TypeError):
        settings.port = 1  # type: ignore[misc]


def test_the_tools_raise_limits_through_real_settings() -> None:
    # The evaluation, benchmark and soak lift the per-client limits by these names; a
    # name the settings do not have would lift nothing and quietly throttle them.
    from tools.evaluation import UNLIMITED

    names = {name.upper() for name in Settings.__fields__}
    assert set(UNLIMITED) <= names
    assert Settings.parse_obj({k.lower(): v for k, v in UNLIMITED.items()})
