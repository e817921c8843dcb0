"""A crash never silences the chat: kill -9 each part under traffic (real processes).

Its own stack, supervised as `make run` supervises it, while a few conversations
write about danger without pause. Every request must get a 200 that names 999 and is
flagged urgent (from Rasa, or from the gateway's fallback while a part is down), and
each killed part must come back and answer again.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from gateway.conversation_ids import new_conversation_id
from gateway.fallback import fallback_replies
from tests.integration.conftest import running_stack
from tools.launcher import RestartPolicy, Stack, Supervisor

DANGER = [
    "he has a knife and says he will kill me",
    "he's outside the house now banging on the door, I'm scared",
    "my husband strangled me last night and says he will do it again",
]
CONVERSATIONS = 3
FALLBACK_TEXTS = {reply.text for reply in fallback_replies()}


@dataclass
class Answer:
    at: float
    status: int
    names_999: bool
    urgent: bool
    fallback: bool


@dataclass
class Traffic:
    """Conversations about danger, one message after another, from a background thread."""

    url: str
    answers: list[Answer] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    async def _conversation(self, http: httpx.AsyncClient) -> None:
        conversation_id = new_conversation_id()
        turn = 0
        while not self._stop.is_set():
            body = {"message": DANGER[turn % len(DANGER)], "conversation_id": conversation_id}
            turn += 1
            try:
                response = await http.post(f"{self.url}/api/chat", json=body, timeout=30)
            except httpx.HTTPError as error:
                self.errors.append(type(error).__name__)
                await asyncio.sleep(0.2)
                continue
            data = response.json() if response.status_code == 200 else {}
            texts = [r["text"] for r in data.get("replies", [])]
            self.answers.append(Answer(
                at=time.monotonic(), status=response.status_code,
                names_999=any("999" in t for t in texts), urgent=data.get("urgent") is True,
                fallback=bool(texts) and set(texts) <= FALLBACK_TEXTS,
            ))
            await asyncio.sleep(0.2)

    async def _run(self) -> None:
        async with httpx.AsyncClient() as http:
            await asyncio.gather(*(self._conversation(http) for _ in range(CONVERSATIONS)))

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self._stop.set()


@pytest.fixture(scope="module")
def supervised(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    # Two Rasa workers, as make run starts: a killed Rasa's workers must not keep its port.
    with running_stack(tmp_path_factory.mktemp("supervised-logs"), rasa_workers=2) as stack:
        supervisor = Supervisor(stack, RestartPolicy(first_delay=2, max_delay=4), poll=0.2)
        supervisor.start()
        try:
            yield stack
        finally:
            supervisor.stop()


def health(stack: Stack) -> str:
    try:
        return httpx.get(f"{stack.url}/healthz", timeout=5).json()["status"]
    except (httpx.HTTPError, ValueError, KeyError):
        return "unreachable"


def wait_until(check: object, seconds: float) -> bool:
    assert callable(check)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.5)
    return False


def kill_and_wait_for_it(stack: Stack, traffic: Traffic, part: str) -> float:
    """kill -9 one part; return the seconds until it is back and the bot answers again."""
    killed = stack.processes[part]
    os.kill(killed.pid, signal.SIGKILL)
    killed_at = time.monotonic()
    assert wait_until(lambda: health(stack) == "degraded", 30), \
        f"/healthz did not say degraded after {part} was killed"
    # Rasa loads its model again, which takes the longest. (The part is briefly absent
    # from stack.processes while the supervisor starts it again.)
    assert wait_until(lambda: getattr(stack.processes.get(part), "pid", killed.pid)
                      != killed.pid and health(stack) == "ok", 240), f"{part} did not come back"
    back_at = time.monotonic()
    # What answers is the new process, not leftovers of the killed one (Rasa's workers).
    with pytest.raises(ProcessLookupError):
        os.killpg(killed.pid, 0)
    assert stack.processes[part].poll() is None
    # Answered by the bot again, not the fallback, once it is back.
    assert wait_until(lambda: any(a.at > back_at and not a.fallback for a in traffic.answers),
                      60), f"no answer from the bot after {part} came back"
    return back_at - killed_at


def test_kill_each_part_under_traffic_and_every_answer_names_999(supervised: Stack) -> None:
    traffic = Traffic(supervised.url)
    thread = traffic.start()
    try:
        time.sleep(3)
        for part in ("actions", "rasa", "redis"):
            print(f"{part}: back after {kill_and_wait_for_it(supervised, traffic, part):.1f} s")
    finally:
        traffic.stop()
        thread.join(timeout=60)

    answers = traffic.answers
    assert traffic.errors == [], "the gateway refused or dropped requests"
    assert answers, "no traffic was answered"
    assert [a.status for a in answers if a.status != 200] == []
    assert [a for a in answers if not a.names_999] == []
    # While a part was down the fallback answered, and flagged the danger.
    fallbacks = [a for a in answers if a.fallback]
    assert fallbacks, "no request met a part that was down"
    assert all(a.urgent for a in answers)
    print(f"{len(answers)} answers, {len(fallbacks)} from the fallback")
