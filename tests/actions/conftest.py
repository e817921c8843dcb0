"""Fixtures for the custom actions, the way Rasa's own demos test them: a real
`rasa_sdk.Tracker` built from slots, the latest message and events, a
`CollectingDispatcher`, and the domain; the test runs the action and reads the
returned events and `dispatcher.messages`.

The services directory is the real one (YAML on disk). Only the clock is pinned, so
that which lines are open (and so their order and the shortlist) does not depend on
when the tests run.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

import pytest
import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import directory_access, replies

DOMAIN_DIR = Path(__file__).resolve().parents[2] / "bot" / "domain"
# A Tuesday at 11:00 in London (BST): office-hours lines are open.
WEEKDAY_MORNING = dt.datetime(2024, 6, 11, 10, 0, tzinfo=dt.timezone.utc)


def load_domain() -> dict[str, Any]:
    """The bot's domain, its files merged (as Rasa sends it to the action server)."""
    domain: dict[str, Any] = {"slots": {}, "responses": {}, "intents": [], "actions": []}
    for path in sorted(DOMAIN_DIR.glob("*.yml")):
        part = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        domain["slots"].update(part.get("slots") or {})
        domain["responses"].update(part.get("responses") or {})
        domain["intents"] += part.get("intents") or []
        domain["actions"] += part.get("actions") or []
    return domain


DOMAIN = load_domain()


def initial_slots() -> dict[str, Any]:
    """Every slot in the domain at its initial value, as a new conversation has them."""
    return {name: spec.get("initial_value") for name, spec in DOMAIN["slots"].items()}


class TrackerFactory(Protocol):
    def __call__(self, *, slots: dict[str, Any] | None = ..., intent: str = ...,
                 entities: Iterable[dict[str, Any]] = ..., text: str = ...,
                 metadata: dict[str, Any] | None = ...,
                 intent_ranking: list[dict[str, Any]] | None = ...,
                 response_selector: dict[str, Any] | None = ...,
                 events: list[dict[str, Any]] | None = ...,
                 sender_id: str = ...) -> Tracker: ...


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    """Pin the actions' clock (opening hours decide which lines come first)."""
    monkeypatch.setattr(directory_access, "now", lambda: WEEKDAY_MORNING)
    monkeypatch.setattr(replies, "now", lambda: WEEKDAY_MORNING)
    return WEEKDAY_MORNING


@pytest.fixture
def domain() -> dict[str, Any]:
    return DOMAIN


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture
def tracker_for() -> TrackerFactory:
    """Build a Tracker: slots over the domain's initial values, and a latest message."""

    def make(*, slots: dict[str, Any] | None = None, intent: str = "inform",
             entities: Iterable[dict[str, Any]] = (), text: str = "",
             metadata: dict[str, Any] | None = None,
             intent_ranking: list[dict[str, Any]] | None = None,
             response_selector: dict[str, Any] | None = None,
             events: list[dict[str, Any]] | None = None,
             sender_id: str = "test-conversation") -> Tracker:
        latest_message: dict[str, Any] = {
            "intent": {"name": intent, "confidence": 1.0},
            "entities": list(entities),
            "text": text,
            "metadata": metadata or {},
            "intent_ranking": intent_ranking or [{"name": intent, "confidence": 1.0}],
        }
        if response_selector is not None:
            latest_message["response_selector"] = response_selector
        user_event = {"event": "user", "text": text, "parse_data": latest_message,
                      "metadata": metadata or {}}
        return Tracker(
            sender_id=sender_id,
            slots={**initial_slots(), **(slots or {})},
            latest_message=latest_message,
            events=[*(events or []), user_event],
            paused=False,
            followup_action=None,
            active_loop={},
            latest_action_name="action_listen",
        )

    return make


RunAction = Callable[[Action, Tracker], list[dict[str, Any]]]


@pytest.fixture
def run(dispatcher: CollectingDispatcher, domain: dict[str, Any]) -> RunAction:
    """`await action.run(dispatcher, tracker, domain)`, from a plain test."""

    def run_action(action: Action, tracker: Tracker) -> list[dict[str, Any]]:
        return asyncio.run(action.run(dispatcher, tracker, domain))

    return run_action
