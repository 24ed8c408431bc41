"""The async clients' default transport: httpx on top, aiohttp's connection pool underneath.

Why: with httpx's own async pool (httpcore on anyio), one call over loopback costs several times the
CPU of a sync call, and at 50 concurrent calls the pool's bookkeeping dominates: `make bench`
measured raw ``httpx.AsyncClient`` at about 600 calls/s at concurrency 50 against the mock, less than
one official SDK doing one call at a time (~1000/s). The same httpx client over this transport
reached about 2000-2500 calls/s. The generated code and the layer still see a plain
``httpx.AsyncClient``; only the socket work moves to aiohttp (also what the Stainless SDKs offer).

Why not the ``httpx-aiohttp`` package: it maps every ``aiohttp.ClientConnectionError``, including a
server that disconnects after receiving the request, to ``httpx.ConnectTimeout``, which says "never
sent" and would make a send retryable: a second SMS. Here only failures that happen before a
connection exists map to ``ConnectError``/``ConnectTimeout``; everything else says "may have
reached the server".

aiohttp is imported when the first async client is built, not when the package is.
"""

from __future__ import annotations

import ssl
from typing import Any

import aiohttp
import httpx

# httpx's default: an idle connection is dropped after 5 s, well before servers drop it themselves.
KEEPALIVE_EXPIRY = 5.0
MAX_CONNECTIONS = 100


def _as_httpx_error(exc: Exception, request: httpx.Request) -> httpx.TransportError:
    """The httpx exception that says as much as is known about whether the request left."""
    message = f"{type(exc).__name__}: {exc}"
    error: type[httpx.TransportError]
    # Before a connection exists: the server cannot have seen the request.
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        error = httpx.ConnectTimeout
    elif isinstance(exc, aiohttp.ClientConnectorError | aiohttp.ServerFingerprintMismatch):
        error = httpx.ConnectError
    elif isinstance(exc, aiohttp.InvalidURL | aiohttp.NonHttpUrlClientError):
        error = httpx.UnsupportedProtocol
    # After: the request may have been received and acted on.
    elif isinstance(exc, aiohttp.SocketTimeoutError | aiohttp.ServerTimeoutError | TimeoutError):
        error = httpx.ReadTimeout
    elif isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError | aiohttp.ClientResponseError):
        error = httpx.RemoteProtocolError
    else:  # ClientOSError, a reset connection, any other aiohttp failure
        error = httpx.ReadError
    return error(message, request=request)


class AiohttpTransport(httpx.AsyncBaseTransport):
    """An ``httpx.AsyncBaseTransport`` that sends through one ``aiohttp.ClientSession``.

    The session (and its pool) is opened on first use, inside the running event loop, and belongs
    to that loop. Bodies are read whole before returning: 2FA answers are small, and every failure
    then happens here, where it is classified.
    """

    def __init__(
        self,
        *,
        max_connections: int = MAX_CONNECTIONS,
        keepalive_expiry: float = KEEPALIVE_EXPIRY,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._max_connections = max_connections
        self._keepalive_expiry = keepalive_expiry
        self._ssl_context = ssl_context
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        # httpx's own verification settings (certifi, SSL_CERT_FILE), so both transports trust the same CAs.
        context = self._ssl_context or httpx.create_ssl_context()
        connector = aiohttp.TCPConnector(
            limit=self._max_connections, keepalive_timeout=self._keepalive_expiry, ssl=context
        )
        self._session = aiohttp.ClientSession(connector=connector, auto_decompress=False)
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._session or self._open()
        timeouts: dict[str, Any] = request.extensions.get("timeout", {})
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=timeouts.get("pool"),  # waiting for a pooled connection, and opening one
            sock_connect=timeouts.get("connect"),
            sock_read=timeouts.get("read"),
        )
        content = await request.aread()
        try:
            async with session.request(
                request.method,
                str(request.url),
                headers=request.headers.multi_items(),
                data=content or None,
                allow_redirects=False,  # httpx follows redirects itself when asked to
                timeout=timeout,
            ) as answer:
                body = await answer.read()
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise _as_httpx_error(exc, request) from exc
        reason = (answer.reason or "").encode("latin-1", errors="replace")
        extensions = {"http_version": b"HTTP/1.1", "reason_phrase": reason}
        return httpx.Response(
            answer.status,
            headers=answer.raw_headers,
            stream=httpx.ByteStream(body),
            request=request,
            extensions=extensions,
        )

    async def aclose(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()
