"""The 30-second version of `make soak` (tools/soak.py): real stack, real kill -9."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.evaluation import UNLIMITED
from tools.soak import soak


def test_thirty_seconds_of_conversations_with_the_action_server_killed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    for key, value in UNLIMITED.items():
        monkeypatch.setenv(key, value)
    result = soak(conversations=40, seconds=30, kills=[(10, "actions")], max_requests=2000,
                  log_dir=tmp_path)
    print("\n".join(result.lines()))
    assert result.kills and "actions" in result.kills[0]
    assert result.requests > 100
    assert result.not_200 == 0 and result.transport_errors == []
    assert result.fallbacks_without_999 == 0
    assert result.conversations >= 40
    assert result.tracker_faults == 0
