"""Each vendor's auth schemes as httpx.Auth classes, for sync and async clients alike.

Infobip: ``Authorization: App <key>``, ``Basic <base64>``, ``IBSSO <token>``, ``Bearer <token>``.
Bandwidth: ``Basic <base64>``, or OAuth2 client credentials: a token is fetched from the token URL,
cached, refreshed shortly before it expires and once more after a 401. Concurrent callers share one
token request, under threads and asyncio alike.

No class here shows a credential in its repr; credentials live in ``Secret``.
"""

from __future__ import annotations

import base64
import json
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Generator
from typing import TYPE_CHECKING

import httpx

from ._errors import ProtocolError, status_error
from ._secrets import Secret

if TYPE_CHECKING:
    import asyncio

DEFAULT_REFRESH_MARGIN = 60.0  # seconds before expiry a token is replaced (the official SDK does the same)


def basic_credentials(username: str, password: str) -> str:
    """RFC 7617: base64 of ``user:password`` in UTF-8."""
    if ":" in username:
        raise ValueError("a Basic-auth username cannot contain ':'")
    return base64.b64encode(f"{username}:{password}".encode()).decode("ascii")


class HeaderAuth(httpx.Auth):
    """``Authorization: <scheme> <credential>`` on every request."""

    def __init__(self, scheme: str, credential: str) -> None:
        self.scheme = scheme
        self._header = Secret(f"{scheme} {Secret(credential).reveal()}")

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header.reveal()
        yield request

    def __repr__(self) -> str:
        return f"{type(self).__name__}(scheme={self.scheme!r}, credential='***')"


def infobip_api_key(key: str) -> HeaderAuth:
    return HeaderAuth("App", key)


def infobip_ibsso(token: str) -> HeaderAuth:
    return HeaderAuth("IBSSO", token)


def bearer(token: str) -> HeaderAuth:
    return HeaderAuth("Bearer", token)


def basic(username: str, password: str) -> HeaderAuth:
    return HeaderAuth("Basic", basic_credentials(username, password))


class ClientCredentialsAuth(httpx.Auth):
    """OAuth2 client credentials (RFC 6749 section 4.4) with a cached, shared, self-refreshing token."""

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self._client_auth = Secret(basic_credentials(client_id, Secret(client_secret).reveal()))
        self.refresh_margin = refresh_margin
        self._clock = clock
        self._token: Secret | None = None
        self._expires_at = 0.0
        self._thread_lock = threading.Lock()
        self._async_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self.token_requests = 0  # how many times a token was fetched (observable in tests and logs)

    def __repr__(self) -> str:
        return f"ClientCredentialsAuth(token_url={self.token_url!r}, client_id={self.client_id!r}, secret='***')"

    # --- token state ---------------------------------------------------------------------------

    def _valid_token(self) -> Secret | None:
        if self._token is not None and self._clock() < self._expires_at - self.refresh_margin:
            return self._token
        return None

    def _token_request(self) -> httpx.Request:
        self.token_requests += 1
        return httpx.Request(
            "POST",
            self.token_url,
            headers={
                "Authorization": f"Basic {self._client_auth.reveal()}",
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
            content=b"grant_type=client_credentials",
        )

    def _store(self, response: httpx.Response) -> Secret:
        operation = "oauth2-token"
        if response.status_code != 200:
            raise status_error("bandwidth", operation, response.status_code, response.content, response.headers)
        try:
            data = json.loads(response.content)
            token, expires_in = data["access_token"], float(data["expires_in"])
            secret = Secret(token)
        except (ValueError, KeyError, TypeError, OverflowError) as exc:  # OverflowError: a 400-digit expires_in
            raise ProtocolError("bandwidth", operation, 200, "no access_token/expires_in", b"") from exc
        self._token, self._expires_at = secret, self._clock() + expires_in
        return secret

    def _async_lock(self) -> asyncio.Lock:
        import asyncio  # only async clients need it: a sync program does not pay for importing asyncio

        loop = asyncio.get_running_loop()
        lock = self._async_locks.get(loop)
        if lock is None:
            lock = self._async_locks[loop] = asyncio.Lock()
        return lock

    # --- flows ---------------------------------------------------------------------------------

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._valid_token()
        if token is None:
            with self._thread_lock:  # one fetch; the others wait and reuse its token
                token = self._valid_token()
                if token is None:
                    response = yield self._token_request()
                    response.read()
                    token = self._store(response)
        request.headers["Authorization"] = f"Bearer {token.reveal()}"
        response = yield request
        if response.status_code != 401:
            return
        with self._thread_lock:  # refresh once after a 401, unless another caller already did
            if self._token == token:
                self._token = None
                fresh = yield self._token_request()
                fresh.read()
                token = self._store(fresh)
            else:
                token = self._token or token
        request.headers["Authorization"] = f"Bearer {token.reveal()}"
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = self._valid_token()
        if token is None:
            async with self._async_lock():
                token = self._valid_token()
                if token is None:
                    response = yield self._token_request()
                    await response.aread()
                    token = self._store(response)
        request.headers["Authorization"] = f"Bearer {token.reveal()}"
        response = yield request
        if response.status_code != 401:
            return
        async with self._async_lock():
            if self._token == token:
                self._token = None
                fresh = yield self._token_request()
                await fresh.aread()
                token = self._store(fresh)
            else:
                token = self._token or token
        request.headers["Authorization"] = f"Bearer {token.reveal()}"
        yield request


__all__ = [
    "ClientCredentialsAuth",
    "HeaderAuth",
    "basic",
    "basic_credentials",
    "bearer",
    "infobip_api_key",
    "infobip_ibsso",
]
