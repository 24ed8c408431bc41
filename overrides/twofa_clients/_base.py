"""What both vendors' clients share: building the httpx clients the generated code runs on."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import Any, ClassVar, Generic, Protocol, Self, TypeVar, cast

import httpx

from . import _validate
from ._call import CallContext, CallLimits, arecord_response, record_response
from ._guard import ACCEPT_ENCODING, AsyncGuardedTransport, GuardedTransport
from ._retry import RetryPolicy
from ._vendor import VendorProfile

__version__ = "0.1.0"

TransportT = TypeVar("TransportT", httpx.BaseTransport, httpx.AsyncBaseTransport)

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

    def set_httpx_client(self, client: httpx.Client) -> Any: ...

    def set_async_httpx_client(self, client: httpx.AsyncClient) -> Any: ...


class _Auth(Protocol):
    def secret_values(self) -> Iterator[str]: ...


class ClientSettings(Generic[TransportT]):
    """What every vendor client holds, checked once when it is built.

    The vendor base classes (``_InfobipBase``, ``_BandwidthBase``) take the credentials; this takes
    the rest. ``TransportT`` is ``httpx.BaseTransport`` for sync clients and
    ``httpx.AsyncBaseTransport`` for async ones, so mypy refuses the wrong kind.
    """

    profile: ClassVar[VendorProfile]
    base_url: str
    _auth: httpx.Auth
    _transport: TransportT | None
    _generated: _GeneratedClient
    _ctx: CallContext

    def _settings(
        self,
        *,
        base_url: str,
        timeout: httpx.Timeout | float,
        retry: RetryPolicy | None,
        transport: TransportT | None,
        headers: Mapping[str, str] | None,
        limits: CallLimits | None,
    ) -> None:
        self.base_url = base_url
        self._timeout = check_timeout(timeout)
        if retry is not None and not isinstance(retry, RetryPolicy):
            raise TypeError(f"retry must be a RetryPolicy, not {type(retry).__name__}")
        if limits is not None and not isinstance(limits, CallLimits):
            raise TypeError(f"limits must be a CallLimits, not {type(limits).__name__}")
        self._retry = retry or RetryPolicy()
        self._limits = limits or CallLimits()
        self._transport = transport
        self._headers = _validate.headers(headers)

    def _connect(self) -> None:
        """Builds the httpx client the generated code runs on (sync or async: see the lifecycles)."""
        raise NotImplementedError

    def _context(self, is_closed: Callable[[], bool]) -> CallContext:
        auth = cast(_Auth, self._auth)
        return CallContext(self.profile, self._retry, self._limits, auth.secret_values, is_closed)


class SyncLifecycle(ClientSettings[httpx.BaseTransport]):
    """A synchronous vendor client: ``close()`` and ``with``-support."""

    def _connect(self) -> None:
        client = sync_httpx_client(
            self.base_url, self._auth, self._timeout, self._transport, self._headers, self._limits.max_response_bytes
        )
        self._generated.set_httpx_client(client)
        self._ctx = self._context(lambda: client.is_closed)

    def close(self) -> None:
        self._generated.get_httpx_client().close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncLifecycle(ClientSettings[httpx.AsyncBaseTransport]):
    """An asynchronous vendor client: ``aclose()`` and ``async with``-support."""

    def _connect(self) -> None:
        client = async_httpx_client(
            self.base_url, self._auth, self._timeout, self._transport, self._headers, self._limits.max_response_bytes
        )
        self._generated.set_async_httpx_client(client)
        self._ctx = self._context(lambda: client.is_closed)

    async def aclose(self) -> None:
        await self._generated.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
