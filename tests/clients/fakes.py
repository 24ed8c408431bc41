"""Canned vendor answers behind httpx.MockTransport, recording every request."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from twofa_clients import NO_RETRIES, RetryPolicy

API_KEY = "ib-api-key-4f9c2e7a0b6d"
IBSSO_TOKEN = "ibsso-token-77ab31"
BEARER_TOKEN = "bearer-token-9d0e12"
USERNAME = "api-user"
PASSWORD = "pässword-s3cr3t"
CLIENT_ID = "client-id-5521"
CLIENT_SECRET = "client-secret-c0ffee99"
ALL_SECRETS = (API_KEY, IBSSO_TOKEN, BEARER_TOKEN, PASSWORD, CLIENT_SECRET)

Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status, content=json.dumps(body).encode(), headers={"Content-Type": "application/json", **(headers or {})}
    )


@dataclass
class FakeVendor:
    """Answers each request with the next queued reply (the last one repeats)."""

    replies: list[Reply] = field(default_factory=list)
    requests: list[httpx.Request] = field(default_factory=list)

    def handler(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(reply, Exception):
            raise reply
        if callable(reply) and not isinstance(reply, httpx.Response):
            return reply(request)
        return reply

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)


@dataclass
class RecordedSleeps:
    waits: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.waits.append(seconds)

    def policy(self, **kwargs: Any) -> RetryPolicy:
        return RetryPolicy(sleep=self.sleep, async_sleep=self.async_sleep, jitter=False, **kwargs)


__all__ = ["NO_RETRIES"]
