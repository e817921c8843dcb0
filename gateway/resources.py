"""Shared resources, made once in the app's lifespan and handed to routes as dependencies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from redis.asyncio import Redis

from common.settings import Settings
from gateway.rasa_client import RasaBackend
from services_directory import Directory


@dataclass
class Resources:
    settings: Settings
    rasa: RasaBackend
    redis: Redis
    directory: Directory


def get_resources(request: Request) -> Resources:
    return request.app.state.resources


# Routes declare `resources: ResourcesDep`; tests override get_resources with fakes.
ResourcesDep = Annotated[Resources, Depends(get_resources)]
