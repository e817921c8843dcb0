"""The learned urgency model and how UrgencyGuard weighs it against the intent model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import urgency_model
from bot.nlu.components import UrgencyGuard

URGENT = ["he has a knife and hes coming up the stairs", "she is strangling me help",
          "hes outside banging on the door", "he said he will kill me tonight",
          "my head is bleeding and i cant get up", "hes locked me in the bathroom"] * 4
CALM = ["he reads all my messages", "she controls the money", "he shouts at me a lot",
        "my ex keeps texting me", "he calls me useless", "what is coercive control",
        "hello", "thank you", "he checks my phone", "she wont let me see my friends"] * 4


def test_threshold_allows_at_most_the_share_of_calm_false_alarms() -> None:
    calm = np.array([0.1, 0.2, 0.3, 0.9, 0.95, 0.5, 0.4, 0.6, 0.7, 0.8])
    threshold = urgency_model.threshold_for(calm, 0.2)
    assert (calm >= threshold).sum() == 2
    assert (calm >= urgency_model.threshold_for(calm, 0.0)).sum() == 0


def test_trained_model_separates_and_reports_its_cross_validation(tmp_path: Path) -> None:
    model = urgency_model.train(URGENT + CALM, [True] * len(URGENT) + [False] * len(CALM),
                                max_false_alarm_rate=0.05)
    assert model.cross_validated_false_alarm_rate <= 0.05
    assert 0.0 < model.threshold < 1.0
    assert model.is_urgent("he has a knife and hes coming up the stairs")
    assert not model.is_urgent("he reads all my messages")
    urgency_model.save(model, tmp_path / "model.skops")
    loaded = urgency_model.load(tmp_path / "model.skops")
    assert loaded.threshold == model.threshold
    assert loaded.probability(["she is strangling me help"]) == pytest.approx(
        model.probability(["she is strangling me help"]))


def _message(text: str, ranking: list[tuple[str, float]], urgency: dict | None = None,
             language: dict | None = None) -> Message:
    message = Message(data={TEXT: text})
    intents = [{"name": n, "confidence": c} for n, c in ranking]
    message.set(INTENT, intents[0])
    message.set(INTENT_RANKING_KEY, intents)
    if urgency is not None:
        message.set("urgency", urgency)
    if language is not None:
        message.set("language", language)
    return message


def _intent_after_guard(message: Message) -> str:
    UrgencyGuard(model_min_confidence=0.95).process([message])
    return message.get(INTENT)["name"]


def test_the_urgency_model_can_raise_the_alarm_the_intent_model_missed() -> None:
    message = _message("words the rules do not know", [("disclose_abuse", 0.9)],
                       {"probability": 0.9, "threshold": 0.8, "urgent": True})
    assert _intent_after_guard(message) == "urgent_danger"


def test_intent_models_urgent_needs_the_urgency_models_agreement() -> None:
    message = _message("words the rules do not know",
                       [("urgent_danger", 1.0), ("faq", 0.001), ("perpetrator_seeking_help", 0.0)],
                       {"probability": 0.3, "threshold": 0.8, "urgent": False})
    # A weak runner-up is not trusted; the likeliest intent that tells of abuse is.
    assert _intent_after_guard(message) == "perpetrator_seeking_help"


def test_a_sure_runner_up_wins_when_the_alarm_is_doubted() -> None:
    message = _message("words the rules do not know",
                       [("urgent_danger", 0.5), ("ask_help_for_someone", 0.45)],
                       {"probability": 0.3, "threshold": 0.8, "urgent": False})
    assert _intent_after_guard(message) == "ask_help_for_someone"


def test_without_the_urgency_model_the_confidence_gate_applies() -> None:
    sure = _message("words the rules do not know", [("urgent_danger", 0.99), ("faq", 0.01)])
    unsure = _message("words the rules do not know",
                      [("urgent_danger", 0.6), ("disclose_abuse", 0.4)])
    assert _intent_after_guard(sure) == "urgent_danger"
    assert _intent_after_guard(unsure) == "disclose_abuse"


def test_a_sign_the_rules_know_is_urgent_whatever_the_models_say() -> None:
    message = _message("hes got a knife", [("faq", 1.0)],
                       {"probability": 0.01, "threshold": 0.8, "urgent": False})
    assert _intent_after_guard(message) == "urgent_danger"


def test_another_language_is_left_to_the_rules_and_word_lists() -> None:
    message = _message("nie wiem co robic", [("nlu_fallback", 1.0)],
                       {"probability": 0.95, "threshold": 0.8, "urgent": True},
                       {"code": "pl", "confidence": 0.9, "confident": True})
    assert _intent_after_guard(message) == "nlu_fallback"


def test_a_certain_calm_message_is_not_let_through_by_the_threshold() -> None:
    calm = np.array([1.0, 1.0, 0.2, 0.1])
    threshold = urgency_model.threshold_for(calm, 0.25)
    assert (calm >= threshold).sum() <= 1
