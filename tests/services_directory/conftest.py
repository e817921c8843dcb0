"""Fixtures for the services directory tests."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from services_directory import Directory, load_directory
from services_directory.loader import DEFAULT_DATA_DIR


@pytest.fixture(scope="session")
def directory() -> Directory:
    """The real directory shipped with the package."""
    return load_directory()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the real data folder that a test may break."""
    copy = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, copy)
    return copy


@pytest.fixture
def write_service(data_copy: Path) -> Callable[[str, str], Path]:
    """Write services/<name>.yml in the copy with the given YAML text."""

    def write(name: str, text: str) -> Path:
        path = data_copy / "services" / f"{name}.yml"
        path.write_text(text, encoding="utf-8")
        return path

    return write



@pytest.fixture
def empty_data(tmp_path: Path) -> Path:
    """The real areas and sources, with no service files: where an import lands, or
    a folder to check one service file in on its own."""
    copy = tmp_path / "empty"
    shutil.copytree(DEFAULT_DATA_DIR, copy)
    for file in (copy / "services").iterdir():
        file.unlink()
    return copy
