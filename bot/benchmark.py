"""`make bench`: latency of the gateway's /api/chat next to Rasa's own REST webhook.

Starts the stack as `make run` does (on free ports), sends the same messages through
both at 1 and 10 concurrent conversations, and prints p50/p95 side by side, so the
gateway's overhead is a ratio. A script that prints numbers, not a timed test.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bot.evaluation import UNLIMITED
from bot.gateway.conversation_ids import new_conversation_id
from bot.launcher import Stack, free_port

MESSAGES = [
    "hello",
    "my partner controls all my money and shouts at me",
    "he has a knife and says he will kill me",
    "thank you",
]
CONCURRENCY = (1, 10)
REQUESTS_PER_LEVEL = 200


def percentile(values: list[float], q: float) -> float:
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


async def measure(target: str, url: str, concurrency: int) -> list[float]:
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(limits=limits) as http:
        await conversation(http, target, url)  # warm-up
        results = await asyncio.gather(
            *(worker(http, target, url, REQUESTS_PER_LEVEL // concurrency)
              for _ in range(concurrency))
        )
    return [t for timings in results for t in timings]


async def run(stack: Stack) -> None:
    targets = {
        "gateway": f"{stack.url}/api/chat",
        "rasa": f"{stack.rasa_url}/webhooks/rest/webhook",
    }
    print(f"\n{REQUESTS_PER_LEVEL} requests per row: conversations of {len(MESSAGES)} messages")
    print(f"{'concurrent':>10} | {'rasa p50':>9} {'rasa p95':>9} | "
          f"{'/api/chat p50':>13} {'/api/chat p95':>13} | {'ratio p50':>9} {'ratio p95':>9}")
    for concurrency in CONCURRENCY:
        rasa = await measure("rasa", targets["rasa"], concurrency)
        gateway = await measure("gateway", targets["gateway"], concurrency)
        r50, r95 = percentile(rasa, 50), percentile(rasa, 95)
        g50, g95 = percentile(gateway, 50), percentile(gateway, 95)
        print(f"{concurrency:>10} | {r50:>7.1f}ms {r95:>7.1f}ms | {g50:>11.1f}ms {g95:>11.1f}ms"
              f" | {g50 / r50:>9.2f} {g95 / r95:>9.2f}")


def main() -> int:
    # One client is every conversation here: lift the per-client limits for this run.
    os.environ.update(UNLIMITED)
    with tempfile.TemporaryDirectory() as logs:
        stack = Stack(port=free_port(), rasa_port=free_port(), actions_port=free_port(),
                      log_dir=Path(logs))
        print("Starting the stack...", flush=True)
        with stack:
            asyncio.run(run(stack))
    return 0


if __name__ == "__main__":
    sys.exit(main())
