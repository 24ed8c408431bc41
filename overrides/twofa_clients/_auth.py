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
import math
import re
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any

import httpx

from . import _validate
from ._constants import (
    DEFAULT_REFRESH_MARGIN,
    MAX_ERROR_BODY_BYTES,
    MAX_TOKEN_CHARS,
    MAX_TOKEN_LIFETIME,
    REFRESH_MARGIN_FRACTION,
    UNKNOWN_TOKEN_LIFETIME,
)
from ._errors import InvalidArgumentError, OAuthTokenError, Vendor
from ._guard import TOKEN_REQUEST, time_left
from ._secrets import Secret

# RFC 6750 b64token: what a bearer token may contain, so it is safe as a header value.
_BEARER_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")

if TYPE_CHECKING:
    import asyncio


def basic_credentials(username: str, password: str, *, names: tuple[str, str] = ("username", "password")) -> str:
    """RFC 7617: base64 of ``user:password`` in UTF-8 (both checked first, never echoed)."""
    _validate.credential(names[0], username, in_header=False)
    _validate.credential(names[1], password, in_header=False)
    if ":" in username:
        raise InvalidArgumentError(f"a Basic-auth {names[0]} cannot contain ':'")
    return base64.b64encode(f"{username}:{password}".encode()).decode("ascii")


class HeaderAuth(httpx.Auth):
    """``Authorization: <scheme> <credential>`` on every request."""

    def __init__(self, scheme: str, credential: str, *, also_secret: tuple[str, ...] = ()) -> None:
        self.scheme = scheme
        self._header = Secret(f"{scheme} {Secret(credential).reveal()}")
        # What errors and logs must never show: the credential as sent, and what it was made of.
        self._secrets = tuple(Secret(value) for value in (credential, *also_secret) if value)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header.reveal()
        yield request

    def secret_values(self) -> Iterator[str]:
        return (secret.reveal() for secret in self._secrets)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(scheme={self.scheme!r}, credential='***')"


def infobip_api_key(key: str) -> HeaderAuth:
    return HeaderAuth("App", _validate.credential("api_key", key, in_header=True))


def infobip_ibsso(token: str) -> HeaderAuth:
    return HeaderAuth("IBSSO", _validate.credential("ibsso_token", token, in_header=True))


def bearer(token: str) -> HeaderAuth:
    return HeaderAuth("Bearer", _validate.credential("bearer_token", token, in_header=True))


def basic(username: str, password: str) -> HeaderAuth:
    return HeaderAuth("Basic", basic_credentials(username, password), also_secret=(password,))


def token_lifetime(expires_in: Any) -> float:
    """Seconds a token lives: ``expires_in`` when it is a sane positive number, else a bounded default.

    Zero, negative, NaN, infinite, boolean, missing and non-numeric values all mean "unknown"; a
    401 still replaces the token at once, so a wrong guess costs one extra request.
    """
    if isinstance(expires_in, bool) or not isinstance(expires_in, int | float | str):
        return UNKNOWN_TOKEN_LIFETIME
    try:
        seconds = float(expires_in)
    except (ValueError, OverflowError):
        return UNKNOWN_TOKEN_LIFETIME
    if not math.isfinite(seconds) or seconds <= 0:
        return UNKNOWN_TOKEN_LIFETIME
    return min(seconds, MAX_TOKEN_LIFETIME)


