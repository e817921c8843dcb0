"""Talking to Rasa's REST channel and the action server's health endpoint."""

from __future__ import annotations

from typing import Any

import httpx

WEBHOOK_PATH = "/webhooks/rest/webhook"


class RasaUnavailable(Exception):
    """Rasa did not answer in time or answered with an error."""


class RasaClient:
    def __init__(self, http: httpx.AsyncClient, rasa_url: str, actions_url: str) -> None:
        self._http = http
        self._rasa_url = rasa_url
        self._actions_url = actions_url

    async def send(
        self, conversation_id: str, message: str, metadata: dict[str, Any], timeout: float
    ) -> list[dict[str, Any]]:
        """The messages Rasa says back to one user message."""
        body = {"sender": conversation_id, "message": message, "metadata": metadata}
        try:
            response = await self._http.post(
                self._rasa_url + WEBHOOK_PATH, json=body, timeout=timeout
            )
            response.raise_for_status()
            messages = response.json()
        except (httpx.HTTPError, ValueError) as error:
            # The error's text may quote the request; keep only its kind.
            raise RasaUnavailable(type(error).__name__) from None
        if not isinstance(messages, list):
            raise RasaUnavailable("unexpected response shape")
        return [m for m in messages if isinstance(m, dict)]

    async def rasa_is_up(self, timeout: float) -> bool:
        return await self._is_up(self._rasa_url + "/", timeout)

    async def actions_are_up(self, timeout: float) -> bool:
        return await self._is_up(self._actions_url + "/health", timeout)

    async def _is_up(self, url: str, timeout: float) -> bool:
        try:
            response = await self._http.get(url, timeout=timeout)
        except httpx.HTTPError:
            return False
        return response.status_code == 200
