from gateway.conversation_ids import is_conversation_id, new_conversation_id


def test_new_ids_are_long_random_and_valid() -> None:
    ids = {new_conversation_id() for _ in range(1000)}
    assert len(ids) == 1000
    for conversation_id in ids:
        assert is_conversation_id(conversation_id)
        # 32 URL-safe base64 characters carry 6 bits each: 192 bits, over the 128 asked for.
        assert len(conversation_id) * 6 >= 128


def test_ids_not_of_our_format_are_refused() -> None:
    for bad in ["", "abc", "x" * 31, "x" * 33, "../../etc/passwd" + "x" * 16, "a b" + "c" * 29,
                "tracker:" + "a" * 24, "é" * 32]:
        assert not is_conversation_id(bad), bad
