from common.turn_meta import Meta, meta_payload, read_meta
from gateway.turn import read_turn


def test_meta_round_trip() -> None:
    assert read_meta(meta_payload(urgent=True, services=["a", "b"])) == Meta(True, ("a", "b"))
    assert read_meta(meta_payload(urgent=False, services=[], locale="cy")) == Meta(
        False, (), "cy")
    assert read_meta({"something": "else"}) is None
    assert read_meta("text") is None


def test_turn_collects_text_buttons_and_meta_in_order() -> None:
    turn = read_turn([
        {"recipient_id": "x", "text": "first"},
        {"recipient_id": "x", "custom": meta_payload(urgent=True, services=["one", "two"])},
        {"recipient_id": "x", "text": "second",
         "buttons": [{"title": "Yes", "payload": "/affirm"}, {"bad": 1}]},
        {"recipient_id": "x", "custom": meta_payload(urgent=False, services=["two", "three"])},
    ])
    assert [r.text for r in turn.replies] == ["first", "second"]
    assert [(b.title, b.payload) for b in turn.replies[1].buttons] == [("Yes", "/affirm")]
    assert turn.urgent is True  # one urgent message makes the turn urgent
    assert turn.service_ids == ["one", "two", "three"]


def test_blank_and_foreign_messages_are_not_replies() -> None:
    turn = read_turn([{"text": "   "}, {"image": "http://x"}, {"custom": {"other": 1}}])
    assert turn.replies == []
    assert turn.urgent is False
