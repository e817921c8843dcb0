"""The action server serves exactly the custom actions the domain names."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import ActionExecutor


def test_every_action_in_the_domain_is_served_and_nothing_else(
        domain: dict[str, Any]) -> None:
    executor = ActionExecutor()
    executor.register_package("actions")
    assert set(executor.actions) == set(domain["actions"]) == {
        "action_disclosure_support", "action_fallback_help", "action_help_for_someone",
        "action_information_help", "action_perpetrator_help", "action_professional_help",
        "action_route_help", "action_urgent_help", "action_validate_slot_mappings"}
