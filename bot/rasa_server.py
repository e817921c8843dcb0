"""Run Rasa (`python -m bot.rasa_server run ...`, as `python -m rasa`) with one fix to its
per-turn cost.

Rasa 3.6.21 checks every action server response with `jsonschema.validate(result,
schema)`. In jsonschema 4.17 that call first runs `check_schema` on the schema: Rasa's
events schema is large, and the profile in docs/performance.md put 45% of Rasa's CPU
under load there, on every action of every turn, to re-check a schema that never
changes. `use_a_validator_built_once` swaps in a validator built once per schema,
which raises the same error (`best_match`, as `validate` does) with Rasa's same hint.

Patching a dependency is fragile, so tests/test_rasa_server.py fails if Rasa's
function no longer reads as it did when this was written. Set RASA_PATCHES=off to run
Rasa exactly as shipped (`make bench` does, to measure the gain side by side).
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from typing import Any

import jsonschema
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

# What Rasa's own method does, as written in 3.6.21; the test compares its source.
ORIGINAL_CALL = "validate(result, self.action_response_format_spec())"


@lru_cache(maxsize=1)
def _response_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)  # once, as validate() does on every call
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    error = jsonschema.exceptions.best_match(_response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, "
        "make sure your response from the Action endpoint is valid. "
        "For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


def use_a_validator_built_once() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]


def patches_enabled() -> bool:
    return os.environ.get("RASA_PATCHES", "on").lower() != "off"


def main() -> None:
    if patches_enabled():
        use_a_validator_built_once()
    # Imported late: Rasa's CLI module is slow to import and not needed by the tests.
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
