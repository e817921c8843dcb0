"""The gateway serves the widget's public files and the demo page, and nothing else."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from gateway.app import WIDGET_DIR, WIDGET_FILES


@pytest.mark.parametrize("path", ["/", "/index.html", *(f"/{name}" for name in WIDGET_FILES)])
def test_the_widget_and_the_demo_page_are_served(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.content  # not an empty page


@pytest.mark.parametrize("path", ["/README.md", "/./README.md", "/widget.js/../README.md",
                                  "/eslint.config.js", "/node_modules/x.js", "/../pyproject.toml"])
def test_nothing_else_in_the_folder_is_served(client: TestClient, path: str) -> None:
    assert (WIDGET_DIR / "README.md").exists()  # so the first case means something
    assert client.get(path).status_code == 404


def test_every_public_file_exists() -> None:
    assert all((WIDGET_DIR / name).is_file() for name in WIDGET_FILES)
