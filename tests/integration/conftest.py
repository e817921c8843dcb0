from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.evaluation import UNLIMITED
from bot.launcher import Stack, free_port

# Short, so the test can see Rasa set the expiry it was given.
RECORD_EXP = 120


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The real stack, started as `make run` starts it: embedded Redis, actions, Rasa, gateway."""
    logs: Path = tmp_path_factory.mktemp("stack-logs")
    # Every test here is one client: lift the per-client limits (tests/gateway tests them).
    saved = {key: os.environ.get(key) for key in UNLIMITED}
    os.environ.update(UNLIMITED)
    stack = Stack(
        port=free_port(), rasa_port=free_port(), actions_port=free_port(),
        record_exp=RECORD_EXP, log_dir=logs,
    )
    try:
        stack.start()
    except Exception:
        for log in sorted(logs.glob("*.log")):
            print(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}")
        raise
    yield stack
    stack.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
