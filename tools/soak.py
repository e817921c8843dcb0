"""`make soak`: many conversations at human pace for minutes, with parts killed midway.

Starts the stack as `make run` does (supervised, two Rasa workers) on loopback, then
keeps CONVERSATIONS conversations going: each sends a message every 3-10 s, for 5 to
8 turns, and a new one starts when one ends. During the run it kills -9 the action
server once and Rasa once. It reports:

- requests sent, and the answers that were not 200 (0 expected);
- fallback answers (a part was down), and any of them without 999 (0 expected);
- conversations whose tracker in Redis misses a turn the bot answered, or repeats
  one (0 expected, checked at the end);
- p50 and p95 of /api/chat per minute, and each part's peak memory.

Everything is bounded: at most --minutes of traffic and --max-requests requests.
tests/integration/test_soak.py runs a 30-second version in make test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

from gateway.conversation_store import tracker_key
from gateway.fallback import fallback_replies
from gateway.scrubbing import scrub
from tools.evaluation import UNLIMITED
from tools.launcher import RestartPolicy, Stack, Supervisor, free_port

# What people write, calm and urgent, as one pool: each conversation draws its turns.
MESSAGES = [
    "hi",
    "i don't know if this counts as abuse",
    "my partner checks my phone and tells me who i can see",
    "he takes all my wages and gives me an allowance",
    "she shouts at me and smashes things when she's angry",
    "i'm a man and my wife hits me",
    "he has threatened to kill me if i leave",
    "he is outside the house now and i'm scared",
    "my friend's boyfriend controls everything she does, how can i help her",
    "what is clare's law",
    "how do i get a non-molestation order",
    "i live in cardiff",
    "can i take the children with me if i leave",
    "i'm worried he's tracking my phone",
    "my family are forcing me to marry someone",
    "thank you",
]
FALLBACK_TEXTS = {reply.text for reply in fallback_replies()}


@dataclass
class Answer:
    sent_at: float  # seconds since the soak started
    status: int
    latency_ms: float
    fallback: bool = False
    names_999: bool = False


@dataclass
class Conversation:
    conversation_id: str | None = None
    # (scrubbed message, answered by the bot rather than the fallback)
    turns: list[tuple[str, bool]] = field(default_factory=list)


@dataclass
class Soak:
    url: str
    conversations: int
    seconds: float
    max_requests: int
    pace: tuple[float, float] = (3.0, 10.0)
    turns: tuple[int, int] = (5, 8)
    seed: int = 7
    answers: list[Answer] = field(default_factory=list)
    finished: list[Conversation] = field(default_factory=list)
    transport_errors: list[str] = field(default_factory=list)  # the errors' kinds
    _started: float = 0.0

    def _budget_left(self) -> bool:
        return (time.monotonic() - self._started < self.seconds
                and len(self.answers) + len(self.transport_errors) < self.max_requests)

    async def _one(self, http: httpx.AsyncClient, rng: random.Random) -> None:
        conversation = Conversation()
        for message in rng.sample(MESSAGES, rng.randint(*self.turns)):
            if not self._budget_left():
                break
            body = {"message": message, "conversation_id": conversation.conversation_id}
            sent = time.monotonic()
            try:
                response = await http.post(f"{self.url}/api/chat", json=body)
            except httpx.HTTPError as error:
                self.transport_errors.append(type(error).__name__)
                break
            answer = Answer(sent - self._started, response.status_code,
                            (time.monotonic() - sent) * 1000)
            self.answers.append(answer)
            if response.status_code != 200:
                break
            data = response.json()
            texts = [r["text"] for r in data["replies"]]
            answer.fallback = bool(texts) and set(texts) <= FALLBACK_TEXTS
            answer.names_999 = any("999" in t for t in texts)
            conversation.conversation_id = data["conversation_id"]
            conversation.turns.append((scrub(message), not answer.fallback))
            await asyncio.sleep(rng.uniform(*self.pace))
        if conversation.conversation_id:
            self.finished.append(conversation)

    async def _lane(self, http: httpx.AsyncClient, lane: int) -> None:
        """One of the concurrent conversations: a new one begins when one ends."""
        rng = random.Random(self.seed * 1000 + lane)  # noqa: S311 (a test load, seeded)
        await asyncio.sleep(rng.uniform(0, self.pace[1]))  # people do not arrive at once
        while self._budget_left():
            await self._one(http, rng)

    async def run(self) -> None:
        self._started = time.monotonic()
        limits = httpx.Limits(max_connections=self.conversations)
        async with httpx.AsyncClient(limits=limits, timeout=30) as http:
            await asyncio.gather(*(self._lane(http, i) for i in range(self.conversations)))


def tracker_faults(stack: Stack, conversations: list[Conversation]) -> list[str]:
    """Conversations whose tracker misses a turn the bot answered, or repeats one.

    A turn answered by the fallback may or may not have reached the tracker (Rasa may
    have taken it before the part that failed), so it may be there once, or not at all.
    """
    redis = stack.redis_address().client()
    faults = []
    for conversation in conversations:
        raw = redis.get(tracker_key(conversation.conversation_id or ""))
        said = [e.get("text") for e in json.loads(raw)["events"]
                if e["event"] == "user"] if raw else []
        position = 0
        for text, answered in conversation.turns:
            if position < len(said) and said[position] == text:
                position += 1
            elif answered:
                faults.append("missed")
                break
        else:
            if position != len(said):
                faults.append("repeated or unknown turn")
    return faults


class MemoryWatch:
    """Peak resident memory of each part (a part's process and its children)."""

    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.peak: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            for name, process in list(self.stack.processes.items()):
                try:
                    root = psutil.Process(process.pid)
                    rss = sum(p.memory_info().rss for p in [root, *root.children(True)])
                except psutil.Error:
                    continue
                self.peak[name] = max(self.peak.get(name, 0), rss)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def kill_at(stack: Stack, plan: list[tuple[float, str]], log: list[str]) -> threading.Thread:
    """kill -9 each named part at its second of the soak, from a background thread."""
    def run() -> None:
        started = time.monotonic()
        for at, part in plan:
            time.sleep(max(0.0, at - (time.monotonic() - started)))
            process = stack.processes.get(part)
            if process is not None:
                os.kill(process.pid, signal.SIGKILL)
                log.append(f"{time.monotonic() - started:.0f} s: kill -9 {part}")

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@dataclass
class Report:
    requests: int
    not_200: int
    transport_errors: list[str]
    fallbacks: int
    fallbacks_without_999: int
    conversations: int
    tracker_faults: int
    per_minute: list[tuple[int, int, float, float]]  # minute, requests, p50, p95
    bot_p99_ms: float  # answers from the bot, not the fallback
    bot_max_ms: float
    peak_mb: dict[str, float]
    kills: list[str]
    seconds: float

    def lines(self) -> list[str]:
        lines = [
            f"requests sent {self.requests} ({self.requests / self.seconds:.1f}/s); "
            f"not 200: {self.not_200}; connection errors: {len(self.transport_errors)}"
            + (f" ({', '.join(sorted(set(self.transport_errors)))})"
               if self.transport_errors else ""),
            f"fallback answers {self.fallbacks}; without 999: {self.fallbacks_without_999}",
            f"conversations checked in Redis {self.conversations}; "
            f"missing or repeated turns: {self.tracker_faults}",
            "kills: " + ("; ".join(self.kills) or "none"),
            f"answers from the bot: p99 {self.bot_p99_ms:.0f}ms, slowest {self.bot_max_ms:.0f}ms",
            f"{'minute':>6} {'requests':>8} {'p50':>8} {'p95':>8}",
            *(f"{m:>6} {n:>8} {p50:>6.0f}ms {p95:>6.0f}ms" for m, n, p50, p95 in self.per_minute),
            "peak memory: " + ", ".join(f"{k} {v:.0f} MB" for k, v in sorted(self.peak_mb.items())),
        ]
        return lines

    @property
    def ok(self) -> bool:
        return not (self.not_200 or self.transport_errors or self.fallbacks_without_999
                    or self.tracker_faults)


def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def report(soak: Soak, faults: list[str], watch: MemoryWatch, kills: list[str]) -> Report:
    minutes: dict[int, list[float]] = {}
    for answer in soak.answers:
        minutes.setdefault(int(answer.sent_at // 60), []).append(answer.latency_ms)
    fallbacks = [a for a in soak.answers if a.fallback]
    from_bot = [a.latency_ms for a in soak.answers if a.status == 200 and not a.fallback]
    return Report(
        requests=len(soak.answers) + len(soak.transport_errors),
        not_200=sum(a.status != 200 for a in soak.answers),
        transport_errors=soak.transport_errors,
        fallbacks=len(fallbacks),
        fallbacks_without_999=sum(not a.names_999 for a in fallbacks),
        conversations=len(soak.finished),
        tracker_faults=len(faults),
        per_minute=[(m + 1, len(v), percentile(v, 50), percentile(v, 95))
                    for m, v in sorted(minutes.items())],
        bot_p99_ms=percentile(from_bot, 99),
        bot_max_ms=max(from_bot, default=0.0),
        peak_mb={k: v / 2**20 for k, v in watch.peak.items()},
        kills=kills,
        seconds=soak.seconds,
    )


def soak(conversations: int, seconds: float, kills: list[tuple[float, str]],
         max_requests: int, log_dir: Path, rasa_workers: int = 2) -> Report:
    """The soak on a stack of its own. One client is every conversation here, so lift
    the per-client limits first (UNLIMITED; main() does)."""
    stack = Stack(port=free_port(), rasa_port=free_port(), actions_port=free_port(),
                  rasa_workers=rasa_workers, log_dir=log_dir)
    supervisor = Supervisor(stack, RestartPolicy())
    with stack:
        supervisor.start()
        killed: list[str] = []
        try:
            with MemoryWatch(stack) as watch:
                run = Soak(stack.url, conversations, seconds, max_requests)
                killer = kill_at(stack, kills, killed)
                asyncio.run(run.run())
                killer.join(timeout=1)
            faults = tracker_faults(stack, run.finished)
        finally:
            supervisor.stop()
    return report(run, faults, watch, killed)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make soak", description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--no-kills", action="store_true")
    parser.add_argument("--workers", type=int, default=2,
                        help="Rasa's Sanic workers (1 is one Kubernetes replica)")
    args = parser.parse_args(argv)
    seconds = args.minutes * 60
    kills = [] if args.no_kills else [(seconds / 3, "actions"), (seconds * 2 / 3, "rasa")]
    os.environ.update(UNLIMITED)
    print(f"Soak: {args.conversations} conversations for {args.minutes:g} min, "
          f"{args.workers} Rasa worker(s), on loopback; starting the stack...", flush=True)
    with tempfile.TemporaryDirectory() as logs:
        result = soak(args.conversations, seconds, kills, args.max_requests, Path(logs),
                      args.workers)
    print("\n".join(result.lines()))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
