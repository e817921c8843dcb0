from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tools.evaluation import UNLIMITED
from tools.launcher import Stack, free_port

# Short, so the test can see Rasa set the expiry it was given.
RECORD_EXP = 120


@contextmanager
def running_stack(logs: Path, **options: Any) -> Iterator[Stack]:
    """A real stack on free ports, with the per-client limits lifted (every test here
    is one client; tests/gateway tests the limits). Prints the parts' logs if it does
    not start, and stops every part afterwards."""
    saved = {key: os.environ.get(key) for key in UNLIMITED}
    os.environ.update(UNLIMITED)
    stack = Stack(port=free_port(), rasa_port=free_port(), actions_port=free_port(),
                  log_dir=logs, **options)
    try:
        try:
            stack.start()
        except Exception:
            for log in sorted(logs.glob("*.log")):
                print(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}")
            raise
        yield stack
    finally:
        stack.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The real stack, started as `make run` starts it: embedded Redis, actions, Rasa, gateway."""
    with running_stack(tmp_path_factory.mktemp("stack-logs"), record_exp=RECORD_EXP) as stack:
        yield stack
