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

import asyncio
import ssl
import weakref
from typing import Any

import aiohttp
import httpx

from ._constants import KEEPALIVE_EXPIRY, MAX_CONNECTIONS, MAX_RESPONSE_BYTES
from ._guard import ResponseTooLarge


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
    """An ``httpx.AsyncBaseTransport`` that sends through an ``aiohttp.ClientSession``.

    A session (and its pool) belongs to one event loop: it is opened on first use inside the running
    loop, and a client used again under another loop (a second ``asyncio.run``) gets a new session
    there. Bodies are read whole before returning, at most ``max_response_bytes`` of them: 2FA
    answers are small, and every failure then happens here, where it is classified.
    """

    def __init__(
        self,
        *,
        max_connections: int = MAX_CONNECTIONS,
        keepalive_expiry: float = KEEPALIVE_EXPIRY,
        ssl_context: ssl.SSLContext | None = None,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
    ) -> None:
        self._max_connections = max_connections
        self._keepalive_expiry = keepalive_expiry
        self._ssl_context = ssl_context
        self._max_response_bytes = max_response_bytes
        self._sessions: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aiohttp.ClientSession] = (
            weakref.WeakKeyDictionary()
        )

    def _session(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        session = self._sessions.get(loop)
        if session is None or session.closed:
            # httpx's own verification settings (certifi, SSL_CERT_FILE), so both transports trust the same CAs.
            context = self._ssl_context or httpx.create_ssl_context()
            connector = aiohttp.TCPConnector(
                limit=self._max_connections, keepalive_timeout=self._keepalive_expiry, ssl=context
            )
            session = self._sessions[loop] = aiohttp.ClientSession(connector=connector, auto_decompress=False)
        return session

    async def _read(self, answer: aiohttp.ClientResponse, request: httpx.Request) -> bytes:
        body = bytearray()
        async for chunk in answer.content.iter_chunked(65_536):
            body += chunk
            if len(body) > self._max_response_bytes:
                raise ResponseTooLarge(f"the answer is larger than {self._max_response_bytes} bytes", request=request)
        return bytes(body)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._session()
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
                body = await self._read(answer, request)
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise _as_httpx_error(exc, request) from exc
        except ValueError:  # aiohttp refusing what it was given to send (a header with CR/LF)
            raise httpx.LocalProtocolError("aiohttp refused the request", request=request) from None
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
        """Closes the session of the running loop; sessions of loops that are gone are dropped."""
        loop = asyncio.get_running_loop()
        sessions = list(self._sessions.items())
        self._sessions.clear()
        for owner, session in sessions:
            if owner is loop:
                await session.close()
