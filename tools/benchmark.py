"""`make bench`: latency, throughput and Rasa's CPU per turn, old and new side by side.

For each Rasa set-up in SETUPS, starts the stack as `make run` does (on free ports),
sends the same conversations through Rasa's own REST webhook and through the
gateway's /api/chat at 1 and 10 concurrent conversations, and prints per row: p50/p95
of both (so the gateway's overhead is a ratio), the messages per second through the
gateway, and the CPU Rasa's processes spent per gateway turn (read from /proc).
A script that prints numbers, not a timed test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil

from gateway.conversation_ids import new_conversation_id
from tools.evaluation import UNLIMITED
from tools.launcher import Stack, free_port

MESSAGES = [
    "hello",
    "my partner controls all my money and shouts at me",
    "he has a knife and says he will kill me",
    "thank you",
]
CONCURRENCY = (1, 10)
REQUESTS_PER_LEVEL = 200
# name -> (environment for Rasa, Rasa's workers). "before" is Rasa as shipped, one
# process, and (with --old-model) the model of the commit before the change measured.
SETUPS: dict[str, tuple[dict[str, str], int]] = {
    "before": ({"RASA_PATCHES": "off"}, 1),
    "1 worker": ({"RASA_PATCHES": "on"}, 1),
    "2 workers": ({"RASA_PATCHES": "on"}, 2),
}


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 \
        else values[0]


async def conversation(http: httpx.AsyncClient, target: str, url: str) -> list[float]:
    """One short conversation, as a person would have it; its latencies in ms."""
    conversation_id = new_conversation_id()
    timings = []
    for message in MESSAGES:
        if target == "gateway":
            body = {"message": message, "conversation_id": conversation_id}
        else:
            body = {"sender": conversation_id, "message": message}
        start = time.perf_counter()
        response = await http.post(url, json=body, timeout=30)
        timings.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
    return timings


async def worker(http: httpx.AsyncClient, target: str, url: str, requests: int) -> list[float]:
    timings: list[float] = []
    while len(timings) < requests:
        timings += await conversation(http, target, url)
    return timings


def cpu_seconds(pid: int) -> float:
    """User and system CPU of a process and its children (Rasa's Sanic workers)."""
    root = psutil.Process(pid)
    total = 0.0
    for process in [root, *root.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


async def measure(target: str, url: str, concurrency: int) -> tuple[list[float], float]:
    """Latencies in ms, and the seconds the timed requests took."""
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(limits=limits) as http:
        await conversation(http, target, url)  # warm-up
        start = time.perf_counter()
        results = await asyncio.gather(
            *(worker(http, target, url, REQUESTS_PER_LEVEL // concurrency)
              for _ in range(concurrency))
        )
        elapsed = time.perf_counter() - start
    return [t for timings in results for t in timings], elapsed


HEADER = (f"{'set-up':>15} {'concurrent':>10} | {'rasa p50':>9} {'rasa p95':>9} | "
          f"{'/api/chat p50':>13} {'/api/chat p95':>13} | {'ratio p95':>9} | "
          f"{'msgs/s':>7} {'Rasa CPU/turn':>13}")


async def run(stack: Stack, setup: str) -> list[str]:
    targets = {
        "gateway": f"{stack.url}/api/chat",
        "rasa": f"{stack.rasa_url}/webhooks/rest/webhook",
    }
    rows = []
    for concurrency in CONCURRENCY:
        rasa, _ = await measure("rasa", targets["rasa"], concurrency)
        cpu_before = cpu_seconds(stack.processes["rasa"].pid)
        gateway, elapsed = await measure("gateway", targets["gateway"], concurrency)
        cpu = cpu_seconds(stack.processes["rasa"].pid) - cpu_before
        r50, r95 = percentile(rasa, 50), percentile(rasa, 95)
        g50, g95 = percentile(gateway, 50), percentile(gateway, 95)
        turns = len(gateway) + len(MESSAGES)  # the warm-up conversation is in the CPU
        rows.append(
            f"{setup:>15} {concurrency:>10} | {r50:>7.1f}ms {r95:>7.1f}ms | {g50:>11.1f}ms "
            f"{g95:>11.1f}ms | {g95 / r95:>9.2f} | {len(gateway) / elapsed:>7.1f} "
            f"{cpu / turns * 1000:>11.1f}ms")
        print(rows[-1], flush=True)
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.split("\n")[0])
    parser.add_argument("--old-model", type=Path, metavar="DIR",
                        help='a folder with the model to measure as "before" '
                             "(default: the current model, with Rasa unpatched)")
    old_model = parser.parse_args(argv).old_model
    # One client is every conversation here: lift the per-client limits for this run.
    os.environ.update(UNLIMITED)
    print(f"{REQUESTS_PER_LEVEL} requests per row: conversations of {len(MESSAGES)} messages",
          flush=True)
    print(HEADER, flush=True)
    rows = []
    for setup, (env, workers) in SETUPS.items():
        os.environ.update(env)
        with tempfile.TemporaryDirectory() as logs:
            stack = Stack(port=free_port(), rasa_port=free_port(), actions_port=free_port(),
                          rasa_workers=workers, log_dir=Path(logs))
            if setup == "before" and old_model is not None:
                stack.model_dir = old_model.resolve()
            with stack:
                rows += asyncio.run(run(stack, setup))
    print("\nSide by side:\n" + HEADER + "\n" + "\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
