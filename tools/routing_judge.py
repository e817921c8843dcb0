"""Judging one scripted conversation: what was offered against what should have been.

A script (tests/eval_data/README.md, `conversations.yml`) says who is writing (`role`),
what must be offered (`expect_services`), each stated need and the specialists that
serve it (`needs`), what must never be offered (`must_not_offer`), and whether some turn
must be urgent. The judge reads only the chat API's answers, as a person would see them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

PERPETRATOR_SERVICE = "respect-phoneline"
# The words only the reply to someone who harms uses (actions/replies.perpetrator).
PERPETRATOR_WORDS = "wanting to change is an important first step"


@dataclass
class Verdict:
    name: str
    problems: list[str] = field(default_factory=list)
    role: str | None = None
    needs_stated: int = 0
    needs_served: int = 0
    unserved_needs: list[str] = field(default_factory=list)
    role_error: str | None = None  # "survivor-as-perpetrator" or "perpetrator-as-survivor"
    bare_answers: int = 0  # turns with no service that were not a greeting, thanks or goodbye
    turns: int = 0
    urgent_expected: bool = False
    urgent_flagged: bool = False

    @property
    def passed(self) -> bool:
        return not self.problems


def _offered(turns: list[dict[str, Any]]) -> list[str]:
    return [s["id"] for turn in turns for s in turn.get("services") or []]


def _texts(turn: dict[str, Any]) -> str:
    return " ".join(r.get("text") or "" for r in turn.get("replies") or [])


def answered_as_perpetrator(turns: list[dict[str, Any]]) -> bool:
    return (PERPETRATOR_SERVICE in _offered(turns)
            or any(PERPETRATOR_WORDS in _texts(t).lower() for t in turns))


def judge(script: dict[str, Any], turns: list[dict[str, Any]],
          social_replies: Iterable[str] = ()) -> Verdict:
    """The verdict on one conversation. `social_replies` are the texts of greetings,
    thanks and goodbyes, the only answers that may come without a service."""
    social = tuple(" ".join(s.split()) for s in social_replies)
    offered = _offered(turns)
    verdict = Verdict(name=script["name"], role=script.get("role"), turns=len(turns),
                      urgent_expected=bool(script.get("urgent", False)),
                      urgent_flagged=any(t.get("urgent") for t in turns))
    missing = [s for s in script.get("expect_services") or [] if s not in offered]
    if missing:
        verdict.problems.append(f"not offered: {missing}")
    harmful = [s for s in script.get("must_not_offer") or [] if s in offered]
    if harmful:
        verdict.problems.append(f"offered though it must not be: {harmful}")
    if verdict.urgent_flagged != verdict.urgent_expected:
        verdict.problems.append(f"urgent expected {verdict.urgent_expected}")
    first = script.get("expect_first")
    urgent_turns = [t for t in turns if t.get("urgent")]
    if first and urgent_turns:
        services = urgent_turns[0].get("services") or []
        if not services or services[0]["id"] != first:
            verdict.problems.append(
                f"first service {services[0]['id'] if services else None} != {first}")
    for need, specialists in (script.get("needs") or {}).items():
        verdict.needs_stated += 1
        if any(s in offered for s in specialists or []):
            verdict.needs_served += 1
        else:
            verdict.unserved_needs.append(need)
    role = script.get("role")
    if role is not None:
        as_perpetrator = answered_as_perpetrator(turns)
        if role != "perpetrator" and as_perpetrator:
            verdict.role_error = "survivor-as-perpetrator"
        elif role == "perpetrator" and not as_perpetrator:
            verdict.role_error = "perpetrator-as-survivor"
        if verdict.role_error:
            verdict.problems.append(f"role error: {verdict.role_error}")
    for turn in turns:
        if not turn.get("services"):
            text = " ".join(_texts(turn).split())
            if not any(text.startswith(s) or s.startswith(text) for s in social if text):
                verdict.bare_answers += 1
    return verdict


def summarise(verdicts: list[Verdict]) -> dict[str, Any]:
    """The set's figures: routing accuracy, specialist recall, role errors, answers
    without a service, and urgency recall and false alarms over conversations."""
    stated = sum(v.needs_stated for v in verdicts)
    urgent = [v for v in verdicts if v.urgent_expected]
    calm = [v for v in verdicts if not v.urgent_expected]
    passed = [v for v in verdicts if v.passed]
    return {
        "conversations": len(verdicts),
        "passed": len(passed),
        "accuracy": len(passed) / len(verdicts) if verdicts else None,
        "needs_stated": stated,
        "needs_served": sum(v.needs_served for v in verdicts),
        "specialist_recall": (sum(v.needs_served for v in verdicts) / stated
                              if stated else None),
        "survivor_as_perpetrator": sum(v.role_error == "survivor-as-perpetrator"
                                       for v in verdicts),
        "perpetrator_as_survivor": sum(v.role_error == "perpetrator-as-survivor"
                                       for v in verdicts),
        "turns": sum(v.turns for v in verdicts),
        "answers_without_service": sum(v.bare_answers for v in verdicts),
        "urgent_conversations": len(urgent),
        "urgency_recall": (sum(v.urgent_flagged for v in urgent) / len(urgent)
                           if urgent else None),
        "calm_conversations": len(calm),
        "false_alarms": sum(v.urgent_flagged for v in calm),
        "failures": [{"name": v.name, "problems": v.problems,
                      "unserved_needs": v.unserved_needs, "bare_answers": v.bare_answers}
                     for v in verdicts if v.problems or v.bare_answers or v.unserved_needs],
    }
