"""`make eval`: how well the assistant recognises danger, intents and routes, on held-out data.

Nothing in tests/eval_data/ is used for training. Prints, and writes to docs/eval/:
- urgency recall and false-alarm rate (the model with its safety net), on messages.yml,
  fresh_check.yml, final_check.yml and blind_check.yml (written without sight of the
  rules or the training data; the one set no rule or example was tuned to);
- intent precision/recall/F1 and their macro average (messages.yml and blind_check.yml),
  and FAQ topic accuracy;
- routing accuracy on the scripted conversations in conversations.yml and
  blind_conversations.yml, through the running stack (Redis, Rasa, actions and gateway,
  started as `make run` does);
- Rasa's own report and confusion matrix (`rasa test nlu`) in docs/eval/rasa/;
- per language, on languages.yml (short messages in nine languages): how often the
  detector names the language, how often it is sure enough to switch (and how often
  it switches wrongly), and urgency recall and false alarms through the whole model.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import yaml

from tools.routing_judge import Verdict, judge, summarise

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT / "tests" / "eval_data"
REPORT_DIR = ROOT / "docs" / "eval"
URGENT_INTENT = "urgent_danger"
# The gateway's per-client limits, lifted for measuring runs where one client is everyone.
UNLIMITED = {"RATE_LIMIT_PER_MINUTE": "1000000", "RATE_LIMIT_BURST": "1000000",
             "MAX_CONCURRENT_REQUESTS": "1000"}
# Held-out message sets (tests/eval_data/README.md). final_check was read to write rules,
# so it is kept for comparison only; blind_check is the one nobody tuned anything to.
MESSAGE_SETS = ("messages", "fresh_check", "final_check", "blind_check")
# Scripted conversations (tests/eval_data/README.md). conversations and the two dev_routing
# sets are tuned on; blind_conversations and blind_routing were written by helpers who saw neither
# the rules nor the data, and their failures are not printed (`--show-blind` prints them)
# so that reading the figures does not tune to them.
CONVERSATION_SETS = ("conversations", "dev_routing", "dev_routing_2", "blind_conversations",
                     "blind_routing")
BLIND_SETS = ("blind_conversations", "blind_routing")
# Labels of the evaluation set that the model names differently.
INTENT_ALIASES = {"ask_what_is_abuse": "faq"}


@dataclass(frozen=True)
class Example:
    text: str
    urgent: bool
    intent: str
    topic: str | None = None


@dataclass(frozen=True)
class Prediction:
    intent: str
    urgent: bool
    topic: str | None = None


def load_examples(path: Path) -> list[Example]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    return [Example(m["text"], bool(m["urgent"]), expected_intent(m), m.get("topic"))
            for m in raw]


def expected_intent(message: dict[str, Any]) -> str:
    """The intent the assistant should act on. Every urgent message, a friend's included,
    is meant to become urgent_danger: the urgent reply comes first, whoever writes."""
    if message["urgent"]:
        return URGENT_INTENT
    return INTENT_ALIASES.get(message["intent"], message["intent"])


def urgency_scores(examples: list[Example], predictions: list[Prediction]) -> dict[str, Any]:
    pairs = list(zip(examples, predictions, strict=True))
    urgent = [p.urgent for e, p in pairs if e.urgent]
    calm = [p.urgent for e, p in pairs if not e.urgent]
    return {
        "urgent_messages": len(urgent),
        "calm_messages": len(calm),
        "urgency_recall": sum(urgent) / len(urgent) if urgent else None,
        "false_alarm_rate": sum(calm) / len(calm) if calm else None,
        "missed": [e.text for e, p in pairs if e.urgent and not p.urgent],
        "false_alarms": [e.text for e, p in pairs if p.urgent and not e.urgent],
    }


def intent_scores(
    examples: list[Example], predictions: list[Prediction], known: set[str]
) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per intent the model knows, and their macro average."""
    scored = [(e.intent, p.intent) for e, p in zip(examples, predictions, strict=True)
              if e.intent in known]
    true_pos: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    actual: Counter[str] = Counter()
    for gold, guess in scored:
        actual[gold] += 1
        predicted[guess] += 1
        true_pos[gold] += gold == guess
    table = {}
    for intent in sorted(known & set(actual)):
        p = true_pos[intent] / predicted[intent] if predicted[intent] else 0.0
        r = true_pos[intent] / actual[intent]
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        table[intent] = {"precision": p, "recall": r, "f1": f1, "support": actual[intent]}
    if table:
        table["macro"] = {
            k: sum(row[k] for row in table.values()) / len(table)
            for k in ("precision", "recall", "f1")
        } | {"support": len(scored)}
    return table


