"""RoleGuard on whole messages: the intent and role entity it leaves for the actions."""

from __future__ import annotations

from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.components import RoleGuard


def _guarded(text: str, intent: str) -> Message:
    message = Message(data={TEXT: text})
    ranked = {"name": intent, "confidence": 0.9}
    message.set(INTENT, ranked)
    message.set(INTENT_RANKING_KEY, [ranked, {"name": "disclose_abuse", "confidence": 0.1}])
    RoleGuard().process([message])
    return message


def _role(message: Message) -> str | None:
    return next((e["value"] for e in message.get(ENTITIES) or [] if e["entity"] == "role"),
                None)


def test_a_worker_telling_of_someone_in_their_care_asks_as_a_professional() -> None:
    message = _guarded("i work at a youth club and one of the members told me her "
                       "boyfriend hits her. who can i refer her to", "ask_help_for_someone")
    assert message.get(INTENT)["name"] == "professional_referral"
    assert _role(message) == "professional"


def test_a_friend_stays_a_friend() -> None:
    message = _guarded("my best mate's boyfriend hits her, what do i do",
                       "ask_help_for_someone")
    assert message.get(INTENT)["name"] == "ask_help_for_someone"
    assert _role(message) == "friend-family"


def test_an_urgent_writer_afraid_of_what_they_will_do_is_someone_who_harms() -> None:
    message = _guarded("i'm scared of what i might do to my girlfriend tonight, "
                       "i need to stop myself", "urgent_danger")
    assert message.get(INTENT)["name"] == "urgent_danger"
    assert _role(message) == "perpetrator"


def test_an_urgent_survivor_who_fought_back_is_not() -> None:
    message = _guarded("i hit him with the lamp so he would let go of my neck",
                       "urgent_danger")
    assert _role(message) != "perpetrator"


def _entity_value(message: Message, name: str) -> str | None:
    return next((e["value"] for e in message.get(ENTITIES) or [] if e["entity"] == name),
                None)


def test_a_later_message_naming_his_partner_says_the_person_at_risk_is_a_man() -> None:
    # After "worried about my mate": the message alone does not say who writes.
    message = _guarded("his boyfriend has all his passwords and took his bank card",
                       "disclose_abuse")
    assert _role(message) is None
    assert _entity_value(message, "gender_at_risk") == "men"


def test_a_survivor_naming_her_own_son_gives_no_gender_at_risk() -> None:
    message = _guarded("left him in june, im in a b&b with my son and he tells everyone "
                       "im unstable", "disclose_abuse")
    assert _role(message) != "friend-family"
    assert _entity_value(message, "gender_at_risk") is None


def test_an_urgent_survivor_telling_of_an_act_is_not_answered_as_one_who_harms() -> None:
    message = _guarded("i hit him with a pan because he wouldnt stop, hes on the floor",
                       "urgent_danger")
    assert _role(message) != "perpetrator"


def test_an_urgent_writer_who_owns_their_temper_is_someone_who_harms() -> None:
    message = _guarded("i keep losing my temper and i smashed her phone, she is crying",
                       "urgent_danger")
    assert _role(message) == "perpetrator"
