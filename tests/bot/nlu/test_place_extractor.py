"""PlaceExtractor's entities: whose place each is, when a message names two."""

from __future__ import annotations

from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.components import PlaceExtractor


def _places(text: str) -> list[tuple[str, str, str | None]]:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": "disclose_abuse", "confidence": 0.9})
    PlaceExtractor().process([message])
    return [(e["entity"], e["value"], e.get("role")) for e in message.get(ENTITIES) or []]


def test_another_persons_place_beside_the_writers_is_marked_at_risk() -> None:
    assert _places("shes in swansea, im in bristol") == [
        ("area", "swansea", "at_risk"), ("nation", "wales", "at_risk"),
        ("area", "england", None), ("nation", "england", None)]


def test_one_place_has_no_role_whoever_it_belongs_to() -> None:
    assert _places("my sister lives in glasgow") == [
        ("area", "glasgow", None), ("nation", "scotland", None)]