def topic_accuracy(examples: list[Example], predictions: list[Prediction]) -> float | None:
    topics = [(e.topic, p.topic) for e, p in zip(examples, predictions, strict=True) if e.topic]
    return sum(gold == guess for gold, guess in topics) / len(topics) if topics else None


async def predict(texts_by_set: dict[str, list[str]]) -> tuple[dict[str, list[Prediction]],
                                                                set[str]]:
    import logging

    from rasa.core.agent import Agent
    from rasa.model import get_latest_model
    from rasa.shared.core.constants import DEFAULT_INTENTS
    from rasa.utils.log_utils import configure_structlog

    # Rasa's structured debug log would print every message parsed.
    configure_structlog(logging.WARNING)
    model = get_latest_model(str(ROOT / "models"))
    if model is None:
        raise SystemExit("No trained model: run `make train` first.")
    agent = Agent.load(model)
    # Only intents the model was trained on: Rasa's built-in ones have no examples.
    known = set(agent.domain.intents) - set(DEFAULT_INTENTS)
    results = {}
    for name, texts in texts_by_set.items():
        predictions = []
        for text in texts:
            parse = await agent.parse_message(text)
            intent = parse["intent"]["name"]
            selected = (parse.get("response_selector", {}).get("faq", {}).get("response", {})
                        .get("intent_response_key"))
            topic = selected.split("/", 1)[1] if intent == "faq" and selected else None
            predictions.append(Prediction(intent, intent == URGENT_INTENT, topic))
        results[name] = predictions
    return results, known


# ---- routing through the running stack --------------------------------------------

def load_conversations(path: Path = EVAL_DIR / "conversations.yml") -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]


def social_replies() -> list[str]:
    """Greetings, thanks and goodbyes in every language: the only answers that may come
    without a service."""
    from actions.nlg import responses
    from common.i18n import SUPPORTED_LOCALES, Translator

    texts = []
    for name in ("utter_greet", "utter_thanks", "utter_goodbye"):
        text = " ".join(responses()[name][0]["text"].split())
        texts += [Translator(locale).translate(text, "responses") for locale in
                  SUPPORTED_LOCALES]
    return texts


def run_conversations(base_url: str, scripts: list[dict[str, Any]]) -> list[Verdict]:
    social = social_replies()
    verdicts = []
    with httpx.Client(timeout=30) as http:
        for script in scripts:
            conversation_id = None
            turns = []
            for message in script["turns"]:
                body: dict[str, Any] = {"message": message}
                if conversation_id:
                    body["conversation_id"] = conversation_id
                if script.get("area"):
                    body["area"] = script["area"]
                response = http.post(f"{base_url}/api/chat", json=body)
                response.raise_for_status()
                turn = response.json()
                conversation_id = turn["conversation_id"]
                turns.append(turn)
            verdicts.append(judge(script, turns, social))
    return verdicts


def routing_accuracy(files: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """Routing figures per file of scripted conversations, through one running stack."""
    from tools.launcher import Stack, free_port

    # One client sends every conversation: lift the per-client limit for this run only.
    os.environ.update(UNLIMITED)
    report = {}
    with tempfile.TemporaryDirectory() as logs:
        stack = Stack(port=free_port(), rasa_port=free_port(), actions_port=free_port(),
                      log_dir=Path(logs))
        with stack:
            for name, path in files.items():
                report[name] = summarise(run_conversations(stack.url, load_conversations(path)))
    return report


# ---- languages -------------------------------------------------------------------------

def load_language_examples(path: Path = EVAL_DIR / "languages.yml") -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]


