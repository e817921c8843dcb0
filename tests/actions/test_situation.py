"""The situation built over a conversation (actions/remember_situation.py and
actions/conversation_state.py), without Rasa: slots and entities as plain data."""

from __future__ import annotations

from actions.conversation_state import Known
from actions.remember_situation import updated_situation


def entity(name: str, value: str) -> dict:
    return {"entity": name, "value": value}


def test_facts_said_in_different_turns_add_up() -> None:
    first = updated_situation({}, [entity("partner_gender", "men"), entity("need", "stalking")])
    second = updated_situation(first, [entity("gender", "men")])
    assert second["partner_gender"] == "men" and second["gender"] == "men"
    assert second["needs"] == ["stalking"]
    known = Known(needs=second["needs"], gender=second["gender"],
                  partner_gender=second["partner_gender"])
    assert {"lgbt", "male-victims", "stalking"} <= set(known.routing_needs())


def test_a_later_turn_corrects_an_earlier_one_and_children_stay_said() -> None:
    first = updated_situation({}, [entity("role", "self"), entity("children", "yes")])
    second = updated_situation(first, [entity("role", "friend-family")])
    assert second["asker"] == "friend-family" and second["children"] is True


def test_a_friend_asking_about_a_woman_routes_for_her_not_for_the_writer() -> None:
    known = Known(asker="friend-family", gender="men", gender_at_risk="women",
                  needs=["male-victims"])
    assert known.person_gender == "women"
    needs = known.routing_needs()
    assert "male-victims" not in needs and "friends-family" in needs


def test_a_friend_asking_about_someone_not_yet_described_gets_no_gender() -> None:
    assert Known(asker="friend-family", gender="women").person_gender is None


def test_a_woman_with_a_female_partner_is_lgbt_and_never_a_male_victim() -> None:
    known = Known(gender="women", partner_gender="women")
    assert "lgbt" in known.routing_needs() and "male-victims" not in known.routing_needs()


def test_a_16_or_17_year_old_at_risk_gets_the_young_peoples_need() -> None:
    assert "children-young-people" in Known(age=17).routing_needs()
    assert "children-young-people" not in Known(age=19).routing_needs()
    for asker in ("friend-family", "professional"):
        assert "children-young-people" in Known(age=16, asker=asker).routing_needs()


def test_the_writer_who_harms_is_not_routed_as_a_victim() -> None:
    known = Known(asker="perpetrator", gender="men", partner_gender="men")
    assert known.person_gender is None
    assert "lgbt" not in known.routing_needs()
    assert "perpetrators" in known.routing_needs()
