"""The one patch to Rasa (bot/rasa_server.py): same answers, the schema checked once."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from unittest import mock

import jsonschema
import pytest
import rasa
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot import rasa_server

SHIPPED = RemoteAction._validate_action_result
VALID = {"events": [{"event": "slot", "name": "locale", "value": "cy"}],
         "responses": [{"text": "hello"}]}
INVALID = {"events": [{"event": "slot", "name": 3}], "responses": "not a list"}


def test_rasa_still_validates_the_way_the_patch_replaces() -> None:
    # If Rasa moves or rewrites this method, the patch may no longer stand in for it:
    # this fails so that someone reads the new code before upgrading.
    assert rasa.__version__ == "3.6.21"
    assert jsonschema.__version__.startswith("4.17.")
    source = inspect.getsource(SHIPPED)
    assert rasa_server.ORIGINAL_CALL in source
    assert "Failed to validate Action server response" in source


@pytest.fixture
def patched() -> Iterator[None]:
    rasa_server.use_a_validator_built_once()
    yield
    RemoteAction._validate_action_result = SHIPPED  # type: ignore[method-assign]


def remote() -> RemoteAction:
    return RemoteAction("action_x", None)


def test_patched_accepts_and_rejects_what_rasa_does(patched: None) -> None:
    assert remote()._validate_action_result(VALID) is True
    with pytest.raises(ValidationError) as patched_error:
        remote()._validate_action_result(INVALID)
    with pytest.raises(ValidationError) as shipped_error:
        SHIPPED(remote(), INVALID)
    assert patched_error.value.message == shipped_error.value.message
    assert "Failed to validate Action server response" in patched_error.value.message


def test_patched_checks_the_schema_once_not_per_response(patched: None) -> None:
    validator = jsonschema.validators.validator_for(RemoteAction.action_response_format_spec())
    with mock.patch.object(validator, "check_schema") as check_schema:
        rasa_server._response_validator.cache_clear()
        for _ in range(5):
            remote()._validate_action_result(VALID)
        assert check_schema.call_count == 1
        for _ in range(3):
            SHIPPED(remote(), VALID)  # Rasa's own checks the schema on every response
        assert check_schema.call_count == 4


def test_patches_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_PATCHES", "off")
    assert not rasa_server.patches_enabled()
    monkeypatch.delenv("RASA_PATCHES")
    assert rasa_server.patches_enabled()