def language_scores(examples: list[dict[str, Any]],
                    predictions: list[Prediction]) -> dict[str, Any]:
    from bot.nlu.language import detect

    rows: dict[str, Counter] = {}
    misses: list[str] = []
    for example, prediction in zip(examples, predictions, strict=True):
        row = rows.setdefault(example["language"], Counter())
        detection = detect(example["text"])
        urgent = example["kind"] == "urgent"
        row["messages"] += 1
        row["named"] += detection.language == example["language"]
        row["switched"] += detection.locale == example["language"]
        row["wrong_switch"] += detection.confident and detection.language != example["language"]
        row["urgent"] += urgent
        row["urgent_caught"] += urgent and prediction.urgent
        row["calm"] += not urgent
        row["false_alarms"] += (not urgent) and prediction.urgent
        if urgent and not prediction.urgent:
            misses.append(f"[{example['language']}] {example['text']}")
    table = {}
    for language, row in rows.items():
        table[language] = {
            "messages": row["messages"],
            "detected": row["named"] / row["messages"],
            "switched": row["switched"] / row["messages"],
            "wrong_switches": row["wrong_switch"],
            "urgency_recall": row["urgent_caught"] / row["urgent"] if row["urgent"] else None,
            "false_alarms": f"{row['false_alarms']}/{row['calm']}",
        }
    total = sum(r["messages"] for r in rows.values())
    return {"by_language": table,
            "detected": sum(r["named"] for r in rows.values()) / total,
            "urgency_recall": sum(r["urgent_caught"] for r in rows.values())
            / sum(r["urgent"] for r in rows.values()),
            "missed_urgent": misses}


# ---- Rasa's own report ---------------------------------------------------------------

def rasa_nlu_report(examples: list[Example], known: set[str]) -> None:
    """`rasa test nlu` on the held-out messages: its report and confusion matrix."""
    by_intent: dict[str, list[str]] = {}
    for e in examples:
        if e.intent in known:
            by_intent.setdefault(e.intent, []).append(e.text)
    nlu = {"version": "3.1", "nlu": [
        {"intent": intent, "examples": "".join(f"- {json.dumps(t)}\n" for t in texts)}
        for intent, texts in sorted(by_intent.items())
    ]}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "eval_nlu.yml"
        data.write_text(yaml.safe_dump(nlu, sort_keys=False, allow_unicode=True))
        subprocess.run(
            [sys.executable, "-m", "rasa", "test", "nlu", "--nlu", str(data), "--model", "models",
             "--out", str(REPORT_DIR / "rasa"), "--quiet"],
            cwd=ROOT, check=True,
        )


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--routing-only", action="store_true",
                        help="only the scripted conversations (no model-only sets)")
    parser.add_argument("--sets", nargs="+", choices=CONVERSATION_SETS,
                        default=list(CONVERSATION_SETS), help="conversation sets to run")
    parser.add_argument("--show-blind", action="store_true",
                        help="print the blind sets' failures (spends them for tuning)")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {}
    if not args.routing_only:
        report.update(message_sets())
    # Routing depends on the clock: a service open now is offered before one that is
    # closed, so two runs compare only at a like time (docs/evaluation.md).
    report["routing_measured_at"] = datetime.now(ZoneInfo("Europe/London")).strftime(
        "%A %H:%M %Z")
    routing = routing_accuracy({name: EVAL_DIR / f"{name}.yml" for name in args.sets})
    report["routing"] = routing
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    name = "report.json" if not args.routing_only else "routing.json"
    (REPORT_DIR / name).write_text(json.dumps(report, indent=2) + "\n")
    if not args.routing_only:
        print_report(report)
    print_routing(routing, show_blind=args.show_blind)
    print(f"\nReport: {REPORT_DIR.relative_to(ROOT)}/{name}")
    return 0


def message_sets() -> dict[str, Any]:
    """Urgency, intents and languages on the held-out message sets (model only)."""
    sets = {name: load_examples(EVAL_DIR / f"{name}.yml") for name in MESSAGE_SETS}
    languages = load_language_examples()
    texts = {k: [e.text for e in v] for k, v in sets.items()}
    texts["languages"] = [m["text"] for m in languages]
    predictions, known = asyncio.run(predict(texts))
    report: dict[str, Any] = {}
    for name, examples in sets.items():
        report[name] = {"urgency": urgency_scores(examples, predictions[name])}
    main_set = sets["messages"]
    report["messages"]["intents"] = intent_scores(main_set, predictions["messages"], known)
    report["messages"]["faq_topic_accuracy"] = topic_accuracy(main_set, predictions["messages"])
    blind = sets["blind_check"]
    report["blind_check"]["intents"] = intent_scores(blind, predictions["blind_check"], known)
    report["languages"] = language_scores(languages, predictions["languages"])
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    rasa_nlu_report(main_set, known)
    return report


