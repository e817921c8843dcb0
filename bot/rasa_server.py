"""Run Rasa (`python -m bot.rasa_server run ...`, as `python -m rasa`) with two fixes.

Rasa 3.6.21 checks every action server response with `jsonschema.validate(result,
schema)`. In jsonschema 4.17 that call first runs `check_schema` on the schema: Rasa's
events schema is large, and the profile in docs/performance.md put 45% of Rasa's CPU
under load there, on every action of every turn, to re-check a schema that never
changes. `use_a_validator_built_once` swaps in a validator built once per schema,
which raises the same error (`best_match`, as `validate` does) with Rasa's same hint.

Rasa's Redis lock store keeps each conversation's queue of tickets as one JSON value
and changes it by read, modify, write. Two Rasa processes (Sanic workers, or instances
sharing the Redis) taking messages of one conversation at the same moment can both
read the queue before either writes it: one ticket is lost, both turns run at once,
and a message goes missing from the tracker (tests/integration/test_scale_out.py saw
it). `serialise_lock_queue_changes` wraps each of those changes in a short Redis
mutex per conversation (redis-py's Lock: SET NX with an expiry, released by a script).

Patching a dependency is fragile, so tests/bot/test_rasa_server.py fails if Rasa's code
no longer reads as it did when this was written. Set RASA_PATCHES=off to run Rasa
exactly as shipped (`make bench` does, to measure the gain side by side).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any

import jsonschema
from rasa.core.actions.action import RemoteAction
from rasa.core.lock_store import LockStore, RedisLockStore
from rasa.shared.constants import DOCS_BASE_URL

from common.settings import Settings

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
    RemoteAction._validate_action_result = _validate_action_result


# The lock store's methods that change a conversation's ticket queue; LockStore.lock()
# and _acquire_lock() call them, and RedisLockStore inherits them unchanged.
QUEUE_CHANGES = ("issue_ticket", "update_lock", "cleanup")
# Each change is a few Redis round trips: held for milliseconds, never this long.
GUARD_SECONDS = 5.0


def _one_at_a_time(change: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(change)
    def guarded(self: RedisLockStore, conversation_id: str, *args: Any, **kwargs: Any) -> Any:
        guard = self.red.lock(f"{self.key_prefix}{conversation_id}:guard",
                              timeout=GUARD_SECONDS, sleep=0.005,
                              blocking_timeout=GUARD_SECONDS)
        with guard:
            return change(self, conversation_id, *args, **kwargs)

    return guarded


def serialise_lock_queue_changes() -> None:
    for name in QUEUE_CHANGES:
        setattr(RedisLockStore, name, _one_at_a_time(getattr(LockStore, name)))


def patches_enabled() -> bool:
    return Settings().rasa_patches


def main() -> None:
    if patches_enabled():
        use_a_validator_built_once()
        serialise_lock_queue_changes()
    # Imported late: Rasa's CLI module is slow to import and not needed by the tests.
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