def _truncated(body: bytes) -> bytes:
    return body[:MAX_ERROR_BODY_BYTES]


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
        self.vendor: Vendor = "bandwidth"
        self._client_secret = Secret(client_secret)
        self._client_auth = Secret(basic_credentials(client_id, client_secret, names=("client_id", "client_secret")))
        self.refresh_margin = refresh_margin
        self._clock = clock
        self._token: Secret | None = None
        self._expires_at = 0.0
        self._margin = 0.0
        self._thread_lock = threading.Lock()
        self._async_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self.token_requests = 0  # how many times a token was fetched (observable in tests and logs)

    def __repr__(self) -> str:
        return f"ClientCredentialsAuth(token_url={self.token_url!r}, client_id={self.client_id!r}, secret='***')"

    # --- token state ---------------------------------------------------------------------------

    def secret_values(self) -> Iterator[str]:
        yield self._client_secret.reveal()
        yield self._client_auth.reveal()
        token = self._token
        if token is not None:
            yield token.reveal()

    def _valid_token(self) -> Secret | None:
        if self._token is not None and self._clock() < self._expires_at - self._margin:
            return self._token
        return None

    def _token_request(self, api_request: httpx.Request) -> httpx.Request:
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
            # httpx gives a client's timeouts only to the request passed to send(): the token
            # request made inside the flow gets the API request's, and is marked for the guard.
            extensions={"timeout": api_request.extensions.get("timeout", {}), TOKEN_REQUEST: True},
        )

    def _failure(self, message: str, response: httpx.Response | None = None) -> OAuthTokenError:
        if response is None:
            return OAuthTokenError(message, vendor=self.vendor)
        body = _truncated(response.content)
        code = None
        try:
            data = json.loads(body)
            if isinstance(data, dict) and isinstance(data.get("error"), str):
                code = data["error"][:100]  # RFC 6749 section 5.2: "invalid_client" and friends
        except (ValueError, RecursionError):
            pass
        return OAuthTokenError(message, vendor=self.vendor, status_code=response.status_code, code=code, body=body)

    def _store(self, response: httpx.Response) -> Secret:
        if response.status_code != 200:
            raise self._failure(f"the token endpoint answered HTTP {response.status_code}", response)
        try:
            data = json.loads(response.content)
            token = data["access_token"]
        except (ValueError, KeyError, TypeError, RecursionError):
            raise self._failure("the token endpoint's answer has no access_token", response) from None
        if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS or not _BEARER_TOKEN.fullmatch(token):
            # Never echoed: a token with CR/LF would otherwise leak in httpx's "illegal header" errors.
            raise self._failure("the token endpoint's access_token is not a valid bearer token", response)
        lifetime = token_lifetime(data.get("expires_in") if isinstance(data, dict) else None)
        secret = Secret(token)
        self._token, self._expires_at = secret, self._clock() + lifetime
        self._margin = min(self.refresh_margin, lifetime * REFRESH_MARGIN_FRACTION)
        return secret

    def _read_failed(self, exc: Exception) -> OAuthTokenError:
        return self._failure(f"reading the token endpoint's answer failed: {type(exc).__name__}")

    def _acquire_thread_lock(self) -> None:
        """Wait for another caller's token request no longer than this call's deadline allows."""
        left = time_left()
        if not self._thread_lock.acquire(timeout=-1 if left is None else max(left, 0.0)):
            raise OAuthTokenError("timed out waiting for the token another call is fetching", vendor=self.vendor)

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
            self._acquire_thread_lock()  # one fetch; the others wait and reuse its token
            try:
                token = self._valid_token()
                if token is None:
                    token = yield from self._fetch(request)
            finally:
                self._thread_lock.release()
        request.headers["Authorization"] = f"Bearer {token.reveal()}"
        response = yield request
        if response.status_code != 401:
            return
        self._acquire_thread_lock()  # refresh once after a 401, unless another caller already did
        try:
            if self._token == token:
                self._token = None
                token = yield from self._fetch(request)
            else:
                token = self._token or token
        finally:
            self._thread_lock.release()
        request.headers["Authorization"] = f"Bearer {token.reveal()}"
        yield request

    def _fetch(self, api_request: httpx.Request) -> Generator[httpx.Request, httpx.Response, Secret]:
        response = yield self._token_request(api_request)
        try:
            response.read()
        except httpx.HTTPError as exc:
            raise self._read_failed(exc) from exc
        return self._store(response)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = self._valid_token()
        if token is None:
            async with self._async_lock():  # the call's deadline (asyncio.timeout) bounds the wait
                token = self._valid_token()
                if token is None:
                    response = yield self._token_request(request)
                    token = await self._astore(response)
        request.headers["Authorization"] = f"Bearer {token.reveal()}"
        response = yield request
        if response.status_code != 401:
            return
        async with self._async_lock():
            if self._token == token:
                self._token = None
                fresh = yield self._token_request(request)
                token = await self._astore(fresh)
            else:
                token = self._token or token
        request.headers["Authorization"] = f"Bearer {token.reveal()}"
        yield request

    async def _astore(self, response: httpx.Response) -> Secret:
        try:
            await response.aread()
        except httpx.HTTPError as exc:
            raise self._read_failed(exc) from exc
        return self._store(response)


__all__ = [
    "ClientCredentialsAuth",
    "HeaderAuth",
    "basic",
    "basic_credentials",
    "bearer",
    "infobip_api_key",
    "infobip_ibsso",
    "token_lifetime",
]
