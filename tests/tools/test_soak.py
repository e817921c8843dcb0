"""The soak's own checks (tools/soak.py), on made-up trackers: they must be able to fail."""

from __future__ import annotations

import json

from tools.soak import Conversation, tracker_faults


class FakeRedis:
    def __init__(self, trackers: dict[str, list[str]]) -> None:
        self.trackers = trackers

    def get(self, key: str) -> str | None:
        said = self.trackers.get(key.removeprefix("tracker:"))
        if said is None:
            return None
        events = [{"event": "action", "name": "action_session_start"}]
        for text in said:
            events += [{"event": "user", "text": text}, {"event": "bot", "text": "..."}]
        return json.dumps({"events": events})


class FakeStack:
    def __init__(self, trackers: dict[str, list[str]]) -> None:
        self.redis = FakeRedis(trackers)

    def redis_address(self) -> FakeStack:
        return self

    def client(self) -> FakeRedis:
        return self.redis


def faults(said: list[str], turns: list[tuple[str, bool]]) -> list[str]:
    stack = FakeStack({"c": said})
    return tracker_faults(stack, [Conversation("c", turns)])  # type: ignore[arg-type]


def test_a_whole_tracker_has_no_faults() -> None:
    assert faults(["a", "b", "c"], [("a", True), ("b", True), ("c", True)]) == []


def test_a_fallback_turn_may_be_in_the_tracker_or_not() -> None:
    turns = [("a", True), ("b", False), ("c", True)]
    assert faults(["a", "b", "c"], turns) == []
    assert faults(["a", "c"], turns) == []


def test_a_missing_answered_turn_is_a_fault() -> None:
    assert faults(["a", "c"], [("a", True), ("b", True), ("c", True)]) == ["missed"]
    assert faults([], [("a", True)]) == ["missed"]


def test_a_repeated_turn_is_a_fault() -> None:
    assert faults(["a", "b", "b"], [("a", True), ("b", True)]) == ["repeated or unknown turn"]
    assert faults(["b", "a"], [("a", True), ("b", True)]) == ["missed"]
