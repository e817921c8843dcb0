"""`make eval`: how well the trained model recognises danger and intents on held-out messages.

The messages in tests/eval_data/ are never used for training. Prints urgency recall
(urgent messages recognised as urgent), the false-alarm rate (calm messages treated as
urgent) and intent precision/recall/F1, and writes the figures to reports/eval.json.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EVAL_FILE = ROOT / "tests" / "eval_data" / "messages.yml"
REPORT = ROOT / "reports" / "eval.json"
URGENT_INTENT = "urgent_danger"


@dataclass(frozen=True)
class Example:
    text: str
    urgent: bool
    intent: str


@dataclass(frozen=True)
class Prediction:
    intent: str
    urgent: bool


def load_examples(path: Path = EVAL_FILE) -> list[Example]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    return [Example(m["text"], bool(m["urgent"]), m["intent"]) for m in raw]


def is_urgent(parse: dict) -> bool:
    return (parse.get("intent") or {}).get("name") == URGENT_INTENT


def urgency_scores(examples: list[Example], predictions: list[Prediction]) -> dict[str, float]:
    urgent = [p.urgent for e, p in zip(examples, predictions, strict=True) if e.urgent]
    calm = [p.urgent for e, p in zip(examples, predictions, strict=True) if not e.urgent]
    return {
        "urgent_messages": len(urgent),
        "calm_messages": len(calm),
        "urgency_recall": sum(urgent) / len(urgent) if urgent else float("nan"),
        "false_alarm_rate": sum(calm) / len(calm) if calm else float("nan"),
    }


def intent_scores(
    examples: list[Example], predictions: list[Prediction], known: set[str]
) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per intent the model knows, and their macro average."""
    scored = [(e.intent, p.intent) for e, p in zip(examples, predictions, strict=True)
              if e.intent in known]
    true_pos, predicted, actual = Counter(), Counter(), Counter()
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


async def predict(texts: list[str]) -> tuple[list[Prediction], set[str]]:
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
    predictions = []
    for text in texts:
        parse = await agent.parse_message(text)
        predictions.append(Prediction(parse["intent"]["name"], is_urgent(parse)))
    return predictions, known


def main() -> int:
    examples = load_examples()
    predictions, known = asyncio.run(predict([e.text for e in examples]))
    urgency = urgency_scores(examples, predictions)
    intents = intent_scores(examples, predictions, known)
    pairs = list(zip(examples, predictions, strict=True))
    missed = [e.text for e, p in pairs if e.urgent and not p.urgent]
    alarms = [e.text for e, p in pairs if p.urgent and not e.urgent]

    print(f"\nHeld-out messages: {len(examples)} ({EVAL_FILE.relative_to(ROOT)})")
    print(f"Urgency recall:   {urgency['urgency_recall']:.3f} "
          f"({urgency['urgent_messages'] - len(missed)}/{urgency['urgent_messages']})")
    print(f"False-alarm rate: {urgency['false_alarm_rate']:.3f} "
          f"({len(alarms)}/{urgency['calm_messages']})")
    print(f"\n{'intent':<24}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}")
    for intent, row in intents.items():
        print(f"{intent:<24}{row['precision']:>10.3f}{row['recall']:>10.3f}"
              f"{row['f1']:>10.3f}{row['support']:>9}")
    print(f"\nMissed urgent messages ({len(missed)}):")
    for text in missed:
        print(f"  - {text}")
    print(f"False alarms ({len(alarms)}):")
    for text in alarms:
        print(f"  - {text}")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps({"urgency": urgency, "intents": intents}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
