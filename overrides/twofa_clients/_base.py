"""What both vendors' clients share: building the httpx clients the generated code runs on."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Protocol, Self

import httpx

from ._call import arecord_response, record_response

__version__ = "0.1.0"

# 2FA calls are small and user-facing: fail fast rather than keep a user waiting for a code.
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=3.0)
USER_AGENT = f"twofa-clients/{__version__}"


def _headers(extra: dict[str, str] | None) -> dict[str, str]:
    return {"User-Agent": USER_AGENT, "Accept": "application/json", **(extra or {})}


def sync_httpx_client(
    base_url: str,
    auth: httpx.Auth,
    timeout: httpx.Timeout | float,
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
    headers: dict[str, str] | None = None,
) -> httpx.Client:
    kwargs: dict[str, Any] = {}
    if isinstance(transport, httpx.BaseTransport):
        kwargs["transport"] = transport
    return httpx.Client(
        base_url=base_url,
        auth=auth,
        timeout=timeout,
        headers=_headers(headers),
        follow_redirects=False,
        event_hooks={"response": [record_response]},
        **kwargs,
    )


def async_httpx_client(
    base_url: str,
    auth: httpx.Auth,
    timeout: httpx.Timeout | float,
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
    headers: dict[str, str] | None = None,
) -> httpx.AsyncClient:
    if isinstance(transport, httpx.AsyncBaseTransport):
        async_transport = transport
    else:
        from ._aiohttp import AiohttpTransport  # aiohttp loads only when an async client is built

        async_transport = AiohttpTransport()
    return httpx.AsyncClient(
        base_url=base_url,
        auth=auth,
        timeout=timeout,
        headers=_headers(headers),
        follow_redirects=False,
        event_hooks={"response": [arecord_response]},
        transport=async_transport,
    )


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
