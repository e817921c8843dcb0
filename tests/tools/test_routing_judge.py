"""The judge of scripted conversations (tools/routing_judge.py), on made-up API answers."""

from __future__ import annotations

from tools.routing_judge import judge, summarise

GREETING = "Hello. I'm here to listen and to help you find support."


def turn(*ids: str, urgent: bool = False, text: str = "Thank you for telling me.") -> dict:
    return {"replies": [{"text": text}], "services": [{"id": i} for i in ids],
            "urgent": urgent}


def test_a_conversation_passes_when_everything_expected_is_offered() -> None:
    script = {"name": "gay man", "role": "survivor", "turns": ["a", "b"],
              "expect_services": ["national-domestic-abuse-helpline", "galop"],
              "needs": {"lgbt": ["galop"], "male-victims": ["mens-advice-line", "galop"]},
              "must_not_offer": ["respect-phoneline"]}
    verdict = judge(script, [turn("national-domestic-abuse-helpline"), turn("galop")])
    assert verdict.passed
    assert (verdict.needs_stated, verdict.needs_served) == (2, 2)


def test_a_missing_specialist_fails_routing_and_specialist_recall() -> None:
    script = {"name": "deaf", "turns": ["a"], "expect_services": ["signhealth"],
              "needs": {"deaf": ["signhealth"]}}
    verdict = judge(script, [turn("national-domestic-abuse-helpline")])
    assert not verdict.passed
    assert verdict.unserved_needs == ["deaf"]


def test_respect_for_a_survivor_is_a_role_error_even_when_everything_else_is_right() -> None:
    script = {"name": "safe place", "role": "survivor", "turns": ["a"],
              "expect_services": ["national-domestic-abuse-helpline"]}
    verdict = judge(script, [turn("national-domestic-abuse-helpline", "respect-phoneline")])
    assert verdict.role_error == "survivor-as-perpetrator"
    assert not verdict.passed


def test_the_perpetrator_reply_text_alone_counts_as_a_role_error() -> None:
    script = {"name": "deaf survivor", "role": "survivor", "turns": ["a"]}
    text = "Thank you for reaching out: wanting to change is an important first step."
    assert judge(script, [turn("national-domestic-abuse-helpline", text=text)]).role_error


def test_someone_who_harms_not_given_respect_is_the_reverse_error() -> None:
    script = {"name": "i hit her", "role": "perpetrator", "turns": ["a"]}
    verdict = judge(script, [turn("national-domestic-abuse-helpline")])
    assert verdict.role_error == "perpetrator-as-survivor"


def test_must_not_offer_and_urgency_are_checked() -> None:
    script = {"name": "woman", "turns": ["a"], "must_not_offer": ["mens-advice-line"],
              "urgent": True, "expect_first": "emergency-999"}
    verdict = judge(script, [turn("national-domestic-abuse-helpline", "mens-advice-line")])
    assert len(verdict.problems) == 2  # offered a men's line; not urgent
    verdict = judge(script, [turn("national-domestic-abuse-helpline", urgent=True)])
    assert verdict.problems == ["first service national-domestic-abuse-helpline != emergency-999"]


def test_only_greetings_thanks_and_goodbyes_may_come_without_a_service() -> None:
    script = {"name": "faq", "turns": ["hi", "what is clare's law"]}
    verdict = judge(script, [turn(text=GREETING), turn(text="Clare's Law lets you ask...")],
                    social_replies=[GREETING + " You can tell me what is happening."])
    assert verdict.bare_answers == 1


def test_summary_counts_each_figure() -> None:
    ok = judge({"name": "a", "role": "survivor", "turns": ["x"], "urgent": True,
                "needs": {"lgbt": ["galop"]}}, [turn("emergency-999", "galop", urgent=True)])
    bad = judge({"name": "b", "role": "survivor", "turns": ["x"],
                 "needs": {"deaf": ["signhealth"]}},
                [turn("respect-phoneline", urgent=True), turn()])
    figures = summarise([ok, bad])
    assert (figures["passed"], figures["conversations"]) == (1, 2)
    assert figures["specialist_recall"] == 0.5
    assert figures["survivor_as_perpetrator"] == 1
    assert figures["answers_without_service"] == 1
    assert (figures["urgency_recall"], figures["false_alarms"]) == (1.0, 1)
