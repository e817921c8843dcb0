"""The tunable routing sets, through the real stack, keep their floors.

`conversations.yml` and the two `dev_routing` sets are the sets we tune on
(tests/eval_data/README.md); the blind sets are measured by `make eval` only, never here,
so nothing is tuned to them. A survivor answered as someone who harms, or danger missed, fails the
build; the other floors sit just under the last measured figures (docs/evaluation.md)
so a change that loses ground is seen.
"""

from __future__ import annotations

from typing import Any

import pytest

from tools.evaluation import EVAL_DIR, load_conversations, run_conversations
from tools.launcher import Stack
from tools.routing_judge import summarise

# set -> (routing accuracy, specialist recall) floors
FLOORS = {
    "conversations": (0.85, 0.90),
    "dev_routing": (0.84, 0.93),
    "dev_routing_2": (0.66, 0.88),
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def figures(request: pytest.FixtureRequest, stack: Stack) -> tuple[str, dict[str, Any]]:
    name = request.param
    summary = summarise(run_conversations(stack.url, load_conversations(EVAL_DIR /
                                                                        f"{name}.yml")))
    return name, summary


def failures(summary: dict[str, Any]) -> list[str]:
    return [f"{f['name']}: {f['problems']}" for f in summary["failures"]]


def test_no_survivor_is_answered_as_someone_who_harms(figures: tuple[str, dict]) -> None:
    _, summary = figures
    assert summary["survivor_as_perpetrator"] == 0, failures(summary)


def test_every_answer_carries_a_service(figures: tuple[str, dict]) -> None:
    _, summary = figures
    assert summary["answers_without_service"] == 0, failures(summary)


def test_urgency_is_not_missed(figures: tuple[str, dict]) -> None:
    _, summary = figures
    assert summary["urgency_recall"] == 1.0, failures(summary)


def test_routing_and_specialists_keep_their_floors(figures: tuple[str, dict]) -> None:
    name, summary = figures
    routing, specialists = FLOORS[name]
    assert summary["accuracy"] >= routing, failures(summary)
    assert summary["specialist_recall"] >= specialists, failures(summary)
