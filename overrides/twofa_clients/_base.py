"""What both vendors' clients share: building the httpx clients the generated code runs on."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Protocol, Self

import httpx

from ._call import arecord_response, record_response
from ._guard import ACCEPT_ENCODING, AsyncGuardedTransport, GuardedTransport

__version__ = "0.1.0"

USER_AGENT = f"twofa-clients/{__version__}"


def _headers(extra: dict[str, str]) -> dict[str, str]:
    # Only the encodings the guard decodes, with its bounds (httpx would also offer br and zstd).
    return {"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": ACCEPT_ENCODING, **extra}


def check_timeout(timeout: object) -> httpx.Timeout | float:
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 0 < timeout < 1e6:
        raise TypeError(f"timeout must be an httpx.Timeout or a positive number of seconds, not {timeout!r}")
    return timeout


def _guard_mounts(client: httpx.Client | httpx.AsyncClient, guard: Any, limit: int) -> None:
    """Proxy transports that httpx mounts from the environment (HTTPS_PROXY...) are guarded too."""
    mounts = getattr(client, "_mounts", None)  # private in httpx 0.23-0.28 (pinned in pyproject.toml)
    if isinstance(mounts, dict):
        for pattern, mounted in list(mounts.items()):
            if mounted is not None:
                mounts[pattern] = guard(mounted, max_response_bytes=limit)


def sync_httpx_client(
    base_url: str,
    auth: httpx.Auth,
    timeout: httpx.Timeout | float,
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
    headers: dict[str, str],
    max_response_bytes: int,
) -> httpx.Client:
    if transport is not None and not isinstance(transport, httpx.BaseTransport):
        raise TypeError(f"a sync client needs an httpx.BaseTransport, not {type(transport).__name__}")
    client = httpx.Client(
        base_url=base_url,
        auth=auth,
        timeout=timeout,
        headers=_headers(headers),
        follow_redirects=False,
        event_hooks={"response": [record_response]},
        transport=GuardedTransport(transport or httpx.HTTPTransport(), max_response_bytes=max_response_bytes),
    )
    _guard_mounts(client, GuardedTransport, max_response_bytes)
    return client


def async_httpx_client(
    base_url: str,
    auth: httpx.Auth,
    timeout: httpx.Timeout | float,
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
    headers: dict[str, str],
    max_response_bytes: int,
) -> httpx.AsyncClient:
    if isinstance(transport, httpx.AsyncBaseTransport):
        async_transport = transport
    elif transport is None:
        from ._aiohttp import AiohttpTransport  # aiohttp loads only when an async client is built

        async_transport = AiohttpTransport(max_response_bytes=max_response_bytes)
    else:
        raise TypeError(f"an async client needs an httpx.AsyncBaseTransport, not {type(transport).__name__}")
    client = httpx.AsyncClient(
        base_url=base_url,
        auth=auth,
        timeout=timeout,
        headers=_headers(headers),
        follow_redirects=False,
        event_hooks={"response": [arecord_response]},
        transport=AsyncGuardedTransport(async_transport, max_response_bytes=max_response_bytes),
    )
    _guard_mounts(client, AsyncGuardedTransport, max_response_bytes)
    return client


class _GeneratedClient(Protocol):
    """The part of the generated ``Client``/``AuthenticatedClient`` the lifecycles use."""

    def get_httpx_client(self) -> httpx.Client: ...

    def get_async_httpx_client(self) -> httpx.AsyncClient: ...


class _HasGenerated(Protocol):
    @property
    def _generated(self) -> _GeneratedClient: ...


class SyncLifecycle:
    """``close()`` and ``with``-support for a synchronous vendor client."""

    def close(self: _HasGenerated) -> None:
        self._generated.get_httpx_client().close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self: _HasGenerated, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        SyncLifecycle.close(self)


class AsyncLifecycle:
    """``aclose()`` and ``async with``-support for an asynchronous vendor client."""

    async def aclose(self: _HasGenerated) -> None:
        await self._generated.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self: _HasGenerated, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await AsyncLifecycle.aclose(self)