def print_routing(routing: dict[str, dict[str, Any]], *, show_blind: bool) -> None:
    """Per set, side by side: the figures issue 12 asks for."""
    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    print(f"\n{'routing set':<22}{'routing':>14}{'specialists':>14}{'surv.->perp.':>13}"
          f"{'perp.->surv.':>13}{'no service':>12}{'urgent recall':>15}{'false al.':>10}")
    for name, r in routing.items():
        print(f"{name:<22}{pct(r['accuracy']):>6} {r['passed']:>3}/{r['conversations']:<3}"
              f"{pct(r['specialist_recall']):>6} {r['needs_served']:>3}/{r['needs_stated']:<3}"
              f"{r['survivor_as_perpetrator']:>13}{r['perpetrator_as_survivor']:>13}"
              f"{r['answers_without_service']:>5}/{r['turns']:<6}"
              f"{pct(r['urgency_recall']):>9}/{r['urgent_conversations']:<5}"
              f"{r['false_alarms']:>4}/{r['calm_conversations']}")
    for name, r in routing.items():
        if name in BLIND_SETS and not show_blind:
            continue
        for failure in r["failures"]:
            details = failure["problems"] + (
                [f"needs not served: {failure['unserved_needs']}"] if failure["unserved_needs"]
                else []) + ([f"{failure['bare_answers']} answer(s) without a service"]
                            if failure["bare_answers"] else [])
            print(f"  [{name}] {failure['name']}: {'; '.join(details)}")


def print_report(report: dict[str, Any]) -> None:
    for name in MESSAGE_SETS:
        u = report[name]["urgency"]
        print(f"\n[{name}] urgency recall {u['urgency_recall']:.3f} "
              f"({u['urgent_messages'] - len(u['missed'])}/{u['urgent_messages']}), "
              f"false alarms {u['false_alarm_rate']:.3f} "
              f"({len(u['false_alarms'])}/{u['calm_messages']})")
        for text in u["missed"]:
            print(f"  missed: {text}")
        for text in u["false_alarms"]:
            print(f"  false alarm: {text}")
    intents, blind = report["messages"]["intents"], report["blind_check"]["intents"]
    print(f"\n{'intent (messages | blind_check)':<32}{'precision':>10}{'recall':>10}{'f1':>10}"
          f"{'support':>9}{'f1':>10}{'support':>9}")
    for intent, row in intents.items():
        other = blind.get(intent, {})
        print(f"{intent:<32}{row['precision']:>10.3f}{row['recall']:>10.3f}"
              f"{row['f1']:>10.3f}{row['support']:>9}"
              f"{other.get('f1', float('nan')):>10.3f}{other.get('support', 0):>9}")
    print(f"FAQ topic accuracy: {report['messages']['faq_topic_accuracy']:.3f}")
    languages = report["languages"]
    print(f"\n{'language':<10}{'messages':>9}{'detected':>10}{'switched':>10}"
          f"{'wrong sw.':>10}{'urgent recall':>15}{'false alarms':>14}")
    for language, row in languages["by_language"].items():
        print(f"{language:<10}{row['messages']:>9}{row['detected']:>10.3f}{row['switched']:>10.3f}"
              f"{row['wrong_switches']:>10}{row['urgency_recall']:>15.3f}{row['false_alarms']:>14}")
    print(f"Language detected: {languages['detected']:.3f}; urgency recall across languages: "
          f"{languages['urgency_recall']:.3f}")
    for text in languages["missed_urgent"]:
        print(f"  missed: {text}")
    print(f"Rasa's confusion matrix: {REPORT_DIR.relative_to(ROOT)}/rasa/"
          "intent_confusion_matrix.png")


if __name__ == "__main__":
    sys.exit(main())
