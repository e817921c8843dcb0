"""`make profile`: where Rasa's CPU goes under load, by part, from py-spy samples.

Starts the stack as `make run` does (one Rasa worker, so one process to sample), sends
conversations through /api/chat at 10 at once, and samples Rasa with py-spy meanwhile.
Prints the share of CPU samples under each part of the pipeline and the hottest lines.
docs/performance.md holds the summary of a run before and after the per-turn changes.

    make profile                      # Rasa as make run runs it
    make profile ARGS="--unpatched --model /tmp/old-models"   # as it was before
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.benchmark import measure
from tools.evaluation import UNLIMITED
from tools.launcher import Stack, free_port

SECONDS = 25
# Part of the pipeline -> a pattern matched against each frame of a sampled stack.
PARTS = {
    "jsonschema": r"jsonschema/",
    "TEDPolicy": r"ted_policy",
    "DIETClassifier": r"diet_classifier",
    "ResponseSelector": r"response_selector",
    "this project's NLU components and urgency rules": r"bot/nlu/|common/urgency",
    "featurizers and tokenizer": r"featurizers|tokenizers",
    "Memoization and Rule policies": r"memoization|rule_policy",
    "tracker store (Redis)": r"tracker_store",
    "lock store": r"lock_store",
    "event (de)serialisation": r"shared/core/events\.py|current_state",
    "calls to the action server (aiohttp)": r"aiohttp/",
    "TensorFlow (inside the models above)": r"tensorflow/",
}


def read_samples(path: Path) -> list[tuple[list[str], int]]:
    """py-spy's raw output: one line per stack, frames joined by ';', then a count."""
    samples = []
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        samples.append((stack.split(";"), int(count)))
    return samples


def summarise(samples: list[tuple[list[str], int]], top: int = 10) -> str:
    total = sum(n for _, n in samples) or 1
    lines = [f"{total} samples of Rasa on CPU; share of them under each part:"]
    for part, pattern in PARTS.items():
        count = sum(n for frames, n in samples if any(re.search(pattern, f) for f in frames))
        lines.append(f"  {100 * count / total:5.1f}%  {part}")
    hottest: collections.Counter[str] = collections.Counter()
    for frames, n in samples:
        frame = frames[-1]
        where = re.search(r"\(([^)]*)\)", frame)
        name = frame.split(" (")[0]
        hottest[f"{name} ({where.group(1).split('site-packages/')[-1]})" if where else name] += n
    lines.append("Hottest lines (self time):")
    lines += [f"  {100 * n / total:5.1f}%  {frame}" for frame, n in hottest.most_common(top)]
    return "\n".join(lines)


async def load(url: str, rounds: int) -> None:
    for _ in range(rounds):
        await measure("gateway", url, 10)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make profile", description=__doc__.split("\n")[0])
    parser.add_argument("--unpatched", action="store_true",
                        help="run Rasa as shipped (RASA_PATCHES=off)")
    parser.add_argument("--model", type=Path, metavar="DIR", help="a folder with the model")
    args = parser.parse_args(argv)
    py_spy = shutil.which("py-spy", path=str(Path(sys.executable).parent))
    if py_spy is None:
        print("py-spy is not installed: make install installs it.", file=sys.stderr)
        return 2
    os.environ.update(UNLIMITED)
    os.environ["RASA_PATCHES"] = "off" if args.unpatched else "on"
    with tempfile.TemporaryDirectory() as work:
        stack = Stack(port=free_port(), rasa_port=free_port(), actions_port=free_port(),
                      log_dir=Path(work))
        if args.model:
            stack.model_dir = args.model.resolve()
        raw = Path(work) / "profile.txt"
        with stack:
            url = f"{stack.url}/api/chat"
            asyncio.run(load(url, 1))  # warm-up
            spy = subprocess.Popen([py_spy, "record", "--pid", str(stack.processes["rasa"].pid),
                                    "--duration", str(SECONDS), "--format", "raw",
                                    "--output", str(raw), "--nonblocking"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            while spy.poll() is None:
                asyncio.run(load(url, 1))
        print(summarise(read_samples(raw)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
